package web

import (
	"context"
	"encoding/csv"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/pglocal"
)

// A council imported with a formula for a name is exported as text, and
// the export is never cached.
func TestBoardCSVNeutralisesFormulas(t *testing.T) {
	dbURL := pgtest.NewDatabase(t)
	const link = `=HYPERLINK("http://x","y")`
	s := importRoster(t, dbURL, func(r *election.Roster) {
		for i := range r.Councils {
			if r.Councils[i].Code == "00004" {
				r.Councils[i].Name = link
			}
		}
	})
	ts := startServer(t, newServer(t, s, dbURL, &fakeOps{}))
	addUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	c := browser(t)
	signIn(t, c, ts.URL, "manager01")
	r := do(t, c, "GET", ts.URL+"/board.csv", nil, nil)
	if r.status != http.StatusOK || r.header.Get("Cache-Control") != "no-store" {
		t.Errorf("board.csv = %d, Cache-Control %q", r.status, r.header.Get("Cache-Control"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, row := range rows {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+@\t\r", rune(cell[0])) {
				t.Errorf("cell %q starts a formula", cell)
			}
		}
		if row[1] == "00004" {
			found = true
			if row[2] != "'"+link || row[7] != "0" {
				t.Errorf("row of 00004 = %q, want the name after a quote and open tasks a number", row)
			}
		}
	}
	if !found {
		t.Errorf("board.csv lacks council 00004:\n%s", r.body)
	}
}

// /static/ serves files, not a listing of them.
func TestStaticListsNothing(t *testing.T) {
	h := (&Server{}).Handler()
	for _, p := range []string{"/static/", "/static//", "/static/../static/"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", p, nil))
		if rec.Code == http.StatusOK || strings.Contains(rec.Body.String(), "app.css") {
			t.Errorf("GET %s = %d:\n%s", p, rec.Code, rec.Body.String())
		}
	}
}

// privateCluster starts a PostgreSQL of the test's own, which it may stop
// and start again, and returns it with its data folder.
func privateCluster(t *testing.T, dir string, port int) *pglocal.Cluster {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c, err := pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(dir, "data"), Port: port, NoFsync: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Stop(context.Background()) })
	return c
}

// While Postgres is away the pages and the API answer 503 "database
// unavailable", and they recover by themselves when it is back.
func TestDatabaseAway(t *testing.T) {
	dir, err := os.MkdirTemp("", "web-dbaway-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	// The server may run as another user (when the tests run as root).
	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatal(err)
	}
	pg := privateCluster(t, dir, 0)
	s := importRoster(t, pg.URL(), func(*election.Roster) {})
	ts := startServer(t, newServer(t, s, pg.URL(), &fakeOps{}))
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	token := addToken(t, s, "office04")
	c := browser(t)
	signIn(t, c, ts.URL, "office04")
	up := func() bool {
		return do(t, c, "GET", ts.URL+"/inbox", nil, nil).status == http.StatusOK &&
			callAPI(t, "GET", ts.URL+"/api/tasks", token, "").status == http.StatusOK
	}
	if !up() {
		t.Fatal("inbox or API down before Postgres stopped")
	}

	if err := pg.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"/inbox", "/board", "/inbox?lang=en"} {
		r := do(t, c, "GET", ts.URL+p, nil, nil)
		if r.status != http.StatusServiceUnavailable || r.header.Get("Retry-After") == "" ||
			!strings.Contains(r.body, "Cơ sở dữ liệu tạm thời không truy cập được") && !strings.Contains(r.body, "The database is unavailable") {
			t.Errorf("GET %s with Postgres away = %d:\n%s", p, r.status, r.body)
		}
	}
	if r := signInFrom(t, ts.URL, "192.0.2.1", "office04", password); r.status != http.StatusServiceUnavailable {
		t.Errorf("sign-in with Postgres away = %d", r.status)
	}
	if r := callAPI(t, "GET", ts.URL+"/api/tasks", token, ""); r.status != http.StatusServiceUnavailable ||
		!strings.Contains(r.body, `"database unavailable"`) {
		t.Errorf("API with Postgres away = %d %s", r.status, r.body)
	}

	privateCluster(t, dir, pg.Port())
	deadline := time.Now().Add(30 * time.Second)
	for !up() {
		if time.Now().After(deadline) {
			t.Fatal("the web app did not recover within 30 s of Postgres's return")
		}
		time.Sleep(200 * time.Millisecond)
	}
	signIn(t, browser(t), ts.URL, "office04")
}
