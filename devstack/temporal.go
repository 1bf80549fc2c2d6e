package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"electionflow/devserver"
)

// temporalStore returns the devserver options that say where the embedded
// Temporal persists, as o asks, and a description for people: Postgres
// databases of its own on the server of dbURL (devstack's private cluster,
// or DATABASE_URL's), or SQLite under dataDir.
func temporalStore(o options, dataDir, dbURL string) (devserver.Options, string, error) {
	sqliteDir := filepath.Join(dataDir, "temporal")
	opts := devserver.Options{HistoryShards: int32(o.temporalShards)}
	switch o.temporalDB {
	case temporalSQLite:
		opts.DataDir = sqliteDir
		return opts, "SQLite in " + filepath.Join(sqliteDir, devserver.DBFileName), nil
	case temporalPostgres:
		// A data folder from before devstack's Temporal moved to Postgres
		// keeps its workflows in SQLite, and electionflow's data there
		// refers to them: starting on an empty Temporal would orphan it.
		sqliteFile := filepath.Join(sqliteDir, devserver.DBFileName)
		if _, err := os.Stat(sqliteFile); err == nil && !o.temporalDBSet {
			return opts, "", fmt.Errorf("this data folder keeps Temporal's workflows in SQLite (%s): "+
				"run with -temporal-db sqlite to carry on with them, or -temporal-db postgres to start Temporal afresh on Postgres "+
				"(electionflow's data will refer to workflows Temporal no longer has; better remove %s and start anew)",
				sqliteFile, dataDir)
		} else if err != nil && !errors.Is(err, os.ErrNotExist) {
			return opts, "", fmt.Errorf("look for Temporal's SQLite file: %w", err)
		}
		pg, err := devserver.PostgresFromURL(dbURL)
		if err != nil {
			return opts, "", err
		}
		// Only Temporal's own two databases commit asynchronously: it
		// served x1.11 and x1.19 the updates per second (see
		// devserver.PostgresStore.AsyncCommit). A crash of Postgres or of
		// the machine (not of devstack) may lose Temporal's last fraction
		// of a second, and with it completions that electionflow's inbox
		// and audit log already hold: fine for a laptop, which is why a
		// production Temporal keeps synchronous commit.
		pg.AsyncCommit = true
		opts.Postgres = pg
		return opts, fmt.Sprintf("Postgres databases %s and %s on %s:%d",
			devserver.DefaultPostgresDatabase, devserver.DefaultPostgresVisibilityDatabase, pg.Host, pg.Port), nil
	default:
		return opts, "", fmt.Errorf("-temporal-db %q: want postgres or sqlite", o.temporalDB)
	}
}
