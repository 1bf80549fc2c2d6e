package auth

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPasswordHash(t *testing.T) {
	const pw = "Bầu cử 2026 đúng hạn"
	h1, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	h2, err := HashPassword(pw)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h1, "$argon2id$v=19$") || h1 == h2 {
		t.Errorf("hashes %q and %q: want argon2id with distinct salts", h1, h2)
	}
	if strings.Contains(h1, pw) {
		t.Error("the hash contains the password")
	}
	if !CheckPassword(h1, pw) || !CheckPassword(h2, pw) {
		t.Error("the right password was refused")
	}
	for _, wrong := range []string{"", "Bầu cử 2026 đúng hạn ", "bầu cử 2026 đúng hạn", pw[:len(pw)-1]} {
		if CheckPassword(h1, wrong) {
			t.Errorf("wrong password %q accepted", wrong)
		}
	}
	for _, bad := range []string{"", "x", "$2a$12$abcdefghijklmnopqrstuu", strings.Replace(h1, "argon2id", "argon2i", 1),
		strings.Replace(h1, "v=19", "v=16", 1), strings.Replace(h1, "m=47104", "m=99999999", 1), h1 + "$"} {
		if CheckPassword(bad, pw) {
			t.Errorf("malformed hash %q matched", bad)
		}
	}
	if NeedsRehash(h1) {
		t.Error("a fresh hash needs rehashing")
	}
	if !NeedsRehash(strings.Replace(h1, "t=1", "t=2", 1)) || !NeedsRehash("junk") {
		t.Error("an old or malformed hash does not need rehashing")
	}
	DummyCheck(pw) // must not panic; its time is what matters
}

// DummyCheck must cost about what a real check costs, or timing tells
// which user names exist.
func TestDummyCheckTiming(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	measure := func(f func()) time.Duration {
		best := time.Hour
		for range 3 {
			start := time.Now()
			f()
			best = min(best, time.Since(start))
		}
		return best
	}
	real := measure(func() { CheckPassword(h, "wrong password!") })
	dummy := measure(func() { DummyCheck("wrong password!") })
	if dummy < real/3 || dummy > real*3 {
		t.Errorf("DummyCheck takes %v, a real check %v", dummy, real)
	}
}

func TestValidatePassword(t *testing.T) {
	good := []string{"mườiký tự!", "0123456789", "correct horse battery staple", strings.Repeat("ab", 128)}
	for _, pw := range good {
		if err := ValidatePassword(pw); err != nil {
			t.Errorf("ValidatePassword(%q) = %v", pw, err)
		}
	}
	bad := []string{"", "short", "123456789", "aaaaaaaaaaaa", "đđđđđđđđđđđ", strings.Repeat("ab", 129),
		"tab\there-okay", "bad\xffutf8-xxxxx"}
	for _, pw := range bad {
		if err := ValidatePassword(pw); !errors.Is(err, ErrWeakPassword) {
			t.Errorf("ValidatePassword(%q) = %v, want ErrWeakPassword", pw, err)
		}
	}
}

func TestNewPassword(t *testing.T) {
	seen := map[string]bool{}
	for range 50 {
		pw, err := NewPassword()
		if err != nil {
			t.Fatal(err)
		}
		if err := ValidatePassword(pw); err != nil {
			t.Errorf("generated %q fails the policy: %v", pw, err)
		}
		if len(pw) != 20 || strings.ContainsAny(pw, "0O1lI") || seen[pw] {
			t.Errorf("generated %q: want 20 characters without look-alikes, never repeated", pw)
		}
		seen[pw] = true
	}
}

func TestToken(t *testing.T) {
	plain, hash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(plain, TokenPrefix) || len(plain) != len(TokenPrefix)+43 || !LooksLikeToken(plain) {
		t.Errorf("token %q has the wrong form", plain)
	}
	if len(hash) != 32 || string(hash) != string(TokenHash(plain)) {
		t.Errorf("hash %x is not the SHA-256 of the token", hash)
	}
	other, otherHash, err := NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if other == plain || string(otherHash) == string(hash) {
		t.Error("two tokens are equal")
	}
	for _, s := range []string{"", plain[4:], "efw_", plain + "A", "xyz_" + plain[4:], plain[:len(plain)-1] + "!"} {
		if LooksLikeToken(s) {
			t.Errorf("LooksLikeToken(%q) = true", s)
		}
	}
}

func TestLockedUntil(t *testing.T) {
	now := time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	ago := func(d ...time.Duration) []time.Time {
		out := make([]time.Time, len(d))
		for i, x := range d {
			out[i] = now.Add(-x)
		}
		return out
	}
	m := time.Minute
	tests := []struct {
		name     string
		failures []time.Time
		want     time.Time
	}{
		{"none", nil, time.Time{}},
		{"four recent", ago(1*m, 2*m, 3*m, 4*m), time.Time{}},
		{"five recent", ago(1*m, 2*m, 3*m, 4*m, 5*m), now.Add(-1*m + ThrottleLockout)},
		{"five in any order", ago(5*m, 1*m, 4*m, 2*m, 3*m), now.Add(-1*m + ThrottleLockout)},
		{"five spread wider than the window", ago(1*m, 2*m, 3*m, 4*m, 16*m), time.Time{}},
		{"lock expired", ago(16*m, 17*m, 18*m, 19*m, 20*m), time.Time{}},
		{"lock still on", ago(14*m, 15*m, 16*m, 17*m, 18*m), now.Add(-14*m + ThrottleLockout)},
		{"failures while locked extend it", ago(1*m, 10*m, 11*m, 12*m, 13*m, 14*m), now.Add(-1*m + ThrottleLockout)},
		{"future failures ignored", []time.Time{now.Add(m), now.Add(2 * m), now.Add(3 * m), now.Add(4 * m), now.Add(5 * m)}, time.Time{}},
	}
	for _, tt := range tests {
		if got := LockedUntil(tt.failures, now); !got.Equal(tt.want) {
			t.Errorf("%s: LockedUntil = %v, want %v", tt.name, got, tt.want)
		}
	}
}
