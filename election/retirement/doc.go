// Package retirement settles what happens to an outgoing cadre — a cadre not
// young enough to stand again at an election (cán bộ không đủ tuổi tái cử,
// tái bổ nhiệm) — under the benefit rules (chế độ, chính sách) in force on
// election day.
//
// It answers two questions:
//
//   - When does this person reach the statutory retirement age (tuổi nghỉ
//     hưu)? Age, Date and MonthsLeft implement the roadmap of the Labour Code
//     2019 (Bộ luật Lao động 2019, điều 169) as tabulated in Decree
//     135/2020/NĐ-CP (Nghị định 135/2020/NĐ-CP, Phụ lục I): the age rises by 3
//     months a year for men (60 tuổi 3 tháng in 2021 up to 62 tuổi from 2028)
//     and by 4 months a year for women (55 tuổi 4 tháng in 2021 up to 60 tuổi
//     from 2035), and the age that applies is the one set for the year in
//     which the person reaches it.
//
//   - Which options does the cadre have and what do they receive? Assess
//     applies a versioned rule set (RuleSet) and returns every option — early
//     retirement (nghỉ hưu trước tuổi), reassignment (bố trí công tác khác) and
//     stopping work to await retirement (nghỉ công tác chờ đủ tuổi nghỉ hưu) —
//     with its eligibility, reason, allowances (trợ cấp) and a step-by-step
//     explanation in Vietnamese.
//
// Rule sets are data with an effective date, a legal citation and a Verified
// flag. Decree 26/2015/NĐ-CP (Nghị định 26/2015/NĐ-CP, điều 3; from
// 2015-05-01) is verified against the project's statement of the rules.
// Decree 177/2024/NĐ-CP (Nghị định 177/2024/NĐ-CP; from 2025-01-01), later
// affected by Decree 67/2025/NĐ-CP, is NOT verified: its results are marked as
// needing confirmation by the personnel office (cán bộ tổ chức) before use.
//
// The package is pure Go: no Temporal, no database, no package-level mutable
// state. Amounts are whole đồng computed with exact rational arithmetic and
// rounded half up once per allowance, so totals never drift.
package retirement
