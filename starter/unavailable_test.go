package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"electionflow/pglocal"
	"electionflow/store"
)

// While electionflow's database is down, starter says "database
// unavailable" and exits 3; once it is back, the same command works
// again, with nothing to reset.
func TestDatabaseUnavailable(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a PostgreSQL cluster")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dir, err := os.MkdirTemp("", "starter-unavailable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o711); err != nil { // reachable by the postgres user when root
		t.Fatal(err)
	}
	pg, err := pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(dir, "pg"), NoFsync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pg.Stop(context.Background()) })

	if code, out := starter(t, pg.URL(), "elections"); code != 0 {
		t.Fatalf("starter elections with the database up = %d:\n%s", code, out)
	}
	if err := pg.Crash(ctx); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"elections"}, {"tasks", "--term", "2026-2031"}, {"summary"}} {
		code, out := starter(t, pg.URL(), args...)
		if code != exitUnavailable || !strings.Contains(out, "database unavailable") {
			t.Errorf("starter %q with the database down = %d, want %d and \"database unavailable\" in:\n%s", args, code, exitUnavailable, out)
		}
	}
	if err := pg.StartAgain(ctx); err != nil {
		t.Fatal(err)
	}
	if code, out := starter(t, pg.URL(), "elections"); code != 0 {
		t.Errorf("starter elections once the database is back = %d:\n%s", code, out)
	}
}

// Only errors of an unreachable database are explained as such.
func TestExplainUnavailable(t *testing.T) {
	bad := errors.New("term 2026-2031 is not imported")
	tests := []struct {
		err             error
		wantUnavailable bool
	}{
		{nil, false},
		{bad, false},
		{usageError("--term: bad"), false},
		{fmt.Errorf("store: %w", &pgconn.PgError{Code: "23505"}), false},
		{fmt.Errorf("store: list tasks: %w", &pgconn.PgError{Code: "57P01"}), true},
		{fmt.Errorf("%w: already said", store.ErrUnavailable), true},
	}
	for _, tt := range tests {
		got := explainUnavailable(tt.err)
		if errors.Is(got, store.ErrUnavailable) != tt.wantUnavailable {
			t.Errorf("explainUnavailable(%v) = %v, want unavailable %v", tt.err, got, tt.wantUnavailable)
		}
		if tt.err != nil && !errors.Is(got, tt.err) {
			t.Errorf("explainUnavailable(%v) = %v, lost the cause", tt.err, got)
		}
		if errors.Is(tt.err, store.ErrUnavailable) && strings.Count(got.Error(), "database unavailable") != 1 {
			t.Errorf("explainUnavailable(%v) = %v, said it twice", tt.err, got)
		}
	}
}
