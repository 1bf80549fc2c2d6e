package web

import (
	"fmt"
	"html/template"
	"strings"

	"electionflow/election"
)

// Label is the Vietnamese (or English) name of a code of a group: "kind",
// "notice", "role", "state" (of a task), "area", "area-state", "step", "level",
// "option" (of a form select), "audit" (an audit action), "complaint",
// "nominee" or "nomination". An unknown code shows as itself.
func (l lang) Label(group string, code any) string {
	c := fmt.Sprint(code)
	m, ok := codeLabels()[group+"."+c]
	switch group {
	case "kind":
		var f election.OutcomeForm
		f, ok = election.FormOf(election.TaskKind(c))
		m = [2]string{f.Title.Vi, f.Title.En}
	case "notice":
		t := election.NoticeKind(c).Title()
		m, ok = [2]string{t.Vi, t.En}, true
	}
	if !ok {
		return c
	}
	if l == "en" {
		return m[1]
	}
	return m[0]
}

// Stage names a board stage ("credentials/resolution"): the area and its
// step, "done" when every area is, "not started" when empty.
func (l lang) Stage(stage string) string {
	switch stage {
	case "":
		return l.T("not.started")
	case "done":
		return l.Label("step", "done")
	}
	area, step, ok := strings.Cut(stage, "/")
	if !ok {
		return l.Label("area", stage)
	}
	return l.Label("area", area) + ": " + l.Label("step", step)
}

// Yes says yes or no.
func (l lang) Yes(b bool) string {
	if b {
		return l.T("yes")
	}
	return l.T("no")
}

// coded shows the label of a code with the code itself in small text
// for staff who need it: <span title="code">label</span> <small>code</small>.
// An unknown code shows once.
func coded(l lang, group string, code any) template.HTML {
	c := fmt.Sprint(code)
	label := l.Label(group, c)
	if label == c {
		return template.HTML(`<span class="code">` + template.HTMLEscapeString(c) + `</span>`)
	}
	return template.HTML(`<span title="` + template.HTMLEscapeString(c) + `">` + template.HTMLEscapeString(label) +
		`</span> <small class="code">` + template.HTMLEscapeString(c) + `</small>`)
}

// labelled shows the label of a code with the code in a title attribute.
func labelled(l lang, group string, code any) template.HTML {
	c := fmt.Sprint(code)
	return template.HTML(`<span title="` + template.HTMLEscapeString(c) + `">` + template.HTMLEscapeString(l.Label(group, c)) + `</span>`)
}

// stageLabel shows a board stage with its code in a title attribute.
func stageLabel(l lang, stage string) template.HTML {
	return template.HTML(`<span title="` + template.HTMLEscapeString(stage) + `">` + template.HTMLEscapeString(l.Stage(stage)) + `</span>`)
}

// codeLabels maps "group.code" to its Vietnamese and English names.
func codeLabels() map[string][2]string {
	return map[string][2]string{
		// Task kinds (election.TaskKinds).

		// Roles (election.Roles).
		"role.administrator":      {"Quản trị (thư ký Ủy ban bầu cử)", "Administrator"},
		"role.election-committee": {"Ủy ban bầu cử", "Election committee"},
		"role.council-office":     {"Văn phòng HĐND", "Council office"},
		"role.hr-officer":         {"Cán bộ tổ chức – nhân sự", "HR officer"},
		"role.emulation-board":    {"Ban Thi đua – Khen thưởng", "Emulation and commendation board"},
		"role.approving-official": {"Người có thẩm quyền phê duyệt", "Approving official"},
		"role.manager":            {"Lãnh đạo theo dõi", "Manager"},

		// Task states.
		"state.open":      {"Đang mở", "Open"},
		"state.done":      {"Đã hoàn thành", "Done"},
		"state.cancelled": {"Đã hủy", "Cancelled"},

		// Checklist areas and their states.
		"area.credentials":          {"Xác nhận tư cách và cấp giấy chứng nhận", "Credentials and certificates"},
		"area.first-session":        {"Kỳ họp thứ nhất", "First session"},
		"area.commendations":        {"Khen thưởng tổng kết công tác bầu cử", "Commendations"},
		"area.outgoing-cadres":      {"Chế độ cho cán bộ không đủ tuổi tái cử", "Benefits of outgoing cadres"},
		"area-state.pending":        {"chưa bắt đầu", "pending"},
		"area-state.running":        {"đang thực hiện", "running"},
		"area-state.done":           {"đã xong", "done"},
		"area-state.failed":         {"gặp lỗi", "failed"},
		"step.starting":             {"đang khởi động", "starting"},
		"step.complaint-review":     {"đang xét khiếu nại, tố cáo", "reviewing complaints"},
		"step.resolution":           {"chờ thông qua nghị quyết xác nhận tư cách", "awaiting the credential resolution"},
		"step.certificates":         {"đang cấp giấy chứng nhận", "issuing certificates"},
		"step.handover":             {"chờ trao giấy chứng nhận", "awaiting the certificates' hand-over"},
		"step.session-date":         {"chờ ấn định ngày họp", "awaiting the session date"},
		"step.awaiting-credentials": {"chờ nghị quyết xác nhận tư cách", "awaiting the credential resolution"},
		"step.documents":            {"chờ gửi tài liệu kỳ họp", "awaiting the session documents"},
		"step.opening":              {"chờ khai mạc kỳ họp", "awaiting the opening"},
		"step.leadership":           {"chờ kết quả bầu các chức danh", "awaiting the leadership results"},
		"step.approvals":            {"chờ phê chuẩn kết quả bầu", "awaiting the approvals"},
		"step.nominations":          {"chờ đề nghị khen thưởng", "awaiting nominations"},
		"step.appraisal":            {"đang thẩm định hồ sơ khen thưởng", "appraising nominations"},
		"step.council-review":       {"chờ Hội đồng Thi đua – Khen thưởng xét", "awaiting the commendation council's review"},
		"step.decision":             {"chờ quyết định khen thưởng", "awaiting the commendation decision"},
		"step.cases":                {"đang giải quyết từng trường hợp", "handling each case"},
		"step.verify":               {"chờ xác minh quá trình đóng BHXH và tiền lương", "awaiting the record's verification"},
		"step.choice":               {"chờ cán bộ lựa chọn chế độ", "awaiting the cadre's choice"},
		"step.approval":             {"chờ phê duyệt", "awaiting approval"},
		"step.benefit-decision":     {"chờ quyết định", "awaiting the decision"},
		"step.no-option":            {"nghỉ hưu theo quy định, không có chế độ lựa chọn", "retires as the law says, no option to choose"},
		"step.done":                 {"đã hoàn thành", "done"},

		// Levels.
		"level.national": {"Quốc hội", "National Assembly"},
		"level.province": {"Cấp tỉnh", "Province"},
		"level.district": {"Cấp huyện", "District"},
		"level.commune":  {"Cấp xã", "Commune"},

		// Orders of the board.
		"sort.":         {"Mặc định (tỉnh, cấp, mã)", "Default (province, level, code)"},
		"sort.council":  {"Mã hội đồng", "Council code"},
		"sort.stage":    {"Giai đoạn", "Stage"},
		"sort.open":     {"Việc đang mở", "Open tasks"},
		"sort.overdue":  {"Việc quá hạn", "Overdue tasks"},
		"sort.deadline": {"Hạn gần nhất", "Next deadline"},

		// Options of the outcome forms.
		"option.dismissed":        {"Không có cơ sở", "Dismissed"},
		"option.upheld":           {"Có cơ sở", "Upheld"},
		"option.approve":          {"Đồng ý", "Approve"},
		"option.reject":           {"Không đồng ý", "Reject"},
		"option.verified":         {"Đúng như hồ sơ", "Verified"},
		"option.corrected":        {"Đã điều chỉnh hồ sơ", "Corrected"},
		"option.early-retirement": {"Nghỉ hưu trước tuổi", "Early retirement"},
		"option.reassignment":     {"Bố trí công tác khác", "Reassignment"},
		"option.await-retirement": {"Chờ đủ tuổi nghỉ hưu", "Await retirement"},

		// Audit actions on a task.
		"audit.task.claim":    {"Nhận việc", "Claimed"},
		"audit.task.release":  {"Trả lại việc", "Released"},
		"audit.task.assign":   {"Phân công", "Assigned"},
		"audit.task.complete": {"Hoàn thành", "Completed"},

		// Complaints and commendations in a task's context.
		"complaint.complaint":           {"Khiếu nại", "Complaint"},
		"complaint.denunciation":        {"Tố cáo", "Denunciation"},
		"nominee.collective":            {"Tập thể", "Collective"},
		"nominee.individual":            {"Cá nhân", "Individual"},
		"nomination.nominated":          {"Đã đề nghị", "Nominated"},
		"nomination.appraisal-rejected": {"Không đạt thẩm định", "Rejected at appraisal"},
		"nomination.council-rejected":   {"Hội đồng không đồng ý", "Rejected by the council"},
		"nomination.approved":           {"Được khen thưởng", "Approved"},
	}
}
