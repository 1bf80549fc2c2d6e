package web

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// eventually polls f for up to 90 s: generous, because CI compiles other
// packages while this one runs.
func eventually(t *testing.T, what string, f func() bool) {
	t.Helper()
	for deadline := time.Now().Add(90 * time.Second); !f(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within 90 s", what)
		}
	}
}

// A council office completes a task through the browser form on a real
// Temporal server and worker: a refusal shows the validator's reason with
// what was typed, a good outcome completes the task and it leaves the
// inbox.
func TestCompleteThroughTheFormEndToEnd(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s, db := testDB(t)
	o := startWorkflows(t, ctx, s)

	// Council 00008 has no complaints: its resolution is the first task;
	// adopting it opens the council office's hand-over.
	if _, err := o.StartChecklists(ctx, store.CouncilFilter{Term: term, Council: "00008"}, nil); err != nil {
		t.Fatal(err)
	}
	resolution := election.NewTaskID(term, "00008", election.KindAdoptResolution, "resolution")
	handover := election.NewTaskID(term, "00008", election.KindHandOverCertificates, "certificates")
	waitOpen := func(id election.TaskID) {
		eventually(t, "task "+string(id)+" open", func() bool {
			got, err := s.Task(ctx, id)
			return err == nil && got.State == election.TaskOpen
		})
	}
	waitOpen(resolution)
	var refused *ops.RefusedError
	for {
		// The workflow may register the task a moment after the inbox has it.
		_, err := o.CompleteTask(ctx, checklist.CompleteTaskRequest{TaskID: resolution, Actor: "ubbc", Role: election.RoleElectionCommittee,
			Source: "test", Outcome: []byte(`{"resolution_no":"1/NQ-UBBC","adopted_on":"2026-04-01"}`)})
		if err == nil {
			break
		}
		if !errors.As(err, &refused) || ctx.Err() != nil {
			t.Fatalf("adopt the resolution: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	waitOpen(handover)

	addUser(t, s, "vanphong08", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00008")})
	ts := startServer(t, newServer(t, s, db, o))
	b := browser(t)
	signIn(t, b, ts.URL, "vanphong08")
	if r := do(t, b, "GET", ts.URL+"/inbox", nil, nil); r.status != http.StatusOK || !strings.Contains(r.body, string(handover)) {
		t.Fatalf("inbox = %d, lacks %s:\n%s", r.status, handover, r.body)
	}
	page := do(t, b, "GET", ts.URL+"/tasks/"+string(handover), nil, nil)
	if page.status != http.StatusOK || !strings.Contains(page.body, `name="date"`) || !strings.Contains(page.body, "Số giấy chứng nhận đã cấp cần trao") {
		t.Fatalf("task page = %d:\n%s", page.status, page.body)
	}

	tomorrow := election.Today(time.Now()).AddDays(1).String()
	r := do(t, b, "POST", ts.URL+"/tasks/"+string(handover), url.Values{"date": {tomorrow}, "note": {"Trao tại hội trường"}}, nil)
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, "is in the future") ||
		!strings.Contains(r.body, `value="`+tomorrow+`"`) || !strings.Contains(r.body, `value="Trao tại hội trường"`) {
		t.Fatalf("refused completion = %d, want the reason and the typed values:\n%s", r.status, r.body)
	}
	if got, _ := s.Task(ctx, handover); got.State != election.TaskOpen {
		t.Fatalf("a refused completion closed the task: %+v", got)
	}

	r = do(t, b, "POST", ts.URL+"/tasks/"+string(handover), url.Values{"date": {"2026-04-02"}, "note": {"Trao tại hội trường"}}, nil)
	if r.status != http.StatusSeeOther || !strings.HasPrefix(r.header.Get("Location"), "/inbox") {
		t.Fatalf("completion = %d:\n%s", r.status, r.body)
	}
	eventually(t, "task gone from the inbox", func() bool {
		r := do(t, b, "GET", ts.URL+"/inbox", nil, nil)
		return r.status == http.StatusOK && !strings.Contains(r.body, string(handover))
	})
	got, err := s.Task(ctx, handover)
	if err != nil || got.State != election.TaskDone || got.ClosedBy != "vanphong08" {
		t.Errorf("completed task %+v, %v", got, err)
	}
}
