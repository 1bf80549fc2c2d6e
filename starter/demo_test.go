package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"electionflow/election"
)

func TestDemoElection(t *testing.T) {
	today := election.MustParseDate("2026-11-24")
	tests := []struct {
		day, term string
		wantDay   string
		wantTerm  election.Term
		wantErr   string
	}{
		{"2026-03-15", "", "2026-03-15", "2026-2031", ""},
		{"15/03/2026", "", "2026-03-15", "2026-2031", ""},
		{"-20d", "", "2026-11-04", "2026-2031", ""},
		{"-0d", "", "2026-11-24", "2026-2031", ""},
		{"-400d", "", "2025-10-20", "2025-2030", ""},
		{"2021-05-23", "2021-2026", "2021-05-23", "2021-2026", ""},
		{"2026-13-01", "", "", "", "is not a date"},
		{"-xd", "", "", "", "want -Nd"},
		{"--5d", "", "", "", "want -Nd"},
		{"2026-03-15", "2031-2026", "", "", "is not a term"},
	}
	for _, tt := range tests {
		day, term, err := demoElection(tt.day, tt.term, today)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("demoElection(%q, %q) error %v, want %q", tt.day, tt.term, err, tt.wantErr)
			}
			continue
		}
		if err != nil || day.String() != tt.wantDay || term != tt.wantTerm {
			t.Errorf("demoElection(%q, %q) = %s, %s, %v; want %s, %s", tt.day, tt.term, day, term, err, tt.wantDay, tt.wantTerm)
		}
	}
}

func TestDemoElectionDayFlag(t *testing.T) {
	out := t.TempDir()
	code, text := starter(t, "", "demo", "--provinces", "1", "--communes", "1", "--election-day", "2021-05-23", "--out", out)
	if code != 0 {
		t.Fatalf("demo --election-day = %d:\n%s", code, text)
	}
	csv, err := os.ReadFile(filepath.Join(out, "election.csv"))
	if err != nil || !strings.Contains(string(csv), "2021-2026") || !strings.Contains(string(csv), "2021-05-23") {
		t.Errorf("election.csv = %v:\n%s", err, csv)
	}
	for _, args := range [][]string{
		{"--election-day", "31/02/2026"},
		{"--election-day", "2026-03-15", "--term", "2021-2026"}, // election day outside the term
	} {
		bad := t.TempDir()
		code, text := starter(t, "", append([]string{"demo", "--out", bad}, args...)...)
		if code != 2 {
			t.Errorf("demo %v = %d, want 2:\n%s", args, code, text)
		}
		if entries, _ := os.ReadDir(bad); len(entries) != 0 {
			t.Errorf("demo %v wrote files: %v", args, entries)
		}
	}
}
