package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// A claimed task is completed only by whoever holds the claim, through the
// form and the API alike; released, anyone allowed may complete it again.
func TestOnlyTheClaimHolderCompletes(t *testing.T) {
	s, db := testDB(t)
	openTestTasks(t, s)
	ops := &fakeOps{}
	ts := startServer(t, newServer(t, s, db, ops))
	office := auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")}
	addUser(t, s, "lan", office)
	addUser(t, s, "minh", office)
	lan, minh := browser(t), browser(t)
	signIn(t, lan, ts.URL, "lan")
	signIn(t, minh, ts.URL, "minh")
	page := ts.URL + "/tasks/" + string(handover04)
	form := url.Values{"date": {"2026-04-02"}, "note": {"Trao tại hội trường"}}
	calls := func() int { ops.mu.Lock(); defer ops.mu.Unlock(); return len(ops.reqs) }

	if r := do(t, minh, "POST", ts.URL+"/claims", url.Values{"task": {string(handover04)}, "action": {"claim"}, "back": {"task"}}, nil); r.status != http.StatusSeeOther {
		t.Fatalf("minh claims = %d:\n%s", r.status, r.body)
	}

	// Lan sees who holds it and no form.
	r := do(t, lan, "GET", page, nil, nil)
	held := lang("vi").F("claimed.other", "minh")
	if r.status != http.StatusOK || !strings.Contains(r.body, held) || strings.Contains(r.body, `name="date"`) {
		t.Errorf("task page for lan while minh holds it = %d, want the holder and no form:\n%s", r.status, r.body)
	}
	// Her form post and her API call are refused, and reach no workflow.
	if r := do(t, lan, "POST", page, form, nil); r.status != http.StatusConflict || !strings.Contains(r.body, held) {
		t.Errorf("lan completes minh's task = %d:\n%s", r.status, r.body)
	}
	token := addToken(t, s, "lan")
	complete := ts.URL + "/api/tasks/" + string(handover04) + "/complete"
	const outcome = `{"outcome":{"handed_over_on":"2026-04-02"}}`
	if r := callAPI(t, "POST", complete, token, outcome); r.status != http.StatusConflict || !strings.Contains(r.body, "is claimed by minh") {
		t.Errorf("lan completes minh's task through the API = %d %s", r.status, r.body)
	}
	if n := calls(); n != 0 {
		t.Fatalf("%d completions reached the workflow, want 0", n)
	}

	// Minh, who holds it, completes it.
	if r := do(t, minh, "GET", page, nil, nil); !strings.Contains(r.body, `name="date"`) || strings.Contains(r.body, `id="held"`) {
		t.Errorf("task page for minh, the holder, lacks the form:\n%s", r.body)
	}
	if r := do(t, minh, "POST", page, form, nil); r.status != http.StatusSeeOther {
		t.Errorf("minh completes his task = %d:\n%s", r.status, r.body)
	}
	if n := calls(); n != 1 || ops.reqs[0].Actor != "minh" {
		t.Errorf("completions %+v, want one by minh", ops.reqs)
	}

	// Released, the task is anyone's again.
	if err := s.ReleaseTask(context.Background(), handover04, store.Actor{Name: "minh", Role: election.RoleCouncilOffice}); err != nil {
		t.Fatal(err)
	}
	r = callAPI(t, "POST", complete, token, outcome)
	var got map[string]any
	if err := json.Unmarshal([]byte(r.body), &got); r.status != http.StatusOK || err != nil || calls() != 2 {
		t.Errorf("lan completes the released task through the API = %d %s (%v), %d completions", r.status, r.body, err, calls())
	}
}
