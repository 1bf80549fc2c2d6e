package auth

import (
	"errors"
	"runtime"
	"strings"
	"testing"
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

// DummyCheck must cost what a real check costs, or timing tells which user
// names exist. Wall-clock times on a shared machine are noise, so this
// checks the cause rather than the symptom: DummyCheck checks against a
// hash of exactly HashPassword's parameters, and allocates the same argon2
// memory as a real check (the bytes allocated are deterministic).
func TestDummyCheckCostsARealCheck(t *testing.T) {
	h, err := HashPassword("correct horse battery")
	if err != nil {
		t.Fatal(err)
	}
	real, _, realKey, err := decodeHash(h)
	if err != nil {
		t.Fatal(err)
	}
	dummy, dummySalt, dummyKey, err := decodeHash(dummyHash())
	if err != nil {
		t.Fatalf("the dummy hash is malformed, so DummyCheck would cost nothing: %v", err)
	}
	if dummy != real || len(dummyKey) != len(realKey) || len(dummySalt) != argonSaltLen || NeedsRehash(dummyHash()) {
		t.Errorf("dummy hash %s has other parameters than a real one %s", dummyHash(), h)
	}
	allocated := func(f func()) uint64 {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		f()
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc
	}
	realBytes := allocated(func() { CheckPassword(h, "wrong password!") })
	dummyBytes := allocated(func() { DummyCheck("wrong password!") })
	if realBytes < HashMemory || dummyBytes < realBytes*99/100 || dummyBytes > realBytes*101/100 {
		t.Errorf("DummyCheck allocates %d bytes, a real check %d; want both about %d", dummyBytes, realBytes, HashMemory)
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
