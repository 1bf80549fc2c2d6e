package retirement

import (
	"errors"
	"strings"
	"testing"

	"electionflow/election"
)

// workedExample is the Ministry of Home Affairs' example under Decree 178
// as amended by Decree 67 (Official Dispatch 1814, as issue 13 quotes it):
// a man born 15/01/1966 reaches 61y9m in 10/2027 and retires on 01/11/2027;
// retiring on 01/05/2025 is 30 months early.
func workedExample() Request {
	return Request{Sex: election.Male, BirthDate: election.MustParseDate("1966-01-15"), InsuranceMonths: 22 * 12,
		MonthlySalary: 15_356_250, Date: election.MustParseDate("2025-05-01")}
}

func TestWorkedExampleDecree178As67(t *testing.T) {
	calc, err := Calculate(workedExample(), election.MustParseDate("2026-12-01"), Verification{})
	if err != nil {
		t.Fatal(err)
	}
	if calc.RuleSet.ID != Decree178As67 {
		t.Fatalf("rule set in force on 01/05/2025 = %s, want %s", calc.RuleSet.ID, Decree178As67)
	}
	a := calc.Assessment
	early, _ := a.Option(EarlyRetirement)
	if !early.Eligible || early.EarlyMonths != 30 || len(early.Allowances) != 3 {
		t.Fatalf("early retirement = %+v", early)
	}
	wantAmounts := []election.VND{460_687_500, 191_953_125, 92_137_500}
	wantMonths := []float64{30, 12.5, 6}
	wantFormulas := []string{
		"30 tháng × 1 tháng lương × 15.356.250 đ = 460.687.500 đ",
		"2,5 năm × 5 tháng × 15.356.250 đ = 191.953.125 đ",
		"(5 tháng cho 20 năm đầu + 2 năm × 0,5 tháng) × 15.356.250 đ = 92.137.500 đ",
	}
	for i, al := range early.Allowances {
		if al.Amount != wantAmounts[i] || al.Months != wantMonths[i] || !strings.HasPrefix(al.Formula, wantFormulas[i]) {
			t.Errorf("allowance %d = %v months, %d đ, %q; want %v, %d, %q", i, al.Months, al.Amount, al.Formula,
				wantMonths[i], wantAmounts[i], wantFormulas[i])
		}
		if !strings.Contains(al.Citation, "178/2024/NĐ-CP") || !strings.Contains(al.Citation, "67/2025/NĐ-CP") {
			t.Errorf("allowance %d cites %q", i, al.Citation)
		}
	}
	// The dispatch's total, as quoted, is 744.788.125 đ; its own three
	// amounts add up to 744.778.125 đ (see the rule set's Disagreements).
	if early.Total != 744_778_125 {
		t.Errorf("total = %d, want 744778125", early.Total)
	}
	if !a.NeedsHRConfirmation || a.Verified {
		t.Errorf("unverified rule set gave verified %v, needs HR %v", a.Verified, a.NeedsHRConfirmation)
	}
}

// TestVerificationClearsTheFlag: a result under a rule set is flagged until
// a verification of that rule set is recorded, and again once revoked; a
// verification of another rule set changes nothing.
func TestVerificationClearsTheFlag(t *testing.T) {
	today := election.MustParseDate("2026-12-01")
	tests := []struct {
		name     string
		v        Verification
		verified bool
	}{
		{"never verified", Verification{}, false},
		{"verified", Verification{RuleSet: Decree178As67, Verified: true, By: "thuky", Source: "Công báo 2025 số 443"}, true},
		{"revoked", Verification{RuleSet: Decree178As67, Verified: false, By: "thuky"}, false},
		{"another rule set verified", Verification{RuleSet: Decree177, Verified: true, By: "thuky", Source: "x"}, false},
	}
	for _, tt := range tests {
		calc, err := Calculate(workedExample(), today, tt.v)
		if err != nil {
			t.Fatal(err)
		}
		a := calc.Assessment
		if a.Verified != tt.verified || a.NeedsHRConfirmation == tt.verified {
			t.Errorf("%s: verified %v needs HR %v", tt.name, a.Verified, a.NeedsHRConfirmation)
		}
		first := a.Explanation[0]
		if tt.verified != strings.Contains(first, "thuky đối chiếu") || tt.verified == (first == unverifiedNote) {
			t.Errorf("%s: first explanation line %q", tt.name, first)
		}
	}
}

func TestCalculateRefuses(t *testing.T) {
	today := election.MustParseDate("2026-12-01")
	tests := []struct {
		name   string
		modify func(*Request)
		want   error
		text   string
	}{
		{"birth date in the future", func(r *Request) { r.BirthDate = election.MustParseDate("2027-01-01") }, ErrInvalidInput, "in the future"},
		{"negative insurance months", func(r *Request) { r.InsuranceMonths = -3 }, ErrInvalidInput, "negative"},
		{"a date outside every rule set", func(r *Request) { r.Date = election.MustParseDate("2014-06-01") }, ErrNotInForce, "no rule set in force on 01/06/2014"},
		{"a rule set outside its period", func(r *Request) { r.RuleSet = Decree26 }, ErrNotInForce, "applies 01/05/2015 – 31/12/2024"},
		{"an unknown rule set", func(r *Request) { r.RuleSet = "decree-9-2099" }, ErrUnknownRuleSet, "decree-9-2099"},
		{"no date", func(r *Request) { r.Date = election.Date{} }, ErrInvalidInput, "date not set"},
		{"no salary", func(r *Request) { r.MonthlySalary = 0 }, ErrInvalidInput, "not positive"},
	}
	for _, tt := range tests {
		r := workedExample()
		tt.modify(&r)
		_, err := Calculate(r, today, Verification{})
		if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.text) {
			t.Errorf("%s: err = %v, want %v with %q", tt.name, err, tt.want, tt.text)
		}
	}
}

// TestOddMonthsRounding: odd months of 1 to 6 count as half a year and
// more than 6 as a whole year, for the years retired early and for the
// insurance years beyond 20.
func TestOddMonthsRounding(t *testing.T) {
	today := election.MustParseDate("2026-12-01")
	tests := []struct {
		date            string
		insurance       int
		early           int
		perYear, senior float64
	}{
		{"2025-11-01", 20 * 12, 24, 10, 5},        // 2 years; no further year
		{"2025-10-01", 20*12 + 1, 25, 12.5, 5.25}, // 2y1m → 2.5; 1 month → 0.5
		{"2025-06-01", 20*12 + 6, 29, 12.5, 5.25}, // 2y5m → 2.5; 6 months → 0.5
		{"2025-05-01", 20*12 + 7, 30, 12.5, 5.5},  // 2y6m → 2.5; 7 months → 1
		{"2025-04-01", 21*12 + 11, 31, 15, 6},     // 2y7m → 3; 1y11m → 2
	}
	for _, tt := range tests {
		r := workedExample()
		r.Date, r.InsuranceMonths = election.MustParseDate(tt.date), tt.insurance
		calc, err := Calculate(r, today, Verification{})
		if err != nil {
			t.Fatal(err)
		}
		early, _ := calc.Assessment.Option(EarlyRetirement)
		if early.EarlyMonths != tt.early || len(early.Allowances) != 3 {
			t.Fatalf("%s: early = %+v", tt.date, early)
		}
		if got := early.Allowances[1].Months; got != tt.perYear {
			t.Errorf("%s: %d months early = %v months' salary, want %v", tt.date, tt.early, got, tt.perYear)
		}
		if got := early.Allowances[2].Months; got != tt.senior {
			t.Errorf("%s: %d insurance months = %v months' salary, want %v", tt.date, tt.insurance, got, tt.senior)
		}
	}
}
