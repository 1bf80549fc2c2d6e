package retirement

import (
	"fmt"
	"strconv"
	"strings"

	"electionflow/election"
)

// Form is the calculator's input as typed, in the command line or the web
// form; ParseForm turns it into a Request.
type Form struct {
	Sex, BirthDate, InsuranceMonths, MonthlySalary, Date, RuleSet string
	CommuneLevel                                                  bool
}

// ParseForm reads the typed input of the calculator. Every field but the
// rule set is required; dates are YYYY-MM-DD or DD/MM/YYYY, the salary whole
// đồng with or without thousands dots (15.356.250). Errors name the field
// and wrap ErrInvalidInput.
func ParseForm(f Form) (Request, error) {
	var r Request
	var err error
	if r.Sex, err = election.ParseSex(f.Sex); err != nil {
		return Request{}, fieldError("sex", err)
	}
	if r.BirthDate, err = election.ParseDate(f.BirthDate); err != nil {
		return Request{}, fieldError("birth date", err)
	}
	if r.Date, err = election.ParseDate(f.Date); err != nil {
		return Request{}, fieldError("election or retirement date", err)
	}
	months, err := strconv.Atoi(strings.TrimSpace(f.InsuranceMonths))
	if err != nil {
		return Request{}, fieldError("insurance months", fmt.Errorf("%q is not a whole number of months", f.InsuranceMonths))
	}
	if months < 0 {
		return Request{}, fieldError("insurance months", fmt.Errorf("%d is negative", months))
	}
	r.InsuranceMonths = months
	salary := strings.NewReplacer(".", "", " ", "", "\u00a0", "", "đ", "").Replace(strings.TrimSpace(f.MonthlySalary))
	v, err := strconv.ParseInt(salary, 10, 64)
	if err != nil || v <= 0 {
		return Request{}, fieldError("monthly salary", fmt.Errorf("%q is not a positive amount of đồng", f.MonthlySalary))
	}
	r.MonthlySalary = election.VND(v)
	r.RuleSet = RuleSetID(strings.TrimSpace(f.RuleSet))
	r.CommuneLevel = f.CommuneLevel
	return r, nil
}

// fieldError says which field is wrong, as ErrInvalidInput.
func fieldError(field string, err error) error {
	return fmt.Errorf("%s: %v: %w", field, err, ErrInvalidInput)
}
