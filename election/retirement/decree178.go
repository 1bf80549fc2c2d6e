package retirement

import (
	"math/big"

	"electionflow/election"
)

// decree178As67 returns the early-retirement policy of Decree 178/2024/NĐ-CP
// (Nghị định 178/2024/NĐ-CP ngày 31/12/2024) as amended by Decree
// 67/2025/NĐ-CP (Nghị định 67/2025/NĐ-CP ngày 15/03/2025), which moved the
// people of Decree 177/2024 art. 2 cl. 1–4 onto it. The formulas follow the
// Ministry of Home Affairs' worked example (Công văn 1814/BNV, as quoted in
// issue 13): one month's salary per month retired early, five months per
// year retired early, five months for the first 20 years of insurance and
// half a month per further year.
func decree178As67() policy {
	const art = "Nghị định 178/2024/NĐ-CP, điều 7 khoản 1, sửa đổi bởi Nghị định 67/2025/NĐ-CP (theo nguồn thứ cấp)"
	return policy{
		set: RuleSet{
			ID:            Decree178As67,
			Name:          "Chính sách nghỉ hưu trước tuổi của Nghị định 178/2024/NĐ-CP, sửa đổi bởi Nghị định 67/2025/NĐ-CP, áp dụng cho cán bộ không đủ tuổi tái cử, tái bổ nhiệm",
			Citation:      "Nghị định 178/2024/NĐ-CP ngày 31/12/2024, sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP ngày 15/03/2025 của Chính phủ",
			EffectiveFrom: election.NewDate(2025, 3, 15),
			Covers:        "Người thuộc điều 2 khoản 1–4 Nghị định 177/2024/NĐ-CP (cán bộ không đủ tuổi tái cử, tái bổ nhiệm), chuyển sang chính sách nghỉ hưu trước tuổi của Nghị định 178/2024/NĐ-CP theo Nghị định 67/2025/NĐ-CP; còn từ 1 đến 60 tháng đến tuổi nghỉ hưu.",
			Formulas: []Formula{
				{FormulaEarlyConditions, "Nghỉ hưu trước tuổi, không bị trừ tỷ lệ lương hưu: còn từ đủ 60 tháng trở xuống đến tuổi nghỉ hưu và đủ thời gian đóng bảo hiểm xã hội để hưởng lương hưu.", art},
				{FormulaPerEarlyMonth, "Trợ cấp hưu trí một lần: 01 tháng tiền lương hiện hưởng cho mỗi tháng nghỉ sớm (nghỉ trong 12 tháng kể từ quyết định của cấp có thẩm quyền).", art},
				{FormulaPerEarlyYear, "5 tháng tiền lương hiện hưởng cho mỗi năm nghỉ sớm; tháng lẻ từ 01 đến 06 tháng tính 1/2 năm, trên 06 tháng tính 01 năm.", art},
				{FormulaSeniority, "5 tháng tiền lương cho 20 năm đầu đóng bảo hiểm xã hội bắt buộc; từ năm thứ 21 mỗi năm 0,5 tháng; tháng lẻ như trên.", art},
				{FormulaReassignment, "Bố trí công tác khác đến thời điểm nghỉ hưu.", "Nghị định 177/2024/NĐ-CP, điều 3 (theo nguồn thứ cấp)"},
				{FormulaAwait, "Nghỉ công tác chờ đủ tuổi nghỉ hưu, hưởng nguyên lương (chưa đủ thời gian đóng bảo hiểm xã hội, còn dưới 30 tháng).", "Nghị định 177/2024/NĐ-CP, điều 4 (theo nguồn thứ cấp)"},
			},
			Sources: []Source{
				officialText("Nghị định 178/2024/NĐ-CP"),
				officialText("Nghị định 67/2025/NĐ-CP"),
				{Title: "Công văn 1814/BNV của Bộ Nội vụ: ví dụ tính chế độ", Address: "không tìm thấy trong các nguồn tra cứu được; trích theo issue 13",
					Note: "Ví dụ: sinh 15/01/1966, 22 năm đóng bảo hiểm xã hội, lương 15.356.250 đ, nghỉ từ 01/05/2025, sớm 2 năm 6 tháng: 460.687.500 đ + 191.953.125 đ + 92.137.500 đ."},
				{Title: "Nghị định 178/2024/NĐ-CP về chính sách, chế độ trong sắp xếp tổ chức bộ máy (Gia đình và Pháp luật)", Address: "https://giadinhvaphapluat.vn",
					Note: "Nguồn thứ cấp: bản tin, không nêu công thức."},
			},
			Disagreements: []string{
				"Công văn 1814/BNV, như issue 13 trích, ghi tổng 744.788.125 đ; ba khoản của chính ví dụ cộng lại là 744.778.125 đ. Bộ quy tắc cộng các khoản (744.778.125 đ); cần đối chiếu văn bản gốc.",
				"Trợ cấp theo tháng nghỉ sớm: nguồn thứ cấp nêu 01 tháng lương mỗi tháng nếu nghỉ trong 12 tháng kể từ quyết định, 0,5 tháng nếu nghỉ từ tháng thứ 13; bộ quy tắc tính 01 tháng (như ví dụ).",
				"Người còn dưới 12 tháng đến tuổi nghỉ hưu: nguồn thứ cấp không thống nhất họ có được trợ cấp 5 tháng cho mỗi năm nghỉ sớm không; bộ quy tắc áp dụng như nhau từ 1 đến 60 tháng.",
				"Ngày áp dụng: Nghị định 67/2025/NĐ-CP có hiệu lực từ ngày ký 15/03/2025 theo nguồn thứ cấp; có nguồn nói một số quy định áp dụng từ 01/01/2025.",
				"Thời gian đóng bảo hiểm xã hội tối thiểu: 20 năm đến 30/06/2025, 15 năm từ 01/07/2025 (Luật Bảo hiểm xã hội 2024).",
			},
		},
		insurance:      pensionSteps(art),
		earlyLimit:     61,
		earlyLimitText: "từ đủ 60 tháng trở xuống",
		awaitLimit:     30,
		awaitLimitText: "dưới 30 tháng",
		perEarlyMonth:  big.NewRat(1, 1),
		perEarlyYear:   5,
		earlyYears:     yearsHalfRounded,
		baseYears:      20,
		baseMonths:     5,
		perFurtherYear: big.NewRat(1, 2),
		furtherYears:   yearsHalfRounded,
	}
}
