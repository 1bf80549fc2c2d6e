package web

import (
	"context"
	"encoding/csv"
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
	"electionflow/internal/pgtest"
	"electionflow/store"
)

// rollupDB is the test roster with a second province, 02, of 121
// councils: its provincial council, named like a spreadsheet formula, and
// 120 communes, more than a page of the board.
func rollupDB(t *testing.T) (*store.Store, string) {
	t.Helper()
	url := pgtest.NewDatabase(t)
	s := importRoster(t, url, func(r *election.Roster) {
		r.Councils = append(r.Councils, election.Council{Code: "02", Name: `=HYPERLINK("http://x","HĐND 02")`, Level: election.LevelProvince, Province: "02", Seats: 50})
		for i := 1; i <= 120; i++ {
			r.Councils = append(r.Councils, election.Council{Code: election.CouncilCode(fmt.Sprintf("02%03d", i)), Name: "HĐND xã",
				Level: election.LevelCommune, Province: "02", Seats: 15})
		}
	})
	return s, url
}

// rollupServer serves rollupDB on 1 May 2026: past the credential
// resolution's deadline (17/04, overridden to E+33) and the first
// session's (29/04; 20/05 for 00008, re-run on 05/04). 00004 adopted its
// resolution on time and has two open tasks, 00008 one.
func rollupServer(t *testing.T) (*store.Store, string) {
	t.Helper()
	ctx := context.Background()
	s, db := rollupDB(t)
	openTestTasks(t, s)
	if err := s.DraftResolution(ctx, term, "00004", []election.CredentialDecision{{Person: "00004-P001", Confirmed: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AdoptResolution(ctx, term, "00004", "", election.MustParseDate("2026-04-02")); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordProgress(ctx, store.AreaProgress{Term: term, Council: "00004", Area: "credentials", State: "done", Step: "done", Seq: 1}); err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, s, db, &fakeOps{})
	srv.Now = func() time.Time { return time.Date(2026, 5, 1, 9, 0, 0, 0, election.OfficeZone()) }
	addUser(t, s, "boss", auth.Grant{Role: election.RoleManager, Scope: auth.ElectionScope(term)})
	addUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	addUser(t, s, "manager02", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "02")})
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	return s, startServer(t, srv).URL
}

// signedIn is a browser signed in as name.
func signedIn(t *testing.T, base, name string) *http.Client {
	t.Helper()
	c := browser(t)
	signIn(t, c, base, name)
	return c
}

// rollupCells returns a rollup page's rows as province label → the
// text of its cells, tags removed.
func rollupCells(t *testing.T, body string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	tag := regexp.MustCompile(`(?s)<title>.*?</title>|<[^>]*>`)
	for _, tr := range regexp.MustCompile(`(?s)<tr>\s*<td>(.*?)</tr>`).FindAllStringSubmatch(body, -1) {
		var cells []string
		for _, td := range regexp.MustCompile(`(?s)<td[^>]*>(.*?)</td>`).FindAllStringSubmatch("<td>"+tr[1], -1) {
			cells = append(cells, strings.Join(strings.Fields(html.UnescapeString(tag.ReplaceAllString(td[1], " "))), " "))
		}
		out[cells[0]] = cells[1:]
	}
	return out
}

// The board opens on one row per province in the user's reach, with the
// councils past a legal deadline; a manager of one province sees only it.
func TestRollupByProvince(t *testing.T) {
	_, base := rollupServer(t)
	get := func(c *http.Client, path string) string {
		t.Helper()
		r := do(t, c, "GET", base+path, nil, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d:\n%s", path, r.status, r.body)
		}
		return r.body
	}
	boss := signedIn(t, base, "boss")
	rows := rollupCells(t, get(boss, "/board?lang=en"))
	// Councils, four areas (done / running / not started), open, overdue,
	// past a deadline.
	want := map[string]string{
		"National Assembly": "1 0 / 0 / 1 0 / 0 / 1 0 / 0 / 1 0 / 0 / 1 0 0 1",
		// 01 and 00008 lack the resolution; 00004 its first session.
		"Province 01": "3 1 / 0 / 2 0 / 0 / 3 0 / 0 / 3 0 / 0 / 3 3 0 3",
		"Province 02": "121 0 / 0 / 121 0 / 0 / 121 0 / 0 / 121 0 / 0 / 121 0 0 121",
	}
	if len(rows) != len(want) {
		t.Errorf("rollup rows %v, want %d", rows, len(want))
	}
	for label, cells := range want {
		if got := strings.Join(rows[label], " "); got != cells {
			t.Errorf("%s: %q, want %q", label, got, cells)
		}
	}
	body := get(boss, "/board")
	for _, href := range []string{`href="/board?province=01&amp;term=2026-2031"`, `href="/board/missing?province=02&amp;term=2026-2031"`,
		`href="/board?level=national&amp;term=2026-2031"`, `<rect class="done" width="33"`} {
		if !strings.Contains(body, href) {
			t.Errorf("the rollup lacks %s:\n%s", href, body)
		}
	}

	// The provinces that lag most come first when asked.
	body = get(boss, "/board?view=provinces&by=past&lang=en")
	if i, j := strings.Index(body, ">Province 02</a>"), strings.Index(body, ">Province 01</a>"); i < 0 || j < 0 || i > j {
		t.Errorf("by=past does not put 02 (121 past a deadline) before 01 (3)")
	}
	body = get(boss, "/board?view=provinces&by=nonsense&lang=en")
	if i, j := strings.Index(body, ">Province 02</a>"), strings.Index(body, ">Province 01</a>"); i < 0 || j < 0 || i < j {
		t.Errorf("an unknown order is not by province")
	}

	manager01 := signedIn(t, base, "manager01")
	rows = rollupCells(t, get(manager01, "/board?view=provinces&lang=en"))
	if len(rows) != 1 || rows["Province 01"] == nil {
		t.Errorf("manager of 01 sees rows %v, want province 01 alone", rows)
	}
	// Their board opens on their province's councils.
	body = get(manager01, "/board")
	if !strings.Contains(body, `href="/inbox?council=00004"`) || strings.Contains(body, "02001") || strings.Contains(body, "HYPERLINK") {
		t.Errorf("the board of a manager of 01 is not 01's councils:\n%s", body)
	}
	rows = rollupCells(t, get(signedIn(t, base, "manager02"), "/board?view=provinces&lang=en"))
	if len(rows) != 1 || rows["Province 02"] == nil {
		t.Errorf("manager of 02 sees rows %v, want province 02 alone", rows)
	}

	office := signedIn(t, base, "office04")
	for _, p := range []string{"/board", "/board?view=provinces", "/board/missing", "/board/missing.csv"} {
		if r := do(t, office, "GET", base+p, nil, nil); r.status != http.StatusForbidden {
			t.Errorf("council office GET %s = %d, want 403", p, r.status)
		}
	}
	if r := do(t, boss, "GET", base+"/board?term=not-a-term", nil, nil); r.status != http.StatusNotFound {
		t.Errorf("rollup of a malformed term = %d, want 404", r.status)
	}
}

// A province opens its councils 100 a page; the page links keep the
// filters and the order, and a page out of range shows the nearest.
func TestBoardDrillDownPages(t *testing.T) {
	_, base := rollupServer(t)
	boss := signedIn(t, base, "boss")
	councilsOf := func(path string) (string, []string) {
		t.Helper()
		r := do(t, boss, "GET", base+path, nil, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d:\n%s", path, r.status, r.body)
		}
		var codes []string
		for _, m := range regexp.MustCompile(`href="/inbox\?council=([^"]+)"`).FindAllStringSubmatch(r.body, -1) {
			codes = append(codes, m[1])
		}
		return r.body, codes
	}
	body, codes := councilsOf("/board?province=02&sort=council&term=2026-2031&lang=en")
	if len(codes) != 100 || codes[0] != "02" || codes[99] != "02099" {
		t.Fatalf("first page: %d councils %v", len(codes), codes)
	}
	if !strings.Contains(body, "Term 2026-2031: 121 councils — Page 1 of 2") {
		t.Errorf("first page lacks the total and page:\n%s", body)
	}
	next := regexp.MustCompile(`href="([^"]+)" rel="next"`).FindStringSubmatch(body)
	if next == nil {
		t.Fatalf("first page has no next link:\n%s", body)
	}
	link := html.UnescapeString(next[1])
	if u, err := url.Parse(link); err != nil || u.Query().Get("sort") != "council" || u.Query().Get("province") != "02" || u.Query().Get("page") != "2" {
		t.Errorf("next link %q loses the filters", link)
	}
	body, codes = councilsOf(link)
	if len(codes) != 21 || codes[0] != "02100" || codes[20] != "02120" || !strings.Contains(body, `rel="prev"`) || strings.Contains(body, `rel="next"`) {
		t.Errorf("second page: %v", codes)
	}
	for page, first := range map[string]string{"abc": "02", "-3": "02", "99": "02100"} {
		if _, codes := councilsOf("/board?province=02&sort=council&page=" + page); len(codes) == 0 || codes[0] != first {
			t.Errorf("page=%s starts at %v, want %s", page, codes, first)
		}
	}
	if _, codes := councilsOf("/board?province=01"); strings.Join(codes, " ") != "00004 00008 01" {
		t.Errorf("province 01 lists %v", codes)
	}
}

// What is missing: the page lists the steps not done by their deadlines
// in the user's reach; the CSV has every one, neutralised and not cached.
func TestMissingPageAndCSV(t *testing.T) {
	_, base := rollupServer(t)
	manager01 := signedIn(t, base, "manager01")
	r := do(t, manager01, "GET", base+"/board/missing?lang=en", nil, nil)
	if r.status != http.StatusOK {
		t.Fatalf("missing page = %d:\n%s", r.status, r.body)
	}
	for _, want := range []string{"Term 2026-2031: 4 steps not done by their deadline as of 01/05/2026",
		`title="first-session">First session opened`, `href="/inbox?council=00008"`} {
		if !strings.Contains(r.body, want) {
			t.Errorf("missing page of 01 lacks %s:\n%s", want, r.body)
		}
	}
	for _, not := range []string{"02001", ">QH<", `rel="next"`} {
		if strings.Contains(r.body, not) {
			t.Errorf("missing page of 01 shows %s:\n%s", not, r.body)
		}
	}

	boss := signedIn(t, base, "boss")
	r = do(t, boss, "GET", base+"/board/missing.csv", nil, nil)
	if r.status != http.StatusOK || r.header.Get("Cache-Control") != "no-store" || r.header.Get("Content-Type") != "text/csv; charset=utf-8" {
		t.Fatalf("missing CSV = %d %v", r.status, r.header)
	}
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	// QH its resolution (its session is due 14/05), 01 both steps, 00004 its session, 00008 its resolution, 121
	// councils of 02 both steps.
	if len(records) != 1+1+2+1+1+2*121 {
		t.Errorf("missing CSV has %d records", len(records))
	}
	lines := map[string]bool{}
	for _, rec := range records {
		lines[strings.Join(rec, ",")] = true
	}
	for _, l := range []string{
		"term,council,name,level,province,step,due,done_on,days_late",
		"2026-2031,00004,Hội đồng nhân dân phường Ba Đình,commune,01,first-session,2026-04-29,,2",
		"2026-2031,00008,Hội đồng nhân dân xã Tân Hòa,commune,01,credential-resolution,2026-04-17,,14",
		`2026-2031,02,'=HYPERLINK("http://x","HĐND 02"),province,02,credential-resolution,2026-04-17,,14`,
	} {
		if !lines[l] {
			t.Errorf("missing CSV lacks %s:\n%s", l, r.body)
		}
	}
	if lines["2026-2031,00008,Hội đồng nhân dân xã Tân Hòa,commune,01,first-session,2026-04-29,,2"] {
		t.Error("00008's first session is due 45 days after its re-run election, not election day")
	}
	r = do(t, boss, "GET", base+"/board/missing.csv?province=01", nil, nil)
	if n := strings.Count(r.body, "\n"); n != 1+4 {
		t.Errorf("missing CSV of province 01 has %d lines:\n%s", n, r.body)
	}
}

// Every key the rollup and missing pages translate exists in both
// languages, the names of missed steps included.
func TestRollupPagesAreTranslated(t *testing.T) {
	keys := []string{"missed." + store.StepCredentialResolution, "missed." + store.StepFirstSession, "missed." + store.StepCadreDecisions}
	for _, name := range []string{"rollup", "missing", "board"} {
		b, err := templateFiles.ReadFile("templates/" + name + ".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range regexp.MustCompile(`\$L\.[TF] "([^"]+)"`).FindAllStringSubmatch(string(b), -1) {
			keys = append(keys, m[1])
		}
	}
	for _, k := range keys {
		if _, ok := translations()[k]; !ok {
			t.Errorf("no translation of %q", k)
		}
	}
}
