package retirement

import (
	"errors"
	"strings"
	"testing"

	"electionflow/election"
)

// FuzzCalculateForm throws arbitrary typed input at the calculator, as the
// web page and `starter benefits` pass it: it must never panic, and a
// refusal must be one of the package's error kinds, naming the field when
// the input is bad.
func FuzzCalculateForm(f *testing.F) {
	f.Add("nam", "15/01/1966", "264", "15.356.250", "01/05/2025", "", false)
	f.Add("nữ", "1975-05-31", "0", "1", "2026-03-15", string(Decree177), true)
	f.Add("male", "29/02/1966", "-1", "0", "31/04/2025", "decree-0-0000", false)
	f.Add("nam", "15/01/1966", "99999999999999999999", "9.223.372.036.854.775.807", "01/05/2025", string(Decree26), false)
	f.Add("nam", "01/01/2100", "12", "1 000 000 đ", "0001-01-01", "", false)
	fields := []string{"sex", "birth date", "election or retirement date", "insurance months", "monthly salary"}
	today := election.MustParseDate("2026-12-01")
	f.Fuzz(func(t *testing.T, sex, birth, months, salary, date, ruleSet string, commune bool) {
		req, err := ParseForm(Form{Sex: sex, BirthDate: birth, InsuranceMonths: months, MonthlySalary: salary,
			Date: date, RuleSet: ruleSet, CommuneLevel: commune})
		if err != nil {
			named := false
			for _, name := range fields {
				named = named || strings.HasPrefix(err.Error(), name+": ")
			}
			if !errors.Is(err, ErrInvalidInput) || !named {
				t.Fatalf("ParseForm refused with %q: want ErrInvalidInput naming one of %q", err, fields)
			}
			return
		}
		calc, err := Calculate(req, today, Verification{})
		if err != nil {
			if !errors.Is(err, ErrInvalidInput) && !errors.Is(err, ErrNotInForce) && !errors.Is(err, ErrUnknownRuleSet) && !errors.Is(err, ErrOverflow) {
				t.Fatalf("Calculate refused with %q, an error of no known kind", err)
			}
			return
		}
		for _, o := range calc.Assessment.Options {
			if o.Total < 0 {
				t.Fatalf("option %s has a negative total %d", o.Kind, o.Total)
			}
		}
	})
}
