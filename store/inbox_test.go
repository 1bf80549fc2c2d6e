package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"
	"time"

	"electionflow/election"
)

// Every inbox write may be retried by Temporal: doing it twice must leave
// the same rows as doing it once.
func TestInboxWritesAreIdempotent(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	due := time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC)
	task := election.Task{ID: "2026-2031/00004/review-complaint/KN-001", Term: "2026-2031", Council: "00004",
		Kind: election.KindReviewComplaint, Subject: "complaint KN-001", Role: election.RoleElectionCommittee, Due: due}
	for range 2 {
		if err := s.OpenTasks(ctx, "checklist/2026-2031/00004/credentials", []election.Task{task}); err != nil {
			t.Fatal(err)
		}
	}
	open, err := s.ListTasks(ctx, TaskFilter{Term: "2026-2031", Role: election.RoleElectionCommittee})
	if err != nil || len(open) != 1 || open[0].WorkflowID != "checklist/2026-2031/00004/credentials" || !open[0].Due.Equal(due) {
		t.Fatalf("open tasks %+v, %v", open, err)
	}
	if other, _ := s.ListTasks(ctx, TaskFilter{Role: election.RoleCouncilOffice}); len(other) != 0 {
		t.Errorf("role filter: %+v", other)
	}

	notice := TaskNotice{Task: task, Kind: "escalation", At: due}
	for range 2 {
		if err := s.NotifyTask(ctx, notice); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM task_notices`); n != 1 {
		t.Errorf("%d notices, want 1", n)
	}
	if overdue, _ := s.ListTasks(ctx, TaskFilter{OverdueOnly: true}); len(overdue) != 1 {
		t.Errorf("escalated task not overdue: %+v", overdue)
	}

	done := TaskCompletion{Task: task, Actor: Actor{Name: "ubbc", Role: election.RoleElectionCommittee, Source: "test"},
		Outcome: json.RawMessage(`{"decision":"dismissed","reason":"x"}`), At: due}
	for range 2 {
		if err := s.CompleteTask(ctx, done); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Task(ctx, task.ID)
	if err != nil || got.State != election.TaskDone || got.ClosedBy != "ubbc" {
		t.Errorf("completed task %+v, %v", got, err)
	}
	trail, err := s.AuditTrail(ctx, string(task.ID))
	if err != nil || len(trail) != 1 || trail[0].Action != "task.complete" || trail[0].Source != "test" {
		t.Errorf("audit trail %+v, %v", trail, err)
	}
	missing := done
	missing.Task.ID = "2026-2031/00004/review-complaint/NOPE"
	if err := s.CompleteTask(ctx, missing); !errors.Is(err, ErrNotFound) {
		t.Errorf("completing a task not in the inbox: %v", err)
	}
	if _, err := s.Task(ctx, "nope"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown task: %v", err)
	}
}

func TestRecordProgressKeepsNewest(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	p := AreaProgress{Term: "2026-2031", Council: "00004", Area: "credentials", State: "running", Step: "resolution", OpenTasks: 1, Seq: 5}
	if err := s.RecordProgress(ctx, p); err != nil {
		t.Fatal(err)
	}
	stale := p
	stale.Step, stale.Seq = "complaint-review", 4
	if err := s.RecordProgress(ctx, stale); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Summary(ctx, "2026-2031", "01")
	if err != nil {
		t.Fatal(err)
	}
	found := 0
	for _, r := range rows {
		if r.Key != "00004" {
			continue
		}
		found++
		if r.Stage != "credentials/resolution" || r.OpenTasks != 1 || r.Started != 1 {
			t.Errorf("summary row %+v: the stale report won", r)
		}
	}
	if found != 1 {
		t.Errorf("summary of province 01 has %d rows for council 00004, want 1: %+v", found, rows)
	}
}

// LastActivity moves with every task opened and progress reported, and
// only for the election and province asked about.
func TestLastActivity(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	if at, err := s.LastActivity(ctx, "2026-2031", ""); err != nil || !at.IsZero() {
		t.Fatalf("before any task: %v, %v; want zero", at, err)
	}
	before := time.Now().Add(-time.Minute)
	task := election.Task{ID: "2026-2031/00004/hand-over-certificates", Term: "2026-2031", Council: "00004",
		Kind: election.KindHandOverCertificates, Subject: "handover", Role: election.RoleElectionCommittee}
	if err := s.OpenTasks(ctx, "checklist/2026-2031/00004/credentials", []election.Task{task}); err != nil {
		t.Fatal(err)
	}
	opened, err := s.LastActivity(ctx, "2026-2031", "01")
	if err != nil || opened.Before(before) {
		t.Fatalf("after a task opened: %v, %v", opened, err)
	}
	for _, other := range []struct {
		term     election.Term
		province election.ProvinceCode
	}{{"2026-2031", "02"}, {"2021-2026", ""}} {
		if at, err := s.LastActivity(ctx, other.term, other.province); err != nil || !at.IsZero() {
			t.Errorf("LastActivity(%s, %q) = %v, %v; want zero", other.term, other.province, at, err)
		}
	}
	time.Sleep(10 * time.Millisecond)
	p := AreaProgress{Term: "2026-2031", Council: "00004", Area: "credentials", State: "running", Step: "handover", OpenTasks: 1, Seq: 1}
	if err := s.RecordProgress(ctx, p); err != nil {
		t.Fatal(err)
	}
	if at, err := s.LastActivity(ctx, "2026-2031", ""); err != nil || !at.After(opened) {
		t.Errorf("after a progress report: %v, %v; want after %v", at, err, opened)
	}
}

// Certificates are numbered by the confirmed persons' order, so a retry
// after a partial issue gives the rest the same numbers.
func TestCertificatesNumberedOnce(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	decisions := []election.CredentialDecision{
		{Person: "00004-P001", Confirmed: true},
		{Person: "00004-P002", Confirmed: false, Reason: "KN-001 có cơ sở"},
	}
	if err := s.DraftResolution(ctx, "2026-2031", "00004", decisions); err != nil {
		t.Fatal(err)
	}
	if pending, _ := s.PendingCertificates(ctx, "2026-2031", "00004"); len(pending) != 0 {
		t.Errorf("certificates pending before adoption: %+v", pending)
	}
	day := election.MustParseDate("2026-04-10")
	for range 2 {
		if _, err := s.AdoptResolution(ctx, "2026-2031", "00004", "12/NQ-UBBC", day); err != nil {
			t.Fatal(err)
		}
	}
	// After adoption the draft no longer changes.
	if err := s.DraftResolution(ctx, "2026-2031", "00004", []election.CredentialDecision{{Person: "00004-P002", Confirmed: true}}); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingCertificates(ctx, "2026-2031", "00004")
	if err != nil || len(pending) != 1 || pending[0].Person != "00004-P001" || pending[0].Number != 1 || pending[0].FullName != "Lê Hoàng Yến" {
		t.Fatalf("pending %+v, %v", pending, err)
	}
	cert := Certificate{Term: "2026-2031", Council: "00004", Number: 1, Person: "00004-P001", ResolutionNo: "12/NQ-UBBC", IssuedOn: day, PDF: []byte("%PDF-1.4")}
	for range 2 {
		if err := s.InsertCertificates(ctx, []Certificate{cert}); err != nil {
			t.Fatal(err)
		}
	}
	if n, err := s.CountCertificates(ctx, "2026-2031", "00004"); err != nil || n != 1 {
		t.Errorf("%d certificates, %v", n, err)
	}
	if pending, _ := s.PendingCertificates(ctx, "2026-2031", "00004"); len(pending) != 0 {
		t.Errorf("still pending: %+v", pending)
	}
	if err := s.HandOverCertificates(ctx, "2026-2031", "00004", day); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Summary(ctx, "2026-2031", "")
	if err != nil || len(rows) != 2 {
		t.Fatalf("summary %+v, %v", rows, err)
	}
	if na := rows[0]; na.Key != "" || na.Name != "Quốc hội khóa XVI" || na.Persons != 1 {
		t.Errorf("National Assembly row %+v", na)
	}
	hn := rows[1]
	if hn.Key != "01" || hn.Name != "Hội đồng nhân dân thành phố Hà Nội" || hn.Councils != 3 || hn.Persons != 5 ||
		hn.Certificates != 1 || hn.HandedOver != 1 || hn.Confirmed != 1 || hn.NotConfirmed != 1 {
		t.Errorf("Hà Nội row %+v", hn)
	}
}

// An issue that stopped part way (some certificates stored, the rest not)
// is finished with the numbers the persons had from the start: nobody
// left takes the number of one already issued, or moves up into a gap.
func TestCertificatesRenumberedAfterPartialIssue(t *testing.T) {
	const term, council = election.Term("2026-2031"), election.CouncilCode("00004")
	day := election.MustParseDate("2026-04-10")
	for _, tt := range []struct {
		issued, left election.PersonID
		leftNumber   int
	}{
		{issued: "00004-P001", left: "00004-P002", leftNumber: 2},
		{issued: "00004-P002", left: "00004-P001", leftNumber: 1},
	} {
		t.Run("issued "+string(tt.issued), func(t *testing.T) {
			ctx := context.Background()
			s := openWithRoster(t)
			decisions := []election.CredentialDecision{{Person: "00004-P001", Confirmed: true}, {Person: "00004-P002", Confirmed: true}}
			if err := s.DraftResolution(ctx, term, council, decisions); err != nil {
				t.Fatal(err)
			}
			if _, err := s.AdoptResolution(ctx, term, council, "12/NQ-UBBC", day); err != nil {
				t.Fatal(err)
			}
			all, err := s.PendingCertificates(ctx, term, council)
			if err != nil || len(all) != 2 || all[0].Person != "00004-P001" || all[0].Number != 1 || all[1].Person != "00004-P002" || all[1].Number != 2 {
				t.Fatalf("pending before any issue %+v, %v; want P001 as 1, P002 as 2", all, err)
			}
			cert := Certificate{Term: term, Council: council, Number: 3 - tt.leftNumber, Person: tt.issued,
				ResolutionNo: "12/NQ-UBBC", IssuedOn: day, PDF: []byte("%PDF-1.4")}
			if err := s.InsertCertificates(ctx, []Certificate{cert}); err != nil {
				t.Fatal(err)
			}
			rest, err := s.PendingCertificates(ctx, term, council)
			if err != nil || len(rest) != 1 || rest[0].Person != tt.left || rest[0].Number != tt.leftNumber {
				t.Fatalf("pending after %s was issued: %+v, %v; want %s still numbered %d", tt.issued, rest, err, tt.left, tt.leftNumber)
			}
			cert.Person, cert.Number = rest[0].Person, rest[0].Number
			if err := s.InsertCertificates(ctx, []Certificate{cert}); err != nil {
				t.Fatal(err)
			}
			if n, err := s.CountCertificates(ctx, term, council); err != nil || n != 2 {
				t.Errorf("%d certificates after the issue was finished, want 2 (%v)", n, err)
			}
			if pending, _ := s.PendingCertificates(ctx, term, council); len(pending) != 0 {
				t.Errorf("still pending: %+v", pending)
			}
		})
	}
}
