package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// Every page and API endpoint answers each role and scope as
// authorization says: 200 where allowed, 403 outside the user's roles or
// scope, 303 to sign-in without a session.
func TestAuthorizationThroughHTTP(t *testing.T) {
	s, db := testDB(t)
	openTestTasks(t, s)
	ops := &fakeOps{}
	ts := startServer(t, newServer(t, s, db, ops))

	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	addUser(t, s, "committee04", auth.Grant{Role: election.RoleElectionCommittee, Scope: auth.CouncilScope(term, "00004")})
	addUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	addUser(t, s, "admin", auth.Grant{Role: election.RoleAdministrator, Scope: auth.ElectionScope(term)})
	addUser(t, s, "otherterm", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope("2021-2026", "00004")})

	complete := url.Values{"date": {"2026-04-02"}}
	const (
		ok        = http.StatusOK
		forbidden = http.StatusForbidden
		redirect  = http.StatusSeeOther
	)
	type check struct {
		method, path string
		want         int
	}
	pages := func(inbox, task04, task08, review, completeOwn, board, csv, report int) []check {
		return []check{
			{"GET", "/inbox", inbox},
			{"GET", "/tasks/" + string(handover04), task04},
			{"GET", "/tasks/" + string(handover08), task08},
			{"GET", "/tasks/" + string(review04), review},
			{"POST", "/tasks/" + string(handover04), completeOwn},
			{"POST", "/tasks/" + string(handover08), forbidden},
			{"GET", "/board", board},
			{"GET", "/board.csv", csv},
			{"GET", "/report", report},
			{"GET", "/report.pdf", report},
			{"GET", "/tasks/2026-2031/99999/nothing/x", forbidden},
		}
	}
	table := map[string][]check{
		//                       inbox task04   task08     review     complete   board      csv        report
		"office04":    pages(ok, ok, forbidden, forbidden, redirect, forbidden, forbidden, forbidden),
		"committee04": pages(ok, forbidden, forbidden, ok, forbidden, forbidden, forbidden, forbidden),
		"manager01":   pages(ok, ok, ok, ok, forbidden, ok, ok, ok),
		"admin":       pages(ok, ok, ok, ok, forbidden, ok, ok, ok),
		"otherterm":   pages(ok, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden, forbidden),
	}
	for user, checks := range table {
		t.Run(user, func(t *testing.T) {
			c := browser(t)
			signIn(t, c, ts.URL, user)
			for _, ch := range checks {
				var form url.Values
				if ch.method == "POST" {
					form = complete
				}
				r := do(t, c, ch.method, ts.URL+ch.path, form, nil)
				if r.status != ch.want {
					t.Errorf("%s %s %s = %d, want %d", user, ch.method, ch.path, r.status, ch.want)
				}
				if r.status == forbidden && (strings.Contains(r.body, "00008") || strings.Contains(r.body, "certificates")) {
					t.Errorf("%s %s: the 403 page tells about the task:\n%s", user, ch.path, r.body)
				}
			}
		})
	}
	// Only the council office of 00004 completed anything, as itself, in
	// the task's role.
	if len(ops.reqs) != 1 || ops.reqs[0].Actor != "office04" || ops.reqs[0].Role != election.RoleCouncilOffice ||
		ops.reqs[0].TaskID != handover04 || !strings.HasPrefix(ops.reqs[0].Source, "web ") ||
		string(ops.reqs[0].Outcome) != `{"handed_over_on":"2026-04-02"}` {
		t.Errorf("completions sent: %+v", ops.reqs)
	}

	t.Run("inbox shows only the user's tasks", func(t *testing.T) {
		c := browser(t)
		signIn(t, c, ts.URL, "office04")
		r := do(t, c, "GET", ts.URL+"/inbox", nil, nil)
		if !strings.Contains(r.body, string(handover04)) || strings.Contains(r.body, string(handover08)) || strings.Contains(r.body, string(review04)) {
			t.Errorf("inbox of office04:\n%s", r.body)
		}
	})
	t.Run("board shows only councils in scope", func(t *testing.T) {
		c := browser(t)
		signIn(t, c, ts.URL, "manager01")
		r := do(t, c, "GET", ts.URL+"/board.csv", nil, nil)
		if !strings.HasPrefix(r.body, "\uFEFFterm,council,") || !strings.Contains(r.body, "00004,") || strings.Contains(r.body, "\n2026-2031,QH,") {
			t.Errorf("board CSV of manager01:\n%s", r.body)
		}
		// A council links to its checklist workflow once it has started.
		if err := s.RecordProgress(context.Background(), store.AreaProgress{Term: term, Council: "00004", Area: "credentials",
			State: "running", Step: "resolution", Seq: 1}); err != nil {
			t.Fatal(err)
		}
		r = do(t, c, "GET", ts.URL+"/board", nil, nil)
		if !strings.Contains(r.body, "/workflows/checklist%2F2026-2031%2F00004") {
			t.Errorf("board lacks the Temporal UI link:\n%s", r.body)
		}
	})
	t.Run("without a session", func(t *testing.T) {
		c := browser(t)
		for _, p := range []string{"/inbox", "/board", "/report", "/tokens", "/tasks/" + string(handover04)} {
			if r := do(t, c, "GET", ts.URL+p, nil, nil); r.status != redirect || r.header.Get("Location") != "/signin" {
				t.Errorf("GET %s without a session = %d %s", p, r.status, r.header.Get("Location"))
			}
		}
	})

	t.Run("API", func(t *testing.T) {
		office, manager := addToken(t, s, "office04"), addToken(t, s, "manager01")
		api := func(token, method, path, body string) int {
			t.Helper()
			return callAPI(t, method, ts.URL+path, token, body).status
		}
		outcome := `{"outcome":{"handed_over_on":"2026-04-02"}}`
		for _, c := range []struct {
			token, method, path, body string
			want                      int
		}{
			{office, "GET", "/api/tasks", "", ok},
			{office, "GET", "/api/tasks/" + string(handover04), "", ok},
			{office, "GET", "/api/tasks/" + string(handover08), "", forbidden},
			{office, "POST", "/api/tasks/" + string(handover04) + "/complete", outcome, ok},
			{office, "POST", "/api/tasks/" + string(handover08) + "/complete", outcome, forbidden},
			{office, "GET", "/api/progress/00004", "", ok},
			{office, "GET", "/api/progress/00008", "", forbidden},
			{manager, "GET", "/api/tasks/" + string(handover08), "", ok},
			{manager, "POST", "/api/tasks/" + string(handover08) + "/complete", outcome, forbidden},
			{manager, "GET", "/api/progress/00008", "", ok},
			{"", "GET", "/api/tasks", "", http.StatusUnauthorized},
			{"efw_not-a-real-token-at-all-000000000000", "GET", "/api/tasks", "", http.StatusUnauthorized},
		} {
			if got := api(c.token, c.method, c.path, c.body); got != c.want {
				t.Errorf("%s %s (token %.8s) = %d, want %d", c.method, c.path, c.token, got, c.want)
			}
		}
	})
}
