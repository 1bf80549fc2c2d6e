package retirement

import "electionflow/election"

// The sources every rule set shares: where the official texts are
// published, and the statement that none was found in the sources this
// project could search.
const (
	// officialGazette is where official texts of decrees are published.
	officialGazette = "https://congbao.chinhphu.vn (Công báo); https://vbpl.vn (Cơ sở dữ liệu quốc gia về văn bản pháp luật)"
	// notFound says plainly that the official text was not read.
	notFound = "Văn bản gốc không tìm thấy trong các nguồn dự án tra cứu được (2026-12): chưa ai trong dự án đọc văn bản này; mọi công thức lấy từ nguồn thứ cấp."
	// socialInsuranceLaw2024 is the pension requirement from 2025-07-01.
	socialInsuranceLaw2024 = "Luật Bảo hiểm xã hội 2024 (41/2024/QH15), điều 64 (theo nguồn thứ cấp): đủ 15 năm đóng bảo hiểm xã hội để hưởng lương hưu, từ 01/07/2025"
)

// pensionSteps are the insurance records needed to draw a pension, which
// early retirement requires: 20 years (15 for women who are commune-level
// cadres) before 2025-07-01, 15 years for everyone from then on.
func pensionSteps(before string) []insuranceStep {
	return []insuranceStep{
		{from: election.NewDate(2015, 5, 1), months: 20 * 12, communeWomen: 15 * 12, article: before},
		{from: election.NewDate(2025, 7, 1), months: 15 * 12, communeWomen: 15 * 12, article: socialInsuranceLaw2024},
	}
}

// officialText is the source entry for a text that was not found.
func officialText(title string) Source {
	return Source{Title: title + " (văn bản gốc)", Address: officialGazette, Note: notFound}
}
