package retirement

import (
	"fmt"

	"electionflow/election"
)

// Request is what an HR officer (cán bộ tổ chức) enters in the benefits
// calculator (máy tính chế độ): the person, the date the early months are
// counted from (the election day, or the day the person retires) and,
// optionally, the rule set to apply.
type Request struct {
	Sex             election.Sex
	BirthDate       election.Date
	InsuranceMonths int
	MonthlySalary   election.VND
	CommuneLevel    bool
	// Date is the election day or the retirement date.
	Date election.Date
	// RuleSet is the rule set to apply; empty means the one in force on Date.
	RuleSet RuleSetID
}

// Calculation is what the calculator shows: the rule set with its formulas
// and articles, and the assessment under it.
type Calculation struct {
	RuleSet    RuleSet
	Assessment Assessment
}

// Calculate checks a request against today (no birth date in the future,
// no negative months) and computes every option under the rule set chosen
// (Choose). v is the latest verification recorded for that rule set, which
// the caller looks up once it knows the rule set (Choose first).
func Calculate(r Request, today election.Date, v Verification) (Calculation, error) {
	if today.IsZero() {
		return Calculation{}, fmt.Errorf("calculate: today not set: %w", ErrInvalidInput)
	}
	if r.BirthDate.After(today) {
		return Calculation{}, fmt.Errorf("birth date %s is in the future: %w", r.BirthDate.Vietnamese(), ErrInvalidInput)
	}
	rs, err := Choose(r.RuleSet, r.Date)
	if err != nil {
		return Calculation{}, fmt.Errorf("calculate: %w", err)
	}
	a, err := Assess(rs.ID, Case{
		Sex: r.Sex, BirthDate: r.BirthDate, InsuranceMonths: r.InsuranceMonths,
		MonthlySalary: r.MonthlySalary, CommuneLevel: r.CommuneLevel, ElectionDay: r.Date,
	}, v)
	if err != nil {
		return Calculation{}, fmt.Errorf("calculate: %w", err)
	}
	return Calculation{RuleSet: rs, Assessment: a}, nil
}

// OptionName is the Vietnamese name of an option.
func OptionName(k OptionKind) string {
	switch k {
	case EarlyRetirement:
		return "Nghỉ hưu trước tuổi"
	case Reassignment:
		return "Bố trí công tác khác"
	case AwaitRetirement:
		return "Nghỉ công tác chờ đủ tuổi nghỉ hưu"
	}
	return string(k)
}

// FormatDong writes an amount as formulas show it: 15.356.250 đ.
func FormatDong(v election.VND) string { return formatDong(v) }
