package demo

import (
	"fmt"

	"electionflow/election"
)

// Complaints arrive after results are published (E+10) and before the
// filing deadline five days later (Law 85/2015/QH13 arts. 86–87).
const (
	complaintFirstDay = 10
	complaintLastDay  = 15
	// denunciationShare is the share of denunciations (tố cáo) among
	// complaints and denunciations.
	denunciationShare = 0.4
)

// Summaries of complaints (khiếu nại) and denunciations (tố cáo) against
// an elected person. Treat as constant.
var (
	complaintSummaries = [...]string{
		"Khiếu nại về việc kê khai tài sản, thu nhập chưa trung thực",
		"Khiếu nại về việc kiểm phiếu tại tổ bầu cử chưa đúng quy định",
		"Khiếu nại về việc niêm yết danh sách cử tri không đầy đủ",
		"Khiếu nại về việc người trúng cử chưa đáp ứng tiêu chuẩn đại biểu",
		"Khiếu nại về việc bỏ phiếu thay tại khu vực bỏ phiếu",
		"Khiếu nại về việc xác định người trúng cử chưa chính xác",
	}
	denunciationSummaries = [...]string{
		"Tố cáo người trúng cử vi phạm quy định về quản lý đất đai",
		"Tố cáo người trúng cử vận động bầu cử trái quy định",
		"Tố cáo người trúng cử kê khai tài sản, thu nhập không đầy đủ",
		"Tố cáo người trúng cử khai lý lịch không trung thực",
		"Tố cáo người trúng cử lợi dụng chức vụ, quyền hạn trong công tác",
		"Tố cáo người trúng cử vi phạm đạo đức, lối sống",
	}
)

// complaints appends the complaints against the persons just elected to
// the council of pl: each faces one with probability ComplaintShare.
func (g *generator) complaints(out []election.Complaint, pl *plan, persons []election.ElectedPerson) []election.Complaint {
	n := 0
	for _, p := range persons {
		if g.rng.Float64() >= g.p.ComplaintShare {
			continue
		}
		n++
		c := election.Complaint{
			ID:         election.ComplaintID(fmt.Sprintf("%s-K%03d", pl.council.Code, n)),
			Council:    pl.council.Code,
			Person:     p.ID,
			Kind:       election.KindComplaint,
			ReceivedOn: g.day.AddDays(complaintFirstDay + g.rng.IntN(complaintLastDay-complaintFirstDay+1)),
		}
		if g.rng.Float64() < denunciationShare {
			c.Kind = election.KindDenunciation
			c.Summary = denunciationSummaries[g.rng.IntN(len(denunciationSummaries))]
		} else {
			c.Summary = complaintSummaries[g.rng.IntN(len(complaintSummaries))]
		}
		out = append(out, c)
	}
	return out
}
