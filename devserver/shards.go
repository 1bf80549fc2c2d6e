package devserver

import (
	"context"
	stdsql "database/sql"
	"errors"
	"fmt"

	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/common/persistence"
	"go.temporal.io/server/common/persistence/serialization"
	"go.temporal.io/server/common/persistence/sql"
	"go.temporal.io/server/common/persistence/sql/sqlplugin"
	"go.temporal.io/server/common/resolver"
)

// ShardMismatchError is returned by Start when Options.HistoryShards asks for
// another number of history shards than the database was created with. A
// Temporal database keeps its shard count for life (workflows are placed on
// shards by a hash of their ID modulo the count), and the server itself
// would silently use the recorded count, so Start refuses instead of
// letting a flag lie.
type ShardMismatchError struct {
	// Store describes the database ("Postgres database temporal on ..." or
	// the SQLite file).
	Store string
	// Recorded is the count the database was created with; Wanted the one
	// asked for.
	Recorded, Wanted int32
}

func (e *ShardMismatchError) Error() string {
	return fmt.Sprintf("%s was created with %d history shards, and %d were asked for: "+
		"the count is fixed when the database is created; ask for %d (or 0 to use the recorded count), "+
		"or remove Temporal's databases to start afresh with %d (their workflows are lost)",
		e.Store, e.Recorded, e.Wanted, e.Recorded, e.Wanted)
}

// recordedShardCount returns the history shard count recorded in the
// cluster metadata of the database of cfg by the server's first start, or 0
// when the server has never started on it.
func recordedShardCount(ctx context.Context, cfg *config.SQL, cluster string) (int32, error) {
	db, err := sql.NewSQLDB(sqlplugin.DbKindMain, cfg, resolver.NewNoopResolver(), log.NewNoopLogger(), metrics.NoopMetricsHandler)
	if err != nil {
		return 0, fmt.Errorf("open database %s: %w", cfg.DatabaseName, err)
	}
	defer func() { _ = db.Close() }()
	row, err := db.GetClusterMetadata(ctx, &sqlplugin.ClusterMetadataFilter{ClusterName: cluster})
	if errors.Is(err, stdsql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("read cluster metadata from %s: %w", cfg.DatabaseName, err)
	}
	md, err := serialization.NewSerializer().DeserializeClusterMetadata(persistence.NewDataBlob(row.Data, row.DataEncoding))
	if err != nil {
		return 0, fmt.Errorf("decode cluster metadata from %s: %w", cfg.DatabaseName, err)
	}
	return md.GetHistoryShardCount(), nil
}

// resolveShardCount returns the history shard count to start the server
// with: the recorded one if the database has one (an error if wanted is
// set and differs), else wanted, else def.
func resolveShardCount(ctx context.Context, cfg *config.SQL, cluster, store string, wanted, def int32) (int32, error) {
	if wanted < 0 {
		return 0, fmt.Errorf("history shards %d: want a positive count (or 0 for the default)", wanted)
	}
	recorded, err := recordedShardCount(ctx, cfg, cluster)
	if err != nil {
		return 0, err
	}
	switch {
	case recorded > 0 && wanted > 0 && recorded != wanted:
		return 0, &ShardMismatchError{Store: store, Recorded: recorded, Wanted: wanted}
	case recorded > 0:
		return recorded, nil
	case wanted > 0:
		return wanted, nil
	default:
		return def, nil
	}
}
