package retirement

import (
	"fmt"
	"math/big"

	"electionflow/election"
)

// earlyAllowances computes the lump sums of an eligible early retirement of
// earlyMonths months: the allowance per month retired early (when the rule
// set has one), per year retired early, and for the insurance record, each
// with its formula written out and its article.
func (p policy) earlyAllowances(f facts, earlyMonths int) ([]Allowance, error) {
	salary := f.c.MonthlySalary
	var out []Allowance
	if p.perEarlyMonth != nil {
		months := new(big.Rat).Mul(new(big.Rat).SetInt64(int64(earlyMonths)), p.perEarlyMonth)
		amount, err := salaryAmount(months, salary)
		if err != nil {
			return nil, fmt.Errorf("allowance per month retired early: %w", err)
		}
		out = append(out, Allowance{
			Name: "Trợ cấp hưu trí một lần cho số tháng nghỉ sớm", Months: ratFloat(months), Amount: amount,
			Citation: p.set.Article(FormulaPerEarlyMonth),
			Formula: fmt.Sprintf("%d tháng × %s tháng lương × %s = %s",
				earlyMonths, formatRat(p.perEarlyMonth), formatDong(salary), formatDong(amount)),
		})
	}

	years := p.earlyYears.years(earlyMonths)
	months := new(big.Rat).Mul(years, new(big.Rat).SetInt64(p.perEarlyYear))
	amount, err := salaryAmount(months, salary)
	if err != nil {
		return nil, fmt.Errorf("allowance per year retired early: %w", err)
	}
	out = append(out, Allowance{
		Name: "Trợ cấp cho số năm nghỉ hưu trước tuổi", Months: ratFloat(months), Amount: amount,
		Citation: p.set.Article(FormulaPerEarlyYear),
		Formula: fmt.Sprintf("%s năm × %d tháng × %s = %s (%d tháng nghỉ sớm; %s)",
			formatRat(years), p.perEarlyYear, formatDong(salary), formatDong(amount),
			earlyMonths, p.earlyYears.describe()),
	})

	seniority, err := p.seniority(f.c.InsuranceMonths, salary)
	if err != nil {
		return nil, err
	}
	return append(out, seniority), nil
}

// seniority computes the allowance for an insurance record of insurance
// months: baseMonths for the first baseYears, perFurtherYear for each
// further year counted by furtherYears.
func (p policy) seniority(insurance int, salary election.VND) (Allowance, error) {
	further := max(insurance-p.baseYears*12, 0)
	years := p.furtherYears.years(further)
	months := new(big.Rat).Mul(years, p.perFurtherYear)
	months.Add(months, new(big.Rat).SetInt64(p.baseMonths))
	amount, err := salaryAmount(months, salary)
	if err != nil {
		return Allowance{}, fmt.Errorf("seniority allowance: %w", err)
	}
	return Allowance{
		Name: "Trợ cấp theo thời gian công tác có đóng bảo hiểm xã hội", Months: ratFloat(months), Amount: amount,
		Citation: p.set.Article(FormulaSeniority),
		Formula: fmt.Sprintf("(%d tháng cho %d năm đầu + %s năm × %s tháng) × %s = %s (%s đóng bảo hiểm xã hội, %s vượt %d năm; %s)",
			p.baseMonths, p.baseYears, formatRat(years), formatRat(p.perFurtherYear), formatDong(salary), formatDong(amount),
			yearsMonths(insurance, "năm"), yearsMonths(further, "năm"), p.baseYears, p.furtherYears.describe()),
	}, nil
}
