package retirement

import (
	"math/big"

	"electionflow/election"
)

// unverifiedNote is the first line of the explanation of every assessment
// under a rule set that is not verified.
const unverifiedNote = "Chưa đối chiếu văn bản: cần cán bộ tổ chức xác nhận"

// decree177 returns the rules of Decree 177/2024/NĐ-CP (Nghị định
// 177/2024/NĐ-CP), in force from 2025-01-01, later affected by Decree
// 67/2025/NĐ-CP.
//
// NOT VERIFIED. None of these formulas has been checked against the text of
// either decree; they are a best reading of secondary sources (guidance
// tables seen in public material on the decree), kept in the same structure
// as Decree 26 so that the personnel office can confirm or correct each
// parameter:
//
//   - Early retirement: at least 20 years of social insurance (15 for
//     women at commune level) — unverified, carried over from Decree 26
//     (the Law on Social Insurance 2024 lowered the pension minimum to 15
//     years from 2025-07-01, which may apply instead) — and at most 60
//     months (5 years) to the retirement date at election day —
//     unverified. No pension deduction.
//   - Allowance 1: 5 months' salary per year retired early, partial years
//     counted by the half-year rule (1–6 months → 1/2 year, 7–11 → 1 year)
//     — unverified.
//   - Allowance 2: 5 months' salary for the first 20 years of insurance,
//     half a month per further year, the further years counted by the
//     half-year rule — unverified (from 2025-07-01 the base may be 15
//     years).
//   - Reassignment and awaiting retirement as under Decree 26 (less than 30
//     months left) — unverified.
//
// Decree 67/2025/NĐ-CP is cited but not modelled as a separate rule set: its
// changes have not been verified either.
func decree177() policy {
	return policy{
		set: RuleSet{
			ID:            Decree177,
			Name:          "Chế độ, chính sách đối với trường hợp không tái cử, tái bổ nhiệm (Nghị định 177/2024/NĐ-CP) — chưa đối chiếu",
			Citation:      "Nghị định 177/2024/NĐ-CP (hiệu lực 01/01/2025); xem thêm Nghị định 67/2025/NĐ-CP — công thức chưa đối chiếu với văn bản",
			EffectiveFrom: election.NewDate(2025, 1, 1),
			Verified:      false,
		},
		minInsurance:             20 * 12,
		minInsuranceCommuneWomen: 15 * 12,
		earlyLimit:               61,
		earlyLimitText:           "từ đủ 60 tháng trở xuống",
		awaitLimit:               30,
		awaitLimitText:           "dưới 30 tháng",
		perEarlyYear:             5,
		earlyYears:               yearsHalfRounded,
		baseYears:                20,
		baseMonths:               5,
		perFurtherYear:           big.NewRat(1, 2),
		furtherYears:             yearsHalfRounded,
		earlyCitation:            "Nghị định 177/2024/NĐ-CP (chưa đối chiếu)",
		seniorityCitation:        "Nghị định 177/2024/NĐ-CP (chưa đối chiếu)",
		optionsCitation:          "Nghị định 177/2024/NĐ-CP (chưa đối chiếu)",
		note:                     unverifiedNote,
	}
}
