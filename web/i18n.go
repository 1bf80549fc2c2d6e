package web

import (
	"fmt"
	"net/http"
)

// lang is the language of a page: "vi" (the default) or "en". Templates
// translate with {{.L.T "key"}}.
type lang string

// langCookie remembers the language chosen with ?lang=.
const langCookie = "efw_lang"

// language picks the request's language: ?lang=vi|en (remembered in a
// cookie), else the cookie, else Vietnamese.
func (s *Server) language(w http.ResponseWriter, r *http.Request) lang {
	if q := r.URL.Query().Get("lang"); q == "vi" || q == "en" {
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: q, Path: "/", MaxAge: 365 * 24 * 3600,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil || s.SecureCookies})
		return lang(q)
	}
	if c, err := r.Cookie(langCookie); err == nil && c.Value == "en" {
		return "en"
	}
	return "vi"
}

// T translates key; an unknown key shows as itself, so a missing
// translation is visible rather than blank.
func (l lang) T(key string) string {
	m, ok := translations()[key]
	if !ok {
		return key
	}
	if l == "en" {
		return m[1]
	}
	return m[0]
}

// F translates key and formats args into it.
func (l lang) F(key string, args ...any) string { return fmt.Sprintf(l.T(key), args...) }

// translations maps a key to its Vietnamese and English text.
func translations() map[string][2]string {
	return map[string][2]string{
		"app":                   {"Quản lý công việc sau bầu cử", "Post-election administration"},
		"signin":                {"Đăng nhập", "Sign in"},
		"signout":               {"Đăng xuất", "Sign out"},
		"username":              {"Tên đăng nhập", "Username"},
		"password":              {"Mật khẩu", "Password"},
		"signin.failed":         {"Tên đăng nhập hoặc mật khẩu không đúng, hoặc đã thử quá nhiều lần. Vui lòng thử lại sau.", "Wrong username or password, or too many attempts. Please try again later."},
		"inbox":                 {"Hộp công việc", "Inbox"},
		"board":                 {"Bảng tiến độ", "Progress board"},
		"report":                {"Báo cáo tổng hợp", "Summary report"},
		"tokens":                {"Mã truy cập API", "API tokens"},
		"due.in.hours":          {"còn %d giờ", "in %d hours"},
		"due.in.days":           {"còn %d ngày", "in %d days"},
		"due.ago.hours":         {"quá hạn %d giờ", "%d hours overdue"},
		"due.ago.days":          {"quá hạn %d ngày", "%d days overdue"},
		"claim.selected":        {"Nhận các việc đã chọn", "Claim the selected tasks"},
		"select":                {"Chọn", "Select"},
		"sort.by":               {"Sắp xếp theo", "Sort by"},
		"sort.due":              {"hạn", "due time"},
		"sort.council":          {"hội đồng", "council"},
		"sort.kind":             {"loại việc", "kind"},
		"resolution.pdf":        {"Nghị quyết xác nhận tư cách (PDF)", "Credential resolution (PDF)"},
		"calculator":            {"Tính chế độ cán bộ", "Benefits calculator"},
		"calc.title":            {"Tính chế độ cán bộ", "Benefits calculator"},
		"calc.intro":            {"Các phương án và trợ cấp của cán bộ không đủ tuổi tái cử theo một bộ quy tắc chế độ. Dữ liệu nhập không được lưu.", "Options and allowances of an outgoing cadre under a benefit rule set. Nothing entered is stored."},
		"calc.sex":              {"Giới tính", "Sex"},
		"calc.male":             {"nam", "male"},
		"calc.female":           {"nữ", "female"},
		"calc.birth":            {"Ngày sinh", "Date of birth"},
		"calc.insurance-months": {"Số tháng đóng bảo hiểm xã hội", "Months of social insurance"},
		"calc.salary":           {"Tiền lương tháng hiện hưởng (đồng)", "Monthly salary (đồng)"},
		"calc.date":             {"Ngày bầu cử hoặc ngày nghỉ hưu", "Election or retirement date"},
		"calc.date-hint":        {"DD/MM/YYYY", "DD/MM/YYYY"},
		"calc.rule-set":         {"Bộ quy tắc", "Rule set"},
		"calc.in-force":         {"bộ quy tắc đang áp dụng vào ngày đó", "the one in force on that date"},
		"calc.commune":          {"cán bộ cấp xã", "commune-level cadre"},
		"calc.compute":          {"Tính", "Compute"},
		"calc.refused":          {"Không tính được", "Cannot compute"},
		"calc.verified":         {"Đã đối chiếu văn bản gốc, người đối chiếu:", "Verified against the official text by"},
		"calc.unverified":       {"CHƯA đối chiếu văn bản: mọi kết quả cần cán bộ tổ chức xác nhận", "NOT verified: every result needs HR confirmation"},
		"calc.retirement-date":  {"Thời điểm nghỉ hưu", "Retirement date"},
		"calc.months-left":      {"tháng tròn còn lại", "whole months left"},
		"calc.open":             {"đủ điều kiện", "open"},
		"calc.not-open":         {"không áp dụng", "not open"},
		"calc.total":            {"Tổng", "Total"},
		"calc.disagreements":    {"Điểm các nguồn chưa thống nhất", "Where sources disagree or are unclear"},
		"calc.formulas":         {"Công thức của bộ quy tắc", "Formulas of the rule set"},
		"error":                 {"Lỗi", "Error"},
		"error.403":             {"Bạn không có quyền xem trang này.", "You may not see this page."},
		"error.404":             {"Không tìm thấy trang.", "Page not found."},
		"error.500":             {"Đã xảy ra lỗi. Vui lòng thử lại.", "Something went wrong. Please try again."},
		"error.database":        {"Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.", "The database is unavailable. Please try again in a few minutes."},
		"error.busy":            {"Đang có quá nhiều lượt đăng nhập. Vui lòng thử lại sau vài giây.", "Too many sign-ins at once. Please try again in a few seconds."},
		"council":               {"Hội đồng", "Council"},
		"province":              {"Tỉnh/thành", "Province"},
		"level":                 {"Cấp", "Level"},
		"stage":                 {"Giai đoạn", "Stage"},
		"kind":                  {"Loại việc", "Kind"},
		"subject":               {"Nội dung", "Subject"},
		"role":                  {"Vai trò", "Role"},
		"due":                   {"Hạn", "Due"},
		"state":                 {"Trạng thái", "State"},
		"overdue":               {"Quá hạn", "Overdue"},
		"overdue.only":          {"Chỉ việc quá hạn", "Overdue only"},
		"filter":                {"Lọc", "Filter"},
		"all":                   {"Tất cả", "All"},
		"claimed.by":            {"Người nhận", "Claimed by"},
		"claim":                 {"Nhận việc", "Claim"},
		"claim.mine":            {"Việc tôi đã nhận", "Claimed by me"},
		"claim.unclaimed":       {"Chưa ai nhận", "Unclaimed"},
		"claimed.other":         {"Nhiệm vụ này đã được %s nhận: chỉ người đó hoàn thành được, trừ khi họ trả lại hoặc người phụ trách phân công lại.", "This task is claimed by %s: only they can complete it, unless they release it or a supervisor reassigns it."},
		"release":               {"Trả lại", "Release"},
		"assign":                {"Phân công", "Assign"},
		"assign.to":             {"Tên đăng nhập người nhận", "Assign to (username)"},
		"no.tasks":              {"Không có việc nào.", "No tasks."},
		"pages":                 {"Các trang", "Pages"},
		"shown":                 {"Việc %d–%d trên tổng số %d", "Tasks %d–%d of %d"},
		"page.prev":             {"← Trang trước", "← Previous page"},
		"page.next":             {"Trang sau →", "Next page →"},
		"task":                  {"Nhiệm vụ", "Task"},
		"audit":                 {"Nhật ký", "Audit trail"},
		"no.audit":              {"Chưa có mục nào.", "No entries yet."},
		"complete":              {"Hoàn thành", "Complete"},
		"completed":             {"Đã hoàn thành nhiệm vụ.", "The task is completed."},
		"refused":               {"Không được chấp nhận", "Refused"},
		"outcome":               {"Kết quả", "Outcome"},
		"outcome.json":          {"Kết quả (JSON)", "Outcome (JSON)"},
		"closed":                {"Đã đóng", "Closed"},
		"by":                    {"bởi", "by"},
		"open.tasks":            {"Việc đang mở", "Open tasks"},
		"overdue.tasks":         {"Việc quá hạn", "Overdue tasks"},
		"next.deadline":         {"Hạn gần nhất", "Next deadline"},
		"areas":                 {"Các phần việc", "Areas"},
		"temporal":              {"Temporal", "Temporal"},
		"export.csv":            {"Xuất CSV", "Export CSV"},
		"sort":                  {"Sắp xếp", "Sort"},
		"councils":              {"Số hội đồng", "Councils"},
		"persons":               {"Người trúng cử", "Persons elected"},
		"confirmed":             {"Được xác nhận tư cách", "Confirmed"},
		"not.confirmed":         {"Không được xác nhận", "Not confirmed"},
		"certificates":          {"Giấy chứng nhận đã cấp", "Certificates issued"},
		"handed.over":           {"Giấy chứng nhận đã trao", "Certificates handed over"},
		"sessions.ontime":       {"Kỳ họp thứ nhất đúng hạn", "First sessions on time"},
		"sessions.late":         {"Kỳ họp thứ nhất trễ hạn", "First sessions late"},
		"sessions.notyet":       {"Chưa khai mạc kỳ họp thứ nhất", "First sessions not yet opened"},
		"commendations":         {"Quyết định khen thưởng", "Commendation decisions"},
		"benefits":              {"Quyết định chế độ cán bộ", "Benefit decisions"},
		"by.stage":              {"Hội đồng theo giai đoạn", "Councils by stage"},
		"not.started":           {"chưa bắt đầu", "not started"},
		"term":                  {"Nhiệm kỳ", "Term"},
		"token.name":            {"Tên mã", "Token name"},
		"token.create":          {"Tạo mã mới", "Create a token"},
		"token.revoke":          {"Thu hồi", "Revoke"},
		"token.shown":           {"Mã mới (chỉ hiển thị một lần, hãy lưu lại):", "New token (shown once, keep it now):"},
		"created":               {"Tạo lúc", "Created"},
		"last.used":             {"Dùng lần cuối", "Last used"},
		"no.tokens":             {"Chưa có mã nào.", "No tokens."},
		"claim.refused":         {"Không thể nhận hoặc trả việc này", "This task cannot be claimed or released"},
		"yes":                   {"Có", "Yes"},
		"no":                    {"Không", "No"},
		"reason.workflow":       {"Lý do (từ quy trình)", "Reason (from the workflow)"},
		"board.count":           {"Nhiệm kỳ %s: %d hội đồng", "Term %s: %d councils"},
		"scope":                 {"Phạm vi", "Scope"},
		"scope.all":             {"toàn bộ nhiệm kỳ", "the whole term"},
		"report.pdf":            {"Tải báo cáo PDF", "Download the report as PDF"},
		"report.title":          {"BÁO CÁO TỔNG KẾT CÔNG TÁC SAU BẦU CỬ", "SUMMARY REPORT OF THE POST-ELECTION WORK"},
		"report.date":           {"Ngày lập báo cáo", "Report date"},
		"motto.1":               {"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"},
		"motto.2":               {"Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"},
		"no.councils":           {"Không có hội đồng nào.", "No councils."},
		"report.figures":        {"Số liệu tổng hợp", "Figures"},
		"report.councils":       {"Số hội đồng", "Councils"},
		"councils.n":            {"hội đồng", "councils"},
		"code":                  {"Mã", "Code"},
		"ctx.complaint.gone":    {"Khiếu nại, tố cáo %s không còn trong danh sách.", "Complaint %s is not in the roster any more."},
		"ctx.complaint":         {"%s — %s của %s, nhận ngày %s: %s", "%s — %s by %s, received %s: %s"},
		"ctx.resolution":        {"Dự thảo nghị quyết xác nhận tư cách: %d người, %d được xác nhận, %d không được xác nhận", "Draft credential resolution: %d persons, %d confirmed, %d not confirmed"},
		"ctx.person":            {"Người trúng cử", "Person"},
		"ctx.confirmed":         {"Được xác nhận", "Confirmed"},
		"ctx.reason":            {"Lý do", "Reason"},
		"ctx.certificates":      {"Số giấy chứng nhận đã cấp cần trao: %d", "Certificates issued to hand over: %d"},
		"ctx.session":           {"Kỳ họp thứ nhất: hạn theo luật định %s", "First session: legal deadline %s"},
		"ctx.session.set":       {", đã ấn định ngày %s", ", set for %s"},
		"ctx.session.opened":    {", đã khai mạc ngày %s", ", opened %s"},
		"ctx.delegates":         {"Đại biểu đã được xác nhận tư cách (%d): %s", "Confirmed delegates (%d): %s"},
		"ctx.delegates.none":    {"Chưa có đại biểu nào được xác nhận tư cách.", "No delegate is confirmed yet."},
		"ctx.office":            {"Mã chức danh", "Office"},
		"ctx.title":             {"Chức danh", "Title"},
		"ctx.single":            {"Một người đảm nhiệm", "One holder"},
		"ctx.delegate":          {"Phải là đại biểu", "Delegate required"},
		"ctx.approved.by":       {"Cơ quan phê chuẩn", "Approved by"},
		"ctx.elected":           {"Kết quả bầu: %s %s %s", "Elected: %s %s %s"},
		"ctx.nomination":        {"Hồ sơ", "Nomination"},
		"ctx.nominee.kind":      {"Đối tượng", "Kind"},
		"ctx.status":            {"Tình trạng", "Status"},
		"ctx.nominee":           {"Tên tập thể, cá nhân", "Nominee"},
		"ctx.achievement":       {"Thành tích", "Achievement"},
		"ctx.cadre":             {"Cán bộ %s: %s, %s, sinh ngày %s, %d tháng đóng bảo hiểm xã hội, lương %d đồng/tháng", "Cadre %s: %s, %s, born %s, %d months of insurance, salary %d đồng/month"},
		"ctx.computation":       {"Lần tính %d theo %s (đã xác minh: %s; cần tổ chức – nhân sự xác nhận: %s), còn %d tháng đến tuổi nghỉ hưu", "Computation %d under %s (verified: %s; needs HR confirmation: %s), %d months to retirement"},
		"ctx.option":            {"Phương án", "Option"},
		"ctx.eligible":          {"Đủ điều kiện", "Eligible"},
		"ctx.total":             {"Tổng cộng (đồng)", "Total (đồng)"},
		"bad.date":              {"%s: ngày không hợp lệ (DD/MM/YYYY hoặc YYYY-MM-DD)", "%s: not a date (DD/MM/YYYY or YYYY-MM-DD)"},
		"bad.number":            {"%s: không phải số nguyên", "%s: not a whole number"},
		"bad.option":            {"%s: hãy chọn một giá trị trong danh sách", "%s: choose one of the listed values"},
		"bad.text":              {"%s: văn bản không hợp lệ (không phải UTF-8)", "%s: not valid text (not UTF-8)"},
		"bad.too-long":          {"%s: dài quá %d ký tự", "%s: longer than %d characters"},
		"bad.too-large":         {"Kết quả quá lớn: tối đa %d KiB", "The outcome is too large: at most %d KiB"},
		"bad.form-too-large":    {"Biểu mẫu quá lớn: tối đa %d KiB", "The form is too large: at most %d KiB"},
		"bad.json":              {"Kết quả không hợp lệ: %s", "The outcome is not valid: %s"},
		// The board's rollup and what is missing (issue 12).
		"rollup.provinces":             {"Tổng hợp theo tỉnh/thành", "Rollup by province"},
		"rollup.count":                 {"Nhiệm kỳ %s: %d hội đồng trong %d dòng tổng hợp.", "Term %s: %d councils in %d rows."},
		"rollup.all":                   {"Danh sách mọi hội đồng", "Every council"},
		"rollup.bar":                   {"%d đã xong, %d đang thực hiện, %d chưa bắt đầu", "%d done, %d running, %d not started"},
		"past.deadline":                {"Hội đồng quá hạn luật định", "Councils past a legal deadline"},
		"missing":                      {"Việc chưa làm đúng hạn", "What is missing"},
		"missing.csv":                  {"Tải việc chưa làm đúng hạn (CSV)", "Download what is missing (CSV)"},
		"missing.count":                {"Nhiệm kỳ %s: %d việc chưa làm đúng hạn tính đến ngày %s", "Term %s: %d steps not done by their deadline as of %s"},
		"missing.step":                 {"Việc", "Step"},
		"missing.due":                  {"Hạn", "Due"},
		"missing.done":                 {"Đã làm ngày", "Done on"},
		"missing.late":                 {"Số ngày trễ", "Days late"},
		"missing.notyet":               {"chưa thực hiện", "not done"},
		"missing.none":                 {"Không có việc nào quá hạn.", "Nothing is past its deadline."},
		"missed.credential-resolution": {"Thông qua nghị quyết xác nhận tư cách người trúng cử", "Credential resolution adopted"},
		"missed.first-session":         {"Khai mạc kỳ họp thứ nhất", "First session opened"},
		"missed.cadre-decisions":       {"Quyết định chế độ cho cán bộ không đủ tuổi tái cử", "Outgoing cadres' benefit decisions"},
		"page.of":                      {"Trang %d/%d", "Page %d of %d"},
		// Notifications (thông báo): reminders, escalations, missed deadlines.
		"notifications":    {"Thông báo", "Notifications"},
		"notice":           {"Thông báo", "Notice"},
		"notice.at":        {"Thời điểm", "When"},
		"notice.unread":    {"Chưa đọc: %d", "Unread: %d"},
		"notice.mark.read": {"Đánh dấu đã đọc", "Mark as read"},
		"notice.mark.all":  {"Đánh dấu tất cả đã đọc", "Mark all as read"},
		"email.label":      {"Nhận thông báo qua thư điện tử tại", "Also mail my notices to"},
		"email.save":       {"Lưu địa chỉ", "Save address"},
		"email.saved":      {"Từ nay thông báo được gửi thêm tới %s.", "Notices are now also mailed to %s."},
		"email.removed":    {"Thông báo chỉ hiện trên trang này, không gửi thư.", "Notices now show here only, with no mail."},
		"email.bad":        {"Địa chỉ thư %q không hợp lệ: cần một địa chỉ như ten@example.vn.", "%q is not an email address: want one such as name@example.vn."},
		"notice.shown":     {"Thông báo %d–%d trên tổng số %d", "Notifications %d–%d of %d"},
		"no.notifications": {"Không có thông báo nào.", "No notifications."},
		// Charts (biểu đồ) of the board and the report (issue 12).
		"charts":          {"Biểu đồ", "Charts"},
		"chart.stages":    {"Hội đồng theo giai đoạn của từng phần việc", "Councils by stage of each area"},
		"chart.late":      {"Việc quá hạn và hội đồng quá hạn luật định: %d tỉnh/thành nhiều nhất", "Overdue tasks and councils past a legal deadline: the %d provinces with most"},
		"chart.late.none": {"Không có việc hay hội đồng nào quá hạn.", "No task or council is past its deadline."},
	}
}
