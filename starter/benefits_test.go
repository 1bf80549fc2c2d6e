package main

import (
	"strings"
	"testing"

	"electionflow/internal/pgtest"
)

// workedExample are the flags of the Ministry of Home Affairs' example under
// Decree 178/2024 as amended by Decree 67/2025 (Official Dispatch 1814).
var workedExample = []string{"benefits", "--birth", "15/01/1966", "--sex", "nam", "--insurance-months", "264",
	"--salary", "15.356.250", "--date", "01/05/2025"}

func TestBenefitsWorkedExample(t *testing.T) {
	db := pgtest.NewDatabase(t)
	code, out := starter(t, db, workedExample...)
	if code != 0 {
		t.Fatalf("benefits = %d:\n%s", code, out)
	}
	for _, want := range []string{
		"Rule set: decree-178-2024-67-2025",
		"Verified: NO: every result below needs HR confirmation",
		"Retirement date: 01/11/2027; 30 whole months left at 01/05/2025",
		"Nghỉ hưu trước tuổi (early-retirement): open",
		"30 tháng × 1 tháng lương × 15.356.250 đ = 460.687.500 đ",
		"2,5 năm × 5 tháng × 15.356.250 đ = 191.953.125 đ",
		"(5 tháng cho 20 năm đầu + 2 năm × 0,5 tháng) × 15.356.250 đ = 92.137.500 đ",
		"Total: 744.778.125 đ",
		"[Nghị định 178/2024/NĐ-CP, điều 7 khoản 1, sửa đổi bởi Nghị định 67/2025/NĐ-CP (theo nguồn thứ cấp)]",
		"Articles cited:",
		"Bố trí công tác khác (reassignment): open",
		"Nghỉ công tác chờ đủ tuổi nghỉ hưu (await-retirement): not open",
		"starter ruleset show decree-178-2024-67-2025",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("benefits output lacks %q:\n%s", want, out)
		}
	}
}

func TestBenefitsRefusesImpossibleInput(t *testing.T) {
	db := pgtest.NewDatabase(t)
	with := func(flag, value string) []string {
		args := append([]string(nil), workedExample...)
		for i := range args {
			if args[i] == flag {
				args[i+1] = value
				return args
			}
		}
		return append(args, flag, value)
	}
	tests := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"future birth date", with("--birth", "01/01/2100"), 1, "birth date 01/01/2100 is in the future"},
		{"negative months", with("--insurance-months", "-12"), 2, "insurance months: -12 is negative"},
		{"date outside every rule set", with("--date", "01/01/2010"), 1, "no rule set in force on 01/01/2010"},
		{"rule set outside its period", with("--rule-set", "decree-26-2015"), 1, "decree-26-2015 applies 01/05/2015 – 31/12/2024, not on 01/05/2025"},
		{"unknown rule set", with("--rule-set", "decree-9-2099"), 1, `rule set "decree-9-2099": unknown rule set`},
		{"no salary", with("--salary", ""), 2, "monthly salary"},
		{"positional argument", append(with("--sex", "nữ"), "extra"), 2, "benefits takes flags only"},
	}
	for _, tt := range tests {
		code, out := starter(t, db, tt.args...)
		if code != tt.code || !strings.Contains(out, tt.want) {
			t.Errorf("%s: benefits = %d, want %d and %q in:\n%s", tt.name, code, tt.code, tt.want, out)
		}
	}
}
