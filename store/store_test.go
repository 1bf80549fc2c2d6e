package store

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/roster"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// openTest opens a migrated store on a fresh database.
func openTest(t *testing.T) *Store { return openTestTB(t) }

// openTestTB is openTest for tests and benchmarks.
func openTestTB(t testing.TB) *Store {
	t.Helper()
	s, err := OpenMigrated(context.Background(), pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	return s
}

// openWithRoster opens a migrated store on a fresh database with the
// roster of the roster package's tests imported.
func openWithRoster(t *testing.T) *Store {
	t.Helper()
	s := openTest(t)
	if _, err := s.ImportRoster(context.Background(), goodRoster(t), admin); err != nil {
		t.Fatal(err)
	}
	return s
}

// goodRoster is the small hand-written roster of the roster package's tests.
func goodRoster(t *testing.T) election.Roster {
	t.Helper()
	r, err := roster.ReadDir(filepath.Join("..", "roster", "testdata", "good"), election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestOpenBadURL(t *testing.T) {
	ctx := context.Background()
	if _, err := Open(ctx, "not a url"); err == nil {
		t.Error("malformed URL accepted")
	}
	if _, err := Open(ctx, "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2"); err == nil {
		t.Error("unreachable server accepted")
	}
}
