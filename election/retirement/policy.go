package retirement

import (
	"math/big"

	"electionflow/election"
)

// yearRule says how a number of months is turned into years for an
// allowance counted "per year" (mỗi năm).
type yearRule int

const (
	// yearsFractional counts months/12 exactly: 18 months are 1.5 years.
	yearsFractional yearRule = iota
	// yearsWhole counts whole years only (đủ 12 tháng): 18 months are 1 year.
	yearsWhole
	// yearsHalfRounded counts whole years, plus half a year for a remainder
	// of 1 to 6 months and a whole year for 7 to 11 months (tháng lẻ từ đủ 01
	// đến đủ 06 tháng tính 1/2 năm, trên 06 tháng tính 01 năm): 18 months are
	// 1.5 years, 19 are 2.
	yearsHalfRounded
)

// years converts months (≥ 0) to years under the rule, exactly.
func (r yearRule) years(months int) *big.Rat {
	whole, rem := int64(months/12), int64(months%12)
	switch r {
	case yearsWhole:
		return new(big.Rat).SetInt64(whole)
	case yearsHalfRounded:
		y := new(big.Rat).SetInt64(whole)
		switch {
		case rem == 0:
		case rem <= 6:
			y.Add(y, big.NewRat(1, 2))
		default:
			y.Add(y, big.NewRat(1, 1))
		}
		return y
	default:
		return big.NewRat(int64(months), 12)
	}
}

// describe explains the rule in Vietnamese for the explanation of an
// assessment.
func (r yearRule) describe() string {
	switch r {
	case yearsWhole:
		return "chỉ tính năm đủ 12 tháng, tháng lẻ không tính"
	case yearsHalfRounded:
		return "tháng lẻ từ 01 đến 06 tháng tính 1/2 năm, trên 06 tháng tính 01 năm"
	default:
		return "tháng lẻ tính theo tỷ lệ số tháng/12"
	}
}

// insuranceStep is the social insurance record (months) needed for early
// retirement from a date on; communeWomen the smaller one for women who are
// commune-level cadres (cán bộ nữ cấp xã).
type insuranceStep struct {
	from                 election.Date
	months, communeWomen int
	// article is the legal source of the requirement.
	article string
}

// policy holds the parameters of one rule set. Assess applies them the same
// way for every rule set, so a new decree is a new policy value, not new
// code paths.
type policy struct {
	set RuleSet

	// insurance lists the insurance requirements in date order; the last
	// one from on or before the case's date applies.
	insurance []insuranceStep

	// earlyLimit: early retirement is open when the whole months left to
	// the retirement date at the case's date are at least 1 and strictly
	// less than earlyLimit. earlyLimitText says so in Vietnamese.
	earlyLimit     int
	earlyLimitText string

	// awaitLimit: stopping work to await retirement is open, for those who
	// cannot retire early for want of insurance, when at least 1 and
	// strictly less than awaitLimit months are left.
	awaitLimit     int
	awaitLimitText string

	// perEarlyMonth, when not nil, is the months of salary paid per month
	// retired early (a one-off pension allowance).
	perEarlyMonth *big.Rat

	// perEarlyYear is the months of salary paid per year retired early;
	// earlyYears how the months retired early become years.
	perEarlyYear int64
	earlyYears   yearRule

	// baseMonths of salary are paid for the first baseYears of insurance;
	// perFurtherYear (a fraction of a month) for each further year, counted
	// by furtherYears.
	baseYears      int
	baseMonths     int64
	perFurtherYear *big.Rat
	furtherYears   yearRule
}

// insuranceAt returns the insurance requirement that applies on at.
func (p policy) insuranceAt(at election.Date) insuranceStep {
	step := p.insurance[0]
	for _, s := range p.insurance[1:] {
		if !at.Before(s.from) {
			step = s
		}
	}
	return step
}
