package devserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"go.temporal.io/server/common/config"
	pgplugin "go.temporal.io/server/common/persistence/sql/sqlplugin/postgresql"
	sqliteschema "go.temporal.io/server/schema/sqlite"
	"google.golang.org/protobuf/types/known/durationpb"
)

// Database names Temporal gets on a PostgreSQL server when PostgresStore
// leaves them empty: its own two, beside electionflow's, as a production
// Temporal on Postgres has.
const (
	DefaultPostgresDatabase           = "temporal"
	DefaultPostgresVisibilityDatabase = "temporal_visibility"
)

// Connection pools of the embedded server on Postgres. The server opens one
// pool for the main store and one for visibility; database/sql keeps only 2
// idle connections by default, so under load every burst opened and closed
// connections (a new Postgres backend each). Measured with load_test.go on
// the 2-core machine (4 shards, two rounds): database/sql's defaults 54.1
// and 59.6 updates/s (p99 279, 345 ms), these settings 67.3 and 74.2 (p99
// 348, 219 ms): x1.24 in both rounds.
const (
	// postgresMaxConns bounds each pool so that devstack, its worker and a
	// few worker processes stay well below Postgres's 100 connections.
	postgresMaxConns = 20
	// postgresMaxIdleConns keeps the whole pool open between bursts.
	postgresMaxIdleConns = 20
	// postgresMaxConnLifetime recycles connections now and then, as the
	// server's own sample configurations do.
	postgresMaxConnLifetime = time.Hour
)

// PostgresStore says where the embedded Temporal server persists when it
// uses PostgreSQL rather than SQLite: the server of electionflow's own
// database (devstack's private cluster, or DATABASE_URL's), with databases
// of Temporal's own that Start creates, and whose schema it creates and
// upgrades in-process from the schema embedded in go.temporal.io/server.
// The user must be allowed to create databases (CREATEDB) unless both
// databases exist already.
type PostgresStore struct {
	// Host is the server's host name or IP address; default 127.0.0.1.
	Host string
	// Port is the server's TCP port; default 5432.
	Port int
	// User and Password authenticate; Password may be empty (trust).
	User     string
	Password string
	// Database and VisibilityDatabase hold Temporal's executions and its
	// workflow list; default "temporal" and "temporal_visibility".
	Database           string
	VisibilityDatabase string
	// AdminDatabase is the database connected to while creating the two
	// above; default "postgres".
	AdminDatabase string
	// SSLMode is passed to the server as sslmode; default "disable", as
	// devstack's private cluster listens on loopback only.
	SSLMode string
	// AsyncCommit sets synchronous_commit=off on Temporal's two databases
	// (and only on them): a commit returns before its WAL reaches the
	// disk, so an operating-system crash may lose the last fraction of a
	// second of Temporal's writes but never corrupts them. Measured with
	// load_test.go on the 2-core machine (4 shards, two rounds): 60.8 and
	// 62.2 updates/s with synchronous commits, 67.3 and 74.2 without
	// (x1.11, x1.19). Leave it false for anything but a laptop or a
	// rehearsal; setting it false again turns the setting back to the
	// server's default (when the user owns the databases).
	AsyncCommit bool
}

// PostgresFromURL returns the PostgresStore of the server a connection
// string (postgres://... or key=value, as DATABASE_URL) points at, with
// Temporal's default database names: devstack uses electionflow's server
// for Temporal too.
func PostgresFromURL(databaseURL string) (*PostgresStore, error) {
	cfg, err := pgconn.ParseConfig(databaseURL)
	if err != nil {
		return nil, fmt.Errorf("devserver: parse Postgres connection string: %w", err)
	}
	sslMode := "disable"
	if cfg.TLSConfig != nil {
		sslMode = "require"
	}
	return &PostgresStore{
		Host: cfg.Host, Port: int(cfg.Port), User: cfg.User, Password: cfg.Password,
		SSLMode: sslMode,
	}, nil
}

// withDefaults returns a copy of p with every empty field defaulted.
func (p PostgresStore) withDefaults() PostgresStore {
	if p.Host == "" {
		p.Host = DefaultHost
	}
	if p.Port == 0 {
		p.Port = 5432
	}
	if p.User == "" {
		p.User = "postgres"
	}
	if p.Database == "" {
		p.Database = DefaultPostgresDatabase
	}
	if p.VisibilityDatabase == "" {
		p.VisibilityDatabase = DefaultPostgresVisibilityDatabase
	}
	if p.AdminDatabase == "" {
		p.AdminDatabase = "postgres"
	}
	if p.SSLMode == "" {
		p.SSLMode = "disable"
	}
	return p
}

// sqlConfig returns the server's SQL store configuration for database db.
func (p PostgresStore) sqlConfig(db string) *config.SQL {
	return &config.SQL{
		PluginName:        pgplugin.PluginNamePGX,
		ConnectAddr:       net.JoinHostPort(p.Host, strconv.Itoa(p.Port)),
		ConnectProtocol:   "tcp",
		User:              p.User,
		Password:          p.Password,
		DatabaseName:      db,
		ConnectAttributes: map[string]string{"sslmode": p.SSLMode},
		MaxConns:          postgresMaxConns,
		MaxIdleConns:      postgresMaxIdleConns,
		MaxConnLifetime:   postgresMaxConnLifetime,
	}
}

// connString is a pgx connection string to database db of p.
func (p PostgresStore) connString(db string) string {
	cs := fmt.Sprintf("host=%s port=%d user=%s dbname=%s sslmode=%s",
		quoteConnValue(p.Host), p.Port, quoteConnValue(p.User), quoteConnValue(db), quoteConnValue(p.SSLMode))
	if p.Password != "" {
		cs += " password=" + quoteConnValue(p.Password)
	}
	return cs
}

// quoteConnValue quotes a value of a key=value connection string.
func quoteConnValue(v string) string {
	out := []byte{'\''}
	for i := 0; i < len(v); i++ {
		if v[i] == '\'' || v[i] == '\\' {
			out = append(out, '\\')
		}
		out = append(out, v[i])
	}
	return string(append(out, '\''))
}

// preparePostgres creates Temporal's databases if missing, sets their
// commit mode, creates or upgrades their schema and registers namespace
// (with namespaceRetention) if it is missing, before the server starts.
// Every step is idempotent.
func preparePostgres(ctx context.Context, p PostgresStore, clusterName, namespace string) error {
	if err := createDatabases(ctx, p); err != nil {
		return err
	}
	if err := upgradeSchema(p.sqlConfig(p.Database), postgresMainSchema); err != nil {
		return fmt.Errorf("Temporal schema: %w", err)
	}
	if err := upgradeSchema(p.sqlConfig(p.VisibilityDatabase), postgresVisibilitySchema); err != nil {
		return fmt.Errorf("Temporal visibility schema: %w", err)
	}
	nsConf, err := sqliteschema.NewNamespaceConfig(clusterName, namespace, false, nil)
	if err != nil {
		return fmt.Errorf("build namespace %q: %w", namespace, err)
	}
	nsConf.Detail.Config.Retention = durationpb.New(namespaceRetention)
	// Despite its package, CreateNamespaces writes through the generic SQL
	// persistence layer, so it serves any SQL plugin.
	if err := sqliteschema.CreateNamespaces(p.sqlConfig(p.Database), nsConf); err != nil {
		return fmt.Errorf("register namespace %q in database %s: %w", namespace, p.Database, err)
	}
	return nil
}

// createDatabases creates p's two databases if they do not exist and sets
// synchronous_commit on them as p.AsyncCommit asks.
func createDatabases(ctx context.Context, p PostgresStore) error {
	conn, err := pgx.Connect(ctx, p.connString(p.AdminDatabase))
	if err != nil {
		return fmt.Errorf("connect to Postgres at %s:%d as %s: %w", p.Host, p.Port, p.User, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	for _, db := range []string{p.Database, p.VisibilityDatabase} {
		var exists bool
		if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", db).Scan(&exists); err != nil {
			return fmt.Errorf("look for database %s: %w", db, err)
		}
		name := pgx.Identifier{db}.Sanitize()
		if !exists {
			if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
				var pgErr *pgconn.PgError
				// 42P04: created by someone else meanwhile.
				if !errors.As(err, &pgErr) || pgErr.Code != "42P04" {
					return fmt.Errorf("create database %s: %w", db, err)
				}
			}
		}
		set := "ALTER DATABASE " + name + " RESET synchronous_commit"
		if p.AsyncCommit {
			set = "ALTER DATABASE " + name + " SET synchronous_commit = off"
		}
		if _, err := conn.Exec(ctx, set); err != nil {
			var pgErr *pgconn.PgError
			if !p.AsyncCommit && errors.As(err, &pgErr) && pgErr.Code == "42501" {
				continue // not the owner: leave the server's default alone
			}
			return fmt.Errorf("set synchronous_commit on database %s: %w", db, err)
		}
	}
	return nil
}
