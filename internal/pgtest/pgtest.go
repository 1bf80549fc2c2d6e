// Package pgtest gives tests a real PostgreSQL without anything running
// beforehand: Main starts a private server (package pglocal) for the test
// binary when DATABASE_URL is unset, and NewDatabase hands every test an
// empty database of its own on the server of DATABASE_URL.
//
// Use it from the TestMain of every package whose tests need Postgres:
//
//	func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
//
// and in a test:
//
//	pool, err := pgxpool.New(ctx, pgtest.NewDatabase(t))
//
// When DATABASE_URL is set (CI with a service container, a developer's own
// server), that server is used and must let the user create and drop
// databases. Otherwise each test binary starts its own cluster in a
// temporary folder (a second or two), removed afterwards; the PostgreSQL
// server binaries must be installed (see pglocal.FindBinaries).
package pgtest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"electionflow/pglocal"
)

// envDatabaseURL is the variable every electionflow program reads Postgres
// from.
const envDatabaseURL = "DATABASE_URL"

// Main runs the tests of a package and returns the exit code for os.Exit.
//
// When DATABASE_URL is unset it starts a private cluster (pglocal) in a new
// temporary folder, made searchable (0711) so that the server can run as
// another user when the tests run as root; sets DATABASE_URL to it for the
// duration of m.Run; then stops the cluster, removes the folder and unsets
// DATABASE_URL. It prints one line to stderr saying where the cluster runs.
// The cluster is durable-unsafe (fsync off) for speed. If the test binary
// is killed, the server stops by itself (Linux) but the folder is left in
// the temporary directory.
//
// When DATABASE_URL is set it just runs the tests against that server.
func Main(m *testing.M) int {
	if os.Getenv(envDatabaseURL) != "" {
		return m.Run()
	}
	dir, err := os.MkdirTemp("", "pgtest-")
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: create a folder for the private PostgreSQL: %v\n", err)
		return 1
	}
	defer func() {
		if err := os.RemoveAll(dir); err != nil {
			fmt.Fprintf(os.Stderr, "pgtest: remove %s: %v\n", dir, err)
		}
	}()
	// os.MkdirTemp makes 0700 folders; a server running as another user
	// (when we are root) must pass through this one.
	if err := os.Chmod(dir, 0o711); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: make %s searchable: %v\n", dir, err)
		return 1
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	c, err := pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(dir, "data"), NoFsync: true})
	cancel()
	if err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: DATABASE_URL is unset and a private PostgreSQL could not be started: %v\n", err)
		return 1
	}
	fmt.Fprintf(os.Stderr, "pgtest: private PostgreSQL on 127.0.0.1:%d, data in %s (DATABASE_URL=%s)\n", c.Port(), c.DataDir(), c.URL())

	if err := os.Setenv(envDatabaseURL, c.URL()); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: set %s: %v\n", envDatabaseURL, err)
		return 1
	}
	code := m.Run()
	_ = os.Unsetenv(envDatabaseURL)

	stopCtx, cancelStop := context.WithTimeout(context.Background(), time.Minute)
	defer cancelStop()
	if err := c.Stop(stopCtx); err != nil {
		fmt.Fprintf(os.Stderr, "pgtest: stop the private PostgreSQL: %v\n", err)
		if code == 0 {
			code = 1
		}
	}
	return code
}
