package web

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/alexedwards/scs/pgxstore"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rs/zerolog"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/roster"
	"electionflow/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// password is every test user's password.
const password = "mật-khẩu-đủ-dài-2026"

const term election.Term = "2026-2031"

// Tasks the store-only tests open.
var (
	handover04 = election.NewTaskID(term, "00004", election.KindHandOverCertificates, "certificates")
	handover08 = election.NewTaskID(term, "00008", election.KindHandOverCertificates, "certificates")
	review04   = election.NewTaskID(term, "00004", election.KindReviewComplaint, "KN-001")
)

// fakeOps accepts every completion without touching anything, or refuses
// with refusal when set.
type fakeOps struct {
	mu   sync.Mutex
	reqs []checklist.CompleteTaskRequest
}

func (f *fakeOps) CompleteTask(_ context.Context, req checklist.CompleteTaskRequest) (checklist.CompleteTaskResult, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.reqs = append(f.reqs, req)
	return checklist.CompleteTaskResult{TaskID: req.TaskID, CompletedAt: time.Now()}, nil
}

func (f *fakeOps) Progress(_ context.Context, t election.Term, c election.CouncilCode) (checklist.Progress, error) {
	return checklist.Progress{Term: t, Council: c, Stage: "credentials/resolution"}, nil
}

// testDB is a migrated database with the roster of the roster package's
// tests imported; its URL is returned for the sessions' pool.
func testDB(t *testing.T) (*store.Store, string) {
	t.Helper()
	url := pgtest.NewDatabase(t)
	return importRoster(t, url, func(*election.Roster) {}), url
}

// importRoster imports the roster package's test roster into the database
// at dbURL after change has edited it.
func importRoster(t *testing.T, dbURL string, change func(*election.Roster)) *store.Store {
	t.Helper()
	ctx := context.Background()
	s, err := store.OpenMigrated(ctx, dbURL)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	r, err := roster.ReadDir(filepath.Join("..", "roster", "testdata", "good"), election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	change(&r)
	if _, err := s.ImportRoster(ctx, r, store.Actor{Name: "test", Role: election.RoleAdministrator}); err != nil {
		t.Fatal(err)
	}
	return s
}

// newServer is a web server over s with sessions in the database at url.
func newServer(t *testing.T, s *store.Store, url string, o Completer) *Server {
	t.Helper()
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	return &Server{Store: s, Ops: o, Sessions: pgxstore.NewWithCleanupInterval(pool, 0),
		TemporalUIURL: "http://127.0.0.1:8233/namespaces/default", Log: zerolog.Nop()}
}

// openTestTasks mirrors three tasks into the inbox.
func openTestTasks(t *testing.T, s *store.Store) {
	t.Helper()
	due := time.Now().Add(48 * time.Hour)
	for _, task := range []election.Task{
		{ID: handover04, Term: term, Council: "00004", Kind: election.KindHandOverCertificates, Subject: "certificates", Role: election.RoleCouncilOffice, Due: due},
		{ID: handover08, Term: term, Council: "00008", Kind: election.KindHandOverCertificates, Subject: "certificates", Role: election.RoleCouncilOffice, Due: due},
		{ID: review04, Term: term, Council: "00004", Kind: election.KindReviewComplaint, Subject: "complaint KN-001", Role: election.RoleElectionCommittee, Due: due},
	} {
		if err := s.OpenTasks(context.Background(), "checklist/"+string(term)+"/"+string(task.Council)+"/credentials", []election.Task{task}); err != nil {
			t.Fatal(err)
		}
	}
}

// addUser creates a user with the test password and grants.
func addUser(t *testing.T, s *store.Store, name string, grants ...auth.Grant) {
	t.Helper()
	ctx := context.Background()
	hash, err := auth.HashPassword(password)
	if err != nil {
		t.Fatal(err)
	}
	by := store.Actor{Name: "test", Role: election.RoleAdministrator}
	if _, err := s.CreateUser(ctx, name, "Người dùng "+name, hash, by); err != nil {
		t.Fatal(err)
	}
	for _, g := range grants {
		if err := s.GrantRole(ctx, name, g, by); err != nil {
			t.Fatal(err)
		}
	}
}

// addToken gives a user an API token and returns it.
func addToken(t *testing.T, s *store.Store, name string) string {
	t.Helper()
	u, err := s.UserByName(context.Background(), name)
	if err != nil {
		t.Fatal(err)
	}
	plain, hash, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateToken(context.Background(), u.ID, "test", hash); err != nil {
		t.Fatal(err)
	}
	return plain
}

// browser is an HTTP client with a cookie jar that does not follow
// redirects, so tests see 303s.
func browser(t *testing.T) *http.Client {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// response is what a request got back.
type response struct {
	status int
	header http.Header
	body   string
}

// do sends a request and reads the response.
func do(t *testing.T, c *http.Client, method, u string, form url.Values, header map[string]string) response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	return send(t, c, req)
}

// callAPI sends an API request with body (may be empty) and, unless token
// is empty, the bearer token.
func callAPI(t *testing.T, method, u, token, body string) response {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	return send(t, http.DefaultClient, req)
}

// send sends req with c and reads the response.
func send(t *testing.T, c *http.Client, req *http.Request) response {
	t.Helper()
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{status: res.StatusCode, header: res.Header, body: string(b)}
}

// signIn signs c in on the server at base and fails the test otherwise.
func signIn(t *testing.T, c *http.Client, base, name string) {
	t.Helper()
	r := do(t, c, "POST", base+"/signin", url.Values{"username": {name}, "password": {password}}, nil)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/inbox" {
		t.Fatalf("sign-in of %s = %d:\n%s", name, r.status, r.body)
	}
}

// startServer serves srv until the test ends.
func startServer(t *testing.T, srv *Server) *httptest.Server {
	t.Helper()
	ts := httptest.NewServer(srv.Handler())
	t.Cleanup(ts.Close)
	return ts
}
