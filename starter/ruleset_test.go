package main

import (
	"strings"
	"testing"

	"electionflow/internal/pgtest"
)

// A rule set starts unverified, so the calculator flags its results; an
// administrator's verification clears the flag and is in the audit log;
// revoking it flags them again.
func TestRulesetVerifyAndRevoke(t *testing.T) {
	db := pgtest.NewDatabase(t)
	const id = "decree-178-2024-67-2025"
	run := func(wantCode int, want string, args ...string) string {
		t.Helper()
		code, out := starter(t, db, args...)
		if code != wantCode || !strings.Contains(out, want) {
			t.Fatalf("starter %q = %d, want %d and %q in:\n%s", args, code, wantCode, want, out)
		}
		return out
	}
	out := run(0, "decree-26-2015", "ruleset", "list")
	if strings.Count(out, "unverified: results need HR confirmation") != 3 {
		t.Errorf("every rule set should start unverified:\n%s", out)
	}
	run(0, "Verified: NO", workedExample...)

	run(2, "--source is required", "ruleset", "verify", id, "--by", "thuky")
	run(1, "no user thuky", "ruleset", "verify", id, "--by", "thuky", "--source", "Công báo số 443+444")
	run(0, "created user thuky", "user-add", "thuky", "--name", "Thư ký")
	run(1, "thuky may not verify rule sets: it takes an active administrator", "ruleset", "verify", id, "--by", "thuky", "--source", "Công báo số 443+444")
	run(0, "granted administrator", "user-grant", "thuky", "--role", "administrator", "--scope", "election:2026-2031")
	run(2, `unknown rule set`, "ruleset", "verify", "decree-1-1990", "--by", "thuky", "--source", "x")
	run(0, "verified "+id+" by thuky against Công báo số 443+444", "ruleset", "verify", id, "--by", "thuky", "--source", "Công báo số 443+444")

	run(0, "Verified: yes, by thuky against Công báo số 443+444", workedExample...)
	out = run(0, "ruleset.verify", "ruleset", "show", id)
	for _, want := range []string{"by thuky", "Công báo số 443+444", "per-early-month", "744.788.125", "Where sources disagree"} {
		if !strings.Contains(out, want) {
			t.Errorf("ruleset show lacks %q:\n%s", want, out)
		}
	}
	if out := run(0, id, "ruleset", "list"); strings.Count(out, "unverified") != 2 || !strings.Contains(out, "verified by thuky") {
		t.Errorf("list after verify:\n%s", out)
	}

	run(2, "--reason is required", "ruleset", "revoke", id, "--by", "thuky")
	run(0, "revoked the verification of "+id+" by thuky (bản in sai)", "ruleset", "revoke", id, "--by", "thuky", "--reason", "bản in sai")
	run(0, "Verified: NO", workedExample...)
	run(1, "is not verified: nothing to revoke", "ruleset", "revoke", id, "--by", "thuky", "--reason", "again")
	if out := run(0, "ruleset.revoke", "ruleset", "show", id); !strings.Contains(out, "bản in sai") {
		t.Errorf("the revocation's reason is not in the history:\n%s", out)
	}
	run(2, "ruleset needs list, show, verify or revoke", "ruleset")
	run(2, `unknown ruleset command "approve"`, "ruleset", "approve", id)
}
