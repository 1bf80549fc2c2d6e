package retirement

import (
	"errors"
	"strings"
	"testing"

	"electionflow/election"
)

// election2021 is the day of the 2021 elections, under Decree 26/2015.
func election2021() election.Date { return election.MustParseDate("2021-05-23") }

// want is the expected outcome of an assessment.
type want struct {
	monthsLeft              int
	early, reassign, await  bool
	earlyMonths             int
	months1, months2        float64
	amount1, amount2, total election.VND
}

func checkAssessment(t *testing.T, a Assessment, w want) {
	t.Helper()
	if a.MonthsLeft != w.monthsLeft {
		t.Errorf("MonthsLeft = %d, want %d", a.MonthsLeft, w.monthsLeft)
	}
	if len(a.Options) != 3 {
		t.Fatalf("got %d options, want 3", len(a.Options))
	}
	for i, k := range []OptionKind{EarlyRetirement, Reassignment, AwaitRetirement} {
		if a.Options[i].Kind != k {
			t.Errorf("option %d is %s, want %s", i, a.Options[i].Kind, k)
		}
		if a.Options[i].Reason == "" {
			t.Errorf("option %s has no reason", k)
		}
	}
	early, _ := a.Option(EarlyRetirement)
	reassign, _ := a.Option(Reassignment)
	await, _ := a.Option(AwaitRetirement)
	if early.Eligible != w.early || reassign.Eligible != w.reassign || await.Eligible != w.await {
		t.Errorf("eligible early/reassign/await = %v/%v/%v, want %v/%v/%v (reasons: %q / %q / %q)",
			early.Eligible, reassign.Eligible, await.Eligible, w.early, w.reassign, w.await,
			early.Reason, reassign.Reason, await.Reason)
	}
	if early.PensionDeduction {
		t.Errorf("early retirement carries a pension deduction")
	}
	if len(reassign.Allowances) != 0 || reassign.Total != 0 || len(await.Allowances) != 0 || await.Total != 0 {
		t.Errorf("reassignment or awaiting pays lump sums: %+v %+v", reassign, await)
	}
	if !w.early {
		if len(early.Allowances) != 0 || early.Total != 0 || early.EarlyMonths != 0 {
			t.Errorf("ineligible early retirement pays: %+v", early)
		}
		return
	}
	if early.EarlyMonths != w.earlyMonths {
		t.Errorf("EarlyMonths = %d, want %d", early.EarlyMonths, w.earlyMonths)
	}
	if len(early.Allowances) != 2 {
		t.Fatalf("early retirement has %d allowances, want 2", len(early.Allowances))
	}
	a1, a2 := early.Allowances[0], early.Allowances[1]
	if a1.Months != w.months1 || a1.Amount != w.amount1 {
		t.Errorf("allowance 1 = %v months, %d đồng; want %v, %d", a1.Months, a1.Amount, w.months1, w.amount1)
	}
	if a2.Months != w.months2 || a2.Amount != w.amount2 {
		t.Errorf("allowance 2 = %v months, %d đồng; want %v, %d", a2.Months, a2.Amount, w.months2, w.amount2)
	}
	if early.Total != w.total {
		t.Errorf("Total = %d, want %d", early.Total, w.total)
	}
	for _, al := range early.Allowances {
		if al.Name == "" || al.Citation == "" {
			t.Errorf("allowance without name or citation: %+v", al)
		}
	}
}

func TestAssessDecree26(t *testing.T) {
	man := func(birth string, ins int, salary election.VND, commune bool) Case {
		return Case{Sex: election.Male, BirthDate: election.MustParseDate(birth), InsuranceMonths: ins,
			MonthlySalary: salary, CommuneLevel: commune, ElectionDay: election2021()}
	}
	woman := func(birth string, ins int, salary election.VND, commune bool) Case {
		c := man(birth, ins, salary, commune)
		c.Sex = election.Female
		return c
	}
	tests := []struct {
		name string
		c    Case
		want want
	}{
		{
			// Born 11/1961: 60y6m reached 05/2022, retires 2022-06-01.
			// 3 × 12/12 = 3 months; 5 + 0.5 × 5 = 7.5 months.
			name: "brief example: 25 years, 12 months left",
			c:    man("1961-11-10", 25*12, 10_000_000, false),
			want: want{monthsLeft: 12, early: true, reassign: true, earlyMonths: 12,
				months1: 3, months2: 7.5, amount1: 30_000_000, amount2: 75_000_000, total: 105_000_000},
		},
		{
			// Born 02/1963: 60y9m reached 11/2023, retires 2023-12-01.
			name: "exactly 30 months left: not eligible, reassignment only",
			c:    man("1963-02-10", 25*12, 10_000_000, false),
			want: want{monthsLeft: 30, reassign: true},
		},
		{
			// Born 01/1963: retires 2023-11-01. 29 months pro rata:
			// 3 × 29/12 = 7.25 months.
			name: "29 months left: eligible, partial year pro rata",
			c:    man("1963-01-10", 25*12, 10_000_000, false),
			want: want{monthsLeft: 29, early: true, reassign: true, earlyMonths: 29,
				months1: 7.25, months2: 7.5, amount1: 72_500_000, amount2: 75_000_000, total: 147_500_000},
		},
		{
			// 7.25 × 10,000,003 = 72,500,021.75 → 72,500,022;
			// 7.5 × 10,000,003 = 75,000,022.5 → 75,000,023 (half up);
			// the total is the sum of the rounded amounts, 147,500,045,
			// not the rounded exact sum 147,500,044.
			name: "rounding half up per allowance, total of rounded amounts",
			c:    man("1963-01-10", 25*12, 10_000_003, false),
			want: want{monthsLeft: 29, early: true, reassign: true, earlyMonths: 29,
				months1: 7.25, months2: 7.5, amount1: 72_500_022, amount2: 75_000_023, total: 147_500_045},
		},
		{
			name: "exactly 20 years of insurance: eligible, 5 months",
			c:    man("1961-11-10", 20*12, 10_000_000, false),
			want: want{monthsLeft: 12, early: true, reassign: true, earlyMonths: 12,
				months1: 3, months2: 5, amount1: 30_000_000, amount2: 50_000_000, total: 80_000_000},
		},
		{
			name: "19 years 11 months: not eligible, awaits retirement on salary",
			c:    man("1961-11-10", 20*12-1, 10_000_000, false),
			want: want{monthsLeft: 12, reassign: true, await: true},
		},
		{
			name: "19 years 11 months with 30 months left: reassignment only",
			c:    man("1963-02-10", 20*12-1, 10_000_000, false),
			want: want{monthsLeft: 30, reassign: true},
		},
		{
			// Further years count whole years only: 25y11m → 5 years.
			name: "partial further year is not counted",
			c:    man("1961-11-10", 25*12+11, 10_000_000, false),
			want: want{monthsLeft: 12, early: true, reassign: true, earlyMonths: 12,
				months1: 3, months2: 7.5, amount1: 30_000_000, amount2: 75_000_000, total: 105_000_000},
		},
		{
			// Born 09/1966: 55y8m reached 05/2022, retires 2022-06-01.
			name: "woman at commune level with 15 years: eligible",
			c:    woman("1966-09-10", 15*12, 10_000_000, true),
			want: want{monthsLeft: 12, early: true, reassign: true, earlyMonths: 12,
				months1: 3, months2: 5, amount1: 30_000_000, amount2: 50_000_000, total: 80_000_000},
		},
		{
			name: "same woman at province level: not eligible",
			c:    woman("1966-09-10", 15*12, 10_000_000, false),
			want: want{monthsLeft: 12, reassign: true, await: true},
		},
		{
			name: "woman at commune level with 14 years 11 months: not eligible",
			c:    woman("1966-09-10", 15*12-1, 10_000_000, true),
			want: want{monthsLeft: 12, reassign: true, await: true},
		},
		{
			name: "man at commune level with 15 years: not eligible",
			c:    man("1961-11-10", 15*12, 10_000_000, true),
			want: want{monthsLeft: 12, reassign: true, await: true},
		},
		{
			// Born 02/1961: 60y3m reached 05/2021, retires 2021-06-01.
			name: "less than a month left: nothing but normal retirement",
			c:    man("1961-02-10", 25*12, 10_000_000, false),
			want: want{monthsLeft: 0},
		},
		{
			// Born 01/1960: retired 2020-02-01.
			name: "already past retirement",
			c:    man("1960-01-10", 25*12, 10_000_000, false),
			want: want{monthsLeft: -16},
		},
		{
			// Born 04/1962: 60y6m reached 10/2022, retires 2022-11-01: 17
			// months → 3 × 17/12 = 4.25 months.
			name: "17 months left",
			c:    man("1962-04-10", 32*12+6, 8_500_000, false),
			want: want{monthsLeft: 17, early: true, reassign: true, earlyMonths: 17,
				months1: 4.25, months2: 11, amount1: 36_125_000, amount2: 93_500_000, total: 129_625_000},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Assess(Decree26, tt.c, Verification{})
			if err != nil {
				t.Fatalf("Assess: %v", err)
			}
			if a.RuleSet != Decree26 || a.Verified || !a.NeedsHRConfirmation {
				t.Errorf("rule set %s verified %v needs HR %v, want decree 26, unverified", a.RuleSet, a.Verified, a.NeedsHRConfirmation)
			}
			if len(a.Explanation) == 0 || a.Explanation[0] != unverifiedNote {
				t.Errorf("explanation of an unverified rule set: %q", a.Explanation)
			}
			checkAssessment(t, a, tt.want)
		})
	}
}

// TestAssessDecree26Explanation checks that the explanation states every
// number of the brief's example.
func TestAssessDecree26Explanation(t *testing.T) {
	a, err := Assess(Decree26, Case{Sex: election.Male, BirthDate: election.MustParseDate("1961-11-10"),
		InsuranceMonths: 300, MonthlySalary: 10_000_000, ElectionDay: election2021()}, Verification{})
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(a.Explanation, "\n")
	for _, s := range []string{
		"Nghị định 26/2015/NĐ-CP",
		"60 tuổi 6 tháng", "05/2022", "01/06/2022",
		"còn 12 tháng tròn",
		"300 tháng = 25 năm", "từ đủ 20 năm",
		"1 năm × 3 tháng × 10.000.000 đ = 30.000.000 đ",
		"(5 tháng cho 20 năm đầu + 5 năm × 0,5 tháng) × 10.000.000 đ = 75.000.000 đ",
		"30.000.000 đ + 75.000.000 đ = 105.000.000 đ",
		"Nghị định 26/2015/NĐ-CP, điều 3",
		"không bị trừ tỷ lệ lương hưu",
	} {
		if !strings.Contains(text, s) {
			t.Errorf("explanation lacks %q:\n%s", s, text)
		}
	}
}

func TestAssessErrors(t *testing.T) {
	good := Case{Sex: election.Male, BirthDate: election.MustParseDate("1961-11-10"),
		InsuranceMonths: 300, MonthlySalary: 10_000_000, ElectionDay: election2021()}
	if _, err := Assess(Decree26, good, Verification{}); err != nil {
		t.Fatalf("good case: %v", err)
	}
	tests := []struct {
		name   string
		rs     RuleSetID
		modify func(*Case)
		want   error
	}{
		{"zero birth date", Decree26, func(c *Case) { c.BirthDate = election.Date{} }, ErrInvalidInput},
		{"zero election day", Decree26, func(c *Case) { c.ElectionDay = election.Date{} }, ErrInvalidInput},
		{"negative insurance", Decree26, func(c *Case) { c.InsuranceMonths = -1 }, ErrInvalidInput},
		{"insurance longer than life", Decree26, func(c *Case) { c.InsuranceMonths = 60*12 + 7 }, ErrInvalidInput},
		{"zero salary", Decree26, func(c *Case) { c.MonthlySalary = 0 }, ErrInvalidInput},
		{"negative salary", Decree26, func(c *Case) { c.MonthlySalary = -5 }, ErrInvalidInput},
		{"election before birth", Decree26, func(c *Case) { c.ElectionDay = election.MustParseDate("1961-11-09") }, ErrInvalidInput},
		{"unknown sex", Decree26, func(c *Case) { c.Sex = "other" }, ErrInvalidInput},
		{"empty sex", Decree26, func(c *Case) { c.Sex = "" }, ErrInvalidInput},
		{"unknown rule set", "decree-1-1990", func(*Case) {}, ErrUnknownRuleSet},
		{"empty rule set", "", func(*Case) {}, ErrUnknownRuleSet},
		{"decree 177 before it took effect", Decree177, func(*Case) {}, ErrNotInForce},
		{"decree 26 before it took effect", Decree26, func(c *Case) { c.ElectionDay = election.MustParseDate("2011-05-22") }, ErrNotInForce},
		{"decree 26 after it ended", Decree26, func(c *Case) { c.ElectionDay = election.MustParseDate("2025-01-01") }, ErrNotInForce},
		{"decree 178/67 before it took effect", Decree178As67, func(*Case) {}, ErrNotInForce},
		{"amount overflows", Decree26, func(c *Case) { c.MonthlySalary = 1 << 62 }, ErrOverflow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			tt.modify(&c)
			a, err := Assess(tt.rs, c, Verification{})
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if len(a.Options) != 0 || len(a.Explanation) != 0 {
				t.Errorf("an error came with an assessment: %+v", a)
			}
			if !strings.Contains(err.Error(), "assess") {
				t.Errorf("error %q lacks context", err)
			}
		})
	}
}

func TestCaseOf(t *testing.T) {
	cadre := election.OutgoingCadre{Sex: election.Female, BirthDate: election.MustParseDate("1966-09-10"),
		InsuranceMonths: 180, MonthlySalary: 9_000_000}
	c := CaseOf(cadre, election2021(), true)
	want := Case{Sex: election.Female, BirthDate: cadre.BirthDate, InsuranceMonths: 180,
		MonthlySalary: 9_000_000, CommuneLevel: true, ElectionDay: election2021()}
	if c != want {
		t.Errorf("CaseOf = %+v, want %+v", c, want)
	}
}
