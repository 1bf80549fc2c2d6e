package web

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
)

// sessionOf is the session cookie a response set, or "".
func sessionOf(r response) *http.Cookie {
	for _, c := range (&http.Response{Header: r.header}).Cookies() {
		if c.Name == sessionCookie {
			return c
		}
	}
	return nil
}

// The front end refuses cross-site POSTs, renews the session at sign-in,
// destroys it at sign-out, throttles guessing (signin_test.go has more), says nothing about who
// exists, and sets safe cookies and headers.
func TestSecurity(t *testing.T) {
	s, db := testDB(t)
	openTestTasks(t, s)
	srv := newServer(t, s, db, &fakeOps{})
	ts := startServer(t, srv)
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	addUser(t, s, "victim", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	good := url.Values{"username": {"office04"}, "password": {password}}

	t.Run("cross-site POST refused", func(t *testing.T) {
		c := browser(t)
		signIn(t, c, ts.URL, "office04")
		for _, path := range []string{"/signin", "/signout", "/tasks/" + string(handover04), "/claims", "/tokens"} {
			r := do(t, c, "POST", ts.URL+path, url.Values{"task": {string(handover04)}, "action": {"claim"}},
				map[string]string{"Sec-Fetch-Site": "cross-site"})
			if r.status != http.StatusForbidden {
				t.Errorf("cross-site POST %s = %d", path, r.status)
			}
		}
		r := do(t, c, "POST", ts.URL+"/claims", url.Values{"task": {string(handover04)}, "action": {"claim"}},
			map[string]string{"Origin": "https://evil.example"})
		if r.status != http.StatusForbidden {
			t.Errorf("POST with a foreign Origin = %d", r.status)
		}
		if cl, _ := s.Claims(t.Context(), []election.TaskID{handover04}); len(cl) != 0 {
			t.Errorf("a refused request claimed the task: %+v", cl)
		}
		// The same request from the site itself works.
		r = do(t, c, "POST", ts.URL+"/claims", url.Values{"task": {string(handover04)}, "action": {"claim"}},
			map[string]string{"Sec-Fetch-Site": "same-origin"})
		if r.status != http.StatusSeeOther {
			t.Errorf("same-origin claim = %d:\n%s", r.status, r.body)
		}
		if cl, _ := s.Claims(t.Context(), []election.TaskID{handover04}); cl[handover04].By != "office04" {
			t.Errorf("claims after a same-origin claim: %+v", cl)
		}
	})

	t.Run("session renewed at sign-in, destroyed at sign-out", func(t *testing.T) {
		c := browser(t)
		first := do(t, c, "POST", ts.URL+"/signin", good, nil)
		second := do(t, c, "POST", ts.URL+"/signin", good, nil)
		a, b := sessionOf(first), sessionOf(second)
		if a == nil || b == nil || a.Value == b.Value {
			t.Fatalf("session cookies at two sign-ins: %v, %v", a, b)
		}
		// The token from before the second sign-in is worthless now.
		stale := browser(t)
		u, _ := url.Parse(ts.URL)
		stale.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: a.Value}})
		if r := do(t, stale, "GET", ts.URL+"/inbox", nil, nil); r.status != http.StatusSeeOther {
			t.Errorf("inbox with the session token from before sign-in = %d", r.status)
		}
		if r := do(t, c, "GET", ts.URL+"/inbox", nil, nil); r.status != http.StatusOK {
			t.Fatalf("inbox after sign-in = %d", r.status)
		}
		if r := do(t, c, "POST", ts.URL+"/signout", url.Values{}, nil); r.status != http.StatusSeeOther {
			t.Errorf("sign-out = %d", r.status)
		}
		replay := browser(t)
		replay.Jar.SetCookies(u, []*http.Cookie{{Name: sessionCookie, Value: b.Value}})
		if r := do(t, replay, "GET", ts.URL+"/inbox", nil, nil); r.status != http.StatusSeeOther {
			t.Errorf("inbox with a signed-out session token = %d", r.status)
		}
	})

	t.Run("cookies and headers", func(t *testing.T) {
		r := do(t, browser(t), "POST", ts.URL+"/signin", good, nil)
		c := sessionOf(r)
		if c == nil || !c.HttpOnly || c.SameSite != http.SameSiteLaxMode || c.Secure {
			t.Errorf("session cookie on plain HTTP: %+v", c)
		}
		for k, want := range map[string]string{
			"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY",
		} {
			if got := r.header.Get(k); got != want {
				t.Errorf("%s: %q, want %q", k, got, want)
			}
		}
		if csp := r.header.Get("Content-Security-Policy"); !strings.HasPrefix(csp, "default-src 'self'") {
			t.Errorf("Content-Security-Policy: %q", csp)
		}
		// On TLS the cookie is Secure.
		h := srv.Handler()
		req := httptest.NewRequest("POST", "https://example.test/signin", strings.NewReader(good.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if c := sessionOf(response{header: rec.Result().Header}); rec.Code != http.StatusSeeOther || c == nil || !c.Secure || !c.HttpOnly {
			t.Errorf("sign-in over TLS = %d, cookie %+v", rec.Code, c)
		}
	})

	t.Run("failures say nothing about who exists", func(t *testing.T) {
		wrong := do(t, browser(t), "POST", ts.URL+"/signin", url.Values{"username": {"office04"}, "password": {"wrong password"}}, nil)
		unknown := do(t, browser(t), "POST", ts.URL+"/signin", url.Values{"username": {"nobody"}, "password": {"wrong password"}}, nil)
		if wrong.status != unknown.status || wrong.body != unknown.body || wrong.status == http.StatusSeeOther {
			t.Errorf("wrong password %d and unknown user %d differ:\n%s\n----\n%s", wrong.status, unknown.status, wrong.body, unknown.body)
		}
		if sessionOf(wrong) != nil || sessionOf(unknown) != nil {
			t.Error("a failed sign-in set a session cookie")
		}
	})

	t.Run("guessing from one address throttled", func(t *testing.T) {
		for i := range auth.ThrottleFreeFailures {
			r := do(t, browser(t), "POST", ts.URL+"/signin", url.Values{"username": {"victim"}, "password": {"guess"}}, nil)
			if r.status != http.StatusUnauthorized {
				t.Fatalf("guess %d = %d", i, r.status)
			}
		}
		c := browser(t)
		r := do(t, c, "POST", ts.URL+"/signin", url.Values{"username": {"victim"}, "password": {password}}, nil)
		if r.status != http.StatusTooManyRequests || sessionOf(r) != nil || r.header.Get("Retry-After") == "" {
			t.Errorf("the right password right after %d failures = %d, Retry-After %q", auth.ThrottleFreeFailures, r.status, r.header.Get("Retry-After"))
		}
		if !strings.Contains(r.body, "Tên đăng nhập hoặc mật khẩu không đúng") {
			t.Errorf("throttled attempt page:\n%s", r.body)
		}
	})

	t.Run("English on request", func(t *testing.T) {
		c := browser(t)
		if r := do(t, c, "GET", ts.URL+"/signin?lang=en", nil, nil); !strings.Contains(r.body, "Sign in") {
			t.Errorf("sign-in page in English:\n%s", r.body)
		}
		if r := do(t, c, "GET", ts.URL+"/signin", nil, nil); !strings.Contains(r.body, `lang="en"`) {
			t.Errorf("the language cookie is not remembered:\n%s", r.body)
		}
		if r := do(t, browser(t), "GET", ts.URL+"/signin", nil, nil); !strings.Contains(r.body, "Đăng nhập") {
			t.Errorf("sign-in page in Vietnamese:\n%s", r.body)
		}
	})
}

// The stylesheet is served from the app itself, as the CSP requires.
func TestStylesheetServed(t *testing.T) {
	srv := &Server{}
	rec := httptest.NewRecorder()
	srv.Handler().ServeHTTP(rec, httptest.NewRequest("GET", "/static/app.css", nil))
	if rec.Code != 200 || !strings.Contains(rec.Body.String(), "--accent") || !strings.HasPrefix(rec.Header().Get("Content-Type"), "text/css") {
		t.Errorf("GET /static/app.css = %d %q", rec.Code, rec.Header().Get("Content-Type"))
	}
}
