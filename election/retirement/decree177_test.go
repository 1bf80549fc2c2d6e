package retirement

import (
	"strings"
	"testing"

	"electionflow/election"
)

// election2026 is the day of the 2026 elections, under Decree 178/2024 as
// amended by Decree 67/2025 (Decree 177/2024 still covers the date).
func election2026() election.Date { return election.MustParseDate("2026-03-15") }

// TestAssessDecree177 pins the Decree 177 formulas so a change is
// deliberate, and checks that every result is marked for HR confirmation
// while no one has verified the rule set.
func TestAssessDecree177(t *testing.T) {
	man := func(birth string, ins int) Case {
		return Case{Sex: election.Male, BirthDate: election.MustParseDate(birth), InsuranceMonths: ins,
			MonthlySalary: 10_000_000, ElectionDay: election2026()}
	}
	tests := []struct {
		name string
		c    Case
		want want
	}{
		{
			// Born 07/1965: 61y9m reached 04/2027, retires 2027-05-01: 13
			// months → 1 year 1 month → 1.5 years × 5 = 7.5 months.
			// 25y7m insurance: 5y7m further → 6 years → 5 + 3 = 8 months.
			name: "13 months left, half-year rule",
			c:    man("1965-07-10", 25*12+7),
			want: want{monthsLeft: 13, early: true, reassign: true, earlyMonths: 13,
				months1: 7.5, months2: 8, amount1: 75_000_000, amount2: 80_000_000, total: 155_000_000},
		},
		{
			// Born 03/1969: 62y reached 03/2031, retires 2031-04-01: 60
			// months → 5 years × 5 = 25 months; 25y6m → 5.5 further years.
			name: "60 months left: eligible under the 5-year window",
			c:    man("1969-03-10", 25*12+6),
			want: want{monthsLeft: 60, early: true, reassign: true, earlyMonths: 60,
				months1: 25, months2: 7.75, amount1: 250_000_000, amount2: 77_500_000, total: 327_500_000},
		},
		{
			name: "61 months left: not eligible",
			c:    man("1969-04-10", 25*12),
			want: want{monthsLeft: 61, reassign: true},
		},
		{
			// From 2025-07-01 a pension needs 15 years: 15 are enough.
			name: "15 years of insurance in 2026: eligible",
			c:    man("1965-07-10", 15*12),
			want: want{monthsLeft: 13, early: true, reassign: true, earlyMonths: 13,
				months1: 7.5, months2: 5, amount1: 75_000_000, amount2: 50_000_000, total: 125_000_000},
		},
		{
			name: "short insurance, 13 months left: awaits retirement",
			c:    man("1965-07-10", 15*12-1),
			want: want{monthsLeft: 13, reassign: true, await: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Assess(Decree177, tt.c, Verification{})
			if err != nil {
				t.Fatalf("Assess: %v", err)
			}
			if a.RuleSet != Decree177 || a.Verified || !a.NeedsHRConfirmation {
				t.Errorf("rule set %s verified %v needs HR %v; want unverified, needs HR", a.RuleSet, a.Verified, a.NeedsHRConfirmation)
			}
			if len(a.Explanation) == 0 || a.Explanation[0] != "Chưa đối chiếu văn bản: cần cán bộ tổ chức xác nhận" {
				t.Errorf("first explanation line = %q", a.Explanation)
			}
			checkAssessment(t, a, tt.want)
			for _, o := range a.Options {
				for _, al := range o.Allowances {
					if !strings.Contains(al.Citation, "177/2024/NĐ-CP, điều 3 khoản 2") {
						t.Errorf("allowance citation %q does not cite art. 3(2)", al.Citation)
					}
				}
			}
		})
	}
}

// TestInsuranceBefore2025July: before the Law on Social Insurance 2024 took
// effect, early retirement needed 20 years (15 for women at commune level).
func TestInsuranceBefore2025July(t *testing.T) {
	c := Case{Sex: election.Male, BirthDate: election.MustParseDate("1964-01-10"), InsuranceMonths: 19 * 12,
		MonthlySalary: 10_000_000, ElectionDay: election.MustParseDate("2025-02-01")}
	a, err := Assess(Decree177, c, Verification{})
	if err != nil {
		t.Fatal(err)
	}
	if early, _ := a.Option(EarlyRetirement); early.Eligible {
		t.Errorf("19 years of insurance in February 2025 made early retirement eligible: %s", early.Reason)
	}
	c.Sex, c.CommuneLevel, c.BirthDate = election.Female, true, election.MustParseDate("1969-01-10")
	if a, err = Assess(Decree177, c, Verification{}); err != nil {
		t.Fatal(err)
	}
	if early, _ := a.Option(EarlyRetirement); !early.Eligible {
		t.Errorf("a commune-level woman with 19 years was refused: %s", early.Reason)
	}
}

// TestRuleSetCoveredButNotInForce applies Decree 177 to a 2026 case:
// allowed, as it still covers the date, but the explanation names the rule
// set in force, Decree 178 as amended by Decree 67.
func TestRuleSetCoveredButNotInForce(t *testing.T) {
	c := Case{Sex: election.Male, BirthDate: election.MustParseDate("1965-07-10"), InsuranceMonths: 25*12 + 7,
		MonthlySalary: 10_000_000, ElectionDay: election2026()}
	a, err := Assess(Decree177, c, Verification{})
	if err != nil {
		t.Fatal(err)
	}
	if text := strings.Join(a.Explanation, "\n"); !strings.Contains(text, "Lưu ý") || !strings.Contains(text, string(Decree178As67)) {
		t.Errorf("explanation does not name the rule set in force:\n%s", text)
	}
	in, err := InForce(c.ElectionDay)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Assess(in.ID, c, Verification{})
	if err != nil {
		t.Fatal(err)
	}
	if b.RuleSet != Decree178As67 || !b.NeedsHRConfirmation {
		t.Errorf("rule set in force on 2026-03-15 gave %s, needs HR %v", b.RuleSet, b.NeedsHRConfirmation)
	}
}
