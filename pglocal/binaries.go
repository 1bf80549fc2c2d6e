package pglocal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ErrNoBinaries is wrapped by the error of FindBinaries and Start when the
// PostgreSQL server binaries (initdb and postgres) cannot be found.
var ErrNoBinaries = errors.New("PostgreSQL server binaries (initdb, postgres) not found")

// installHint tells the reader of an ErrNoBinaries error what to do.
const installHint = "install PostgreSQL server binaries, e.g. `apt-get install postgresql` (Debian/Ubuntu) " +
	"or `brew install postgresql@15`, or set DATABASE_URL to an existing server"

// defaultRoots are the well-known install locations searched last; the
// wildcard stands for the version.
func defaultRoots() []string {
	return []string{
		"/usr/lib/postgresql/*/bin",                          // Debian, Ubuntu
		"/usr/pgsql-*/bin",                                   // RHEL, Fedora (PGDG)
		"/opt/homebrew/opt/postgresql@*/bin",                 // Homebrew, Apple silicon
		"/usr/local/opt/postgresql@*/bin",                    // Homebrew, Intel
		"/Applications/Postgres.app/Contents/Versions/*/bin", // Postgres.app
	}
}

// FindBinaries returns the folder holding the PostgreSQL server programs
// initdb and postgres.
//
// When binDir is not empty it is the only place looked at. Otherwise the
// search order is: initdb on PATH, symlinks resolved, when it is a real
// program (not a wrapper script such as Debian's pg_wrapper) and postgres
// lies beside it; then the folder printed by `pg_config --bindir` (pg_config
// from PATH) when it holds both; then the well-known install locations such
// as /usr/lib/postgresql/*/bin, highest version first.
//
// When nothing is found the error wraps ErrNoBinaries and says what to
// install.
func FindBinaries(binDir string) (string, error) {
	return findBinaries(binDir, os.Getenv("PATH"), defaultRoots())
}

// findBinaries is FindBinaries with the PATH and the install locations
// given, so that tests do not depend on the machine.
func findBinaries(binDir, pathEnv string, roots []string) (string, error) {
	if binDir != "" {
		abs, err := filepath.Abs(binDir)
		if err != nil {
			return "", fmt.Errorf("pglocal: BinDir %q: %w", binDir, err)
		}
		if hasServerBinaries(abs) {
			return abs, nil
		}
		return "", fmt.Errorf("pglocal: %w in BinDir %s: %s", ErrNoBinaries, abs, installHint)
	}
	if dir, ok := fromPath(pathEnv); ok {
		return dir, nil
	}
	if dir, ok := fromPgConfig(pathEnv); ok {
		return dir, nil
	}
	if dir, ok := fromRoots(roots); ok {
		return dir, nil
	}
	looked := []string{"PATH", "pg_config --bindir"}
	looked = append(looked, roots...)
	return "", fmt.Errorf("pglocal: %w (searched %s): %s", ErrNoBinaries, strings.Join(looked, ", "), installHint)
}

// fromPath finds a real initdb on PATH with postgres beside it.
func fromPath(pathEnv string) (string, bool) {
	initdb, ok := lookPath("initdb", pathEnv)
	if !ok {
		return "", false
	}
	real, err := filepath.EvalSymlinks(initdb)
	if err != nil || isScript(real) {
		return "", false
	}
	dir := filepath.Dir(real)
	return dir, hasServerBinaries(dir)
}

// fromPgConfig asks pg_config on PATH for its bindir.
func fromPgConfig(pathEnv string) (string, bool) {
	pgConfig, ok := lookPath("pg_config", pathEnv)
	if !ok {
		return "", false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, pgConfig, "--bindir")
	cmd.Env = append(os.Environ(), "PATH="+pathEnv)
	out, err := cmd.Output()
	if err != nil {
		return "", false
	}
	dir := string(bytes.TrimSpace(out))
	if dir == "" || !hasServerBinaries(dir) {
		return "", false
	}
	return dir, true
}

// fromRoots returns the highest-version install location holding both
// programs.
func fromRoots(roots []string) (string, bool) {
	type candidate struct {
		dir     string
		version []int
	}
	var found []candidate
	for _, pattern := range roots {
		matches, err := filepath.Glob(pattern)
		if err != nil {
			continue
		}
		prefix := pattern[:strings.Index(pattern, "*")]
		for _, m := range matches {
			if hasServerBinaries(m) {
				found = append(found, candidate{m, parseVersion(strings.TrimPrefix(m, prefix))})
			}
		}
	}
	if len(found) == 0 {
		return "", false
	}
	sort.SliceStable(found, func(i, j int) bool { return versionLess(found[j].version, found[i].version) })
	return found[0].dir, true
}

// parseVersion reads "15", "9.6" or "15/bin" as a version number.
func parseVersion(s string) []int {
	end := strings.IndexFunc(s, func(r rune) bool { return r != '.' && (r < '0' || r > '9') })
	if end >= 0 {
		s = s[:end]
	}
	var v []int
	for _, part := range strings.Split(s, ".") {
		n, err := strconv.Atoi(part)
		if err != nil {
			break
		}
		v = append(v, n)
	}
	return v
}

func versionLess(a, b []int) bool {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return len(a) < len(b)
}

// hasServerBinaries reports whether dir holds executable initdb and postgres.
func hasServerBinaries(dir string) bool {
	return isExecutable(filepath.Join(dir, "initdb")) && isExecutable(filepath.Join(dir, "postgres"))
}

func isExecutable(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o111 != 0
}

// isScript reports whether path starts with "#!", like Debian's pg_wrapper.
func isScript(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 2)
	n, _ := f.Read(head)
	return n == 2 && string(head) == "#!"
}

// lookPath is exec.LookPath with an explicit PATH.
func lookPath(name, pathEnv string) (string, bool) {
	for _, dir := range filepath.SplitList(pathEnv) {
		if dir == "" {
			continue
		}
		p := filepath.Join(dir, name)
		if isExecutable(p) {
			abs, err := filepath.Abs(p)
			if err != nil {
				return "", false
			}
			return abs, true
		}
	}
	return "", false
}

// binariesMajor returns the major version of the postgres program in
// binDir, e.g. "15".
func binariesMajor(ctx context.Context, binDir string) (string, error) {
	out, err := exec.CommandContext(ctx, filepath.Join(binDir, "postgres"), "--version").Output()
	if err != nil {
		return "", fmt.Errorf("pglocal: run %s --version: %w", filepath.Join(binDir, "postgres"), err)
	}
	const marker = "(PostgreSQL) "
	_, rest, ok := strings.Cut(string(out), marker)
	if v := parseVersion(rest); ok && len(v) > 0 {
		return strconv.Itoa(v[0]), nil
	}
	return "", fmt.Errorf("pglocal: unexpected output of %s --version: %q", filepath.Join(binDir, "postgres"), out)
}
