package web

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/crypto/argon2"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// testClock is a clock a test moves by hand.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// signInFrom posts a sign-in as if from the client address from (the
// server must trust X-Forwarded-For).
func signInFrom(t *testing.T, base, from, name, pw string) response {
	t.Helper()
	return do(t, browser(t), "POST", base+"/signin", url.Values{"username": {name}, "password": {pw}},
		map[string]string{"X-Forwarded-For": "198.18.0.1, " + from})
}

// auditCount counts the audit rows of a user name by action.
func auditCount(t *testing.T, s *store.Store, name string) map[string]int {
	t.Helper()
	rows, err := s.AuditTrail(context.Background(), "user/"+name)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, r := range rows {
		out[r.Action]++
	}
	return out
}

// A guesser at one address slows down, more with every failure, while the
// owner signs in from their own; an unknown name answers the same.
func TestSignInThrottledByNameAndAddress(t *testing.T) {
	s, db := testDB(t)
	clock := &testClock{t: time.Now()}
	srv := newServer(t, s, db, &fakeOps{})
	srv.Now, srv.TrustForwardedFor = clock.now, true
	ts := startServer(t, srv)
	addUser(t, s, "victim", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	const attacker, owner = "203.0.113.9", "198.51.100.4"

	statuses := func(name string) []string {
		var out []string
		for range auth.ThrottleFreeFailures {
			out = append(out, fmt.Sprint(signInFrom(t, ts.URL, attacker, name, "a wrong guess").status))
		}
		r := signInFrom(t, ts.URL, attacker, name, password)
		out = append(out, fmt.Sprint(r.status, " retry ", r.header.Get("Retry-After")))
		if !strings.Contains(r.body, "Tên đăng nhập hoặc mật khẩu không đúng") || sessionOf(r) != nil {
			t.Errorf("throttled attempt of %s:\n%s", name, r.body)
		}
		return out
	}
	victim, nobody := statuses("victim"), statuses("nobody")
	if want := "401 401 401 429 retry 1"; strings.Join(victim, " ") != want || strings.Join(nobody, " ") != want {
		t.Errorf("a known name answered %v, an unknown one %v; want both %s", victim, nobody, want)
	}
	// The owner, from their own machine, is not locked out.
	if r := signInFrom(t, ts.URL, owner, "victim", password); r.status != http.StatusSeeOther {
		t.Errorf("the owner's sign-in from another address = %d", r.status)
	}
	// The guesser may try again after the delay, and then waits longer.
	clock.add(auth.ThrottleDelay(auth.ThrottleFreeFailures))
	if r := signInFrom(t, ts.URL, attacker, "victim", "another guess"); r.status != http.StatusUnauthorized {
		t.Errorf("a guess after the delay = %d, want 401", r.status)
	}
	if r := signInFrom(t, ts.URL, attacker, "victim", password); r.status != http.StatusTooManyRequests || r.header.Get("Retry-After") != "2" {
		t.Errorf("after 4 failures = %d, Retry-After %q; want 429, 2", r.status, r.header.Get("Retry-After"))
	}
	// Without TrustForwardedFor the header is ignored: every guess counts
	// against the connection's address, however the header varies.
	srv.TrustForwardedFor = false
	for i := range auth.ThrottleFreeFailures + 1 {
		r := signInFrom(t, ts.URL, fmt.Sprintf("192.0.2.%d", i), "victim", "a wrong guess")
		if want := map[bool]int{true: http.StatusTooManyRequests, false: http.StatusUnauthorized}[i == auth.ThrottleFreeFailures]; r.status != want {
			t.Errorf("guess %d with a forged X-Forwarded-For = %d, want %d", i+1, r.status, want)
		}
	}
}

// 40 wrong passwords sent at once are not all checked: the check and the
// count are one step, so the free failures are used up at once and the
// right password 0.3 s later is refused too.
func TestSignInParallelGuesses(t *testing.T) {
	s, db := testDB(t)
	srv := newServer(t, s, db, &fakeOps{})
	// The server's clock stands still during the burst, then moves 0.3 s:
	// on a loaded machine the burst's own hashing may take longer than
	// the first delay, which is not what this test is about.
	var clock sync.Mutex
	now := time.Now()
	srv.Now = func() time.Time { clock.Lock(); defer clock.Unlock(); return now }
	ts := startServer(t, srv)
	addUser(t, s, "victim", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	var mu sync.Mutex
	got := map[int]int{}
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			r := do(t, browser(t), "POST", ts.URL+"/signin", url.Values{"username": {"victim"}, "password": {fmt.Sprintf("guess number %d", i)}}, nil)
			mu.Lock()
			got[r.status]++
			mu.Unlock()
		})
	}
	wg.Wait()
	clock.Lock()
	now = now.Add(300 * time.Millisecond)
	clock.Unlock()
	right := do(t, browser(t), "POST", ts.URL+"/signin", url.Values{"username": {"victim"}, "password": {password}}, nil)
	if right.status == http.StatusSeeOther || sessionOf(right) != nil {
		t.Errorf("the right password 0.3 s after 40 parallel guesses signed in")
	}
	if got[http.StatusUnauthorized] != auth.ThrottleFreeFailures || got[http.StatusTooManyRequests] != 40-auth.ThrottleFreeFailures {
		t.Errorf("40 parallel guesses answered %v; want %d checked (401), the rest 429", got, auth.ThrottleFreeFailures)
	}
	audit := auditCount(t, s, "victim")
	if audit["auth.signin-failed"] != auth.ThrottleFreeFailures || audit["auth.signin"] != 0 ||
		audit["auth.signin-throttled"] != 41-auth.ThrottleFreeFailures {
		t.Errorf("audit after the burst: %v", audit)
	}
}

// oldHash is a PHC argon2id hash of pw with OWASP's other parameter set
// (19 MiB, two passes), as an older electionflow might have stored.
func oldHash(t *testing.T, pw string) string {
	t.Helper()
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		t.Fatal(err)
	}
	key := argon2.IDKey([]byte(pw), salt, 2, 19*1024, 1, 32)
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=19$m=19456,t=2,p=1$%s$%s", b64.EncodeToString(salt), b64.EncodeToString(key))
}

// A hash of old parameters is replaced at the first right sign-in, and
// only then.
func TestSignInRehashesOldHash(t *testing.T) {
	ctx := context.Background()
	s, db := testDB(t)
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	old := oldHash(t, password)
	if !auth.CheckPassword(old, password) || !auth.NeedsRehash(old) {
		t.Fatal("the old hash does not check, or needs no rehash")
	}
	if _, err := s.CreateUser(ctx, "oldtimer", "Người dùng cũ", old, store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
	if r := do(t, browser(t), "POST", ts.URL+"/signin", url.Values{"username": {"oldtimer"}, "password": {"not the password"}}, nil); r.status != http.StatusUnauthorized {
		t.Fatalf("wrong password = %d", r.status)
	}
	if u, err := s.UserByName(ctx, "oldtimer"); err != nil || u.PasswordHash != old {
		t.Fatalf("a wrong password changed the hash: %v", err)
	}
	signIn(t, browser(t), ts.URL, "oldtimer")
	u, err := s.UserByName(ctx, "oldtimer")
	if err != nil {
		t.Fatal(err)
	}
	if u.PasswordHash == old || auth.NeedsRehash(u.PasswordHash) || !auth.CheckPassword(u.PasswordHash, password) {
		t.Errorf("after sign-in the hash is %q", u.PasswordHash)
	}
	if n := auditCount(t, s, "oldtimer")["user.rehash-password"]; n != 1 {
		t.Errorf("%d rehash audit rows, want 1", n)
	}
	signIn(t, browser(t), ts.URL, "oldtimer")
	if n := auditCount(t, s, "oldtimer")["user.rehash-password"]; n != 1 {
		t.Errorf("a current hash was rehashed again: %d audit rows", n)
	}
}
