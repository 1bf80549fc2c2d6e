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

	"electionflow/internal/config"
	"electionflow/internal/logging"
	"electionflow/internal/wiring"
	"electionflow/ops"
	"electionflow/store"
)

func main() {
	fs := flag.NewFlagSet("webapp", flag.ExitOnError)
	addr := fs.String("addr", "127.0.0.1:8090", "address to listen on")
	secure := fs.Bool("secure-cookies", false, "mark cookies Secure even on plain HTTP (behind a TLS proxy)")
	ui := fs.String("temporal-ui", "http://127.0.0.1:8233/namespaces/default", "Temporal UI base URL for a namespace, for the board's links (empty: no links)")
	xff := fs.Bool("trust-forwarded-for", false, "throttle sign-ins by the last X-Forwarded-For address, not the connection's: only behind a reverse proxy that appends it")
	hashes := fs.Int("signin-hashes", 0, "password checks (46 MiB each) that may run at once; 0: one per core, at most 4")
	_ = fs.Parse(os.Args[1:])
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts := wiring.WebOptions{TemporalUIURL: *ui, SecureCookies: *secure, TrustForwardedFor: *xff, ConcurrentHashes: *hashes}
	if err := run(ctx, *addr, opts); err != nil {
		fmt.Fprintf(os.Stderr, "webapp: %v\n", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, addr string, opts wiring.WebOptions) error {
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
	tc, err := wiring.Dial(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer tc.Close()
	opts.DatabaseURL = dbURL
	srv, closeWeb, err := wiring.WebServer(ctx, s, &ops.Ops{Temporal: tc, Store: s, TaskQueue: cfg.TaskQueue}, opts, log)
	if err != nil {
		return err
	}
	defer closeWeb()
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
