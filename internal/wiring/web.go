package wiring

import (
	"context"
	"fmt"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rs/zerolog"

	"electionflow/ops"
	"electionflow/store"
	"electionflow/web"
)

// WebOptions are the settings of the web front end.
type WebOptions struct {
	// DatabaseURL holds the sessions, in a small pool of their own.
	DatabaseURL string
	// TemporalUIURL is the Temporal UI's base for the namespace, for links
	// from the board; empty: no links.
	TemporalUIURL string
	// SecureCookies marks cookies Secure behind a TLS-terminating proxy.
	SecureCookies bool
	// TrustForwardedFor throttles sign-ins by the last X-Forwarded-For
	// address: only behind a reverse proxy that appends it.
	TrustForwardedFor bool
	// ConcurrentHashes bounds the sign-in password checks running at once
	// (0: web's default).
	ConcurrentHashes int
}

// WebServer builds the web front end over s and o; close releases its
// session pool. webapp and devstack serve the same thing this way.
func WebServer(ctx context.Context, s *store.Store, o *ops.Ops, opts WebOptions, log zerolog.Logger) (*web.Server, func(), error) {
	cfg, err := pgxpool.ParseConfig(opts.DatabaseURL)
	if err != nil {
		return nil, nil, fmt.Errorf("web sessions: %w", err)
	}
	cfg.MaxConns = 4
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("web sessions: %w", err)
	}
	sessions := pgxstore.NewWithCleanupInterval(pool, 10*time.Minute)
	srv := &web.Server{Store: s, Ops: o, Sessions: sessions, SecureCookies: opts.SecureCookies,
		TrustForwardedFor: opts.TrustForwardedFor, ConcurrentHashes: opts.ConcurrentHashes,
		TemporalUIURL: opts.TemporalUIURL, Log: log}
	return srv, func() { sessions.StopCleanup(); pool.Close() }, nil
}
