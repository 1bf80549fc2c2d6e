package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"electionflow/internal/pgtest"
)

// Wrong calls are usage errors (exit 2, with the command's help) before
// anything is read or dialled: no database is set here.
func TestStaffCommandsUsage(t *testing.T) {
	const id = "2026-2031/00004/review-complaint/KN-001"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"start"}, "exactly one of --council, --province and --all"},
		{[]string{"start", "--all", "--province", "01"}, "exactly one of"},
		{[]string{"start", "--council", "a b"}, "not a council code"},
		{[]string{"start", "00004"}, "did you mean --council 00004"},
		{[]string{"tasks", "--role", "boss"}, `unknown role "boss"`},
		{[]string{"tasks", "--state", "closed"}, "want open, done or cancelled"},
		{[]string{"tasks", "--kind", "review"}, `unknown task kind "review"`},
		{[]string{"tasks", "--limit", "0"}, "--limit 0"},
		{[]string{"task"}, "task takes one task ID"},
		{[]string{"task", "a b"}, "is not a task ID"},
		{[]string{"complete"}, "complete takes one task ID"},
		{[]string{"complete", id}, "--role is required"},
		{[]string{"complete", id, "--role", "boss"}, `unknown role "boss"`},
		{[]string{"complete", id, "--role", "election-committee", "--outcome", "{}", "--decision", "upheld"}, "not both"},
		{[]string{"complete", id, "--role", "election-committee", "--date", "31/02/2026"}, "--date"},
		{[]string{"complete", id, "--role", "election-committee", "--outcome", "{nope"}, "not valid JSON"},
		{[]string{"complete", id, "--role", "election-committee", "--reason", strings.Repeat("x", 1001)}, "--reason: is longer than 1000 characters"},
		{[]string{"complete", id, "--role", "election-committee", "--recipients", "many"}, `--recipients: "many" is not a whole number`},
		{[]string{"complete", "--role", "election-committee", id, "extra"}, "complete takes one task ID"},
		{[]string{"simulate", "--upheld-share", "1.5"}, "between 0 and 1"},
		{[]string{"simulate", "--upheld-share", "-0.1"}, "between 0 and 1"},
		{[]string{"simulate", "--idle", "0s"}, "--idle"},
		{[]string{"simulate", "--workers", "0"}, "--workers"},
		{[]string{"progress"}, "progress takes one council code"},
		{[]string{"summary", "x"}, "summary takes no arguments"},
		{[]string{"certificate", "--number", "1", "--out", "x.pdf"}, "--council is required"},
		{[]string{"certificate", "--council", "00004", "--out", "x.pdf"}, "--number is required"},
		{[]string{"certificate", "--council", "00004", "--number", "1"}, "--out is required"},
		{[]string{"resolution", "--out", "x.pdf"}, "--council is required"},
		{[]string{"resolution", "--council", "00004"}, "--out is required"},
		{[]string{"resolution", "--council", "a/b", "--out", "x.pdf"}, "--council: "},
		{[]string{"resolution", "extra"}, "resolution takes no arguments"},
	}
	for _, tt := range tests {
		r := starterEnv(t, nil, tt.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) || !strings.Contains(r.stderr, "Usage: starter "+tt.args[0]) {
			t.Errorf("starter %q = %d, want 2 and %q and the help on stderr:\n%s", tt.args, r.code, tt.want, r.all)
		}
	}
}

// --term defaults to the only imported election and must be given when
// there are several; commands that need no Temporal server work without.
func TestTermAndOfflineCommands(t *testing.T) {
	db := pgtest.NewDatabase(t)
	good := filepath.Join("..", "roster", "testdata", "good")
	vars := map[string]string{"DATABASE_URL": db}
	cli := func(args ...string) result { t.Helper(); return starterEnv(t, vars, args...) }

	if r := cli("tasks"); r.code != 1 || !strings.Contains(r.stderr, "no election imported yet") {
		t.Errorf("tasks before any import = %d:\n%s", r.code, r.all)
	}
	if r := cli("import", good); r.code != 0 {
		t.Fatalf("import = %d:\n%s", r.code, r.all)
	}
	if r := cli("tasks"); r.code != 0 || !strings.Contains(r.stdout, "0 open task(s), 0 overdue") {
		t.Errorf("tasks = %d:\n%s", r.code, r.all)
	}
	if r := cli("tasks", "--term", "2016-2021"); r.code != 1 || !strings.Contains(r.stderr, "election 2016-2021 is not imported (imported: 2026-2031)") {
		t.Errorf("tasks --term 2016-2021 = %d:\n%s", r.code, r.all)
	}
	if r := cli("tasks", "--term", "2026"); r.code != 2 || !strings.Contains(r.stderr, `--term: "2026" is not a term`) {
		t.Errorf("tasks --term 2026 = %d:\n%s", r.code, r.all)
	}
	if r := cli("summary"); r.code != 0 || !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), "TOTAL 4 0 0 0 0 6 0 0 0 0") {
		t.Errorf("summary before any start = %d:\n%s", r.code, r.all)
	}
	if r := cli("summary", "--province", "01"); r.code != 0 || !strings.Contains(r.stdout, "not started") || !strings.Contains(r.stdout, "00008") {
		t.Errorf("summary --province 01 = %d:\n%s", r.code, r.all)
	}
	if r := cli("task", "2026-2031/00004/review-complaint/NOPE"); r.code != 1 || !strings.Contains(r.stderr, "is not in the inbox") {
		t.Errorf("task of an unknown ID = %d:\n%s", r.code, r.all)
	}
	if r := cli("complete", "2026-2031/00004/review-complaint/NOPE", "--role", "election-committee", "--decision", "upheld"); r.code != 1 ||
		!strings.Contains(r.stderr, "task 2026-2031/00004/review-complaint/NOPE is not in the inbox") {
		t.Errorf("complete of an unknown ID = %d:\n%s", r.code, r.all)
	}
	if r := cli("certificate", "--council", "00004", "--number", "1", "--out", filepath.Join(t.TempDir(), "c.pdf")); r.code != 1 ||
		!strings.Contains(r.stderr, "has no certificates yet") {
		t.Errorf("certificate before issue = %d:\n%s", r.code, r.all)
	}
	if r := cli("resolution", "--council", "00004", "--out", filepath.Join(t.TempDir(), "r.pdf")); r.code != 1 ||
		!strings.Contains(r.stderr, "council 00004 of election 2026-2031 has not adopted its credential resolution yet") {
		t.Errorf("resolution before adoption = %d:\n%s", r.code, r.all)
	}
	if r := cli("resolution", "--council", "99999", "--out", filepath.Join(t.TempDir(), "r.pdf")); r.code != 1 ||
		!strings.Contains(r.stderr, "election 2026-2031 has no council 99999") {
		t.Errorf("resolution of an unknown council = %d:\n%s", r.code, r.all)
	}
	existing := filepath.Join(t.TempDir(), "c.pdf")
	if err := os.WriteFile(existing, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := cli("certificate", "--council", "00004", "--number", "1", "--out", existing); r.code != 1 || !strings.Contains(r.stderr, "exists: pass --force") {
		t.Errorf("certificate over an existing file = %d:\n%s", r.code, r.all)
	}

	noTemporal := map[string]string{"DATABASE_URL": db, "TEMPORAL_ADDRESS": "127.0.0.1:1"}
	if r := starterEnv(t, noTemporal, "start", "--all"); r.code != 1 || !strings.Contains(r.stderr, "connect to Temporal at 127.0.0.1:1") {
		t.Errorf("start without a Temporal server = %d:\n%s", r.code, r.all)
	}

	// A second election: now --term is required.
	older := t.TempDir()
	for _, f := range []string{"councils.csv", "persons.csv"} {
		data, err := os.ReadFile(filepath.Join(good, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(older, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(older, "election.csv"), []byte("term,name,election_day\n2021-2026,Bầu cử nhiệm kỳ 2021–2026,23/05/2021\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := cli("import", older); r.code != 0 {
		t.Fatalf("import of a second election = %d:\n%s", r.code, r.all)
	}
	for _, args := range [][]string{{"tasks"}, {"summary"}, {"start", "--all"}, {"progress", "00004"}} {
		if r := cli(args...); r.code != 2 || !strings.Contains(r.stderr, "2 elections are imported: choose one with --term (2026-2031, 2021-2026)") {
			t.Errorf("%q with two elections = %d:\n%s", args, r.code, r.all)
		}
	}
	if r := cli("summary", "--term", "2021-2026"); r.code != 0 || !strings.Contains(strings.Join(strings.Fields(r.stdout), " "), "TOTAL 4 0 0 0 0 6") {
		t.Errorf("summary --term 2021-2026 = %d:\n%s", r.code, r.all)
	}
}

// Every command is listed in a group of the top-level help, in order.
func TestHelpGroups(t *testing.T) {
	var out bytes.Buffer
	printHelp(&out)
	help := out.String()
	if strings.Contains(help, "Other:") {
		t.Errorf("a command is in no group:\n%s", help)
	}
	last := -1
	for _, name := range []string{"Administrators:", "  migrate ", "  start ", "Staff:", "  tasks ", "  task ", "  complete ", "  simulate ",
		"Managers:", "  progress ", "  summary ", "  certificate ", "Environment:", "  TEMPORAL_ADDRESS "} {
		i := strings.Index(help, "\n"+name)
		if i <= last {
			t.Errorf("%q missing or out of order in the help:\n%s", name, help)
		}
		last = i
	}
}

func TestParseInterspersed(t *testing.T) {
	tests := []struct {
		args     []string
		wantArgs []string
		wantRole string
	}{
		{[]string{"id", "--role", "r"}, []string{"id"}, "r"},
		{[]string{"--role", "r", "id"}, []string{"id"}, "r"},
		{[]string{"a", "--role=r", "b"}, []string{"a", "b"}, "r"},
		{[]string{"a", "--", "--role", "b"}, []string{"a", "--role", "b"}, ""},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		role := fs.String("role", "", "")
		got, err := parseInterspersed(fs, tt.args)
		if err != nil || !slices.Equal(got, tt.wantArgs) || *role != tt.wantRole {
			t.Errorf("parseInterspersed(%q) = %q, role %q, %v; want %q, role %q", tt.args, got, *role, err, tt.wantArgs, tt.wantRole)
		}
	}
}

// The progress bar redraws in place, at most about 20 times a second, and
// always shows the end.
func TestProgressBar(t *testing.T) {
	var out bytes.Buffer
	bar := &progressBar{w: &out, label: "starting checklists"}
	for i := 1; i <= 3367; i++ {
		bar.update(i, 3367)
	}
	bar.finish()
	draws := strings.Split(out.String(), "\r")[1:]
	if len(draws) < 1 || len(draws) > 10 {
		t.Errorf("%d redraws of a bar that took no time", len(draws))
	}
	if last := draws[len(draws)-1]; last != "starting checklists 3367/3367 ["+strings.Repeat("=", 30)+"] 100%\n" {
		t.Errorf("last draw %q", last)
	}
	if first := draws[0]; first != "starting checklists 1/3367 [>"+strings.Repeat(" ", 29)+"]   0%" {
		t.Errorf("first draw %q", first)
	}
	out.Reset()
	bar = &progressBar{w: &out, label: "x"}
	bar.update(1, 1)
	bar.finish()
	if out.Len() != 0 {
		t.Errorf("a bar of one item drew %q", out.String())
	}
}
