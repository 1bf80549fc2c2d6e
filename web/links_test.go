package web

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
)

// The board's CSV link and the report's PDF link keep the page's filters,
// and the header offers the board and report only to those who may open
// them.
func TestLinksKeepFiltersAndOfferOnlyWhatOpens(t *testing.T) {
	s, db := testDB(t)
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	addUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})

	c := browser(t)
	signIn(t, c, ts.URL, "manager01")
	href := func(page, pattern string) string {
		t.Helper()
		r := do(t, c, "GET", ts.URL+page, nil, nil)
		m := regexp.MustCompile(`href="(` + pattern + `[^"]*)"`).FindStringSubmatch(r.body)
		if r.status != http.StatusOK || m == nil {
			t.Fatalf("GET %s = %d, no link %s in:\n%s", page, r.status, pattern, r.body)
		}
		return html.UnescapeString(m[1])
	}
	csvLink := href("/board?term=2026-2031&level=commune", "/board.csv")
	if csvLink != "/board.csv?level=commune&term=2026-2031" {
		t.Errorf("CSV link %q, want the page's filters", csvLink)
	}
	r := do(t, c, "GET", ts.URL+csvLink, nil, nil)
	if r.status != http.StatusOK || !strings.Contains(r.body, "\n2026-2031,00004,") || strings.Contains(r.body, "\n2026-2031,01,") {
		t.Errorf("GET %s = %d, want communes only:\n%s", csvLink, r.status, r.body)
	}
	if l := href("/board", "/board.csv"); l != "/board.csv" {
		t.Errorf("CSV link of the unfiltered board %q", l)
	}
	if l := href("/report?term=2026-2031", "/report.pdf"); l != "/report.pdf?term=2026-2031" {
		t.Errorf("PDF link %q, want the page's filters", l)
	}
	nav := do(t, c, "GET", ts.URL+"/inbox", nil, nil).body
	if !strings.Contains(nav, `href="/board"`) || !strings.Contains(nav, `href="/report"`) {
		t.Errorf("a manager's header lacks the board or report:\n%s", nav)
	}

	staff := browser(t)
	signIn(t, staff, ts.URL, "office04")
	nav = do(t, staff, "GET", ts.URL+"/inbox", nil, nil).body
	if strings.Contains(nav, `href="/board"`) || strings.Contains(nav, `href="/report"`) {
		t.Errorf("council staff are offered pages that answer 403:\n%s", nav)
	}
}
