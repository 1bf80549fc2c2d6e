package retirement

import (
	"math/big"

	"electionflow/election"
)

// decree26 returns the rules of Decree 26/2015/NĐ-CP (Nghị định
// 26/2015/NĐ-CP ngày 09/03/2015), in force from 2015-05-01 until Decree
// 177/2024/NĐ-CP replaced it on 2025-01-01, as the project's design states
// them. Nobody in this project has read its gazette text: every formula is
// a reading of secondary sources, so the rule set starts unverified.
func decree26() policy {
	const art = "Nghị định 26/2015/NĐ-CP, điều 3 (theo nguồn thứ cấp)"
	return policy{
		set: RuleSet{
			ID:             Decree26,
			Name:           "Chế độ, chính sách đối với cán bộ không đủ điều kiện về tuổi tái cử, tái bổ nhiệm (Nghị định 26/2015/NĐ-CP)",
			Citation:       "Nghị định 26/2015/NĐ-CP ngày 09/03/2015 của Chính phủ",
			EffectiveFrom:  election.NewDate(2015, 5, 1),
			EffectiveUntil: election.NewDate(2024, 12, 31),
			Covers:         "Cán bộ không đủ điều kiện về tuổi tái cử, tái bổ nhiệm giữ các chức vụ, chức danh theo nhiệm kỳ trong cơ quan của Đảng, Nhà nước, tổ chức chính trị – xã hội.",
			Formulas: []Formula{
				{FormulaEarlyConditions, "Nghỉ hưu trước tuổi, không bị trừ tỷ lệ lương hưu: còn dưới 30 tháng đến tuổi nghỉ hưu và đủ 20 năm đóng bảo hiểm xã hội (cán bộ nữ cấp xã: 15 năm).", art},
				{FormulaPerEarlyYear, "3 tháng tiền lương hiện hưởng cho mỗi năm nghỉ hưu trước tuổi; tháng lẻ tính theo tỷ lệ số tháng/12.", art},
				{FormulaSeniority, "5 tháng tiền lương cho 20 năm đầu đóng bảo hiểm xã hội; từ năm thứ 21 mỗi năm 0,5 tháng; tháng lẻ không tính.", art},
				{FormulaReassignment, "Bố trí công tác khác đến thời điểm nghỉ hưu.", art},
				{FormulaAwait, "Chưa đủ thời gian đóng bảo hiểm xã hội và còn dưới 30 tháng: nghỉ công tác, hưởng nguyên lương đến thời điểm nghỉ hưu.", art},
			},
			Sources: []Source{
				officialText("Nghị định 26/2015/NĐ-CP"),
				{Title: "Điều kiện nghỉ hưu trước tuổi khi không đủ tuổi tái cử (Bộ Nội vụ trả lời, Báo Chính phủ)",
					Address: "https://baochinhphu.vn/dieu-kien-nghi-huu-truoc-tuoi-khi-khong-du-tuoi-tai-cu-102230511154728141.htm (bản sao: https://old.vcci.com.vn/banin/index/108197)",
					Note:    "Nguồn thứ cấp: xác nhận đối tượng áp dụng của Nghị định 26/2015/NĐ-CP, không nêu công thức."},
				{Title: "Cán bộ không đủ tuổi tái cử được nghỉ hưu sớm, giữ nguyên lương (Sở GD&ĐT Điện Biên)",
					Address: "https://dienbien.edu.vn/index.php/savefile/tin-tuc-tong-hop/KHTC-Can-bo-khong-du-tuoi-tai-cu-duoc-nghi-huu-som-giu-nguyen-luong-1120.html",
					Note:    "Nguồn thứ cấp: bản tin tóm tắt."},
			},
			Disagreements: []string{
				"\"Mỗi năm nghỉ hưu trước tuổi\": nguồn thứ cấp không nói tháng lẻ tính thế nào; bộ quy tắc tính theo tỷ lệ số tháng/12. Nếu văn bản chỉ tính năm đủ 12 tháng, đổi cách tính trước khi xác nhận.",
				"Số khoản, điểm của từng công thức trong điều 3 chưa được đối chiếu.",
			},
		},
		insurance:      []insuranceStep{{from: election.NewDate(2015, 5, 1), months: 20 * 12, communeWomen: 15 * 12, article: art}},
		earlyLimit:     30,
		earlyLimitText: "dưới 30 tháng",
		awaitLimit:     30,
		awaitLimitText: "dưới 30 tháng",
		perEarlyYear:   3,
		earlyYears:     yearsFractional,
		baseYears:      20,
		baseMonths:     5,
		perFurtherYear: big.NewRat(1, 2),
		furtherYears:   yearsWhole,
	}
}
