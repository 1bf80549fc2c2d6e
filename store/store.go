// Package store is electionflow's system of record in PostgreSQL and the
// only package that speaks SQL. It owns the schema (embedded goose
// migrations, applied by every binary at start), the roster import, the
// task inbox, certificates and the append-only audit log. Every write is
// keyed by a natural identifier and guarded by a unique constraint, so an
// activity that Temporal runs twice never duplicates a row.
package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// Store is a pool of connections to the electionflow database, or one
// transaction on it (see InTx).
type Store struct {
	pool *pgxpool.Pool
	// db runs the statements: the pool, or the transaction of InTx, in
	// which a method's own transaction becomes a savepoint.
	db querier
}

// querier is what both a pool and a transaction offer.
type querier interface {
	Begin(ctx context.Context) (pgx.Tx, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	SendBatch(ctx context.Context, b *pgx.Batch) pgx.BatchResults
	CopyFrom(ctx context.Context, table pgx.Identifier, columns []string, rows pgx.CopyFromSource) (int64, error)
}

// InTx runs fn with a Store whose every method runs inside one
// transaction, committed when fn returns nil and rolled back otherwise.
// It lets a caller group writes that must land together (a completion,
// the tasks it opens and the progress it moves) without a method per
// combination.
func (s *Store) InTx(ctx context.Context, fn func(tx *Store) error) error {
	return pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		return fn(&Store{pool: s.pool, db: tx})
	})
}

// Open connects to the database at url and checks that it answers. It does
// not migrate; call Migrate.
func Open(ctx context.Context, url string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(url)
	if err != nil {
		return nil, fmt.Errorf("store: parse DATABASE_URL: %w", err)
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("store: connect: %w", err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("store: connect to %s:%d/%s: %w", cfg.ConnConfig.Host, cfg.ConnConfig.Port, cfg.ConnConfig.Database, err)
	}
	return &Store{pool: pool, db: pool}, nil
}

// OpenMigrated opens the database and brings its schema up to date, as
// every binary does at start.
func OpenMigrated(ctx context.Context, url string) (*Store, error) {
	s, err := Open(ctx, url)
	if err != nil {
		return nil, err
	}
	if _, err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// Close releases every connection.
func (s *Store) Close() { s.pool.Close() }

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")
