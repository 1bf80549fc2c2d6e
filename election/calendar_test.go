package election

import (
	"strings"
	"testing"
)

func TestNewCalendarDefaults(t *testing.T) {
	c, err := NewCalendar(MustParseDate("2026-03-15"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[DeadlineKind]string{
		DeadlineResultsPublished:          "2026-03-25",
		DeadlineComplaintsFiled:           "2026-03-30",
		DeadlineCredentialResolution:      "2026-04-19",
		DeadlineFirstSession:              "2026-04-29",
		DeadlineFirstSessionNational:      "2026-05-14",
		DeadlineComplaintsSettledNational: "2026-04-29",
	}
	for kind, date := range want {
		if got := c.Due(kind).String(); got != date {
			t.Errorf("%s due %s, want %s", kind, got, date)
		}
		if c.Deadlines[kind].Citation == "" {
			t.Errorf("%s has no citation", kind)
		}
	}
	sorted := c.Sorted()
	for i := 1; i < len(sorted); i++ {
		if sorted[i].Due.Before(sorted[i-1].Due) {
			t.Fatalf("Sorted out of order at %d: %v", i, sorted)
		}
	}
}

func TestNewCalendarOverrides(t *testing.T) {
	day := MustParseDate("2026-03-15")
	tests := []struct {
		name      string
		overrides map[DeadlineKind]int
		kind      DeadlineKind
		want      string
		wantErr   string
	}{
		{"override credential", map[DeadlineKind]int{DeadlineCredentialResolution: 30}, DeadlineCredentialResolution, "2026-04-14", ""},
		{"unknown kind", map[DeadlineKind]int{"nonsense": 3}, "", "", "unknown deadlines nonsense"},
		{"negative", map[DeadlineKind]int{DeadlineFirstSession: -1}, "", "", "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := NewCalendar(day, tt.overrides)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Due(tt.kind).String(); got != tt.want {
				t.Errorf("due %s, want %s", got, tt.want)
			}
			if !strings.Contains(c.Deadlines[tt.kind].Citation, "Ghi đè") {
				t.Errorf("override not marked in citation: %q", c.Deadlines[tt.kind].Citation)
			}
		})
	}
	if _, err := NewCalendar(Date{}, nil); err == nil {
		t.Error("zero election day accepted")
	}
}

func TestFirstSessionDue(t *testing.T) {
	c, err := NewCalendar(MustParseDate("2026-03-15"), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		council Council
		want    string
	}{
		{"commune", Council{Level: LevelCommune}, "2026-04-29"},
		{"province", Council{Level: LevelProvince}, "2026-04-29"},
		{"national assembly", Council{Level: LevelNational}, "2026-05-14"},
		{"re-run election", Council{Level: LevelCommune, RerunElectionDay: MustParseDate("2026-04-05")}, "2026-05-20"},
	}
	for _, tt := range tests {
		if got := c.FirstSessionDue(tt.council).String(); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}
