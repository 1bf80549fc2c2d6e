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
// Rule sets (RuleSet) are data: an effective period, who they cover, each
// formula with the article it is taken from, the sources consulted and where
// they disagree. Decree 26/2015/NĐ-CP (2015-05-01 to 2024-12-31), Decree
// 177/2024/NĐ-CP (from 2025-01-01) and Decree 178/2024/NĐ-CP as amended by
// Decree 67/2025/NĐ-CP (from 2025-03-15) are known; their formulas come from
// secondary sources. None is verified here: verification (đối chiếu văn bản)
// is the recorded act of a person (Verification), kept in the database and
// passed to Assess; until then every result needs confirmation by the
// personnel office (cán bộ tổ chức). Calculate is the HR officers'
// calculator over the same rules.
//
// The package is pure Go: no Temporal, no database, no package-level mutable
// state. Amounts are whole đồng computed with exact rational arithmetic and
// rounded half up once per allowance, so totals never drift.
package retirement
