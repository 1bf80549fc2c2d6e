package election

import (
	"strconv"
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

func TestCalendarFor(t *testing.T) {
	c, err := NewCalendar(MustParseDate("2026-03-15"), nil)
	if err != nil {
		t.Fatal(err)
	}
	type want struct{ filed, settled, settledDays, resolution, first, firstDays, nominations, cadres string }
	local := want{"2026-03-30", "2026-04-19", "35", "2026-04-19", "2026-04-29", "45", "2026-04-14", "2026-06-13"}
	tests := []struct {
		name    string
		council Council
		want    want
	}{
		{"National Assembly: the National Election Council settles complaints by E+45, first session E+60",
			Council{Level: LevelNational}, want{"2026-03-30", "2026-04-29", "45", "2026-04-19", "2026-05-14", "60", "2026-04-14", "2026-06-13"}},
		{"province", Council{Level: LevelProvince}, local},
		{"district", Council{Level: LevelDistrict}, local},
		{"commune", Council{Level: LevelCommune}, local},
		{"re-run election moves the first session only",
			Council{Level: LevelCommune, RerunElectionDay: MustParseDate("2026-04-05")},
			want{"2026-03-30", "2026-04-19", "35", "2026-04-19", "2026-05-20", "45", "2026-04-14", "2026-06-13"}},
		{"a re-run day not after election day is ignored",
			Council{Level: LevelCommune, RerunElectionDay: MustParseDate("2026-03-15")}, local},
		{"the National Assembly counts from election day even with a re-run",
			Council{Level: LevelNational, RerunElectionDay: MustParseDate("2026-04-05")},
			want{"2026-03-30", "2026-04-29", "45", "2026-04-19", "2026-05-14", "60", "2026-04-14", "2026-06-13"}},
	}
	if got := len(DefaultLevels()); got != 4 {
		t.Fatalf("%d levels; this table covers 4: add the new level", got)
	}
	for _, tt := range tests {
		d := c.For(tt.council)
		got := want{d.ComplaintsFiled.Due.String(), d.ComplaintsSettled.Due.String(), strconv.Itoa(d.ComplaintsSettled.Days),
			d.CredentialResolution.Due.String(), d.FirstSession.Due.String(), strconv.Itoa(d.FirstSession.Days),
			d.NominationsClose.Due.String(), d.CadreDecisions.Due.String()}
		if got != tt.want {
			t.Errorf("%s:\n got %+v\nwant %+v", tt.name, got, tt.want)
		}
		for _, dl := range []Deadline{d.ComplaintsFiled, d.ComplaintsSettled, d.CredentialResolution, d.FirstSession, d.NominationsClose, d.CadreDecisions} {
			if dl.Citation == "" || dl.Description == "" {
				t.Errorf("%s: deadline %s has no citation or description", tt.name, dl.Kind)
			}
		}
	}
}
