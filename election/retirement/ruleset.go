package retirement

import (
	"fmt"

	"electionflow/election"
)

// RuleSetID identifies a versioned set of benefit rules (bộ quy tắc chế độ),
// e.g. "decree-26-2015".
type RuleSetID string

// The rule sets known to this package, in effective order.
const (
	// Decree26 is Decree 26/2015/NĐ-CP, in force from 2015-05-01: verified.
	Decree26 RuleSetID = "decree-26-2015"
	// Decree177 is Decree 177/2024/NĐ-CP, in force from 2025-01-01: NOT
	// verified; its results need confirmation by the personnel office.
	Decree177 RuleSetID = "decree-177-2024"
)

// RuleSet describes one version of the benefit rules for outgoing cadres:
// the legal text it implements, when it took effect, and whether its
// formulas have been checked against that text.
type RuleSet struct {
	// ID identifies the rule set in cases, workflows and reports.
	ID RuleSetID
	// Name is a short Vietnamese description of the rule set.
	Name string
	// Citation is the legal source (văn bản, điều khoản).
	Citation string
	// EffectiveFrom is the first day on which the rules apply (ngày hiệu lực).
	EffectiveFrom election.Date
	// Verified is false when the formulas are not verified against the
	// legal text; results then need HR confirmation.
	Verified bool
}

// RuleSets returns every known rule set in effective order, as a fresh slice
// the caller may modify.
func RuleSets() []RuleSet {
	ps := policies()
	sets := make([]RuleSet, len(ps))
	for i, p := range ps {
		sets[i] = p.set
	}
	return sets
}

// InForce returns the rule set in force on at: the one with the latest
// EffectiveFrom on or before at. It fails when at is unset or earlier than
// the first rule set.
func InForce(at election.Date) (RuleSet, error) {
	if at.IsZero() {
		return RuleSet{}, fmt.Errorf("rule set in force: date not set: %w", ErrInvalidInput)
	}
	var found *RuleSet
	sets := RuleSets()
	for i := range sets {
		if !sets[i].EffectiveFrom.After(at) {
			found = &sets[i]
		}
	}
	if found == nil {
		return RuleSet{}, fmt.Errorf("rule set in force on %s: the first, %s, takes effect %s: %w",
			at, sets[0].ID, sets[0].EffectiveFrom, ErrNotInForce)
	}
	return *found, nil
}

// policies returns the rule sets with their parameters, in effective order.
// Each call builds fresh values.
func policies() []policy {
	return []policy{decree26(), decree177()}
}

// lookup returns the policy of a rule set ID.
func lookup(id RuleSetID) (policy, error) {
	for _, p := range policies() {
		if p.set.ID == id {
			return p, nil
		}
	}
	return policy{}, fmt.Errorf("rule set %q: %w", id, ErrUnknownRuleSet)
}
