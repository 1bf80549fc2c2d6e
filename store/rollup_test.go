package store

import (
	"context"
	"slices"
	"testing"

	"electionflow/election"
)

// A step is missed when its deadline has passed without it, or when it
// was done after the deadline; a step due today is not missed yet, and a
// re-run election moves the first session's deadline.
func TestMissedSteps(t *testing.T) {
	cal, err := election.NewCalendar(election.MustParseDate("2026-03-15"), nil)
	if err != nil {
		t.Fatal(err)
	}
	d := election.MustParseDate
	commune := election.Council{Code: "00004", Level: election.LevelCommune, Province: "01"}
	rerun := commune
	rerun.RerunElectionDay = d("2026-04-05")
	cadresDone := []AreaState{{Area: "outgoing-cadres", State: "done"}}
	for _, tc := range []struct {
		name  string
		st    CouncilStanding
		today string
		want  []string
	}{
		{"before every deadline", CouncilStanding{Council: commune}, "2026-04-19", nil},
		{"resolution due yesterday", CouncilStanding{Council: commune}, "2026-04-20", []string{"credential-resolution"}},
		{"resolution adopted on time", CouncilStanding{Council: commune, ResolutionAdoptedOn: d("2026-04-19")}, "2026-04-25", nil},
		{"resolution adopted late", CouncilStanding{Council: commune, ResolutionAdoptedOn: d("2026-04-21")}, "2026-04-25", []string{"credential-resolution@2026-04-21"}},
		{"session not opened", CouncilStanding{Council: commune, ResolutionAdoptedOn: d("2026-04-10")}, "2026-04-30", []string{"first-session"}},
		{"re-run moves the session", CouncilStanding{Council: rerun, ResolutionAdoptedOn: d("2026-04-10")}, "2026-04-30", nil},
		{"re-run session late", CouncilStanding{Council: rerun, ResolutionAdoptedOn: d("2026-04-10")}, "2026-05-21", []string{"first-session"}},
		{"cadres not done", CouncilStanding{Council: commune, ResolutionAdoptedOn: d("2026-04-10"), SessionOpenedOn: d("2026-04-28")}, "2026-06-14", []string{"cadre-decisions"}},
		{"all done in time", CouncilStanding{Council: commune, ResolutionAdoptedOn: d("2026-04-10"), SessionOpenedOn: d("2026-04-28"), Areas: cadresDone}, "2026-12-01", nil},
		{"national assembly has 60 days", CouncilStanding{Council: election.Council{Code: "QH", Level: election.LevelNational}, ResolutionAdoptedOn: d("2026-04-10")}, "2026-05-14", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range tc.st.Missed(cal.For(tc.st.Council), d(tc.today)) {
				s := m.Step
				if !m.DoneOn.IsZero() {
					s += "@" + m.DoneOn.String()
				}
				got = append(got, s)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("missed %v, want %v", got, tc.want)
			}
		})
	}
}

// Standings read what Postgres records (tasks, the resolution, the first
// session, reported areas) and RollUp sums them by province.
func TestStandingsRollUp(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	if _, err := s.pool.Exec(ctx, `
		INSERT INTO tasks (task_id, term, council_code, workflow_id, kind, subject, role, due_at, overdue)
		VALUES ('t1', '2026-2031', '00004', 'wf', 'review-complaint', 's', 'council-office', now(), true),
		       ('t2', '2026-2031', '00004', 'wf', 'review-complaint', 's', 'council-office', now(), false),
		       ('t3', '2026-2031', '00008', 'wf', 'review-complaint', 's', 'council-office', now(), false)`); err != nil {
		t.Fatal(err)
	}
	if err := s.DraftResolution(ctx, "2026-2031", "00004", []election.CredentialDecision{{Person: "00004-P001", Confirmed: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AdoptResolution(ctx, "2026-2031", "00004", "", election.MustParseDate("2026-04-02")); err != nil {
		t.Fatal(err)
	}
	for _, p := range []AreaProgress{
		{Term: "2026-2031", Council: "00004", Area: "credentials", State: "done", Step: "done", Seq: 1},
		{Term: "2026-2031", Council: "00004", Area: "first-session", State: "running", Step: "session-date", Seq: 1},
		{Term: "2026-2031", Council: "00008", Area: "credentials", State: "running", Step: "resolution", Seq: 1},
	} {
		if err := s.RecordProgress(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	cal, standings, err := s.Standings(ctx, "2026-2031")
	if err != nil {
		t.Fatal(err)
	}
	if cal.ElectionDay.IsZero() || len(standings) != 4 {
		t.Fatalf("calendar %v, %d standings, want 4", cal.ElectionDay, len(standings))
	}
	rollup := RollUp(standings, cal, election.MustParseDate("2026-04-25"))
	if len(rollup) != 2 || rollup[0].Province != "" || rollup[1].Province != "01" {
		t.Fatalf("rollup %+v, want the National Assembly and province 01", rollup)
	}
	p := rollup[1]
	// 01 and 00008 have no resolution by 19/04; 00004 adopted it on 02/04.
	if p.Councils != 3 || p.OpenTasks != 3 || p.OverdueTasks != 1 || p.PastDeadline != 2 {
		t.Errorf("province 01: %+v", p)
	}
	want := []AreaTally{{"credentials", 1, 1, 1}, {"first-session", 0, 1, 2}, {"commendations", 0, 0, 3}, {"outgoing-cadres", 0, 0, 3}}
	if !slices.Equal(p.Areas, want) {
		t.Errorf("province 01 areas %+v, want %+v", p.Areas, want)
	}
	if _, _, err := s.Standings(ctx, "2099-2104"); err == nil {
		t.Error("standings of an unknown election: no error")
	}
}
