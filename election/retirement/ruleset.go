package retirement

import (
	"fmt"
	"strings"

	"electionflow/election"
)

// RuleSetID identifies a versioned set of benefit rules (bộ quy tắc chế độ),
// e.g. "decree-26-2015".
type RuleSetID string

// The rule sets known to this package, in effective order. None is
// verified here: verification is a recorded act of a person (Verification),
// kept outside this package.
const (
	// Decree26 is Decree 26/2015/NĐ-CP, in force 2015-05-01 to 2024-12-31.
	Decree26 RuleSetID = "decree-26-2015"
	// Decree177 is Decree 177/2024/NĐ-CP, in force from 2025-01-01.
	Decree177 RuleSetID = "decree-177-2024"
	// Decree178As67 is Decree 178/2024/NĐ-CP as amended by Decree
	// 67/2025/NĐ-CP, whose early-retirement policy covers the cadres of
	// Decree 177 art. 2 cl. 1–4 from 2025-03-15.
	Decree178As67 RuleSetID = "decree-178-2024-67-2025"
)

// FormulaKey names one formula of a rule set, so each allowance and option
// can cite the article it comes from.
type FormulaKey string

// The formulas a rule set may define.
const (
	// FormulaEarlyConditions are the conditions of early retirement (điều
	// kiện nghỉ hưu trước tuổi), without pension reduction.
	FormulaEarlyConditions FormulaKey = "early-conditions"
	// FormulaPerEarlyMonth is the one-off allowance per month retired early
	// (trợ cấp hưu trí một lần cho số tháng nghỉ sớm).
	FormulaPerEarlyMonth FormulaKey = "per-early-month"
	// FormulaPerEarlyYear is the allowance per year retired early (trợ cấp
	// cho số năm nghỉ hưu trước tuổi).
	FormulaPerEarlyYear FormulaKey = "per-early-year"
	// FormulaSeniority is the allowance for the years of social insurance
	// (trợ cấp theo thời gian công tác có đóng bảo hiểm xã hội).
	FormulaSeniority FormulaKey = "seniority"
	// FormulaReassignment is being assigned other work (bố trí công tác khác).
	FormulaReassignment FormulaKey = "reassignment"
	// FormulaAwait is stopping work on full salary until retirement (nghỉ
	// công tác chờ đủ tuổi nghỉ hưu).
	FormulaAwait FormulaKey = "await-retirement"
)

// Formula is one rule of a rule set with the article it is taken from.
type Formula struct {
	// Key says which rule this is.
	Key FormulaKey
	// Text states the rule in Vietnamese, as this package applies it.
	Text string
	// Article is the citation (điều, khoản) the rule is taken from.
	Article string
}

// Source is a text consulted for a rule set: where it is and what it is.
type Source struct {
	// Title names the text.
	Title string
	// Address is where it was found (a URL), or where the official text is
	// published when it was not found.
	Address string
	// Note says what kind of source it is and what it was used for.
	Note string
}

// RuleSet describes one version of the benefit rules for outgoing cadres:
// the legal text it implements, when and to whom it applies, its formulas
// with their articles and the sources consulted. Whether a person has
// checked it against the official text is not part of it: see Verification.
type RuleSet struct {
	// ID identifies the rule set in cases, workflows and reports.
	ID RuleSetID
	// Name is a short Vietnamese description of the rule set.
	Name string
	// Citation is the legal text (văn bản) the rule set implements.
	Citation string
	// EffectiveFrom is the first day on which the rules apply (ngày hiệu lực).
	EffectiveFrom election.Date
	// EffectiveUntil is the last day on which they apply; zero while no
	// later text has replaced them.
	EffectiveUntil election.Date
	// Covers says who the rules apply to (đối tượng áp dụng).
	Covers string
	// Formulas are the rules with the article each is taken from.
	Formulas []Formula
	// Sources are the texts consulted, official or not.
	Sources []Source
	// Disagreements lists where sources disagree or are unclear.
	Disagreements []string
}

// Covering reports whether at lies in the rule set's effective period.
func (r RuleSet) Covering(at election.Date) bool {
	if at.Before(r.EffectiveFrom) {
		return false
	}
	return r.EffectiveUntil.IsZero() || !at.After(r.EffectiveUntil)
}

// Period writes the effective period, e.g. "01/05/2015 – 31/12/2024" or
// "từ 01/01/2025".
func (r RuleSet) Period() string {
	if r.EffectiveUntil.IsZero() {
		return "từ " + r.EffectiveFrom.Vietnamese()
	}
	return r.EffectiveFrom.Vietnamese() + " – " + r.EffectiveUntil.Vietnamese()
}

// Article returns the citation of a formula, or the rule set's citation
// when it defines none for key.
func (r RuleSet) Article(key FormulaKey) string {
	for _, f := range r.Formulas {
		if f.Key == key {
			return f.Article
		}
	}
	return r.Citation
}

// RuleSets returns every known rule set in effective order, as fresh values
// the caller may modify.
func RuleSets() []RuleSet {
	ps := policies()
	sets := make([]RuleSet, len(ps))
	for i, p := range ps {
		sets[i] = p.set
	}
	return sets
}

// Find returns the rule set with the given ID.
func Find(id RuleSetID) (RuleSet, error) {
	p, err := lookup(id)
	if err != nil {
		return RuleSet{}, err
	}
	return p.set, nil
}

// InForce returns the rule set in force on at: of those whose effective
// period covers at, the one that took effect last. It fails, wrapping
// ErrNotInForce, when at lies outside every rule set.
func InForce(at election.Date) (RuleSet, error) {
	if at.IsZero() {
		return RuleSet{}, fmt.Errorf("rule set in force: date not set: %w", ErrInvalidInput)
	}
	var found *RuleSet
	sets := RuleSets()
	for i := range sets {
		if sets[i].Covering(at) && (found == nil || !sets[i].EffectiveFrom.Before(found.EffectiveFrom)) {
			found = &sets[i]
		}
	}
	if found == nil {
		periods := make([]string, len(sets))
		for i, s := range sets {
			periods[i] = fmt.Sprintf("%s %s", s.ID, s.Period())
		}
		return RuleSet{}, fmt.Errorf("no rule set in force on %s (known: %s): %w",
			at.Vietnamese(), strings.Join(periods, "; "), ErrNotInForce)
	}
	return *found, nil
}

// Choose returns the rule set id if it is given, else the one in force on
// at; either way it fails, wrapping ErrNotInForce, when at lies outside the
// rule set's effective period.
func Choose(id RuleSetID, at election.Date) (RuleSet, error) {
	if id == "" {
		return InForce(at)
	}
	rs, err := Find(id)
	if err != nil {
		return RuleSet{}, err
	}
	if at.IsZero() {
		return RuleSet{}, fmt.Errorf("rule set %s: date not set: %w", id, ErrInvalidInput)
	}
	if !rs.Covering(at) {
		return RuleSet{}, fmt.Errorf("rule set %s applies %s, not on %s: %w", id, rs.Period(), at.Vietnamese(), ErrNotInForce)
	}
	return rs, nil
}

// policies returns the rule sets with their parameters, in effective order.
// Each call builds fresh values.
func policies() []policy {
	return []policy{decree26(), decree177(), decree178As67()}
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
