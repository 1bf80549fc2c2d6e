package election

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func wantCommendationErr(t *testing.T, name string, err error, want string) {
	t.Helper()
	if (err == nil) != (want == "") || (err != nil && !strings.Contains(err.Error(), want)) {
		t.Errorf("%s: err = %v, want %q", name, err, want)
	}
}

func TestNominationsOutcomeValidate(t *testing.T) {
	good := Nomination{ID: "N1", NomineeKind: NomineeCollective, Nominee: "Tổ bầu cử số 3 phường Ba Đình",
		Achievement: "Hoàn thành xuất sắc nhiệm vụ bầu cử"}
	with := func(f func(*Nomination)) []Nomination {
		n := good
		f(&n)
		return []Nomination{n}
	}
	many := make([]Nomination, MaxNominations+1)
	for i := range many {
		many[i] = good
		many[i].ID = NominationID(fmt.Sprintf("N%d", i+1))
	}
	second := good
	second.ID, second.NomineeKind, second.Nominee = "N2", NomineeIndividual, "Nguyễn Văn An, Tổ trưởng Tổ bầu cử số 3"
	tests := []struct {
		name string
		noms []Nomination
		want string
	}{
		{"two", []Nomination{good, second}, ""},
		{"none", []Nomination{}, ""},
		{"the most", many[:MaxNominations], ""},
		{"list missing", nil, "nominations is required"},
		{"too many", many, "at most 200"},
		{"duplicate id", []Nomination{good, second, good}, "duplicate id N1 (first at nominations[0])"},
		{"empty id", with(func(n *Nomination) { n.ID = "" }), "not a nomination ID"},
		{"id with a slash", with(func(n *Nomination) { n.ID = "N/1" }), "not a nomination ID"},
		{"id too long", with(func(n *Nomination) { n.ID = NominationID(strings.Repeat("N", 41)) }), "not a nomination ID"},
		{"bad kind", with(func(n *Nomination) { n.NomineeKind = "group" }), "nominee_kind"},
		{"no kind", with(func(n *Nomination) { n.NomineeKind = "" }), "nominee_kind"},
		{"blank nominee", with(func(n *Nomination) { n.Nominee = "  " }), "nominee is required"},
		{"long nominee", with(func(n *Nomination) { n.Nominee = strings.Repeat("ư", 201) }), "nominee is longer than 200"},
		{"nominee on two lines", with(func(n *Nomination) { n.Nominee = "Tổ 3\nphường X" }), "control character"},
		{"no achievement", with(func(n *Nomination) { n.Achievement = "" }), "achievement is required"},
		{"long achievement", with(func(n *Nomination) { n.Achievement = strings.Repeat("ư", 501) }), "achievement is longer than 500"},
		{"achievement on two lines", with(func(n *Nomination) { n.Achievement = "Dòng 1\nDòng 2" }), ""},
		{"achievement with a NUL", with(func(n *Nomination) { n.Achievement = "a\x00b" }), "control character"},
	}
	for _, tt := range tests {
		wantCommendationErr(t, tt.name, NominationsOutcome{Nominations: tt.noms}.Validate(), tt.want)
	}
	if ids := (NominationsOutcome{Nominations: []Nomination{good, second}}).IDs(); len(ids) != 2 || ids[0] != "N1" || ids[1] != "N2" {
		t.Errorf("IDs = %v", ids)
	}
}

func TestDecodeNominations(t *testing.T) {
	var o NominationsOutcome
	raw := `{"nominations":[{"id":"N1","nominee_kind":"collective","nominee":"Tổ bầu cử số 3 phường X","achievement":"Tốt"}]}`
	if err := DecodeOutcome(json.RawMessage(raw), &o); err != nil || o.Validate() != nil || o.Nominations[0].Nominee != "Tổ bầu cử số 3 phường X" {
		t.Errorf("good nominations: %v %+v", err, o)
	}
	o = NominationsOutcome{}
	if err := DecodeOutcome(json.RawMessage(`{"nominations":[]}`), &o); err != nil || o.Validate() != nil {
		t.Errorf("empty list: %v %+v", err, o)
	}
	o = NominationsOutcome{}
	if err := DecodeOutcome(json.RawMessage(`{}`), &o); err != nil || o.Validate() == nil {
		t.Errorf("no list accepted: %v %+v", err, o)
	}
	if err := DecodeOutcome(json.RawMessage(`{"nominations":[{"id":"N1","kind":"collective"}]}`), &o); err == nil {
		t.Error("unknown field accepted")
	}
}

func TestAppraisalOutcomeValidate(t *testing.T) {
	tests := []struct {
		name string
		o    AppraisalOutcome
		want string
	}{
		{"approve", AppraisalOutcome{Decision: AppraisalApprove}, ""},
		{"approve with a note", AppraisalOutcome{Decision: AppraisalApprove, Reason: "Đủ hồ sơ"}, ""},
		{"reject", AppraisalOutcome{Decision: AppraisalReject, Reason: "Thiếu báo cáo thành tích"}, ""},
		{"reject without reason", AppraisalOutcome{Decision: AppraisalReject, Reason: " "}, "reason is required"},
		{"bad decision", AppraisalOutcome{Decision: "maybe", Reason: "x"}, "want approve or reject"},
		{"no decision", AppraisalOutcome{}, "want approve or reject"},
		{"long reason", AppraisalOutcome{Decision: AppraisalReject, Reason: strings.Repeat("ư", 1001)}, "longer"},
	}
	for _, tt := range tests {
		wantCommendationErr(t, tt.name, tt.o.Validate(), tt.want)
	}
}

func TestCouncilReviewOutcomeValidate(t *testing.T) {
	yes, no := true, false
	expected := []NominationID{"N1", "N3"}
	tests := []struct {
		name string
		o    CouncilReviewOutcome
		want string
	}{
		{"both", CouncilReviewOutcome{[]CouncilVote{{"N3", &no, "Chưa tiêu biểu"}, {"N1", &yes, ""}}}, ""},
		{"missing one", CouncilReviewOutcome{[]CouncilVote{{"N1", &yes, ""}}}, "no decision for N3"},
		{"none", CouncilReviewOutcome{}, "no decision for N1, N3"},
		{"one rejected at appraisal", CouncilReviewOutcome{[]CouncilVote{{"N1", &yes, ""}, {"N2", &yes, ""}, {"N3", &yes, ""}}}, `"N2" is not awaiting`},
		{"unknown", CouncilReviewOutcome{[]CouncilVote{{"N9", &yes, ""}}}, `"N9" is not awaiting`},
		{"twice", CouncilReviewOutcome{[]CouncilVote{{"N1", &yes, ""}, {"N1", &no, "x"}, {"N3", &yes, ""}}}, "N1 is decided twice"},
		{"approve left out", CouncilReviewOutcome{[]CouncilVote{{"N1", nil, "x"}, {"N3", &yes, ""}}}, "approve (true or false) is required"},
		{"rejection without reason", CouncilReviewOutcome{[]CouncilVote{{"N1", &no, ""}, {"N3", &yes, ""}}}, "reason is required"},
	}
	for _, tt := range tests {
		wantCommendationErr(t, tt.name, tt.o.Validate(expected), tt.want)
	}
	wantCommendationErr(t, "nothing expected, nothing given", CouncilReviewOutcome{Decisions: []CouncilVote{}}.Validate(nil), "")

	var o CouncilReviewOutcome
	if err := DecodeOutcome(json.RawMessage(`{"decisions":[{"nomination":"N1","approve":true},{"nomination":"N3","approve":false,"reason":"x"}]}`), &o); err != nil {
		t.Fatal(err)
	}
	v := o.Verdicts()
	if len(v) != 2 || v[0] != (CouncilVerdict{"N1", true, ""}) || v[1] != (CouncilVerdict{"N3", false, "x"}) {
		t.Errorf("verdicts %+v", v)
	}
}

func TestCommendationDecisionValidate(t *testing.T) {
	e := MustParseDate("2026-03-15")
	today := MustParseDate("2026-04-20")
	tests := []struct {
		name string
		o    DecisionOutcome
		want string
	}{
		{"ok", DecisionOutcome{"123/QĐ-UBND", MustParseDate("2026-04-20")}, ""},
		{"bad number", DecisionOutcome{"QĐ 123", MustParseDate("2026-04-20")}, "decision_no"},
		{"no number", DecisionOutcome{"", MustParseDate("2026-04-20")}, "decision_no"},
		{"no date", DecisionOutcome{"123/QĐ-UBND", Date{}}, "decided_on is required"},
		{"on election day", DecisionOutcome{"123/QĐ-UBND", e}, "not after election day"},
		{"future", DecisionOutcome{"123/QĐ-UBND", MustParseDate("2026-04-21")}, "in the future"},
	}
	for _, tt := range tests {
		wantCommendationErr(t, tt.name, tt.o.Validate(e, today), tt.want)
	}
	var o DecisionOutcome
	if err := DecodeOutcome(json.RawMessage(`{"decision_no":"123/QĐ-UBND","decided_on":"20/04/2026"}`), &o); err != nil || o.DecidedOn.String() != "2026-04-20" {
		t.Errorf("DD/MM/YYYY date: %v %+v", err, o)
	}
}
