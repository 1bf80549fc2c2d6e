package web

import (
	"net/http"
	"net/url"
	"testing"

	"electionflow/auth"
	"electionflow/election"
)

// Every role × every scope kind × every page and action, through the
// HTTP layer: the status each request gets is the one auth's rules give
// (auth's own table test checks the rules themselves), so no handler lets
// through what auth refuses or refuses what it allows.
func TestAuthorizationMatrixThroughHTTP(t *testing.T) {
	s, db := testDB(t)
	openTestTasks(t, s)
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))

	place04 := auth.Place{Term: term, Province: "01", Council: "00004"}
	place08 := auth.Place{Term: term, Province: "01", Council: "00008"}
	scopes := map[auth.ScopeKind]auth.Scope{
		auth.ScopeElection: auth.ElectionScope(term),
		auth.ScopeProvince: auth.ProvinceScope(term, "01"),
		auth.ScopeCouncil:  auth.CouncilScope(term, "00004"),
	}
	status := func(allowed bool, yes int) int {
		if allowed {
			return yes
		}
		return http.StatusForbidden
	}
	anyGrant := func(u auth.User, a auth.Action) bool {
		for _, g := range u.Grants {
			if u.Can(a, auth.Place{Term: g.Scope.Term, Province: g.Scope.Province, Council: g.Scope.Council}) {
				return true
			}
		}
		return false
	}
	checked := 0
	for _, role := range election.Roles() {
		for kind, scope := range scopes {
			name := string(role) + "-" + string(kind)
			grant := auth.Grant{Role: role, Scope: scope}
			addUser(t, s, name, grant)
			u := auth.User{Username: name, Grants: []auth.Grant{grant}}
			c := browser(t)
			signIn(t, c, ts.URL, name)
			checks := []struct {
				method, path string
				form         url.Values
				want         int
			}{
				{"GET", "/inbox", nil, http.StatusOK},
				{"GET", "/tasks/" + string(handover04), nil, status(u.CanViewTask(election.RoleCouncilOffice, place04), http.StatusOK)},
				{"GET", "/tasks/" + string(handover08), nil, status(u.CanViewTask(election.RoleCouncilOffice, place08), http.StatusOK)},
				{"GET", "/tasks/" + string(review04), nil, status(u.CanViewTask(election.RoleElectionCommittee, place04), http.StatusOK)},
				{"POST", "/tasks/" + string(handover04), url.Values{"date": {"2026-04-02"}},
					status(u.CanCompleteAs(election.RoleCouncilOffice, place04), http.StatusSeeOther)},
				{"POST", "/tasks/" + string(review04), url.Values{"decision": {"dismissed"}, "reason": {"x"}},
					status(u.CanCompleteAs(election.RoleElectionCommittee, place04), http.StatusSeeOther)},
				{"GET", "/board", nil, status(anyGrant(u, auth.ActViewBoard), http.StatusOK)},
				{"GET", "/board.csv", nil, status(anyGrant(u, auth.ActExportBoard), http.StatusOK)},
				{"GET", "/report", nil, status(anyGrant(u, auth.ActViewReport), http.StatusOK)},
			}
			for _, ch := range checks {
				got := do(t, c, ch.method, ts.URL+ch.path, ch.form, nil)
				if got.status != ch.want {
					t.Errorf("%s %s %s = %d, want %d", name, ch.method, ch.path, got.status, ch.want)
				}
				checked++
			}
		}
	}
	if want := len(election.Roles()) * len(scopes) * 9; checked != want {
		t.Errorf("checked %d requests, want %d", checked, want)
	}
}
