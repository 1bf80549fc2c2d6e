// Command webapp serves electionflow's web front end and JSON API
// (package web) for staff and managers: it applies the database schema,
// connects to Temporal and listens on --addr until interrupted.
//
// Configuration: DATABASE_URL for Postgres; TEMPORAL_ADDRESS,
// TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_* and temporal.toml
// profiles for Temporal; ELECTIONFLOW_TASK_QUEUE and ELECTIONFLOW_LOG_LEVEL.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/jackc/pgx/v5/pgxpool"

	"electionflow/internal/config"
	"electionflow/internal/logging"
	"electionflow/internal/wiring"
	"electionflow/ops"
	"electionflow/store"
	"electionflow/web"
)

func main() {
	fs := flag.NewFlagSet("webapp", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:8090", "address to listen on")
	secure := fs.Bool("secure-cookies", false, "mark cookies Secure even on plain HTTP (behind a TLS proxy)")
	ui := fs.String("temporal-ui", "http://127.0.0.1:8233/namespaces/default", "Temporal UI base URL for a namespace, for the board's links (empty: no links)")
	_ = fs.Parse(os.Args[1:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *addr, *secure, *ui); err != nil {
		fmt.Fprintf(os.Stderr, "webapp: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, addr string, secure bool, ui string) error {
	cfg, err := config.FromEnv(nil)
	if err != nil {
		return err
	}
	log := logging.New(os.Stderr, cfg.LogLevel)
	dbURL, err := cfg.RequireDatabaseURL()
	if err != nil {
		return err
	}
	s, err := store.OpenMigrated(ctx, dbURL)
	if err != nil {
		return err
	}
	defer s.Close()
	// The sessions get a small pool of their own.
	poolCfg, err := pgxpool.ParseConfig(dbURL)
	if err != nil {
		return fmt.Errorf("sessions: %w", err)
	}
	poolCfg.MaxConns = 4
	pool, err := pgxpool.NewWithConfig(ctx, poolCfg)
	if err != nil {
		return fmt.Errorf("sessions: %w", err)
	}
	defer pool.Close()
	sessions := pgxstore.NewWithCleanupInterval(pool, 10*time.Minute)
	defer sessions.StopCleanup()

	tc, err := wiring.Dial(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer tc.Close()

	srv := &web.Server{Store: s, Ops: &ops.Ops{Temporal: tc, Store: s, TaskQueue: cfg.TaskQueue},
		Sessions: sessions, SecureCookies: secure, TemporalUIURL: ui, Log: log}
	hs := &http.Server{Addr: addr, Handler: srv.Handler(), ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout: 30 * time.Second, WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- hs.ListenAndServe() }()
	log.Info().Str("addr", "http://"+addr).Msg("webapp: serving")
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", addr, err)
	case <-ctx.Done():
	}
	shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := hs.Shutdown(shutdown); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("shut down: %w", err)
	}
	return nil
}
