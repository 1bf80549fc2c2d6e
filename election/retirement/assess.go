package retirement

import (
	"fmt"
	"strings"

	"electionflow/election"
)

// Assess applies rule set rs to case c and returns every option with its
// eligibility, allowances and an explanation in Vietnamese. v is the latest
// verification recorded for the rule set (the zero value when there is
// none): unless it verifies rs, the result is marked NeedsHRConfirmation.
//
// It fails, wrapping ErrUnknownRuleSet, ErrInvalidInput, ErrNotInForce or
// ErrOverflow, on an unknown rule set, on bad input (unknown sex, unset
// dates, election day before birth, negative insurance or an insurance record
// longer than the person's life, non-positive salary), when the case's date
// lies outside the rule set's effective period, or when an amount exceeds
// the range of VND. Where two rule sets cover the date, either may be
// applied; the explanation names the one in force.
func Assess(rs RuleSetID, c Case, v Verification) (Assessment, error) {
	p, err := lookup(rs)
	if err != nil {
		return Assessment{}, fmt.Errorf("assess: %w", err)
	}
	if err := c.validate(); err != nil {
		return Assessment{}, fmt.Errorf("assess under %s: %w", rs, err)
	}
	if !p.set.Covering(c.ElectionDay) {
		return Assessment{}, fmt.Errorf("assess under %s: %s is outside its effective period %s: %w",
			rs, c.ElectionDay, p.set.Period(), ErrNotInForce)
	}
	a, err := p.assess(c, v)
	if err != nil {
		return Assessment{}, fmt.Errorf("assess under %s: %w", rs, err)
	}
	return a, nil
}

// facts are the numbers every option is decided on.
type facts struct {
	c          Case
	age        int // statutory retirement age in months
	reached    int // month index in which the age is reached
	retireDate election.Date
	monthsLeft int
	minIns     int // insurance months needed for early retirement
	// minInsArticle is the legal source of minIns.
	minInsArticle string
	insShort      bool // InsuranceMonths < minIns
}

// assess computes the assessment of a validated case.
func (p policy) assess(c Case, v Verification) (Assessment, error) {
	age, reached, err := retirementMonth(c.Sex, c.BirthDate)
	if err != nil {
		return Assessment{}, err
	}
	f := facts{
		c:          c,
		age:        age,
		reached:    reached,
		retireDate: firstOfIndex(reached + 1),
		monthsLeft: monthsUntilFirst(c.ElectionDay, reached+1),
	}
	step := p.insuranceAt(c.ElectionDay)
	f.minIns, f.minInsArticle = step.months, step.article
	if c.Sex == election.Female && c.CommuneLevel {
		f.minIns = step.communeWomen
	}
	f.insShort = c.InsuranceMonths < f.minIns

	verified := v.covers(p.set.ID)
	a := Assessment{
		RuleSet:             p.set.ID,
		Verified:            verified,
		NeedsHRConfirmation: !verified,
		MonthsLeft:          f.monthsLeft,
	}
	if verified {
		a.VerifiedBy, a.VerifiedAgainst = v.By, v.Source
		a.Explanation = append(a.Explanation, v.describe())
	} else {
		a.Explanation = append(a.Explanation, unverifiedNote)
	}
	a.Explanation = append(a.Explanation, p.factLines(f)...)

	early, lines, err := p.early(f)
	if err != nil {
		return Assessment{}, err
	}
	a.Explanation = append(a.Explanation, lines...)
	reassign := p.reassignment(f)
	await := p.await(f, early.Eligible)
	a.Explanation = append(a.Explanation,
		"Bố trí công tác khác: "+reassign.Reason,
		"Nghỉ công tác chờ đủ tuổi nghỉ hưu: "+await.Reason)
	a.Options = []Option{early, reassign, await}
	return a, nil
}

// sexWord is the Vietnamese word for a (validated) sex.
func sexWord(s election.Sex) string {
	if s == election.Female {
		return "nữ"
	}
	return "nam"
}

// factLines explains the rule set, the retirement age and date, the months
// left and the insurance record.
func (p policy) factLines(f facts) []string {
	c := f.c
	lines := []string{
		fmt.Sprintf("Bộ quy tắc áp dụng: %s; căn cứ: %s; hiệu lực %s.",
			p.set.Name, p.set.Citation, p.set.Period()),
	}
	if in, err := InForce(c.ElectionDay); err == nil && in.ID != p.set.ID {
		lines = append(lines, fmt.Sprintf("Lưu ý: ngày %s, bộ quy tắc đang áp dụng là bộ quy tắc khác: %s (%s).",
			c.ElectionDay.Vietnamese(), in.Citation, in.ID))
	}
	where := "cán bộ cấp tỉnh, cấp huyện hoặc trung ương"
	if c.CommuneLevel {
		where = "cán bộ cấp xã"
	}
	lines = append(lines,
		fmt.Sprintf("Tuổi nghỉ hưu: %s, sinh tháng %s → %s, đủ tuổi trong tháng %s; mức tuổi này là mức của năm %d, năm đủ tuổi (Bộ luật Lao động 2019 điều 169; Nghị định 135/2020/NĐ-CP điều 4 và Phụ lục I).",
			sexWord(c.Sex), monthYear(monthIndex(c.BirthDate)), yearsMonths(f.age, "tuổi"),
			monthYear(f.reached), yearOfIndex(f.reached)),
		fmt.Sprintf("Thời điểm nghỉ hưu: %s (ngày 01 của tháng liền kề sau tháng đủ tuổi nghỉ hưu).",
			f.retireDate.Vietnamese()),
		monthsLeftLine(f),
		fmt.Sprintf("Thời gian đóng bảo hiểm xã hội: %d tháng = %s; %s, %s: điều kiện nghỉ hưu trước tuổi là đóng từ đủ %s trở lên (%s).",
			c.InsuranceMonths, yearsMonths(c.InsuranceMonths, "năm"), sexWord(c.Sex), where, yearsMonths(f.minIns, "năm"), f.minInsArticle),
		fmt.Sprintf("Tiền lương tháng hiện hưởng: %s.", formatVND(c.MonthlySalary)),
	)
	return lines
}

// monthsLeftLine explains MonthsLeft at election day.
func monthsLeftLine(f facts) string {
	day := f.c.ElectionDay.Vietnamese()
	if f.monthsLeft < 0 {
		return fmt.Sprintf("Ngày %s: đã qua thời điểm nghỉ hưu; số tháng còn lại tính là %d.", day, f.monthsLeft)
	}
	return fmt.Sprintf("Ngày %s: còn %d tháng tròn đến thời điểm nghỉ hưu.", day, f.monthsLeft)
}

// tooLate is the reason no option applies when the retirement date is less
// than a month away or past at election day.
func tooLate(f facts) string {
	if f.monthsLeft < 0 {
		return fmt.Sprintf("không áp dụng: tại ngày bầu cử đã qua thời điểm nghỉ hưu %s; giải quyết nghỉ hưu theo chế độ bảo hiểm xã hội.",
			f.retireDate.Vietnamese())
	}
	return fmt.Sprintf("không áp dụng: tại ngày bầu cử còn dưới 1 tháng đến thời điểm nghỉ hưu %s; giải quyết nghỉ hưu đúng tuổi theo chế độ bảo hiểm xã hội.",
		f.retireDate.Vietnamese())
}

// early decides early retirement and computes its allowances, returning
// the option and the explanation lines.
func (p policy) early(f facts) (Option, []string, error) {
	o := Option{Kind: EarlyRetirement}
	c := f.c
	if f.monthsLeft <= 0 {
		o.Reason = tooLate(f)
		return o, []string{"Nghỉ hưu trước tuổi: " + o.Reason}, nil
	}
	var missing []string
	if f.monthsLeft >= p.earlyLimit {
		missing = append(missing, fmt.Sprintf("còn %d tháng đến thời điểm nghỉ hưu, điều kiện là còn %s",
			f.monthsLeft, p.earlyLimitText))
	}
	if f.insShort {
		missing = append(missing, fmt.Sprintf("đóng bảo hiểm xã hội %s, điều kiện là từ đủ %s",
			yearsMonths(c.InsuranceMonths, "năm"), yearsMonths(f.minIns, "năm")))
	}
	if len(missing) > 0 {
		o.Reason = "không đủ điều kiện: " + strings.Join(missing, "; ") + " (" + p.set.Article(FormulaEarlyConditions) + ")."
		return o, []string{"Nghỉ hưu trước tuổi: " + o.Reason}, nil
	}

	o.Eligible = true
	o.EarlyMonths = f.monthsLeft
	o.Reason = fmt.Sprintf("đủ điều kiện: đóng bảo hiểm xã hội %s (từ đủ %s) và còn %d tháng đến thời điểm nghỉ hưu (%s); không bị trừ tỷ lệ lương hưu (%s).",
		yearsMonths(c.InsuranceMonths, "năm"), yearsMonths(f.minIns, "năm"), f.monthsLeft, p.earlyLimitText, p.set.Article(FormulaEarlyConditions))
	lines := []string{"Nghỉ hưu trước tuổi: " + o.Reason}

	var err error
	o.Allowances, err = p.earlyAllowances(f, o.EarlyMonths)
	if err != nil {
		return Option{}, nil, err
	}
	amounts := make([]election.VND, len(o.Allowances))
	parts := make([]string, len(o.Allowances))
	for i, al := range o.Allowances {
		amounts[i], parts[i] = al.Amount, formatDong(al.Amount)
		lines = append(lines, fmt.Sprintf("%s: %s (%s).", al.Name, al.Formula, al.Citation))
	}
	o.Total, err = sumVND(amounts...)
	if err != nil {
		return Option{}, nil, fmt.Errorf("early-retirement total: %w", err)
	}
	lines = append(lines, fmt.Sprintf("Tổng trợ cấp nghỉ hưu trước tuổi: %s = %s (mỗi khoản làm tròn đến đồng).",
		strings.Join(parts, " + "), formatDong(o.Total)))
	return o, lines, nil
}

// reassignment is open to everyone not yet at the retirement date.
func (p policy) reassignment(f facts) Option {
	o := Option{Kind: Reassignment}
	if f.monthsLeft <= 0 {
		o.Reason = tooLate(f)
		return o
	}
	o.Eligible = true
	o.Reason = fmt.Sprintf("luôn có thể: cấp có thẩm quyền bố trí công tác khác phù hợp đến thời điểm nghỉ hưu %s (còn %d tháng), hưởng chế độ theo vị trí mới (%s).",
		f.retireDate.Vietnamese(), f.monthsLeft, p.set.Article(FormulaReassignment))
	return o
}

// await decides stopping work to await retirement: open to a cadre who
// cannot retire early for want of insurance years and has less than
// awaitLimit months left. The current salary continues until the retirement
// date; there is no lump sum, so the option has no allowances.
func (p policy) await(f facts, earlyEligible bool) Option {
	o := Option{Kind: AwaitRetirement}
	switch {
	case f.monthsLeft <= 0:
		o.Reason = tooLate(f)
	case earlyEligible:
		o.Reason = "không áp dụng: đủ điều kiện nghỉ hưu trước tuổi; chọn nghỉ hưu trước tuổi hoặc bố trí công tác khác (" + p.set.Article(FormulaEarlyConditions) + ")."
	case f.monthsLeft >= p.awaitLimit:
		o.Reason = fmt.Sprintf("không áp dụng: còn %d tháng đến thời điểm nghỉ hưu, chỉ áp dụng khi còn %s; bố trí công tác khác (%s).",
			f.monthsLeft, p.awaitLimitText, p.set.Article(FormulaAwait))
	case !f.insShort:
		o.Reason = "không áp dụng: chỉ dành cho người chưa đủ thời gian đóng bảo hiểm xã hội để nghỉ hưu trước tuổi (" + p.set.Article(FormulaAwait) + ")."
	default:
		o.Eligible = true
		o.Reason = fmt.Sprintf("đủ điều kiện: chưa đủ thời gian đóng bảo hiểm xã hội để nghỉ hưu trước tuổi (%s, cần %s) và còn %d tháng (%s): nghỉ công tác, tiếp tục hưởng tiền lương hiện hưởng %s/tháng đến thời điểm nghỉ hưu %s; không có trợ cấp một lần (%s).",
			yearsMonths(f.c.InsuranceMonths, "năm"), yearsMonths(f.minIns, "năm"), f.monthsLeft, p.awaitLimitText,
			formatVND(f.c.MonthlySalary), f.retireDate.Vietnamese(), p.set.Article(FormulaAwait))
	}
	return o
}
