package retirement

import (
	"math/big"

	"electionflow/election"
)

// decree26 returns the rules of Decree 26/2015/NĐ-CP art. 3 (Nghị định
// 26/2015/NĐ-CP, điều 3), in force from 2015-05-01, as the project's design
// states them (verified):
//
//   - Early retirement (nghỉ hưu trước tuổi) is open to a cadre with at
//     least 20 years of social insurance — 15 for a woman who is a
//     commune-level cadre — and less than 30 months to the retirement date
//     at election day (exactly 30 months left is not enough; exactly 20
//     years of insurance is). It carries no pension deduction (không bị trừ
//     tỷ lệ lương hưu).
//   - Allowance 1: 3 months' salary per year retired early. The years
//     retired early are the whole months from election day to the
//     statutory retirement date (MonthsLeft), divided by 12. Choice: a
//     partial year counts pro rata (months/12), so 29 months are 2.4167
//     years, i.e. 7.25 months' salary. Decree 26 speaks of "mỗi năm"; if
//     the personnel office counts only whole years (đủ 12 tháng), switch
//     earlyYears to yearsWhole.
//   - Allowance 2: 5 months' salary for the first 20 years of insurance,
//     plus half a month's salary for each further whole year (months beyond
//     20 years that do not make a whole year are not counted). A woman at
//     commune level who qualifies with 15 to 20 years receives the 5
//     months; further years are counted beyond 20 for everyone.
//   - Reassignment (bố trí công tác khác) is open to everyone not yet at the
//     retirement date.
//   - Stopping work to await retirement (nghỉ công tác chờ đủ tuổi nghỉ
//     hưu) is the option of a cadre who cannot retire early for want of
//     insurance years and has less than 30 months left: the current salary
//     continues until the retirement date; no lump-sum allowance.
func decree26() policy {
	return policy{
		set: RuleSet{
			ID:            Decree26,
			Name:          "Chế độ, chính sách đối với cán bộ không đủ điều kiện về tuổi tái cử, tái bổ nhiệm (Nghị định 26/2015/NĐ-CP)",
			Citation:      "Nghị định 26/2015/NĐ-CP, điều 3",
			EffectiveFrom: election.NewDate(2015, 5, 1),
			Verified:      true,
		},
		minInsurance:             20 * 12,
		minInsuranceCommuneWomen: 15 * 12,
		earlyLimit:               30,
		earlyLimitText:           "dưới 30 tháng",
		awaitLimit:               30,
		awaitLimitText:           "dưới 30 tháng",
		perEarlyYear:             3,
		earlyYears:               yearsFractional,
		baseYears:                20,
		baseMonths:               5,
		perFurtherYear:           big.NewRat(1, 2),
		furtherYears:             yearsWhole,
		earlyCitation:            "Nghị định 26/2015/NĐ-CP, điều 3",
		seniorityCitation:        "Nghị định 26/2015/NĐ-CP, điều 3",
		optionsCitation:          "Nghị định 26/2015/NĐ-CP, điều 3",
	}
}
