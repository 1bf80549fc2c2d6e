package retirement

import "electionflow/election"

// OptionKind names one of the options open to an outgoing cadre.
type OptionKind string

// The three options every Assessment lists, eligible or not.
const (
	// EarlyRetirement is retiring before the statutory age (nghỉ hưu trước
	// tuổi), with allowances and without pension deduction.
	EarlyRetirement OptionKind = "early-retirement"
	// Reassignment is being assigned other work until retirement (bố trí
	// công tác khác).
	Reassignment OptionKind = "reassignment"
	// AwaitRetirement is stopping work and drawing the current salary until
	// the retirement date (nghỉ công tác chờ đủ tuổi nghỉ hưu).
	AwaitRetirement OptionKind = "await-retirement"
)

// Allowance is one lump-sum payment (khoản trợ cấp) of an option.
type Allowance struct {
	// Name is the Vietnamese name of the allowance.
	Name string
	// Months is the number of months of salary paid, e.g. 7.5; exact for
	// the quarter and half months the rule sets produce.
	Months float64
	// Amount is Months × the monthly salary, rounded half up to the đồng.
	Amount election.VND
	// Citation is the legal source of the allowance.
	Citation string
	// Formula writes the computation out in Vietnamese, e.g. "2,5 năm × 5
	// tháng × 15.356.250 đ = 191.953.125 đ (...)".
	Formula string
}

// Option is one of the courses open to an outgoing cadre, with whether the
// case qualifies for it and what it pays.
type Option struct {
	// Kind says which option this is.
	Kind OptionKind
	// Eligible is true when the case meets the option's conditions.
	Eligible bool
	// Reason explains, in Vietnamese, why the case is or is not eligible.
	Reason string
	// EarlyMonths is the number of whole months retired early, counted
	// from election day to the statutory retirement date (MonthsLeft); set
	// only for an eligible early retirement.
	EarlyMonths int
	// PensionDeduction is true when the pension rate is reduced for
	// retiring early; it is meaningful only for an eligible early
	// retirement, where the rule sets grant no deduction.
	PensionDeduction bool
	// Allowances are the lump-sum payments of the option; empty when it pays
	// none (reassignment, awaiting retirement on salary) or is not eligible.
	Allowances []Allowance
	// Total is the sum of the rounded Amounts of Allowances.
	Total election.VND
}

// Assessment is the result of applying a rule set to a Case.
type Assessment struct {
	// RuleSet is the rule set applied.
	RuleSet RuleSetID
	// Verified is true when a person's recorded verification of the rule
	// set was in effect when the assessment was made.
	Verified bool
	// VerifiedBy and VerifiedAgainst name that person and the official
	// text they checked; empty when not Verified.
	VerifiedBy, VerifiedAgainst string
	// NeedsHRConfirmation is true whenever !Verified: the personnel office
	// must confirm the figures before they are used.
	NeedsHRConfirmation bool
	// MonthsLeft is the number of whole months from election day to the
	// statutory retirement date (negative when past).
	MonthsLeft int
	// Options lists early retirement, reassignment and awaiting retirement,
	// in that order, eligible or not, each with a Reason.
	Options []Option
	// Explanation is the reasoning in Vietnamese, one step per line,
	// explaining every number; for an unverified rule set its first line
	// says that HR confirmation is needed.
	Explanation []string
}

// Option returns the option of the given kind and whether it is listed.
func (a Assessment) Option(kind OptionKind) (Option, bool) {
	for _, o := range a.Options {
		if o.Kind == kind {
			return o, true
		}
	}
	return Option{}, false
}
