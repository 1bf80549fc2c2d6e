package retirement

import (
	"math/big"
	"testing"

	"electionflow/election"
)

func TestRoundHalfUp(t *testing.T) {
	tests := []struct {
		num, den int64
		want     int64
	}{
		{0, 1, 0}, {1, 4, 0}, {1, 2, 1}, {3, 4, 1}, {5, 2, 3}, {7, 2, 4},
		{290000087, 4, 72500022}, {150000045, 2, 75000023}, {-0, 3, 0}, {2, 3, 1}, {1, 3, 0},
	}
	for _, tt := range tests {
		if got := roundHalfUp(big.NewRat(tt.num, tt.den)).Int64(); got != tt.want {
			t.Errorf("roundHalfUp(%d/%d) = %d, want %d", tt.num, tt.den, got, tt.want)
		}
	}
}

func TestYearRules(t *testing.T) {
	tests := []struct {
		months                     int
		fractional, whole, rounded string
	}{
		{0, "0", "0", "0"},
		{1, "1/12", "0", "1/2"},
		{6, "1/2", "0", "1/2"},
		{7, "7/12", "0", "1"},
		{11, "11/12", "0", "1"},
		{12, "1", "1", "1"},
		{13, "13/12", "1", "3/2"},
		{18, "3/2", "1", "3/2"},
		{19, "19/12", "1", "2"},
		{29, "29/12", "2", "5/2"},
	}
	for _, tt := range tests {
		for _, c := range []struct {
			rule yearRule
			want string
		}{{yearsFractional, tt.fractional}, {yearsWhole, tt.whole}, {yearsHalfRounded, tt.rounded}} {
			if got := c.rule.years(tt.months).RatString(); got != c.want {
				t.Errorf("rule %d, %d months = %s years, want %s", c.rule, tt.months, got, c.want)
			}
		}
	}
}

func TestFormat(t *testing.T) {
	for v, want := range map[election.VND]string{
		0: "0 đồng", 5: "5 đồng", 1000: "1.000 đồng", 105_000_000: "105.000.000 đồng", -1234567: "-1.234.567 đồng",
	} {
		if got := formatVND(v); got != want {
			t.Errorf("formatVND(%d) = %q, want %q", v, got, want)
		}
	}
	for r, want := range map[string]string{"15/2": "7,5", "29/4": "7,25", "3": "3", "29/12": "≈2,4167", "1/2": "0,5"} {
		x, _ := new(big.Rat).SetString(r)
		if got := formatRat(x); got != want {
			t.Errorf("formatRat(%s) = %q, want %q", r, got, want)
		}
	}
	if got := yearsMonths(726, "tuổi"); got != "60 tuổi 6 tháng" {
		t.Errorf("yearsMonths(726) = %q", got)
	}
	if got := monthYear(2021*12 + 3); got != "04/2021" {
		t.Errorf("monthYear = %q", got)
	}
	if y, m, d := firstOfIndex(-1).Time().Date(); y != -1 || m != 12 || d != 1 {
		t.Errorf("firstOfIndex(-1) = %d-%d-%d, want -1-12-1", y, m, d)
	}
	if yearOfIndex(-1) != -1 || yearOfIndex(-12) != -1 || yearOfIndex(-13) != -2 || yearOfIndex(11) != 0 {
		t.Errorf("yearOfIndex floors wrongly")
	}
}
