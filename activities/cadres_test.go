package activities

import (
	"context"
	"testing"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/election/retirement"
	"electionflow/internal/storetest"
	"electionflow/store"
)

// A cadre's assessment is flagged for HR confirmation while nobody has
// verified the rule set in force, no longer once someone has (with the
// audit row to show who), and again after the verification is revoked.
func TestAssessCadreFollowsVerification(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenWithRoster(t)
	a := &Activities{Store: s}
	req := checklist.CadreAssessmentRequest{Term: "2026-2031", Council: "00004", Cadre: "CB-001",
		ElectionDay: election.MustParseDate("2026-03-15"), Round: 1}
	admin := store.Actor{Name: "thuky", Role: election.RoleAdministrator, Source: "test"}

	assess := func(round int) checklist.CadreAssessment {
		t.Helper()
		req.Round = round
		got, err := a.AssessCadre(ctx, req)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if got.RuleSet != string(retirement.Decree178As67) {
			t.Errorf("round %d: rule set %s, want %s", round, got.RuleSet, retirement.Decree178As67)
		}
		return got
	}
	if got := assess(1); got.Verified || !got.NeedsHRConfirmation {
		t.Errorf("unverified rule set: %+v", got)
	}

	if _, err := s.RecordVerification(ctx, retirement.Verification{RuleSet: retirement.Decree178As67, Verified: true,
		By: "thuky", Source: "Công báo số 443+444 ngày 20/03/2025"}, admin); err != nil {
		t.Fatal(err)
	}
	if got := assess(2); !got.Verified || got.NeedsHRConfirmation {
		t.Errorf("verified rule set: %+v", got)
	}
	stored, err := s.Assessment(ctx, req.Term, req.Cadre, 2)
	if err != nil || stored.VerifiedBy != "thuky" || stored.VerifiedAgainst != "Công báo số 443+444 ngày 20/03/2025" {
		t.Errorf("stored assessment: %+v, %v", stored, err)
	}
	if trail, err := s.RuleSetAudit(ctx, retirement.Decree178As67); err != nil || len(trail) != 1 || trail[0].Action != "ruleset.verify" {
		t.Errorf("audit trail = %+v, %v", trail, err)
	}

	if _, err := s.RecordVerification(ctx, retirement.Verification{RuleSet: retirement.Decree178As67, By: "thuky"}, admin); err != nil {
		t.Fatal(err)
	}
	if got := assess(3); got.Verified || !got.NeedsHRConfirmation {
		t.Errorf("revoked rule set: %+v", got)
	}
}
