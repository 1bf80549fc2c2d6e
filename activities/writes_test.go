package activities

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/testsuite"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/internal/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// applyWrites runs ApplyWrites as Temporal would, in an activity context.
func applyWrites(t *testing.T, a *Activities, w checklist.Writes) error {
	t.Helper()
	var s testsuite.WorkflowTestSuite
	env := s.NewTestActivityEnvironment()
	env.RegisterActivity(a.ApplyWrites)
	_, err := env.ExecuteActivity(a.ApplyWrites, w)
	return err
}

// A batch lands whole, and applying it again (a retry after a crash)
// writes nothing twice: one task, closed once, one audit row, the session
// record as it was.
func TestApplyWritesIsOneIdempotentTransaction(t *testing.T) {
	s := storetest.OpenWithRoster(t)
	a := &Activities{Store: s}
	ctx := context.Background()
	term, council := election.Term("2026-2031"), election.CouncilCode("01")
	task := election.Task{ID: election.NewTaskID(term, council, election.KindSetSessionDate, "session"),
		Term: term, Council: council, Kind: election.KindSetSessionDate, Role: election.RoleCouncilOffice,
		Subject: "kỳ họp", Due: time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC)}
	if err := applyWrites(t, a, checklist.Writes{Opened: []election.Task{task}}); err != nil {
		t.Fatal(err)
	}
	session, _ := json.Marshal(checklist.SessionRecord{Term: term, Council: council,
		Deadline: election.MustParseDate("2026-04-29"), SessionDate: election.MustParseDate("2026-04-20")})
	batch := checklist.Writes{
		Completed: []checklist.TaskCompletion{{Task: task, Actor: "vp.hdnd", Role: election.RoleCouncilOffice,
			Outcome: json.RawMessage(`{"session_date":"2026-04-20"}`), At: time.Date(2026, 4, 1, 3, 0, 0, 0, time.UTC)}},
		Records:  []checklist.Record{{Activity: checklist.ActivityRecordSession, Input: session}},
		Progress: &checklist.AreaProgress{Term: term, Council: council, Area: checklist.AreaFirstSession, State: checklist.AreaRunning, Step: "documents", Seq: 2},
	}
	for i := range 2 {
		if err := applyWrites(t, a, batch); err != nil {
			t.Fatalf("apply %d: %v", i+1, err)
		}
	}
	got, err := s.Task(ctx, task.ID)
	if err != nil || got.State != election.TaskDone || got.ClosedBy != "vp.hdnd" {
		t.Errorf("task after two applies: %+v, %v", got, err)
	}
	trail, err := s.AuditTrail(ctx, string(task.ID))
	if err != nil {
		t.Fatal(err)
	}
	completions := 0
	for _, r := range trail {
		if r.Action == "task.complete" {
			completions++
		}
	}
	if completions != 1 {
		t.Errorf("%d task.complete audit rows after two applies, want 1", completions)
	}
	fs, err := s.FirstSessionOf(ctx, term, council)
	if err != nil || fs.SessionDate.String() != "2026-04-20" {
		t.Errorf("session record %+v, %v", fs, err)
	}
}

// A batch with a record no activity writes, or a record that does not
// decode, is refused for good, and nothing of it is written: not even the
// task it opens.
func TestApplyWritesRefusesBadRecordsWritingNothing(t *testing.T) {
	s := storetest.OpenWithRoster(t)
	a := &Activities{Store: s}
	ctx := context.Background()
	term, council := election.Term("2026-2031"), election.CouncilCode("01")
	for _, tc := range []struct {
		name   string
		record checklist.Record
		want   string
	}{
		{"unknown record", checklist.Record{Activity: "RecordNothing", Input: json.RawMessage(`{}`)}, "no record named"},
		{"undecodable record", checklist.Record{Activity: checklist.ActivityRecordSession, Input: json.RawMessage(`{"session_date":"soon"}`)}, "decode record"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			task := election.Task{ID: election.NewTaskID(term, council, election.KindOpenSession, tc.name),
				Term: term, Council: council, Kind: election.KindOpenSession, Role: election.RoleCouncilOffice, Subject: "khai mạc"}
			err := applyWrites(t, a, checklist.Writes{Opened: []election.Task{task}, Records: []checklist.Record{tc.record}})
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("err = %v, want %q", err, tc.want)
			}
			if _, err := s.Task(ctx, task.ID); err == nil {
				t.Errorf("task %s was opened by a refused batch", task.ID)
			}
		})
	}
}
