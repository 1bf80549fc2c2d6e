// Package storetest opens electionflow stores for the tests of the
// packages above store: a fresh, migrated database per test on the server
// that pgtest.Main started, with the roster package's small test election
// imported (term 2026-2031, councils QH, 01, 00004, …).
package storetest

import (
	"context"
	"path/filepath"
	"runtime"
	"testing"

	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/roster"
	"electionflow/store"
)

// OpenWithRoster opens a migrated store on a fresh database with the test
// roster imported, closed when the test ends. The calling package's
// TestMain must run pgtest.Main.
func OpenWithRoster(t testing.TB) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.OpenMigrated(ctx, pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	r, err := roster.ReadDir(goodRoster(), election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportRoster(ctx, r, store.Actor{Name: "test", Role: election.RoleAdministrator, Source: "test"}); err != nil {
		t.Fatal(err)
	}
	return s
}

// goodRoster is the folder of the roster package's small test election,
// found from this file so that any package's tests can read it.
func goodRoster() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", "roster", "testdata", "good")
}
