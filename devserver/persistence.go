package devserver

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"go.temporal.io/server/common/config"
	sqliteplugin "go.temporal.io/server/common/persistence/sql/sqlplugin/sqlite"
	sqliteschema "go.temporal.io/server/schema/sqlite"
	"google.golang.org/protobuf/types/known/durationpb"
)

// namespaceRetention is how long closed workflows stay visible in a namespace
// this package registers. Election follow-up work runs for weeks, and staff
// look back at finished checklists, so the CLI's one day is far too short.
const namespaceRetention = 30 * 24 * time.Hour

// sqliteConfig returns the SQL store configuration for a SQLite database in
// the file dbFile, shared by the default and the visibility store.
// mode=rwc opens the file read-write and creates it if missing, as the
// Temporal CLI does for `temporal server start-dev --db-filename`.
func sqliteConfig(dbFile string) *config.SQL {
	return &config.SQL{
		PluginName:        sqliteplugin.PluginName,
		DatabaseName:      dbFile,
		ConnectAttributes: map[string]string{"mode": "rwc"},
	}
}

// prepareDatabase creates the Temporal schema in dbFile if the file does not
// exist yet, and registers namespace (with namespaceRetention) if it is
// missing, before the server starts: the server then finds the namespace at
// boot, with no wait for namespace caches. Both steps are idempotent; an
// existing namespace is left as it is.
func prepareDatabase(sqlConf *config.SQL, clusterName, namespace string) error {
	dbFile := sqlConf.DatabaseName
	_, statErr := os.Stat(dbFile)
	switch {
	case errors.Is(statErr, fs.ErrNotExist):
		if err := sqliteschema.SetupSchema(sqlConf); err != nil {
			// Do not leave a half-initialised file behind: the next start
			// would take it for a complete database.
			_ = os.Remove(dbFile)
			return fmt.Errorf("create Temporal schema in %s: %w", dbFile, err)
		}
	case statErr != nil:
		return fmt.Errorf("check database file %s: %w", dbFile, statErr)
	}

	nsConf, err := sqliteschema.NewNamespaceConfig(clusterName, namespace, false, nil)
	if err != nil {
		return fmt.Errorf("build namespace %q: %w", namespace, err)
	}
	nsConf.Detail.Config.Retention = durationpb.New(namespaceRetention)
	if err := sqliteschema.CreateNamespaces(sqlConf, nsConf); err != nil {
		return fmt.Errorf("register namespace %q in %s: %w", namespace, dbFile, err)
	}
	return nil
}
