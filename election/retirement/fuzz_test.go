package retirement

import (
	"errors"
	"testing"
	"time"

	"electionflow/election"
)

// FuzzAssess throws arbitrary cases at Assess: it must never panic, and
// every result must be an error of a known kind or a well-formed assessment.
func FuzzAssess(f *testing.F) {
	f.Add(uint8(0), int16(1961), int8(11), int8(10), 300, int64(10_000_000), false, int16(2021), int8(5), int8(23), uint8(0))
	f.Add(uint8(1), int16(1966), int8(9), int8(10), 180, int64(10_000_000), true, int16(2021), int8(5), int8(23), uint8(0))
	f.Add(uint8(0), int16(1965), int8(7), int8(10), 307, int64(10_000_003), false, int16(2026), int8(3), int8(15), uint8(1))
	f.Add(uint8(1), int16(1975), int8(5), int8(31), 0, int64(1), true, int16(2026), int8(3), int8(15), uint8(1))
	f.Add(uint8(2), int16(1961), int8(1), int8(1), -1, int64(0), false, int16(1), int8(1), int8(1), uint8(2))
	f.Add(uint8(0), int16(1961), int8(11), int8(10), 300, int64(1<<62), false, int16(2021), int8(5), int8(23), uint8(0))
	f.Fuzz(func(t *testing.T, sexN uint8, by int16, bm, bd int8, ins int, salary int64, commune bool,
		ey int16, em, ed int8, rsN uint8) {
		sexes := []election.Sex{election.Male, election.Female, "", "nam"}
		ids := []RuleSetID{Decree26, Decree177, Decree178As67, "decree-0-0000"}
		c := Case{
			Sex:             sexes[int(sexN)%len(sexes)],
			BirthDate:       election.NewDate(int(by), time.Month(bm), int(bd)),
			InsuranceMonths: ins,
			MonthlySalary:   election.VND(salary),
			CommuneLevel:    commune,
			ElectionDay:     election.NewDate(int(ey), time.Month(em), int(ed)),
		}
		rs := ids[int(rsN)%len(ids)]
		var v Verification
		if rsN&0x80 != 0 {
			v = Verification{RuleSet: rs, Verified: true, By: "thuky", Source: "Công báo"}
		}
		a, err := Assess(rs, c, v)
		if err != nil {
			for _, kind := range []error{ErrInvalidInput, ErrUnknownRuleSet, ErrNotInForce, ErrOverflow} {
				if errors.Is(err, kind) {
					return
				}
			}
			t.Fatalf("error of no known kind: %v", err)
		}
		if a.RuleSet != rs || a.NeedsHRConfirmation == a.Verified {
			t.Fatalf("rule set %s verified %v needs HR %v", a.RuleSet, a.Verified, a.NeedsHRConfirmation)
		}
		if len(a.Explanation) == 0 {
			t.Fatal("empty explanation")
		}
		if a.Verified != (v.Verified && v.RuleSet == rs) {
			t.Fatalf("verified %v under verification %+v", a.Verified, v)
		}
		if !a.Verified && a.Explanation[0] != unverifiedNote {
			t.Fatalf("unverified assessment starts with %q", a.Explanation[0])
		}
		for _, line := range a.Explanation {
			if line == "" {
				t.Fatal("empty explanation line")
			}
		}
		if len(a.Options) != 3 {
			t.Fatalf("%d options", len(a.Options))
		}
		for i, kind := range []OptionKind{EarlyRetirement, Reassignment, AwaitRetirement} {
			o := a.Options[i]
			if o.Kind != kind || o.Reason == "" {
				t.Fatalf("option %d: kind %s reason %q", i, o.Kind, o.Reason)
			}
			var sum election.VND
			for _, al := range o.Allowances {
				if al.Amount < 0 || al.Months < 0 || al.Name == "" || al.Citation == "" || al.Formula == "" {
					t.Fatalf("bad allowance %+v", al)
				}
				if sum+al.Amount < sum {
					t.Fatalf("sum overflows")
				}
				sum += al.Amount
			}
			if o.Total != sum || o.Total < 0 || o.EarlyMonths < 0 {
				t.Fatalf("option %s: total %d, sum %d, early months %d", kind, o.Total, sum, o.EarlyMonths)
			}
			if !o.Eligible && (o.Total != 0 || len(o.Allowances) != 0) {
				t.Fatalf("ineligible option %s pays %d", kind, o.Total)
			}
		}
		if early := a.Options[0]; early.Eligible && (early.EarlyMonths != a.MonthsLeft || early.EarlyMonths <= 0 || early.PensionDeduction) {
			t.Fatalf("eligible early retirement %+v with %d months left", early, a.MonthsLeft)
		}
		if a.Options[0].Eligible && a.Options[2].Eligible {
			t.Fatal("early retirement and awaiting retirement both eligible")
		}
		if a.MonthsLeft > 0 && !a.Options[1].Eligible {
			t.Fatal("reassignment refused before the retirement date")
		}
	})
}
