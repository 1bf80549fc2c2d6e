package election

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The task kinds of the first-session area (kỳ họp thứ nhất).
const (
	// KindSetSessionDate: the council office sets the date of the first session.
	KindSetSessionDate TaskKind = "set-session-date"
	// KindSendSessionDocuments: the session documents go to every confirmed delegate.
	KindSendSessionDocuments TaskKind = "send-session-documents"
	// KindOpenSession: the session opened and heard the credential report.
	KindOpenSession TaskKind = "open-session"
	// KindRecordLeadership: the results of the leadership elections.
	KindRecordLeadership TaskKind = "record-leadership-results"
	// KindRecordApprovals: the approvals (phê chuẩn) by the higher bodies.
	KindRecordApprovals TaskKind = "record-approvals"
)

// PositionCode names an office elected at a first session.
type PositionCode string

// PositionSpec describes an office elected at a first session: whether one
// person holds it (per committee, for committee offices), whether its
// holder must be a delegate of the council, and which higher body approves
// the result (phê chuẩn), if any.
type PositionSpec struct {
	Code  PositionCode
	Title string // in Vietnamese
	// Single: one holder (one per committee when PerCommittee).
	Single       bool
	PerCommittee bool
	// DelegateRequired: the holder must be a confirmed delegate of this council.
	DelegateRequired bool
	// ApprovalBody approves the result; empty when none is needed.
	ApprovalBody string
	Citation     string
}

// Positions returns the offices a council of the level elects at its first
// session. Levels are data: an unknown level elects nothing.
func Positions(level Level) []PositionSpec {
	const lgl = "Luật Tổ chức chính quyền địa phương 2015 (sửa đổi 2019, 2025)"
	switch level {
	case LevelNational:
		const na = "Luật Tổ chức Quốc hội 2014 (sửa đổi)"
		return []PositionSpec{
			{Code: "na-chair", Title: "Chủ tịch Quốc hội", Single: true, DelegateRequired: true, Citation: na},
			{Code: "na-vice-chair", Title: "Phó Chủ tịch Quốc hội", DelegateRequired: true, Citation: na},
			{Code: "na-standing-member", Title: "Ủy viên Ủy ban Thường vụ Quốc hội", DelegateRequired: true, Citation: na},
		}
	case LevelProvince, LevelDistrict, LevelCommune:
		hdndApprover, ubndApprover := "Thường trực HĐND cấp tỉnh", "Chủ tịch UBND cấp tỉnh"
		if level == LevelProvince {
			hdndApprover, ubndApprover = "Ủy ban Thường vụ Quốc hội", "Thủ tướng Chính phủ"
		}
		out := []PositionSpec{
			{Code: "hdnd-chair", Title: "Chủ tịch HĐND", Single: true, DelegateRequired: true, ApprovalBody: hdndApprover, Citation: lgl},
			{Code: "hdnd-vice-chair", Title: "Phó Chủ tịch HĐND", DelegateRequired: true, ApprovalBody: hdndApprover, Citation: lgl},
			{Code: "committee-head", Title: "Trưởng ban của HĐND", Single: true, PerCommittee: true, DelegateRequired: true, Citation: lgl},
			{Code: "committee-deputy-head", Title: "Phó Trưởng ban của HĐND", PerCommittee: true, DelegateRequired: true, Citation: lgl},
			{Code: "ubnd-chair", Title: "Chủ tịch UBND", Single: true, DelegateRequired: true, ApprovalBody: ubndApprover, Citation: lgl},
			{Code: "ubnd-vice-chair", Title: "Phó Chủ tịch UBND", ApprovalBody: ubndApprover, Citation: lgl},
			{Code: "ubnd-member", Title: "Ủy viên UBND", Citation: lgl},
		}
		if level == LevelProvince {
			out = append(out, PositionSpec{Code: "people-juror", Title: "Hội thẩm nhân dân", Citation: "Luật Tổ chức Tòa án nhân dân 2024"})
		}
		return out
	}
	return nil
}

// SessionDateOutcome sets the date of the first session.
type SessionDateOutcome struct {
	SessionDate Date `json:"session_date"`
}

// Validate checks the date lies between the earliest day the credential
// resolution can be adopted and the legal deadline.
func (o SessionDateOutcome) Validate(earliest, deadline Date) error {
	switch {
	case o.SessionDate.IsZero():
		return fmt.Errorf("session_date is required")
	case o.SessionDate.After(deadline):
		return fmt.Errorf("session_date %s is after the legal deadline %s", o.SessionDate, deadline)
	case o.SessionDate.Before(earliest):
		return fmt.Errorf("session_date %s is before %s, the earliest day the credential resolution can be adopted", o.SessionDate, earliest)
	}
	return nil
}

// DocumentsOutcome records the session documents sent to the delegates.
type DocumentsOutcome struct {
	SentOn     Date `json:"sent_on"`
	Recipients int  `json:"recipients"`
}

// Validate checks the documents went to every confirmed delegate, before
// the session and not in the future.
func (o DocumentsOutcome) Validate(confirmed int, sessionDate, today Date) error {
	switch {
	case o.SentOn.IsZero():
		return fmt.Errorf("sent_on is required")
	case o.SentOn.After(today):
		return fmt.Errorf("sent_on %s is in the future", o.SentOn)
	case o.SentOn.After(sessionDate):
		return fmt.Errorf("sent_on %s is after the session date %s", o.SentOn, sessionDate)
	case o.Recipients != confirmed:
		return fmt.Errorf("recipients %d: the documents go to every confirmed delegate, %d", o.Recipients, confirmed)
	}
	return nil
}

// OpeningOutcome records that the first session opened and heard the
// report on the election and the credential confirmation.
type OpeningOutcome struct {
	OpenedOn                  Date `json:"opened_on"`
	CredentialReportPresented bool `json:"credential_report_presented"`
}

// Validate checks the session opened after the resolution was adopted,
// not in the future, with the credential report presented.
func (o OpeningOutcome) Validate(adoptedOn, today Date) error {
	switch {
	case o.OpenedOn.IsZero():
		return fmt.Errorf("opened_on is required")
	case o.OpenedOn.After(today):
		return fmt.Errorf("opened_on %s is in the future", o.OpenedOn)
	case o.OpenedOn.Before(adoptedOn):
		return fmt.Errorf("opened_on %s is before the credential resolution of %s", o.OpenedOn, adoptedOn)
	case !o.CredentialReportPresented:
		return fmt.Errorf("the first session must hear the credential report: credential_report_presented must be true")
	}
	return nil
}

// LeadershipResult is one person elected to one office. Person is the
// delegate's ID; Name is used instead for a holder who is not a delegate
// (e.g. a People's Committee member from outside the council).
type LeadershipResult struct {
	Position  PositionCode `json:"position"`
	Committee string       `json:"committee,omitempty"`
	Person    PersonID     `json:"person,omitempty"`
	Name      string       `json:"name,omitempty"`
}

// Holder identifies who holds the office, for matching and messages.
func (r LeadershipResult) Holder() string {
	if r.Person != "" {
		return string(r.Person)
	}
	return r.Name
}

// seat identifies a single-holder office (per committee where it applies).
func (r LeadershipResult) seat() string { return string(r.Position) + "/" + r.Committee }

// LeadershipOutcome records the results of the leadership elections.
type LeadershipOutcome struct {
	Results []LeadershipResult `json:"results"`
}

// maxResults bounds the results of one session.
const maxResults = 300

// Validate checks every result against the offices of the level: known
// office, a committee named where needed, a confirmed delegate of this
// council where the law requires one, one holder for a single office, no
// holder twice in an office; and the chair elected.
func (o LeadershipOutcome) Validate(level Level, confirmed map[PersonID]bool) error {
	specs := make(map[PositionCode]PositionSpec)
	for _, s := range Positions(level) {
		specs[s.Code] = s
	}
	if len(o.Results) == 0 {
		return fmt.Errorf("results: at least the chair must be elected")
	}
	if len(o.Results) > maxResults {
		return fmt.Errorf("results: %d is more than %d", len(o.Results), maxResults)
	}
	held := map[string]string{}
	seen := map[string]bool{}
	var problems []string
	for i, r := range o.Results {
		spec, ok := specs[r.Position]
		at := fmt.Sprintf("results[%d] %s", i, r.Position)
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("%s: unknown office for a %s council", at, level))
			continue
		case spec.PerCommittee && strings.TrimSpace(r.Committee) == "":
			problems = append(problems, at+": name the committee")
		case !spec.PerCommittee && r.Committee != "":
			problems = append(problems, at+": this office belongs to no committee")
		case r.Person == "" && strings.TrimSpace(r.Name) == "":
			problems = append(problems, at+": person or name is required")
		case r.Person != "" && r.Name != "":
			problems = append(problems, at+": give the person's ID or a name, not both")
		case utf8.RuneCountInString(r.Name) > 100 || utf8.RuneCountInString(r.Committee) > 100:
			problems = append(problems, at+": name or committee longer than 100 characters")
		case spec.DelegateRequired && !confirmed[r.Person]:
			problems = append(problems, fmt.Sprintf("%s: %q is not a confirmed delegate of this council, and this office requires one", at, r.Holder()))
		case r.Person != "" && !confirmed[r.Person]:
			problems = append(problems, fmt.Sprintf("%s: %s is not a confirmed delegate of this council (give a name for a holder from outside)", at, r.Person))
		}
		key := r.seat() + "/" + r.Holder()
		if seen[key] {
			problems = append(problems, fmt.Sprintf("%s: %s is listed twice", at, r.Holder()))
		}
		seen[key] = true
		if spec.Single {
			if other, taken := held[r.seat()]; taken && other != r.Holder() {
				problems = append(problems, fmt.Sprintf("%s: held by two people (%s and %s)", at, other, r.Holder()))
			}
			held[r.seat()] = r.Holder()
		}
	}
	chair := PositionCode("hdnd-chair")
	if level == LevelNational {
		chair = "na-chair"
	}
	if _, ok := specs[chair]; ok {
		if _, elected := held[string(chair)+"/"]; !elected {
			problems = append(problems, fmt.Sprintf("results: the %s is not among them", specs[chair].Title))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}

// NeedingApproval returns the results whose office needs approval by a
// higher body, in order.
func NeedingApproval(level Level, results []LeadershipResult) []LeadershipResult {
	specs := make(map[PositionCode]PositionSpec)
	for _, s := range Positions(level) {
		specs[s.Code] = s
	}
	var out []LeadershipResult
	for _, r := range results {
		if specs[r.Position].ApprovalBody != "" {
			out = append(out, r)
		}
	}
	return out
}

// Approval is a higher body's approval (phê chuẩn) of one result.
type Approval struct {
	Position   PositionCode `json:"position"`
	Committee  string       `json:"committee,omitempty"`
	Person     PersonID     `json:"person,omitempty"`
	Name       string       `json:"name,omitempty"`
	Body       string       `json:"body"`
	DecisionNo string       `json:"decision_no"`
	ApprovedOn Date         `json:"approved_on"`
}

// ApprovalsOutcome records the approvals of the results that need one.
type ApprovalsOutcome struct {
	Approvals []Approval `json:"approvals"`
}

// Validate checks there is exactly one approval per result needing one,
// each naming the approving body and its decision, dated after the session
// and not in the future.
func (o ApprovalsOutcome) Validate(needed []LeadershipResult, openedOn, today Date) error {
	want := map[string]bool{}
	for _, r := range needed {
		want[r.seat()+"/"+r.Holder()] = true
	}
	got := map[string]bool{}
	var problems []string
	for i, a := range o.Approvals {
		r := LeadershipResult{Position: a.Position, Committee: a.Committee, Person: a.Person, Name: a.Name}
		key := r.seat() + "/" + r.Holder()
		at := fmt.Sprintf("approvals[%d] %s %s", i, a.Position, r.Holder())
		switch {
		case !want[key]:
			problems = append(problems, at+": no elected result needs this approval")
		case got[key]:
			problems = append(problems, at+": approved twice")
		case strings.TrimSpace(a.Body) == "":
			problems = append(problems, at+": body is required")
		case a.ApprovedOn.IsZero() || a.ApprovedOn.Before(openedOn) || a.ApprovedOn.After(today):
			problems = append(problems, fmt.Sprintf("%s: approved_on %q must be between the session (%s) and today", at, a.ApprovedOn, openedOn))
		}
		if _, err := ParseDocumentNo(a.DecisionNo); err != nil {
			problems = append(problems, at+": decision_no: "+err.Error())
		}
		got[key] = true
	}
	for _, r := range needed {
		if !got[r.seat()+"/"+r.Holder()] {
			problems = append(problems, fmt.Sprintf("%s %s: approval missing", r.Position, r.Holder()))
		}
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s", strings.Join(problems, "; "))
	}
	return nil
}
