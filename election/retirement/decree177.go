package retirement

import (
	"math/big"

	"electionflow/election"
)

// decree177 returns the rules of Decree 177/2024/NĐ-CP (Nghị định
// 177/2024/NĐ-CP ngày 31/12/2024), in force from 2025-01-01, as secondary
// sources describe them (issue 13 of this project quotes them). Decree
// 67/2025/NĐ-CP later moved the people of its art. 2 cl. 1–4 onto Decree
// 178/2024/NĐ-CP's early-retirement policy (rule set Decree178As67, which
// takes precedence from 2025-03-15); this rule set stays for comparison and
// for whoever it still covers.
func decree177() policy {
	const (
		art3 = "Nghị định 177/2024/NĐ-CP, điều 3 khoản 2 (theo nguồn thứ cấp)"
		art4 = "Nghị định 177/2024/NĐ-CP, điều 4 (theo nguồn thứ cấp)"
	)
	return policy{
		set: RuleSet{
			ID:            Decree177,
			Name:          "Chế độ, chính sách đối với trường hợp không đủ điều kiện về tuổi tái cử, tái bổ nhiệm (Nghị định 177/2024/NĐ-CP)",
			Citation:      "Nghị định 177/2024/NĐ-CP ngày 31/12/2024 của Chính phủ",
			EffectiveFrom: election.NewDate(2025, 1, 1),
			Covers: "Cán bộ không đủ tuổi tái cử, tái bổ nhiệm (điều 2): người còn dưới 30 tháng đến tuổi nghỉ hưu, và người còn từ 30 đến 60 tháng có nguyện vọng nghỉ; " +
				"áp dụng từ 12 tháng trước ngày bầu cử đến 1 tháng sau khi kết thúc nhiệm kỳ (điều 3 khoản 2). " +
				"Từ 15/03/2025 người thuộc điều 2 khoản 1–4 chuyển sang chính sách của Nghị định 178/2024/NĐ-CP sửa đổi bởi Nghị định 67/2025/NĐ-CP (bộ quy tắc " + string(Decree178As67) + ").",
			Formulas: []Formula{
				{FormulaEarlyConditions, "Nghỉ hưu trước tuổi, không bị trừ tỷ lệ lương hưu: còn từ đủ 60 tháng trở xuống đến tuổi nghỉ hưu (từ 30 tháng trở lên: theo nguyện vọng) và đủ thời gian đóng bảo hiểm xã hội để hưởng lương hưu.", art3},
				{FormulaPerEarlyYear, "5 tháng tiền lương hiện hưởng cho mỗi năm nghỉ hưu trước tuổi; tháng lẻ từ 01 đến 06 tháng tính 1/2 năm, trên 06 tháng tính 01 năm.", art3},
				{FormulaSeniority, "5 tháng tiền lương cho 20 năm đầu đóng bảo hiểm xã hội bắt buộc; từ năm thứ 21 mỗi năm 0,5 tháng; tháng lẻ như trên.", art3},
				{FormulaReassignment, "Bố trí công tác khác đến thời điểm nghỉ hưu.", art3},
				{FormulaAwait, "Nghỉ công tác chờ đủ tuổi nghỉ hưu, hưởng nguyên lương (chưa đủ thời gian đóng bảo hiểm xã hội, còn dưới 30 tháng).", art4},
			},
			Sources: []Source{
				officialText("Nghị định 177/2024/NĐ-CP"),
				{Title: "Issue 13 của dự án: tóm tắt điều 3 khoản 2 và điều 4 theo nguồn thứ cấp", Address: "electionflow issue 13",
					Note: "Nguồn thứ cấp, không dẫn văn bản gốc."},
			},
			Disagreements: []string{
				"Thời gian đóng bảo hiểm xã hội tối thiểu: 20 năm (15 năm với cán bộ nữ cấp xã) đến 30/06/2025 theo luật cũ; từ 01/07/2025 Luật Bảo hiểm xã hội 2024 hạ xuống 15 năm. Nguồn thứ cấp không nói nghị định dẫn chiếu điều kiện nào.",
				"Điều kiện \"không đủ tuổi tái cử\" (dưới 30 tháng) và \"có nguyện vọng\" (30–60 tháng) không kiểm tra được từ hồ sơ: cán bộ tổ chức xác nhận.",
				"Điều 4 (nghỉ chờ hưu hưởng nguyên lương): nguồn thứ cấp không nói rõ điều kiện về thời gian đóng bảo hiểm xã hội; bộ quy tắc giữ điều kiện của Nghị định 26/2015/NĐ-CP.",
			},
		},
		insurance:      pensionSteps(art3),
		earlyLimit:     61,
		earlyLimitText: "từ đủ 60 tháng trở xuống",
		awaitLimit:     30,
		awaitLimitText: "dưới 30 tháng",
		perEarlyYear:   5,
		earlyYears:     yearsHalfRounded,
		baseYears:      20,
		baseMonths:     5,
		perFurtherYear: big.NewRat(1, 2),
		furtherYears:   yearsHalfRounded,
	}
}
