package integration

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"electionflow/activities"
	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/mailtest"
	"electionflow/store"
	"electionflow/workflows"
)

// The mail outbox on a Temporal server: a worker with mail runs it, it
// sends a queued notice's mail through a real SMTP server once, and its
// first run continues as new after its rounds. With -update-histories the
// first run's history is written for the replay tests.
func TestMailOutboxRun(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	st := newStack(t, 3, 1)
	catcher, sender := mailtest.Start(t)
	w := st.ts.NewWorkerWithOptions(taskQueue, func(r worker.Registry) {
		workflows.Register(r)
		(&activities.Activities{Store: st.store, Mail: &activities.NoticeMail{Sender: sender, WebURL: "https://baucu.example.vn"}}).Register(r)
	}, worker.Options{})
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()

	council := st.roster.Councils[len(st.roster.Councils)-1]
	admin := store.Actor{Name: "test", Role: election.RoleAdministrator}
	if _, err := st.store.CreateUser(ctx, "lanhdao", "Nguyễn Văn Lãnh", "$argon2id$fake", admin); err != nil {
		t.Fatal(err)
	}
	if err := st.store.GrantRole(ctx, "lanhdao", auth.Grant{Role: election.RoleManager, Scope: auth.ElectionScope(st.term())}, admin); err != nil {
		t.Fatal(err)
	}
	if err := st.store.SetEmail(ctx, "lanhdao", "lanhdao@example.vn", admin); err != nil {
		t.Fatal(err)
	}
	kind := election.KindSetSessionDate
	task := election.Task{ID: election.NewTaskID(st.term(), council.Code, kind, "session"), Term: st.term(), Council: council.Code,
		Kind: kind, Subject: "session", Role: election.RoleCouncilOffice, Due: time.Now().Add(-time.Hour)}
	if err := st.store.OpenTasks(ctx, "wf", []election.Task{task}); err != nil {
		t.Fatal(err)
	}
	if err := st.store.NotifyTask(ctx, store.TaskNotice{Task: task, Kind: election.NoticeEscalation, At: time.Now()}); err != nil {
		t.Fatal(err)
	}

	run, err := st.ts.GetDefaultClient().ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: checklist.MailOutboxWorkflowID, TaskQueue: taskQueue},
		checklist.WorkflowMailOutbox, checklist.MailOutboxInput{Every: 100 * time.Millisecond, Rounds: 3})
	if err != nil {
		t.Fatal(err)
	}
	// The first run ends by continuing as new: Get follows the chain, so
	// wait on the first run's own close instead.
	first := st.ts.GetDefaultClient().GetWorkflow(ctx, checklist.MailOutboxWorkflowID, run.GetRunID())
	for {
		d, err := st.ts.GetDefaultClient().DescribeWorkflowExecution(ctx, checklist.MailOutboxWorkflowID, first.GetRunID())
		if err != nil {
			t.Fatal(err)
		}
		if d.GetWorkflowExecutionInfo().GetCloseTime() != nil {
			break
		}
		if ctx.Err() != nil {
			t.Fatal("the outbox's first run did not end")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if got := catcher.Messages(); len(got) != 1 || got[0].To[0] != "lanhdao@example.vn" {
		t.Fatalf("caught %+v, want one mail to lanhdao", got)
	}
	if tally, err := st.store.MailTally(ctx); err != nil || tally != (store.MailTally{Sent: 1}) {
		t.Errorf("outbox %+v, %v", tally, err)
	}
	data := exportRun(t, st, ctx, checklist.MailOutboxWorkflowID, run.GetRunID())
	if *updateHistories {
		path := filepath.Join("..", "workflows", "testdata", "mail-outbox-v1.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s", path)
	}
}
