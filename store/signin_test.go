package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"electionflow/auth"
)

// reserve reserves an attempt and fails the test on error.
func reserve(t *testing.T, s *Store, name, client string, at time.Time) SignInTurn {
	t.Helper()
	turn, err := s.ReserveSignIn(context.Background(), name, client, "web "+client, at)
	if err != nil {
		t.Fatal(err)
	}
	return turn
}

// finish records an outcome and fails the test on error.
func finish(t *testing.T, s *Store, turn SignInTurn, o SignInOutcome) {
	t.Helper()
	if err := s.FinishSignIn(context.Background(), turn.ID, o); err != nil {
		t.Fatal(err)
	}
}

// The throttle counts failures per user name and client together, waits
// longer after each, forgets them after a success, and treats unknown
// names alike.
func TestSignInThrottle(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.CreateUser(ctx, "lan", "Nguyễn Thị Lan", "h", userAdmin); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	for _, name := range []string{"Lan", "ghost"} {
		for i := range auth.ThrottleFreeFailures {
			turn := reserve(t, s, name, "10.0.0.1", now)
			if !turn.Allowed() {
				t.Fatalf("%s: attempt %d refused", name, i+1)
			}
			finish(t, s, turn, SignInFailed)
		}
		refused := reserve(t, s, name, "10.0.0.1", now.Add(999*time.Millisecond))
		if refused.Allowed() || !refused.RetryAt.Equal(now.Add(auth.ThrottleDelay(auth.ThrottleFreeFailures))) {
			t.Errorf("%s: attempt after %d failures = %+v, want refused until %v", name, auth.ThrottleFreeFailures, refused, now.Add(time.Second))
		}
		// The owner, from their own machine, is not held up.
		if owner := reserve(t, s, name, "10.0.0.2", now); !owner.Allowed() {
			t.Errorf("%s: another client refused: %+v", name, owner)
		} else {
			finish(t, s, owner, SignInOK)
		}
	}
	// The delay grows, and refused attempts do not make it grow.
	at := now.Add(time.Second)
	turn := reserve(t, s, "lan", "10.0.0.1", at)
	if !turn.Allowed() {
		t.Fatalf("attempt after the delay refused: %+v", turn)
	}
	finish(t, s, turn, SignInFailed)
	if r := reserve(t, s, "lan", "10.0.0.1", at.Add(time.Second)); r.Allowed() || !r.RetryAt.Equal(at.Add(2*time.Second)) {
		t.Errorf("after 4 failures: %+v, want refused until %v", r, at.Add(2*time.Second))
	}
	// A success starts the count again.
	at = at.Add(2 * time.Second)
	finish(t, s, reserve(t, s, "lan", "10.0.0.1", at), SignInOK)
	for range auth.ThrottleFreeFailures {
		turn := reserve(t, s, "lan", "10.0.0.1", at)
		if !turn.Allowed() {
			t.Fatalf("attempt after a success refused: %+v", turn)
		}
		finish(t, s, turn, SignInFailed)
	}
	// Failures older than the window are forgotten.
	if r := reserve(t, s, "ghost", "10.0.0.1", now.Add(auth.ThrottleWindow+time.Second)); !r.Allowed() {
		t.Errorf("failures a day old still count: %+v", r)
	}
	// Whatever is typed is recorded, even a long name cut inside a letter.
	if r := reserve(t, s, strings.Repeat("đ", 60)+"\xff", "10.0.0.9", now); !r.Allowed() {
		t.Errorf("a long name: %+v", r)
	}

	got := auditActions(t, s, "lan")
	want := []string{"user.create", "auth.signin-failed", "auth.signin-failed", "auth.signin-failed",
		"auth.signin-throttled", "auth.signin", "auth.signin-failed", "auth.signin-throttled", "auth.signin",
		"auth.signin-failed", "auth.signin-failed", "auth.signin-failed"}
	if !slices.Equal(got, want) {
		t.Errorf("audit = %v\nwant %v", got, want)
	}
	ghost, err := s.AuditTrail(ctx, "user/ghost")
	if err != nil || len(ghost) != 5 || ghost[0].Action != "auth.signin-failed" || ghost[0].Source != "web 10.0.0.1" {
		t.Errorf("audit of an unknown name = %+v, %v", ghost, err)
	}
}

// Attempts sent at the same moment see each other: of 40 parallel guesses
// only the free ones are checked.
func TestSignInReserveIsAtomic(t *testing.T) {
	s := openTest(t)
	now := time.Now()
	var mu sync.Mutex
	var allowed []SignInTurn
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			turn, err := s.ReserveSignIn(context.Background(), "victim", "203.0.113.5", "web", now)
			if err != nil {
				t.Error(err)
				return
			}
			if turn.Allowed() {
				mu.Lock()
				allowed = append(allowed, turn)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	if len(allowed) != auth.ThrottleFreeFailures {
		t.Errorf("%d of 40 parallel attempts were allowed, want %d", len(allowed), auth.ThrottleFreeFailures)
	}
	// Still pending, they hold the key: the right password a moment later
	// is not checked either.
	if r := reserve(t, s, "victim", "203.0.113.5", now.Add(300*time.Millisecond)); r.Allowed() {
		t.Error("an attempt 0.3 s after the burst was allowed")
	}
}

func TestFinishSignIn(t *testing.T) {
	s := openTest(t)
	turn := reserve(t, s, "lan", "10.0.0.1", time.Now())
	if err := s.FinishSignIn(context.Background(), turn.ID, "maybe"); err == nil {
		t.Error("an unknown outcome accepted")
	}
	finish(t, s, turn, SignInBusy)
	if err := s.FinishSignIn(context.Background(), turn.ID, SignInOK); !errors.Is(err, ErrNotFound) {
		t.Errorf("finishing twice = %v, want ErrNotFound", err)
	}
	// A busy attempt had no check and does not count.
	for range auth.ThrottleFreeFailures + 2 {
		turn := reserve(t, s, "lan", "10.0.0.1", time.Now())
		if !turn.Allowed() {
			t.Fatal("busy attempts counted as failures")
		}
		finish(t, s, turn, SignInBusy)
	}
}

func TestRehashPassword(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	id, err := s.CreateUser(ctx, "lan", "Nguyễn Thị Lan", "$argon2id$old", userAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if done, err := s.RehashPassword(ctx, id, "$argon2id$other", "$argon2id$new"); err != nil || done {
		t.Errorf("rehash over a changed hash = %v, %v; want no change", done, err)
	}
	if done, err := s.RehashPassword(ctx, id, "$argon2id$old", "$argon2id$new"); err != nil || !done {
		t.Errorf("rehash = %v, %v", done, err)
	}
	if _, err := s.RehashPassword(ctx, id, "$argon2id$new", ""); err == nil {
		t.Error("an empty hash accepted")
	}
	if u, err := s.UserByID(ctx, id); err != nil || u.PasswordHash != "$argon2id$new" {
		t.Errorf("after rehash: %q, %v", u.PasswordHash, err)
	}
	if got := auditActions(t, s, "lan", "$argon2id$new", "$argon2id$old"); !slices.Equal(got, []string{"user.create", "user.rehash-password"}) {
		t.Errorf("audit = %v", got)
	}
}
