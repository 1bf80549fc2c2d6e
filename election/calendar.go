package election

import (
	"fmt"
	"sort"
	"strings"
)

// DeadlineKind names one deadline of the legal calendar.
type DeadlineKind string

// The deadlines of the post-election calendar, counted in days from
// election day E unless said otherwise.
const (
	// DeadlineResultsPublished: results published (công bố kết quả).
	DeadlineResultsPublished DeadlineKind = "results_published"
	// DeadlineComplaintsFiled: last day to complain about the results.
	DeadlineComplaintsFiled DeadlineKind = "complaints_filed"
	// DeadlineComplaintsSettled: complaints settled by an election committee.
	DeadlineComplaintsSettled DeadlineKind = "complaints_settled"
	// DeadlineComplaintsSettledNational: complaints settled by the National
	// Election Council.
	DeadlineComplaintsSettledNational DeadlineKind = "complaints_settled_national"
	// DeadlineCredentialResolution: the credential resolution (nghị quyết
	// xác nhận tư cách) adopted, so that the first session is on time.
	DeadlineCredentialResolution DeadlineKind = "credential_resolution"
	// DeadlineFirstSession: a People's Council's first session (kỳ họp thứ
	// nhất), counted from the additional or re-run election when one is held.
	DeadlineFirstSession DeadlineKind = "first_session"
	// DeadlineFirstSessionNational: the National Assembly's first session.
	DeadlineFirstSessionNational DeadlineKind = "first_session_national"
	// DeadlineNominationsClose: end of the commendation nomination window.
	DeadlineNominationsClose DeadlineKind = "nominations_close"
	// DeadlineCadreDecisions: outgoing cadres' benefit decisions made.
	DeadlineCadreDecisions DeadlineKind = "cadre_decisions"
)

// DeadlineRule is one default deadline with its legal source.
type DeadlineRule struct {
	Kind DeadlineKind
	// Days after election day (or after the re-run election, for
	// DeadlineFirstSession when the council had one).
	Days        int
	Description string // in Vietnamese, for people
	Citation    string // the legal source, or the guidance it follows
}

// DefaultDeadlineRules returns the deadlines of DESIGN.md with their sources.
// Each can be overridden per election.
func DefaultDeadlineRules() []DeadlineRule {
	return []DeadlineRule{
		{DeadlineResultsPublished, 10, "Công bố kết quả bầu cử", "Luật Bầu cử 85/2015/QH13 điều 86"},
		{DeadlineComplaintsFiled, 15, "Hạn khiếu nại kết quả bầu cử (5 ngày sau công bố)", "Luật Bầu cử 85/2015/QH13 điều 87"},
		{DeadlineComplaintsSettled, 35, "Ủy ban bầu cử giải quyết khiếu nại (20 ngày)", "Luật Bầu cử 85/2015/QH13 điều 87"},
		{DeadlineComplaintsSettledNational, 45, "Hội đồng bầu cử quốc gia giải quyết khiếu nại (30 ngày)", "Luật Bầu cử 85/2015/QH13 điều 87"},
		{DeadlineCredentialResolution, 35, "Nghị quyết xác nhận tư cách người trúng cử", "Hướng dẫn năm 2016 (thực tiễn, để kịp kỳ họp thứ nhất)"},
		{DeadlineFirstSession, 45, "Kỳ họp thứ nhất HĐND", "Luật Tổ chức chính quyền địa phương 2015 điều 80"},
		{DeadlineFirstSessionNational, 60, "Kỳ họp thứ nhất Quốc hội", "Hiến pháp 2013 điều 83"},
		{DeadlineNominationsClose, 30, "Hết hạn đề nghị khen thưởng công tác bầu cử", "Mặc định của electionflow (điều chỉnh theo hướng dẫn thi đua của địa phương)"},
		{DeadlineCadreDecisions, 90, "Quyết định chế độ cho cán bộ không đủ tuổi tái cử", "Mặc định của electionflow (Nghị định 26/2015/NĐ-CP không định hạn; điều chỉnh theo kế hoạch của địa phương)"},
	}
}

// Deadline is a deadline of one election: its rule and the date it falls on.
type Deadline struct {
	DeadlineRule
	Due Date
}

// Calendar is the legal calendar of one election (lịch pháp lý): election
// day and every deadline. Workflows read it once at start.
type Calendar struct {
	ElectionDay Date
	Deadlines   map[DeadlineKind]Deadline
}

// NewCalendar computes the calendar of an election held on day, with
// overrides replacing the default number of days of some deadlines.
func NewCalendar(day Date, overrides map[DeadlineKind]int) (Calendar, error) {
	if day.IsZero() {
		return Calendar{}, fmt.Errorf("calendar: election day is not set")
	}
	rules := DefaultDeadlineRules()
	known := make(map[DeadlineKind]bool, len(rules))
	for _, r := range rules {
		known[r.Kind] = true
	}
	var unknown []string
	for k, days := range overrides {
		if !known[k] {
			unknown = append(unknown, string(k))
			continue
		}
		if days < 0 || days > 365 {
			return Calendar{}, fmt.Errorf("calendar: %s: %d days is out of range 0..365", k, days)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return Calendar{}, fmt.Errorf("calendar: unknown deadlines %s", strings.Join(unknown, ", "))
	}
	c := Calendar{ElectionDay: day, Deadlines: make(map[DeadlineKind]Deadline, len(rules))}
	for _, r := range rules {
		if days, ok := overrides[r.Kind]; ok {
			r.Days = days
			r.Citation = "Ghi đè cho cuộc bầu cử này (mặc định: " + r.Citation + ")"
		}
		c.Deadlines[r.Kind] = Deadline{DeadlineRule: r, Due: day.AddDays(r.Days)}
	}
	return c, nil
}

// Due returns the date of a deadline; the zero Date for an unknown kind.
func (c Calendar) Due(kind DeadlineKind) Date { return c.Deadlines[kind].Due }

// Sorted returns the deadlines in date order, for reports and help text.
func (c Calendar) Sorted() []Deadline {
	out := make([]Deadline, 0, len(c.Deadlines))
	for _, d := range c.Deadlines {
		out = append(out, d)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Due.Time().Equal(out[j].Due.Time()) {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Due.Before(out[j].Due)
	})
	return out
}
