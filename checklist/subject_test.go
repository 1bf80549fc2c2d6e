package checklist

import (
	"slices"
	"testing"

	"electionflow/election"
)

func TestSubjectsReadBack(t *testing.T) {
	tests := []struct {
		kind   election.TaskKind
		values []any
		want   string
		back   []string
	}{
		{election.KindReviewComplaint, []any{election.KindComplaint, election.ComplaintID("KN-001"), election.PersonID("00004-P002")},
			"complaint KN-001/00004-P002", []string{"complaint", "KN-001", "00004-P002"}},
		{election.KindAdoptResolution, []any{election.CouncilCode("00004")}, "council 00004", []string{"00004"}},
		{election.KindHandOverCertificates, []any{21}, "21 certificates", []string{"21"}},
		{election.KindSetSessionDate, []any{"QH"}, "first session of QH", []string{"QH"}},
		{election.KindSendSessionDocuments, []any{2}, "2 delegates", []string{"2"}},
		{election.KindOpenSession, nil, "opening", []string{}},
		{election.KindRecordLeadership, nil, "leadership", []string{}},
		{election.KindRecordApprovals, []any{3}, "3 results", []string{"3"}},
		{election.KindSubmitNominations, []any{"01"}, "nominations of council 01", []string{"01"}},
		{election.KindAppraiseNomination, []any{"DN-2"}, "nomination DN-2", []string{"DN-2"}},
		{election.KindReviewCommendations, []any{4}, "4 nominations passed appraisal", []string{"4"}},
		{election.KindDecideCommendations, []any{"Bằng khen", 3}, "Bằng khen for 3 nominations", []string{"Bằng khen", "3"}},
		{election.KindVerifyCadreRecord, []any{"CB-001"}, "cadre CB-001", []string{"CB-001"}},
		{election.KindRecordCadreChoice, []any{"CB-001"}, "cadre CB-001", []string{"CB-001"}},
		{election.KindApproveCadreBenefits, []any{"CB-001"}, "cadre CB-001", []string{"CB-001"}},
		{election.KindDecideCadreBenefits, []any{"CB-001"}, "cadre CB-001", []string{"CB-001"}},
	}
	covered := map[election.TaskKind]bool{}
	for _, tt := range tests {
		covered[tt.kind] = true
		got := Subject(tt.kind, tt.values...)
		if got != tt.want {
			t.Errorf("Subject(%s, %v) = %q, want %q", tt.kind, tt.values, got, tt.want)
		}
		back, ok := ParseSubject(tt.kind, got)
		if !ok || !slices.Equal(back, tt.back) {
			t.Errorf("ParseSubject(%s, %q) = %q, %v; want %q", tt.kind, got, back, ok, tt.back)
		}
	}
	for _, k := range election.TaskKinds() {
		if !covered[k] {
			t.Errorf("task kind %s has no subject test", k)
		}
	}
}

func TestParseSubjectRefusesOtherText(t *testing.T) {
	for _, tt := range []struct {
		kind    election.TaskKind
		subject string
	}{
		{election.KindHandOverCertificates, "many certificates"},
		{election.KindHandOverCertificates, "21 certificates for council 01"},
		{election.KindOpenSession, "opening of council 01"},
		{election.KindReviewComplaint, "complaint KN-001"},
		{"no-such-kind", "anything"},
	} {
		if v, ok := ParseSubject(tt.kind, tt.subject); ok {
			t.Errorf("ParseSubject(%s, %q) = %q, want no match", tt.kind, tt.subject, v)
		}
	}
	if got := Subject("no-such-kind", "a", 1); got != "a 1" {
		t.Errorf("Subject of an unknown kind = %q", got)
	}
}

func TestCadreOf(t *testing.T) {
	for _, tt := range []struct {
		task election.Task
		want election.CadreID
		ok   bool
	}{
		{election.Task{Kind: election.KindVerifyCadreRecord, Subject: Subject(election.KindVerifyCadreRecord, "CB-001")}, "CB-001", true},
		{election.Task{Kind: election.KindDecideCadreBenefits, Subject: "cadre 20007-C002"}, "20007-C002", true},
		{election.Task{Kind: election.KindVerifyCadreRecord, Subject: "someone"}, "", false},
		{election.Task{Kind: election.KindAppraiseNomination, Subject: Subject(election.KindAppraiseNomination, "N1")}, "", false},
	} {
		if got, ok := CadreOf(tt.task); got != tt.want || ok != tt.ok {
			t.Errorf("CadreOf(%s %q) = %q, %v; want %q, %v", tt.task.Kind, tt.task.Subject, got, ok, tt.want, tt.ok)
		}
	}
}

func TestComplainantOf(t *testing.T) {
	review := election.KindReviewComplaint
	for _, tt := range []struct {
		task election.Task
		want election.PersonID
		ok   bool
	}{
		{election.Task{Kind: review, Subject: Subject(review, election.KindComplaint, election.ComplaintID("KN-001"), election.PersonID("P-7"))}, "P-7", true},
		{election.Task{Kind: review, Subject: "complaint about someone"}, "", false},
		{election.Task{Kind: election.KindVerifyCadreRecord, Subject: Subject(election.KindVerifyCadreRecord, "CB-001")}, "", false},
	} {
		if got, ok := ComplainantOf(tt.task); got != tt.want || ok != tt.ok {
			t.Errorf("ComplainantOf(%s %q) = %q, %v; want %q, %v", tt.task.Kind, tt.task.Subject, got, ok, tt.want, tt.ok)
		}
	}
}
