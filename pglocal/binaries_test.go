package pglocal

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func checkNoBinaries(t *testing.T, err error) {
	t.Helper()
	if !errors.Is(err, ErrNoBinaries) {
		t.Fatalf("error %v does not wrap ErrNoBinaries", err)
	}
	for _, want := range []string{"apt-get install postgresql", "brew install postgresql@15", "DATABASE_URL"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not say %q: %v", want, err)
		}
	}
}

func TestMissingBinaries(t *testing.T) {
	t.Parallel()
	empty := t.TempDir()

	_, err := FindBinaries(empty)
	checkNoBinaries(t, err)
	if !strings.Contains(err.Error(), empty) {
		t.Errorf("error does not name BinDir %s: %v", empty, err)
	}

	// Nothing on PATH and no install locations.
	_, err = findBinaries("", empty, nil)
	checkNoBinaries(t, err)

	_, err = Start(context.Background(), Options{DataDir: filepath.Join(empty, "data"), BinDir: empty})
	checkNoBinaries(t, err)
	if _, statErr := os.Stat(filepath.Join(empty, "data")); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("Start created the data folder before failing: %v", statErr)
	}
}

// TestFindBinariesSkipsWrapper puts a pg_wrapper-like script first on PATH
// and expects the real programs of an install location instead.
func TestFindBinariesSkipsWrapper(t *testing.T) {
	t.Parallel()
	real, ok := fromRoots(defaultRoots())
	if !ok {
		t.Skip("no PostgreSQL in the well-known install locations")
	}
	fake := t.TempDir()
	for _, name := range []string{"initdb", "postgres"} {
		if err := os.WriteFile(filepath.Join(fake, name), []byte("#!/usr/bin/perl\nexec 'x';\n"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	got, err := findBinaries("", fake, defaultRoots())
	if err != nil {
		t.Fatal(err)
	}
	if got != real {
		t.Errorf("findBinaries = %s, want %s", got, real)
	}

	// A symlink on PATH to the real initdb resolves to its folder.
	linked := t.TempDir()
	if err := os.Symlink(filepath.Join(real, "initdb"), filepath.Join(linked, "initdb")); err != nil {
		t.Fatal(err)
	}
	if got, err := findBinaries("", linked, nil); err != nil || got != real {
		t.Errorf("findBinaries via symlink = %s, %v; want %s", got, err, real)
	}
}

func TestParseVersion(t *testing.T) {
	t.Parallel()
	if !versionLess(parseVersion("9.6"), parseVersion("15")) || !versionLess(parseVersion("15/bin"), parseVersion("16.1")) {
		t.Error("version order wrong")
	}
}
