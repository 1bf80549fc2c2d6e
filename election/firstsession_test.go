package election

import (
	"strings"
	"testing"
)

func TestSessionOutcomes(t *testing.T) {
	d := MustParseDate
	tests := []struct {
		name    string
		err     error
		wantErr string
	}{
		{"date ok", SessionDateOutcome{d("2026-04-20")}.Validate(d("2026-04-01"), d("2026-04-29")), ""},
		{"date on the deadline", SessionDateOutcome{d("2026-04-29")}.Validate(d("2026-04-01"), d("2026-04-29")), ""},
		{"date after the deadline", SessionDateOutcome{d("2026-04-30")}.Validate(d("2026-04-01"), d("2026-04-29")), "after the legal deadline"},
		{"date too early", SessionDateOutcome{d("2026-03-31")}.Validate(d("2026-04-01"), d("2026-04-29")), "earliest day the credential resolution"},
		{"date missing", SessionDateOutcome{}.Validate(d("2026-04-01"), d("2026-04-29")), "required"},
		{"documents ok", DocumentsOutcome{d("2026-04-15"), 21}.Validate(21, d("2026-04-20"), d("2026-04-16")), ""},
		{"documents to too few", DocumentsOutcome{d("2026-04-15"), 20}.Validate(21, d("2026-04-20"), d("2026-04-16")), "every confirmed delegate, 21"},
		{"documents after the session", DocumentsOutcome{d("2026-04-21"), 21}.Validate(21, d("2026-04-20"), d("2026-04-22")), "after the session date"},
		{"documents in the future", DocumentsOutcome{d("2026-04-17"), 21}.Validate(21, d("2026-04-20"), d("2026-04-16")), "future"},
		{"opening ok", OpeningOutcome{d("2026-04-20"), true}.Validate(d("2026-04-10"), d("2026-04-20")), ""},
		{"opening without the report", OpeningOutcome{d("2026-04-20"), false}.Validate(d("2026-04-10"), d("2026-04-20")), "credential report"},
		{"opening before the resolution", OpeningOutcome{d("2026-04-09"), true}.Validate(d("2026-04-10"), d("2026-04-20")), "before the credential resolution"},
	}
	for _, tt := range tests {
		if (tt.err == nil) != (tt.wantErr == "") || (tt.err != nil && !strings.Contains(tt.err.Error(), tt.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tt.name, tt.err, tt.wantErr)
		}
	}
}

func TestLeadershipValidation(t *testing.T) {
	confirmed := map[PersonID]bool{"P1": true, "P2": true, "P3": true}
	chair := LeadershipResult{Position: "hdnd-chair", Person: "P1"}
	tests := []struct {
		name    string
		level   Level
		results []LeadershipResult
		wantErr string
	}{
		{"full commune", LevelCommune, []LeadershipResult{chair,
			{Position: "hdnd-vice-chair", Person: "P2"},
			{Position: "committee-head", Committee: "Ban Kinh tế – Xã hội", Person: "P3"},
			{Position: "committee-head", Committee: "Ban Pháp chế", Person: "P2"},
			{Position: "ubnd-chair", Person: "P3"},
			{Position: "ubnd-vice-chair", Name: "Trần Văn Ngoài"},
			{Position: "ubnd-member", Person: "P2"},
		}, ""},
		{"no chair", LevelCommune, []LeadershipResult{{Position: "hdnd-vice-chair", Person: "P2"}}, "Chủ tịch HĐND is not among them"},
		{"nothing", LevelCommune, nil, "at least the chair"},
		{"chair not a delegate", LevelCommune, []LeadershipResult{{Position: "hdnd-chair", Person: "P9"}}, "not a confirmed delegate"},
		{"chair by name", LevelCommune, []LeadershipResult{{Position: "hdnd-chair", Name: "Ai Đó"}}, "requires one"},
		{"two chairs", LevelCommune, []LeadershipResult{chair, {Position: "hdnd-chair", Person: "P2"}}, "held by two people (P1 and P2)"},
		{"two heads of one committee", LevelCommune, []LeadershipResult{chair,
			{Position: "committee-head", Committee: "Ban Pháp chế", Person: "P2"},
			{Position: "committee-head", Committee: "Ban Pháp chế", Person: "P3"}}, "held by two people"},
		{"committee missing", LevelCommune, []LeadershipResult{chair, {Position: "committee-head", Person: "P2"}}, "name the committee"},
		{"same person twice", LevelCommune, []LeadershipResult{chair, {Position: "ubnd-member", Person: "P2"}, {Position: "ubnd-member", Person: "P2"}}, "listed twice"},
		{"unknown office", LevelCommune, []LeadershipResult{chair, {Position: "king", Person: "P2"}}, "unknown office"},
		{"juror at commune", LevelCommune, []LeadershipResult{chair, {Position: "people-juror", Name: "X"}}, "unknown office"},
		{"juror at province", LevelProvince, []LeadershipResult{chair, {Position: "people-juror", Name: "Lê Thị Hội Thẩm"}}, ""},
		{"national", LevelNational, []LeadershipResult{{Position: "na-chair", Person: "P1"}}, ""},
		{"both person and name", LevelCommune, []LeadershipResult{{Position: "hdnd-chair", Person: "P1", Name: "X"}}, "not both"},
	}
	for _, tt := range tests {
		err := LeadershipOutcome{Results: tt.results}.Validate(tt.level, confirmed)
		if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestApprovals(t *testing.T) {
	results := []LeadershipResult{
		{Position: "hdnd-chair", Person: "P1"},
		{Position: "ubnd-vice-chair", Name: "Trần Văn Ngoài"},
		{Position: "ubnd-member", Person: "P2"},
	}
	needed := NeedingApproval(LevelCommune, results)
	if len(needed) != 2 {
		t.Fatalf("needing approval: %+v", needed)
	}
	if Positions(LevelProvince)[0].ApprovalBody != "Ủy ban Thường vụ Quốc hội" {
		t.Errorf("provincial chair approved by %q", Positions(LevelProvince)[0].ApprovalBody)
	}
	d := MustParseDate
	ok := []Approval{
		{Position: "hdnd-chair", Person: "P1", Body: "Thường trực HĐND tỉnh", DecisionNo: "12/NQ-TTHĐND", ApprovedOn: d("2026-05-02")},
		{Position: "ubnd-vice-chair", Name: "Trần Văn Ngoài", Body: "Chủ tịch UBND tỉnh", DecisionNo: "345/QĐ-UBND", ApprovedOn: d("2026-05-03")},
	}
	tests := []struct {
		name      string
		approvals []Approval
		wantErr   string
	}{
		{"all", ok, ""},
		{"missing one", ok[:1], "ubnd-vice-chair Trần Văn Ngoài: approval missing"},
		{"not needed", append(ok[:2:2], Approval{Position: "ubnd-member", Person: "P2", Body: "X", DecisionNo: "1/QĐ", ApprovedOn: d("2026-05-03")}), "no elected result needs"},
		{"bad number", []Approval{ok[0], {Position: "ubnd-vice-chair", Name: "Trần Văn Ngoài", Body: "X", DecisionNo: "three", ApprovedOn: d("2026-05-03")}}, "decision_no"},
		{"before the session", []Approval{ok[1], {Position: "hdnd-chair", Person: "P1", Body: "X", DecisionNo: "1/QĐ", ApprovedOn: d("2026-04-01")}}, "between the session"},
	}
	for _, tt := range tests {
		err := ApprovalsOutcome{Approvals: tt.approvals}.Validate(needed, d("2026-04-20"), d("2026-05-10"))
		if (err == nil) != (tt.wantErr == "") || (err != nil && !strings.Contains(err.Error(), tt.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tt.name, err, tt.wantErr)
		}
	}
}
