package retirement

import (
	"fmt"

	"electionflow/election"
)

// Case is what Assess needs to know about one outgoing cadre. It is personal
// data (birth date, insurance record, salary): it belongs in the database
// and in activities, never in workflow history.
type Case struct {
	// Sex selects the retirement-age roadmap and the commune-level rule.
	Sex election.Sex
	// BirthDate is the date of birth; only its month and year matter.
	BirthDate election.Date
	// InsuranceMonths is the social insurance record in months (thời gian
	// đóng bảo hiểm xã hội).
	InsuranceMonths int
	// MonthlySalary is the current monthly salary (tiền lương tháng hiện
	// hưởng) on which allowances are computed.
	MonthlySalary election.VND
	// CommuneLevel is true for a commune-level cadre (cán bộ cấp xã): women
	// among them need 15 years of insurance for early retirement, not 20.
	CommuneLevel bool
	// ElectionDay is the day of the election the cadre is too old to stand
	// in (ngày bầu cử), from which the months retired early are counted; the
	// calculator puts the retirement date here when that is what it is given.
	ElectionDay election.Date
}

// CaseOf builds a Case from an outgoing cadre's record, for an election day
// and level.
func CaseOf(c election.OutgoingCadre, electionDay election.Date, communeLevel bool) Case {
	return Case{
		Sex:             c.Sex,
		BirthDate:       c.BirthDate,
		InsuranceMonths: c.InsuranceMonths,
		MonthlySalary:   c.MonthlySalary,
		CommuneLevel:    communeLevel,
		ElectionDay:     electionDay,
	}
}

// validate rejects impossible cases before any rule is applied.
func (c Case) validate() error {
	if _, err := roadmapFor(c.Sex); err != nil {
		return err
	}
	switch {
	case c.BirthDate.IsZero():
		return fmt.Errorf("birth date not set: %w", ErrInvalidInput)
	case c.ElectionDay.IsZero():
		return fmt.Errorf("election day not set: %w", ErrInvalidInput)
	case c.ElectionDay.Before(c.BirthDate):
		return fmt.Errorf("election day %s is before the birth date %s: %w", c.ElectionDay, c.BirthDate, ErrInvalidInput)
	case c.InsuranceMonths < 0:
		return fmt.Errorf("insurance record of %d months is negative: %w", c.InsuranceMonths, ErrInvalidInput)
	case c.InsuranceMonths > monthIndex(c.ElectionDay)-monthIndex(c.BirthDate):
		return fmt.Errorf("insurance record of %d months is longer than the person's life at election day: %w",
			c.InsuranceMonths, ErrInvalidInput)
	case c.MonthlySalary <= 0:
		return fmt.Errorf("monthly salary %d đồng is not positive: %w", c.MonthlySalary, ErrInvalidInput)
	}
	return nil
}
