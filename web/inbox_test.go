package web

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/election"
)

// The inbox and the API page through many tasks, keeping the filters,
// and say how many there are in all.
func TestInboxPages(t *testing.T) {
	s, db := testDB(t)
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	due := time.Now().Add(72 * time.Hour)
	var tasks []election.Task
	for i := range 250 {
		kind := election.KindAppraiseNomination
		if i%5 == 0 {
			kind = election.KindDecideCadreBenefits // 50 of them
		}
		tasks = append(tasks, election.Task{ID: election.NewTaskID(term, "00004", kind, fmt.Sprintf("N-%03d", i)), Term: term, Council: "00004",
			Kind: kind, Subject: "s", Role: election.RoleCouncilOffice, Due: due.Add(time.Duration(i) * time.Minute)})
	}
	if err := s.OpenTasks(context.Background(), "checklist/2026-2031/00004", tasks); err != nil {
		t.Fatal(err)
	}
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	c := browser(t)
	signIn(t, c, ts.URL, "office04")
	vi := lang("vi")
	rows := func(body string) int { return strings.Count(body, `<td><a href="/tasks/`) }
	// link is the href of the page's link with rel, "" when it has none.
	link := func(body, rel string) string {
		m := regexp.MustCompile(`<a href="([^"]*)" rel="` + rel + `">`).FindStringSubmatch(body)
		if m == nil {
			return ""
		}
		return html.UnescapeString(m[1])
	}

	for _, tt := range []struct {
		query      string
		rows       int
		shown      string
		prev, next string
	}{
		{"", 100, vi.F("shown", 1, 100, 250), "", "/inbox?page=2"},
		{"?page=2", 100, vi.F("shown", 101, 200, 250), "/inbox", "/inbox?page=3"},
		{"?page=3", 50, vi.F("shown", 201, 250, 250), "/inbox?page=2", ""},
		{"?kind=decide-cadre-benefits&per_page=20&page=2", 20, vi.F("shown", 21, 40, 50),
			"/inbox?kind=decide-cadre-benefits&per_page=20", "/inbox?kind=decide-cadre-benefits&page=3&per_page=20"},
	} {
		r := do(t, c, "GET", ts.URL+"/inbox"+tt.query, nil, nil)
		if r.status != http.StatusOK || rows(r.body) != tt.rows || !strings.Contains(r.body, tt.shown) {
			t.Errorf("inbox%s = %d with %d rows, want %d and %q", tt.query, r.status, rows(r.body), tt.rows, tt.shown)
		}
		if got := link(r.body, "prev"); got != tt.prev {
			t.Errorf("inbox%s: previous page %q, want %q", tt.query, got, tt.prev)
		}
		if got := link(r.body, "next"); got != tt.next {
			t.Errorf("inbox%s: next page %q, want %q", tt.query, got, tt.next)
		}
	}
	for bad, why := range map[string]string{"?page=0": "want a whole number", "?page=x": "want a whole number",
		"?per_page=5000": "want a whole number", "?per_page=-1": "want a whole number", "?claim=yours": "want mine or unclaimed"} {
		r := do(t, c, "GET", ts.URL+"/inbox"+bad, nil, nil)
		if !strings.Contains(r.body, why) {
			t.Errorf("inbox%s does not say what is wrong:\n%s", bad, r.body)
		}
	}

	// Claimed by me, and unclaimed, as in Camunda Tasklist.
	for _, i := range []int{7, 8, 9} {
		id := election.NewTaskID(term, "00004", election.KindAppraiseNomination, fmt.Sprintf("N-%03d", i))
		if r := do(t, c, "POST", ts.URL+"/claims", url.Values{"task": {string(id)}, "action": {"claim"}}, nil); r.status != http.StatusSeeOther {
			t.Fatalf("claim %s = %d", id, r.status)
		}
	}
	if r := do(t, c, "GET", ts.URL+"/inbox?claim=mine", nil, nil); rows(r.body) != 3 || !strings.Contains(r.body, vi.F("shown", 1, 3, 3)) ||
		!strings.Contains(r.body, `<option value="mine" selected>`) {
		t.Errorf("inbox?claim=mine: %d rows:\n%s", rows(r.body), r.body)
	}
	if r := do(t, c, "GET", ts.URL+"/inbox?claim=unclaimed&page=3", nil, nil); rows(r.body) != 47 || link(r.body, "prev") != "/inbox?claim=unclaimed&page=2" {
		t.Errorf("inbox?claim=unclaimed&page=3: %d rows, previous page %q", rows(r.body), link(r.body, "prev"))
	}

	token := addToken(t, s, "office04")
	api := func(query string) (int, map[string]json.RawMessage) {
		t.Helper()
		r := callAPI(t, "GET", ts.URL+"/api/tasks"+query, token, "")
		var body map[string]json.RawMessage
		_ = json.Unmarshal([]byte(r.body), &body)
		return r.status, body
	}
	status, body := api("?per_page=30&page=9")
	var got []apiTask
	if err := json.Unmarshal(body["tasks"], &got); status != http.StatusOK || err != nil || len(got) != 10 ||
		string(body["total"]) != "250" || string(body["page"]) != "9" || string(body["per_page"]) != "30" {
		t.Errorf("API page 9 of 30 = %d, %d tasks, total %s page %s per_page %s", status, len(got), body["total"], body["page"], body["per_page"])
	}
	if status, body := api("?per_page=1001"); status != http.StatusBadRequest || !strings.Contains(string(body["error"]), "per_page") {
		t.Errorf("API per_page=1001 = %d %s", status, body["error"])
	}
	if status, body := api("?claim=mine"); status != http.StatusOK || string(body["total"]) != "3" {
		t.Errorf("API claim=mine = %d, total %s", status, body["total"])
	}
}
