package web

import (
	"fmt"

	"electionflow/checklist"
	"electionflow/election"
)

// subjectLabels are a task's subject in Vietnamese and English, by task
// kind, as fmt formats of the values the workflow wrote into its English
// subject (checklist.ParseSubject), in the same order.
func subjectLabels() map[election.TaskKind][2]string {
	cadre := [2]string{"Cán bộ %s", "Cadre %s"}
	return map[election.TaskKind][2]string{
		// The first value, the complaint's kind, is itself labelled.
		election.KindReviewComplaint:      {"%s %s đối với người trúng cử %s", "%s %s against elected person %s"},
		election.KindAdoptResolution:      {"Tư cách người trúng cử của hội đồng %s", "Credentials of the persons elected to council %s"},
		election.KindHandOverCertificates: {"%s giấy chứng nhận đại biểu", "%s delegate certificates"},
		election.KindSetSessionDate:       {"Kỳ họp thứ nhất của hội đồng %s", "First session of council %s"},
		election.KindSendSessionDocuments: {"Tài liệu cho %s đại biểu", "Documents for %s delegates"},
		election.KindOpenSession:          {"Phiên khai mạc", "Opening sitting"},
		election.KindRecordLeadership:     {"Kết quả bầu các chức danh lãnh đạo", "Results of the leadership elections"},
		election.KindRecordApprovals:      {"%s kết quả bầu cần phê chuẩn", "%s results needing approval"},
		election.KindSubmitNominations:    {"Đề nghị khen thưởng của hội đồng %s", "Commendation nominations of council %s"},
		election.KindAppraiseNomination:   {"Hồ sơ đề nghị %s", "Nomination %s"},
		election.KindReviewCommendations:  {"%s hồ sơ đã qua thẩm định", "%s nominations that passed appraisal"},
		election.KindDecideCommendations:  {"%s cho %s hồ sơ", "%s for %s nominations"},
		election.KindVerifyCadreRecord:    cadre,
		election.KindRecordCadreChoice:    cadre,
		election.KindApproveCadreBenefits: cadre,
		election.KindDecideCadreBenefits:  cadre,
	}
}

// Subject is what task t is about, in the reader's language. The
// workflows write subjects in English into their histories (where they
// cannot change); a subject not in its kind's format shows as written.
func (l lang) Subject(t election.Task) string {
	values, ok := checklist.ParseSubject(t.Kind, t.Subject)
	formats, has := subjectLabels()[t.Kind]
	if !ok || !has {
		return t.Subject
	}
	args := make([]any, len(values))
	for i, v := range values {
		args[i] = v
	}
	if t.Kind == election.KindReviewComplaint {
		args[0] = l.Label("complaint", values[0])
	}
	format := formats[0]
	if l == "en" {
		format = formats[1]
	}
	return fmt.Sprintf(format, args...)
}
