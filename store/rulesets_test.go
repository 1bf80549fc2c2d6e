package store

import (
	"context"
	"encoding/json"
	"errors"
	"testing"

	"electionflow/election"
	"electionflow/election/retirement"
)

func TestRuleSetVerification(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	actor := Actor{Name: "thuky", Role: election.RoleAdministrator, Source: "test"}
	id := retirement.Decree178As67

	v, err := s.Verification(ctx, id)
	if err != nil || v.Verified || v.RuleSet != id {
		t.Fatalf("a rule set nobody verified = %+v, %v; want unverified", v, err)
	}
	if _, err := s.RecordVerification(ctx, retirement.Verification{RuleSet: id, By: "thuky"}, actor); !errors.Is(err, ErrNotVerified) {
		t.Errorf("revoking an unverified rule set: %v, want ErrNotVerified", err)
	}
	if _, err := s.RecordVerification(ctx, retirement.Verification{RuleSet: id, Verified: true, By: "thuky"}, actor); !errors.Is(err, retirement.ErrInvalidInput) {
		t.Errorf("verifying without a source: %v, want ErrInvalidInput", err)
	}
	if _, err := s.RecordVerification(ctx, retirement.Verification{RuleSet: "decree-0", Verified: true, By: "x", Source: "y"}, actor); !errors.Is(err, retirement.ErrUnknownRuleSet) {
		t.Errorf("verifying an unknown rule set: %v, want ErrUnknownRuleSet", err)
	}
	if trail, _ := s.RuleSetAudit(ctx, id); len(trail) != 0 {
		t.Fatalf("refused records left audit rows: %+v", trail)
	}

	rec, err := s.RecordVerification(ctx, retirement.Verification{RuleSet: id, Verified: true, By: "thuky", Source: "Công báo số 443+444"}, actor)
	if err != nil || rec.At.IsZero() {
		t.Fatalf("verify = %+v, %v", rec, err)
	}
	if v, err = s.Verification(ctx, id); err != nil || !v.Verified || v.By != "thuky" || v.Source != "Công báo số 443+444" {
		t.Errorf("after verify = %+v, %v", v, err)
	}
	if other, _ := s.Verification(ctx, retirement.Decree177); other.Verified {
		t.Errorf("verifying %s verified %s too", id, retirement.Decree177)
	}
	if _, err := s.RecordVerification(ctx, retirement.Verification{RuleSet: id, By: "truongphong"}, actor); err != nil {
		t.Fatalf("revoke: %v", err)
	}
	if v, _ = s.Verification(ctx, id); v.Verified || v.By != "truongphong" {
		t.Errorf("after revoke = %+v", v)
	}

	trail, err := s.RuleSetAudit(ctx, id)
	if err != nil || len(trail) != 2 {
		t.Fatalf("audit trail = %+v, %v; want 2 rows", trail, err)
	}
	var detail map[string]any
	if err := json.Unmarshal(trail[0].Detail, &detail); err != nil {
		t.Fatal(err)
	}
	if trail[0].Action != "ruleset.verify" || trail[0].Actor != "thuky" || detail["source"] != "Công báo số 443+444" ||
		trail[1].Action != "ruleset.revoke" || trail[1].Subject != "ruleset/"+string(id) {
		t.Errorf("audit trail = %+v / %v", trail, detail)
	}
}
