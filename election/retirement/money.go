package retirement

import (
	"fmt"
	"math/big"
	"strings"

	"electionflow/election"
)

// roundHalfUp rounds a non-negative rational to the nearest integer, halves
// up (làm tròn đến đồng).
func roundHalfUp(r *big.Rat) *big.Int {
	// floor((2·num + den) / (2·den)) for num ≥ 0, den > 0.
	num := new(big.Int).Lsh(r.Num(), 1)
	num.Add(num, r.Denom())
	den := new(big.Int).Lsh(r.Denom(), 1)
	return num.Div(num, den)
}

// salaryAmount is months of salary at the monthly salary, in whole đồng
// rounded half up. It fails when the amount does not fit in a VND.
func salaryAmount(months *big.Rat, salary election.VND) (election.VND, error) {
	exact := new(big.Rat).Mul(months, new(big.Rat).SetInt64(int64(salary)))
	if exact.Sign() < 0 {
		return 0, fmt.Errorf("negative amount %s đồng: %w", exact.FloatString(2), ErrInvalidInput)
	}
	v := roundHalfUp(exact)
	if !v.IsInt64() {
		return 0, fmt.Errorf("%s months of a salary of %d đồng: %w", months.RatString(), salary, ErrOverflow)
	}
	return election.VND(v.Int64()), nil
}

// sumVND adds amounts, failing instead of wrapping around on overflow.
func sumVND(amounts ...election.VND) (election.VND, error) {
	total := new(big.Int)
	for _, a := range amounts {
		total.Add(total, big.NewInt(int64(a)))
	}
	if !total.IsInt64() {
		return 0, fmt.Errorf("total of %d amounts: %w", len(amounts), ErrOverflow)
	}
	return election.VND(total.Int64()), nil
}

// formatVND writes an amount the Vietnamese way: 105.000.000 đồng.
func formatVND(v election.VND) string {
	s := fmt.Sprintf("%d", v)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(c)
	}
	if neg {
		return "-" + b.String() + " đồng"
	}
	return b.String() + " đồng"
}

// formatDong writes an amount the short way, as in formulas: 15.356.250 đ.
func formatDong(v election.VND) string {
	return strings.TrimSuffix(formatVND(v), " đồng") + " đ"
}

// formatRat writes a rational with a decimal comma: 7,5; 2; ≈2,4167 when it
// has more than four decimals.
func formatRat(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	scaled := new(big.Rat).Mul(r, big.NewRat(10000, 1))
	s := strings.TrimRight(r.FloatString(4), "0")
	s = strings.TrimSuffix(s, ".")
	s = strings.Replace(s, ".", ",", 1)
	if !scaled.IsInt() {
		return "≈" + s
	}
	return s
}

// ratFloat is r as a float64, for display fields such as Allowance.Months.
func ratFloat(r *big.Rat) float64 {
	f, _ := r.Float64()
	return f
}
