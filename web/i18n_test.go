package web

import (
	"bytes"
	"context"
	"net/http"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// Every task kind and role has a Vietnamese and an English name of its
// own, not the code.
func TestEveryCodeHasLabels(t *testing.T) {
	vi, en := lang("vi"), lang("en")
	check := func(group, code string) {
		t.Helper()
		v, e := vi.Label(group, code), en.Label(group, code)
		if v == code || e == code || v == e {
			t.Errorf("%s %q: vi %q, en %q", group, code, v, e)
		}
	}
	for _, k := range election.TaskKinds() {
		check("kind", string(k))
	}
	for _, r := range election.Roles() {
		check("role", string(r))
	}
	for _, s := range []election.TaskState{election.TaskOpen, election.TaskDone, election.TaskCancelled} {
		check("state", string(s))
	}
	for _, a := range []checklist.Area{checklist.AreaCredentials, checklist.AreaFirstSession, checklist.AreaCommendations, checklist.AreaCadres} {
		check("area", string(a))
	}
	for _, l := range []election.Level{election.LevelNational, election.LevelProvince, election.LevelDistrict, election.LevelCommune} {
		check("level", string(l))
	}
	for _, s := range []string{"starting", "complaint-review", "resolution", "certificates", "handover", "session-date",
		"awaiting-credentials", "documents", "opening", "leadership", "approvals", "nominations", "appraisal",
		"council-review", "decision", "cases", "verify", "choice", "approval", "benefit-decision", "no-option"} {
		if got := vi.Label("step", s); got == s {
			t.Errorf("step %q has no Vietnamese name", s)
		}
	}
	if got := vi.Stage("credentials/complaint-review"); got != "Xác nhận tư cách và cấp giấy chứng nhận: đang xét khiếu nại, tố cáo" {
		t.Errorf("stage = %q", got)
	}
	if got := en.Stage(""); got != "not started" {
		t.Errorf("empty stage in English = %q", got)
	}
	for key, m := range translations() {
		if m[0] == "" || m[1] == "" {
			t.Errorf("translation %q is empty: %q", key, m)
		}
	}
}

// refusingOps refuses every completion as a workflow validator would.
type refusingOps struct{ fakeOps }

func (*refusingOps) CompleteTask(_ context.Context, req checklist.CompleteTaskRequest) (checklist.CompleteTaskResult, error) {
	return checklist.CompleteTaskResult{}, &ops.RefusedError{TaskID: req.TaskID, Reason: "handed_over_on 2099-01-01 is in the future"}
}

// Pages name task kinds, roles, states, levels and stages in Vietnamese
// (English with ?lang=en), keep the codes in small print, and translate
// the task context.
func TestPagesShowLabelsNotCodes(t *testing.T) {
	s, db := testDB(t)
	openTestTasks(t, s)
	ctx := context.Background()
	sessionDate04 := election.NewTaskID(term, "00004", election.KindSetSessionDate, "session")
	if err := s.OpenTasks(ctx, "checklist/"+string(term)+"/00004/first-session", []election.Task{{ID: sessionDate04, Term: term, Council: "00004",
		Kind: election.KindSetSessionDate, Subject: "session", Role: election.RoleCouncilOffice, Due: time.Now().Add(48 * time.Hour)}}); err != nil {
		t.Fatal(err)
	}
	deadline, err := election.ParseDate("2026-04-20")
	if err != nil {
		t.Fatal(err)
	}
	if err := s.RecordSession(ctx, store.FirstSession{Term: term, Council: "00004", Deadline: deadline}); err != nil {
		t.Fatal(err)
	}
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	addUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	ts := startServer(t, newServer(t, s, db, &refusingOps{}))
	office := browser(t)
	signIn(t, office, ts.URL, "office04")

	get := func(t *testing.T, c *http.Client, path string) string {
		t.Helper()
		r := do(t, c, "GET", ts.URL+path, nil, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d:\n%s", path, r.status, r.body)
		}
		return r.body
	}
	wantAll := func(t *testing.T, what, body string, want ...string) {
		t.Helper()
		for _, w := range want {
			if !strings.Contains(body, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, body)
			}
		}
	}
	wantNone := func(t *testing.T, what, body string, bad ...string) {
		t.Helper()
		for _, b := range bad {
			if strings.Contains(body, b) {
				t.Errorf("%s has %q:\n%s", what, b, body)
			}
		}
	}

	t.Run("inbox", func(t *testing.T) {
		body := get(t, office, "/inbox?lang=vi")
		// Named for people, codes only behind labels (in title attributes).
		wantAll(t, "Vietnamese inbox", body, "Trao giấy chứng nhận đại biểu — ", " — phường Ba Đình</a>",
			`<span title="council-office">Văn phòng HĐND</span>`,
			`>Ấn định ngày khai mạc kỳ họp thứ nhất</option>`, string(handover04))
		wantNone(t, "Vietnamese inbox", body, "<td>hand-over-certificates</td>", "<td>council-office</td>", `<small class="code">`,
			">"+string(handover04)+"</a>")
		body = get(t, office, "/inbox?lang=en")
		wantAll(t, "English inbox", body, "Hand over the certificates — ", `<span title="council-office">Council office</span>`)
		wantNone(t, "English inbox", body, "Trao giấy chứng nhận đại biểu", "Văn phòng HĐND")
	})
	t.Run("task", func(t *testing.T) {
		body := get(t, office, "/tasks/"+string(handover04)+"?lang=vi")
		wantAll(t, "Vietnamese task page", body, "Trao giấy chứng nhận đại biểu", "Văn phòng HĐND", `title="open">Đang mở`,
			"Số giấy chứng nhận đã cấp cần trao: 0", string(handover04))
		wantNone(t, "Vietnamese task page", body, "Certificates issued to hand over")
		body = get(t, office, "/tasks/"+string(handover04)+"?lang=en")
		wantAll(t, "English task page", body, "Hand over the certificates", "Council office", `title="open">Open`,
			"Certificates issued to hand over: 0")
	})
	t.Run("first session context", func(t *testing.T) {
		body := get(t, office, "/tasks/"+string(sessionDate04)+"?lang=vi")
		wantAll(t, "Vietnamese first session", body, "Kỳ họp thứ nhất: hạn theo luật định 20/04/2026",
			"Chưa có đại biểu nào được xác nhận tư cách.")
		wantNone(t, "Vietnamese first session", body, "First session", "Confirmed delegates", "):</p>")
		body = get(t, office, "/tasks/"+string(sessionDate04)+"?lang=en")
		wantAll(t, "English first session", body, "First session: legal deadline 20/04/2026", "No delegate is confirmed yet.")
		wantNone(t, "English first session", body, "):</p>")
	})
	t.Run("refusal is labelled as the workflow's", func(t *testing.T) {
		r := do(t, office, "POST", ts.URL+"/tasks/"+string(handover04)+"?lang=vi", map[string][]string{"date": {"2099-01-01"}}, nil)
		if r.status != http.StatusUnprocessableEntity {
			t.Fatalf("refused completion = %d", r.status)
		}
		wantAll(t, "refusal", r.body, "Không được chấp nhận", "Lý do (từ quy trình):", "handed_over_on 2099-01-01 is in the future")
		r = do(t, office, "POST", ts.URL+"/tasks/"+string(handover04), map[string][]string{"date": {"not a date"}}, nil)
		wantAll(t, "bad date", r.body, lang("vi").F("bad.date", "Ngày trao giấy chứng nhận"))
		wantNone(t, "bad date", r.body, "Lý do (từ quy trình)")
	})
	t.Run("board", func(t *testing.T) {
		manager := browser(t)
		signIn(t, manager, ts.URL, "manager01")
		body := get(t, manager, "/board?lang=vi")
		n := strings.Count(body, `<a href="/inbox?council=`)
		wantAll(t, "board", body, "Nhiệm kỳ 2026-2031: "+strconv.Itoa(n)+" hội đồng", "chưa bắt đầu", `title="commune">Cấp xã`)
		wantNone(t, "board", body, "Số hội đồng", "/workflows/")

		// Once 00004's checklist reports, it alone links to Temporal.
		if err := s.RecordProgress(ctx, store.AreaProgress{Term: term, Council: "00004", Area: "credentials", State: "running",
			Step: "complaint-review", Seq: 1}); err != nil {
			t.Fatal(err)
		}
		body = get(t, manager, "/board")
		wantAll(t, "board after progress", body, "/workflows/checklist%2F2026-2031%2F00004",
			"Xác nhận tư cách và cấp giấy chứng nhận: đang xét khiếu nại, tố cáo", `title="credentials/complaint-review"`)
		if got := strings.Count(body, "/workflows/"); got != 1 {
			t.Errorf("board after progress has %d Temporal links, want 1:\n%s", got, body)
		}
		body = get(t, manager, "/board?lang=en")
		wantAll(t, "English board", body, "Term 2026-2031: "+strconv.Itoa(n)+" councils",
			"Credentials and certificates: reviewing complaints", "not started")
	})
}

// The summary report is also a PDF: same rights as the page, the same
// figures, deterministic for the same data and day.
func TestReportPDF(t *testing.T) {
	s, db := testDB(t)
	openTestTasks(t, s)
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	addUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	srv := newServer(t, s, db, &fakeOps{})
	srv.Now = func() time.Time { return time.Date(2026, 4, 3, 9, 30, 0, 0, election.OfficeZone()) }
	ts := startServer(t, srv)

	office := browser(t)
	signIn(t, office, ts.URL, "office04")
	if r := do(t, office, "GET", ts.URL+"/report.pdf", nil, nil); r.status != http.StatusForbidden {
		t.Errorf("report.pdf of a council office = %d, want 403", r.status)
	}

	manager := browser(t)
	signIn(t, manager, ts.URL, "manager01")
	page := do(t, manager, "GET", ts.URL+"/report", nil, nil)
	if page.status != http.StatusOK || !strings.Contains(page.body, `href="/report.pdf`) {
		t.Fatalf("report page = %d, lacks the PDF link:\n%s", page.status, page.body)
	}
	m := regexp.MustCompile(`<th>Người trúng cử</th><td>(\d+)</td>`).FindStringSubmatch(page.body)
	if m == nil || m[1] == "0" {
		t.Fatalf("report page lacks a number of persons:\n%s", page.body)
	}
	persons := m[1]
	r := do(t, manager, "GET", ts.URL+"/report.pdf", nil, nil)
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.body, "%PDF-") {
		t.Fatalf("report.pdf = %d %q %.20q", r.status, r.header.Get("Content-Type"), r.body)
	}
	again := do(t, manager, "GET", ts.URL+"/report.pdf", nil, nil)
	if again.body != r.body {
		t.Errorf("report.pdf differs between two requests on the same day with the same data")
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Log("pdftotext not installed: the PDF's text is not checked")
		return
	}
	cmd := exec.Command("pdftotext", "-layout", "-", "-")
	cmd.Stdin = strings.NewReader(r.body)
	var out bytes.Buffer
	cmd.Stdout = &out
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{"BÁO CÁO TỔNG KẾT CÔNG TÁC SAU BẦU CỬ", "Nhiệm kỳ 2026-2031", "Phạm vi: Tỉnh/thành 01",
		"Ngày lập báo cáo: 03/04/2026", "Hội đồng theo giai đoạn", "chưa bắt đầu"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q:\n%s", want, text)
		}
	}
	if !regexp.MustCompile(`Người trúng cử\s+` + persons + `\b`).MatchString(text) {
		t.Errorf("the PDF's text lacks %s persons elected:\n%s", persons, text)
	}
}
