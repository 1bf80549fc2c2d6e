package activities

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/converter"
	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/mailtest"
	"electionflow/internal/storetest"
	"electionflow/mailcatch"
	"electionflow/store"
	"electionflow/workflows"
)

const mailTerm election.Term = "2026-2031"

// mailSetup is a store with the good roster, a real SMTP server catching
// mail, and activities that mail through it.
func mailSetup(t *testing.T) (*store.Store, *mailcatch.Catcher, *Activities) {
	t.Helper()
	s := storetest.OpenWithRoster(t)
	c, sender := mailtest.Start(t)
	return s, c, &Activities{Store: s, Mail: &NoticeMail{Sender: sender, WebURL: "https://baucu.example.vn/"}}
}

// mailUser creates a user with an address and one grant.
func mailUser(t *testing.T, s *store.Store, name string, g auth.Grant) {
	t.Helper()
	ctx := context.Background()
	admin := store.Actor{Name: "test", Role: election.RoleAdministrator}
	if _, err := s.CreateUser(ctx, name, "Người "+name, "$argon2id$fake", admin); err != nil {
		t.Fatal(err)
	}
	if err := s.GrantRole(ctx, name, g, admin); err != nil {
		t.Fatal(err)
	}
	if err := s.SetEmail(ctx, name, name+"@example.vn", admin); err != nil {
		t.Fatal(err)
	}
}

// cadreTask opens the task of verifying cadre CB-001's record (council
// 00004) and records a reminder and an escalation of it: three mails, to
// hr04 (the reminder) and to admin1 and admin2 (the escalation).
func cadreTask(t *testing.T, s *store.Store) election.Task {
	t.Helper()
	ctx := context.Background()
	for _, u := range []struct {
		name string
		g    auth.Grant
	}{
		{"hr04", auth.Grant{Role: election.RoleHR, Scope: auth.CouncilScope(mailTerm, "00004")}},
		{"admin1", auth.Grant{Role: election.RoleAdministrator, Scope: auth.ElectionScope(mailTerm)}},
		{"admin2", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(mailTerm, "01")}},
	} {
		mailUser(t, s, u.name, u.g)
	}
	kind := election.KindVerifyCadreRecord
	task := election.Task{ID: election.NewTaskID(mailTerm, "00004", kind, "CB-001"), Term: mailTerm, Council: "00004",
		Kind: kind, Subject: checklist.Subject(kind, "CB-001"), Role: election.RoleHR,
		Due: time.Date(2026, 4, 12, 10, 0, 0, 0, time.UTC)}
	if err := s.OpenTasks(ctx, "wf", []election.Task{task}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []store.TaskNotice{
		{Task: task, Kind: election.NoticeReminder, Lead: 72 * time.Hour, At: task.Due.Add(-72 * time.Hour)},
		{Task: task, Kind: election.NoticeEscalation, At: task.Due},
	} {
		if err := s.NotifyTask(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	return task
}

// runOutbox runs the mail outbox workflow for rounds rounds on Temporal's
// test environment with the real send activity, and counts the activity's
// attempts.
func runOutbox(t *testing.T, a *Activities, rounds int) (attempts int) {
	t.Helper()
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.RegisterWorkflowWithOptions(workflows.MailOutbox, workflow.RegisterOptions{Name: checklist.WorkflowMailOutbox})
	env.RegisterActivityWithOptions(a.SendQueuedMail, activity.RegisterOptions{Name: checklist.ActivitySendQueuedMail})
	env.SetOnActivityStartedListener(func(*activity.Info, context.Context, converter.EncodedValues) { attempts++ })
	env.ExecuteWorkflow(checklist.WorkflowMailOutbox, checklist.MailOutboxInput{Rounds: rounds, Batch: 10})
	var cont *workflow.ContinueAsNewError
	if err := env.GetWorkflowError(); !errors.As(err, &cont) {
		t.Fatalf("the outbox ended with %v, want to continue as new after %d rounds", err, rounds)
	}
	return attempts
}

// A mail the SMTP server refuses for now fails the send activity, and
// Temporal's retry sends that mail alone: everyone gets exactly one mail,
// through a real SMTP server.
func TestRetriedSendSendsNoSecondMail(t *testing.T) {
	s, catcher, a := mailSetup(t)
	task := cadreTask(t, s)
	catcher.RefuseNext("admin2@example.vn", 451, 1)
	if n := runOutbox(t, a, 2); n < 3 {
		t.Errorf("%d send attempts, want the refused round retried (3 or more)", n)
	}
	got := map[string]int{}
	var escalation mailcatch.Message
	for _, m := range catcher.Messages() {
		for _, to := range m.To {
			got[to]++
		}
		if strings.Contains(m.Subject, "[Báo quá hạn]") {
			escalation = m
		}
	}
	want := map[string]int{"hr04@example.vn": 1, "admin1@example.vn": 1, "admin2@example.vn": 1}
	if len(got) != len(want) || got["hr04@example.vn"] != 1 || got["admin1@example.vn"] != 1 || got["admin2@example.vn"] != 1 {
		t.Errorf("mail received %v, want one each: %v", got, want)
	}
	link := "https://baucu.example.vn/tasks/" + string(task.ID)
	if !strings.Contains(escalation.Subject, "Hoàng Văn Bình") || !strings.Contains(escalation.Text, link) ||
		!strings.Contains(escalation.Text, "phường Ba Đình") {
		t.Errorf("escalation mail %q:\n%s\nwant the cadre's name, the place and %s", escalation.Subject, escalation.Text, link)
	}
	if tally, err := s.MailTally(context.Background()); err != nil || tally != (store.MailTally{Sent: 3}) {
		t.Errorf("outbox %+v, %v; want 3 sent", tally, err)
	}
}

// A mailbox that does not exist (5xx) is given up without failing the
// activity, so the rest of the outbox is not held back by retries.
func TestPermanentRefusalIsGivenUp(t *testing.T) {
	s, catcher, a := mailSetup(t)
	cadreTask(t, s)
	catcher.RefuseNext("admin1@example.vn", 550, 1)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	env.RegisterActivityWithOptions(a.SendQueuedMail, activity.RegisterOptions{Name: checklist.ActivitySendQueuedMail})
	v, err := env.ExecuteActivity(checklist.ActivitySendQueuedMail, 10)
	if err != nil {
		t.Fatalf("send: %v", err)
	}
	var b checklist.MailBatch
	if err := v.Get(&b); err != nil || b != (checklist.MailBatch{Claimed: 3, Sent: 2, GivenUp: 1}) {
		t.Errorf("batch %+v, %v", b, err)
	}
	if n := len(catcher.Messages()); n != 2 {
		t.Errorf("%d mails caught, want 2", n)
	}
	if tally, _ := s.MailTally(context.Background()); tally != (store.MailTally{Sent: 2, GivenUp: 1}) {
		t.Errorf("outbox %+v", tally)
	}
}

// A worker without mail fails the activity (for a worker with mail to
// take the retry) and sends nothing.
func TestSendWithoutMailConfigured(t *testing.T) {
	s := storetest.OpenWithRoster(t)
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	a := &Activities{Store: s}
	env.RegisterActivityWithOptions(a.SendQueuedMail, activity.RegisterOptions{Name: checklist.ActivitySendQueuedMail})
	if _, err := env.ExecuteActivity(checklist.ActivitySendQueuedMail, 10); err == nil || !strings.Contains(err.Error(), "not configured") {
		t.Errorf("send without mail: %v", err)
	}
}

// A person with several notices gets one mail listing them all.
func TestSeveralNoticesMakeOneMail(t *testing.T) {
	s, catcher, a := mailSetup(t)
	ctx := context.Background()
	cadreTask(t, s)
	kind := election.KindSetSessionDate
	session := election.Task{ID: election.NewTaskID(mailTerm, "00004", kind, "session"), Term: mailTerm, Council: "00004",
		Kind: kind, Subject: "session", Role: election.RoleCouncilOffice, Due: time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC)}
	if err := s.OpenTasks(ctx, "wf", []election.Task{session}); err != nil {
		t.Fatal(err)
	}
	if err := s.NotifyTask(ctx, store.TaskNotice{Task: session, Kind: election.NoticeEscalation, At: session.Due}); err != nil {
		t.Fatal(err)
	}
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestActivityEnvironment()
	a.Register(env)
	v, err := env.ExecuteActivity(checklist.ActivitySendQueuedMail, 100)
	if err != nil {
		t.Fatal(err)
	}
	var b checklist.MailBatch
	if err := v.Get(&b); err != nil || b != (checklist.MailBatch{Claimed: 5, Sent: 5}) {
		t.Errorf("batch %+v, %v; want 5 notices sent", b, err)
	}
	byTo := map[string][]mailcatch.Message{}
	for _, m := range catcher.Messages() {
		byTo[m.To[0]] = append(byTo[m.To[0]], m)
	}
	if len(byTo["hr04@example.vn"]) != 1 || !strings.HasPrefix(byTo["hr04@example.vn"][0].Subject, "[Nhắc hạn]") {
		t.Errorf("hr04's mail: %+v", byTo["hr04@example.vn"])
	}
	for _, admin := range []string{"admin1@example.vn", "admin2@example.vn"} {
		got := byTo[admin]
		if len(got) != 1 || got[0].Subject != "[2 thông báo] Báo quá hạn: 2" ||
			!strings.Contains(got[0].Text, "/tasks/"+string(session.ID)) || !strings.Contains(got[0].Text, "Hoàng Văn Bình") {
			t.Errorf("%s: %d mails, want one listing both escalations: %+v", admin, len(got), got)
		}
	}
}

func TestByRecipient(t *testing.T) {
	var queued []store.QueuedMail
	for i := range 2*MaxNoticesPerMail + 3 {
		queued = append(queued, store.QueuedMail{ID: int64(i), User: 7})
		if i < 2 {
			queued = append(queued, store.QueuedMail{ID: int64(1000 + i), User: 9})
		}
	}
	var sizes []int
	var users []int64
	for _, g := range byRecipient(queued) {
		sizes, users = append(sizes, len(g.mails)), append(users, g.mails[0].User)
		for _, m := range g.mails {
			if m.User != g.mails[0].User {
				t.Fatalf("a mail mixes users %d and %d", m.User, g.mails[0].User)
			}
		}
	}
	if !slices.Equal(sizes, []int{MaxNoticesPerMail, 2, MaxNoticesPerMail, 3}) || !slices.Equal(users, []int64{7, 9, 7, 7}) {
		t.Errorf("mails of %v notices for users %v", sizes, users)
	}
}
