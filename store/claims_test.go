package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"electionflow/election"
)

// A task is claimed by one person at a time, released only by its holder,
// assigned by a supervisor over anyone, and every change is audited.
func TestClaims(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	task := election.Task{ID: "2026-2031/00004/hand-over-certificates/certificates", Term: "2026-2031", Council: "00004",
		Kind: election.KindHandOverCertificates, Subject: "certificates", Role: election.RoleCouncilOffice, Due: time.Now()}
	if err := s.OpenTasks(ctx, "checklist/2026-2031/00004/credentials", []election.Task{task}); err != nil {
		t.Fatal(err)
	}
	lan := Actor{Name: "lan", Role: election.RoleCouncilOffice, Source: "test"}
	minh := Actor{Name: "minh", Role: election.RoleCouncilOffice, Source: "test"}
	boss := Actor{Name: "boss", Role: election.RoleCouncilOffice, Source: "test"}
	holder := func() string {
		t.Helper()
		c, err := s.Claims(ctx, []election.TaskID{task.ID})
		if err != nil {
			t.Fatal(err)
		}
		return c[task.ID].By
	}

	if err := s.ClaimTask(ctx, task.ID, lan); err != nil || holder() != "lan" {
		t.Fatalf("claim: %v, held by %q", err, holder())
	}
	if err := s.ClaimTask(ctx, task.ID, lan); err != nil {
		t.Errorf("claiming one's own task again: %v", err)
	}
	var claimed *ClaimedError
	if err := s.ClaimTask(ctx, task.ID, minh); !errors.As(err, &claimed) || claimed.By != "lan" || holder() != "lan" {
		t.Errorf("claim of a claimed task: %v, held by %q", err, holder())
	}
	if err := s.ReleaseTask(ctx, task.ID, minh); !errors.As(err, &claimed) || holder() != "lan" {
		t.Errorf("release by someone else: %v, held by %q", err, holder())
	}
	if err := s.AssignTask(ctx, task.ID, "minh", boss); err != nil || holder() != "minh" {
		t.Errorf("assign: %v, held by %q", err, holder())
	}
	if err := s.ReleaseTask(ctx, task.ID, minh); err != nil || holder() != "" {
		t.Errorf("release by the holder: %v, held by %q", err, holder())
	}
	if err := s.ClaimTask(ctx, "2026-2031/00004/nothing/x", lan); !errors.Is(err, ErrNotFound) {
		t.Errorf("claim of an unknown task: %v", err)
	}
	trail, err := s.AuditTrail(ctx, string(task.ID))
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, a := range trail {
		actions = append(actions, a.Action+" "+a.Actor)
	}
	want := []string{"task.claim lan", "task.assign boss", "task.release minh"}
	if len(actions) != len(want) || actions[0] != want[0] || actions[1] != want[1] || actions[2] != want[2] {
		t.Errorf("audit trail %q, want %q", actions, want)
	}

	done := TaskCompletion{Task: task, Actor: lan, At: time.Now()}
	if err := s.CompleteTask(ctx, done); err != nil {
		t.Fatal(err)
	}
	if err := s.ClaimTask(ctx, task.ID, lan); !errors.Is(err, ErrTaskClosed) {
		t.Errorf("claim of a closed task: %v", err)
	}
}

// The board has one row per council with its open tasks and stage; the
// report sums only the councils asked for.
func TestBoardAndReport(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	due := time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC)
	task := election.Task{ID: "2026-2031/00004/review-complaint/KN-001", Term: "2026-2031", Council: "00004",
		Kind: election.KindReviewComplaint, Subject: "complaint KN-001", Role: election.RoleElectionCommittee, Due: due}
	if err := s.OpenTasks(ctx, "checklist/2026-2031/00004/credentials", []election.Task{task}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []AreaProgress{
		{Term: "2026-2031", Council: "00004", Area: "first-session", State: "pending", Step: "wait", Seq: 1},
		{Term: "2026-2031", Council: "00004", Area: "credentials", State: "running", Step: "complaint-review", Seq: 1},
	} {
		if err := s.RecordProgress(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	board, err := s.Board(ctx, "2026-2031")
	if err != nil {
		t.Fatal(err)
	}
	if len(board) != 4 {
		t.Fatalf("%d board rows, want 4: %+v", len(board), board)
	}
	var row BoardRow
	for _, r := range board {
		if r.Council == "00004" {
			row = r
		}
	}
	if row.OpenTasks != 1 || !row.NextDeadline.Equal(due) || row.Stage != "credentials/complaint-review" ||
		len(row.Areas) != 2 || row.Areas[0].Area != "credentials" || row.Province != "01" {
		t.Errorf("board row of 00004: %+v", row)
	}
	r, err := s.Report(ctx, "2026-2031", []election.CouncilCode{"00004"})
	if err != nil {
		t.Fatal(err)
	}
	all, err := s.Report(ctx, "2026-2031", []election.CouncilCode{"00004", "00008", "01", "QH"})
	if err != nil {
		t.Fatal(err)
	}
	if r.Councils != 1 || r.Persons == 0 || all.Persons <= r.Persons || r.SessionsNotYet != 1 {
		t.Errorf("report of 00004 %+v; of all %+v", r, all)
	}
}
