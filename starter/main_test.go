package main

import (
	"bytes"
	"context"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"electionflow/internal/config"
	"electionflow/internal/pgtest"
	"electionflow/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// starter runs the command line as a user would, against databaseURL
// ("" = unset), and returns the exit code and what it printed.
func starter(t *testing.T, databaseURL string, args ...string) (int, string) {
	t.Helper()
	vars := map[string]string{}
	if databaseURL != "" {
		vars[config.EnvDatabaseURL] = databaseURL
	}
	r := starterEnv(t, vars, args...)
	return r.code, r.all
}

// result is what one run of the command line did.
type result struct {
	code           int
	stdout, stderr string
	all            string // stdout and stderr interleaved
}

// starterEnv runs the command line with the environment variables vars
// (plus a temporal.toml that does not exist, so the user's own is never
// read).
func starterEnv(t *testing.T, vars map[string]string, args ...string) result {
	t.Helper()
	env := map[string]string{"TEMPORAL_CONFIG_FILE": filepath.Join(t.TempDir(), "none.toml")}
	maps.Copy(env, vars)
	var out, errs, all bytes.Buffer
	code := run(context.Background(), args, teeEnv(&out, &errs, &all, func(k string) (string, bool) {
		v, ok := env[k]
		return v, ok
	}))
	return result{code: code, stdout: out.String(), stderr: errs.String(), all: all.String()}
}

func teeEnv(out, errs, all io.Writer, lookup config.Lookup) env {
	return env{stdout: io.MultiWriter(out, all), stderr: io.MultiWriter(errs, all), lookup: lookup}
}

func TestHelp(t *testing.T) {
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{nil, 2, "Staff:"},
		{[]string{"help"}, 0, "certificate"},
		{[]string{"help", "complete"}, 0, "-resolution-no"},
		{[]string{"complete", "-h"}, 0, "refused: <why>"},
		{[]string{"help"}, 0, "import"},
		{[]string{"help", "import"}, 0, "file:line: field: reason"},
		{[]string{"import", "-h"}, 0, "-check"},
		{[]string{"demo", "--help"}, 0, "-national"},
		{[]string{"frobnicate"}, 2, `unknown command "frobnicate"`},
		{[]string{"import"}, 2, "import takes one folder"},
		{[]string{"import", "--nope", "x"}, 2, "flag provided but not defined"},
		{[]string{"demo", "--provinces", "40"}, 2, "provinces"},
	}
	for _, tt := range tests {
		code, out := starter(t, "", tt.args...)
		if code != tt.wantCode || !strings.Contains(out, tt.want) {
			t.Errorf("starter %q = %d, want %d and %q in:\n%s", tt.args, code, tt.wantCode, tt.want, out)
		}
	}
}

func TestCommandsNeedDatabaseURL(t *testing.T) {
	for _, args := range [][]string{{"migrate"}, {"elections"}, {"import", "../roster/testdata/good"}} {
		code, out := starter(t, "", args...)
		if code != 1 || !strings.Contains(out, "DATABASE_URL is not set") {
			t.Errorf("starter %q without DATABASE_URL = %d:\n%s", args, code, out)
		}
	}
}

func TestImportCommand(t *testing.T) {
	db := pgtest.NewDatabase(t)
	good := filepath.Join("..", "roster", "testdata", "good")

	code, out := starter(t, db, "import", "--check", good)
	if code != 0 || !strings.Contains(out, "check only: nothing imported") {
		t.Fatalf("check = %d:\n%s", code, out)
	}
	if elections(t, db) != 0 {
		t.Fatal("--check imported")
	}
	code, out = starter(t, db, "import", "--actor", "thuky", good)
	if code != 0 || !strings.Contains(out, "imported election 2026-2031") {
		t.Fatalf("import = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "import", good)
	if code != 0 || !strings.Contains(out, "nothing changed") {
		t.Fatalf("second import = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "elections")
	if code != 0 || !strings.Contains(strings.Join(strings.Fields(out), " "), "2026-2031 15/03/2026 4 6 2 2 Bầu cử") {
		t.Errorf("elections = %d:\n%s", code, out)
	}
}

// A folder with bad rows lists every one and imports nothing.
func TestImportCommandBadFolder(t *testing.T) {
	db := pgtest.NewDatabase(t)
	dir := t.TempDir()
	good := filepath.Join("..", "roster", "testdata", "good")
	entries, err := os.ReadDir(good)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(good, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if e.Name() == "persons.csv" {
			data = append(data, "99999-P001,99999,Lê Văn Tám,nam,1980-01-01,001080099999,\n00004-P003,00004,Lê Văn Tám,nam,1980-13-01,001080099998,\n"...)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out := starter(t, db, "import", dir)
	for _, want := range []string{
		"persons.csv:8: council: unknown council 99999",
		"persons.csv:9: birth_date: \"1980-13-01\" is not a date",
		"2 problem(s)", "nothing was imported",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if n := elections(t, db); n != 0 {
		t.Errorf("%d elections after a rejected import", n)
	}
}

func TestDemoLoad(t *testing.T) {
	db := pgtest.NewDatabase(t)
	out := filepath.Join(t.TempDir(), "roster")
	code, text := starter(t, db, "demo", "--seed", "7", "--provinces", "1", "--communes", "2", "--out", out, "--load")
	if code != 0 || !strings.Contains(text, "imported election") {
		t.Fatalf("demo --load = %d:\n%s", code, text)
	}
	for _, f := range []string{"election.csv", "councils.csv", "persons.csv", "complaints.csv", "cadres.csv"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Errorf("demo did not write %s: %v", f, err)
		}
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.ListElections(context.Background())
	if err != nil || len(list) != 1 || list[0].Councils != 3 || list[0].Persons == 0 {
		t.Errorf("after demo --load: %+v, %v", list, err)
	}
	code, text = starter(t, db, "import", out)
	if code != 0 || !strings.Contains(text, "nothing changed") {
		t.Errorf("re-import of the demo = %d:\n%s", code, text)
	}
}

func TestMigrateCommand(t *testing.T) {
	db := pgtest.NewDatabase(t)
	code, out := starter(t, db, "migrate")
	if code != 0 || !strings.Contains(out, "applied 00001_roster.sql") {
		t.Fatalf("migrate = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "migrate")
	if code != 0 || !strings.Contains(out, "(0 applied now)") {
		t.Fatalf("second migrate = %d:\n%s", code, out)
	}
}

func elections(t *testing.T, db string) int {
	t.Helper()
	s, err := store.OpenMigrated(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.ListElections(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return len(list)
}
