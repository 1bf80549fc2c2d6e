package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// unreadInHeader is the count of unread notifications in a page's header.
func unreadInHeader(t *testing.T, body string) string {
	t.Helper()
	m := regexp.MustCompile(`<span id="unread-count">([^<]*)</span>`).FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no unread count in the header:\n%s", body)
	}
	return html.UnescapeString(m[1])
}

// noticeIDs are the notifications listed on a notifications page.
func noticeIDs(body string) []string {
	var ids []string
	for _, m := range regexp.MustCompile(`data-notice="(\d+)"`).FindAllStringSubmatch(body, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// Reminders reach who may complete the task, escalations the managers of
// its council; the header counts the unread ones on every page, and
// marking one or all read lowers it, through HTTP on real Postgres.
func TestNotificationsThroughHTTP(t *testing.T) {
	ctx := context.Background()
	s, dbURL := testDB(t)
	openTestTasks(t, s)
	at := time.Now().Add(-time.Hour)
	tasks := map[election.TaskID]election.Task{}
	for _, id := range []election.TaskID{handover04, handover08} {
		task, err := s.Task(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		tasks[id] = task.Task
	}
	for _, n := range []store.TaskNotice{
		{Task: tasks[handover04], Kind: election.NoticeReminder, Lead: 24 * time.Hour, At: at},
		{Task: tasks[handover08], Kind: election.NoticeReminder, Lead: 24 * time.Hour, At: at},
		{Task: tasks[handover04], Kind: election.NoticeEscalation, At: at.Add(time.Minute)},
	} {
		if err := s.NotifyTask(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	addUser(t, s, "vanphong04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	addUser(t, s, "lanhdao01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	addUser(t, s, "tccb04", auth.Grant{Role: election.RoleHR, Scope: auth.CouncilScope(term, "00004")})
	ts := startServer(t, newServer(t, s, dbURL, &fakeOps{}))

	office := browser(t)
	signIn(t, office, ts.URL, "vanphong04")
	page := do(t, office, "GET", ts.URL+"/notifications?lang=en", nil, nil)
	if page.status != http.StatusOK || unreadInHeader(t, page.body) != "1" {
		t.Fatalf("council office's notifications = %d, header %q:\n%s", page.status, unreadInHeader(t, page.body), page.body)
	}
	for _, want := range []string{`href="/tasks/` + string(handover04) + `" title="` + string(handover04) + `">Hand over the certificates</a>`,
		"Reminder", "Hội đồng nhân dân phường Ba Đình", "Unread: 1"} {
		if !strings.Contains(page.body, want) {
			t.Errorf("council office's notifications lack %q", want)
		}
	}
	for _, not := range []string{string(handover08), "Escalation", ">hand-over-certificates<", ">" + string(handover04) + "<"} {
		if strings.Contains(page.body, not) {
			t.Errorf("council office of 00004 sees %q, another council's reminder or a manager's escalation", not)
		}
	}
	ids := noticeIDs(page.body)
	if len(ids) != 1 {
		t.Fatalf("council office's notices %v, want 1", ids)
	}
	if inbox := do(t, office, "GET", ts.URL+"/inbox", nil, nil); unreadInHeader(t, inbox.body) != "1" {
		t.Errorf("the inbox's header counts %s unread, want 1", unreadInHeader(t, inbox.body))
	}
	// A task form shown again after a refusal keeps the header's count.
	refused := do(t, office, "POST", ts.URL+"/tasks/"+string(handover04), url.Values{"date": {"not a date"}}, nil)
	if refused.status != http.StatusUnprocessableEntity || unreadInHeader(t, refused.body) != "1" {
		t.Errorf("refused task form = %d, header counts %s unread, want 422 and 1", refused.status, unreadInHeader(t, refused.body))
	}

	manager := browser(t)
	signIn(t, manager, ts.URL, "lanhdao01")
	mpage := do(t, manager, "GET", ts.URL+"/notifications?lang=en", nil, nil)
	if unreadInHeader(t, mpage.body) != "1" || !strings.Contains(mpage.body, "Escalation") || strings.Contains(mpage.body, "Reminder") {
		t.Fatalf("manager's notifications, header %s:\n%s", unreadInHeader(t, mpage.body), mpage.body)
	}
	escalation := noticeIDs(mpage.body)

	// Another's notice, a notice that does not exist and no number at all
	// are not found, and change nothing.
	for _, bad := range []string{escalation[0], "999999", "abc", ""} {
		if r := do(t, office, "POST", ts.URL+"/notifications/read", url.Values{"id": {bad}}, nil); r.status != http.StatusNotFound {
			t.Errorf("marking notice %q read as the council office = %d, want 404", bad, r.status)
		}
	}
	if r := do(t, manager, "GET", ts.URL+"/board", nil, nil); unreadInHeader(t, r.body) != "1" {
		t.Errorf("the manager's count changed after the council office's refused marks: %s", unreadInHeader(t, r.body))
	}

	r := do(t, office, "POST", ts.URL+"/notifications/read", url.Values{"id": {ids[0]}}, nil)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/notifications" {
		t.Fatalf("mark read = %d %q", r.status, r.header.Get("Location"))
	}
	page = do(t, office, "GET", ts.URL+"/notifications?lang=en", nil, nil)
	if unreadInHeader(t, page.body) != "0" || !strings.Contains(page.body, `class="read"`) || !strings.Contains(page.body, "Unread: 0") {
		t.Errorf("after mark read, header %s:\n%s", unreadInHeader(t, page.body), page.body)
	}

	if r := do(t, manager, "POST", ts.URL+"/notifications/read", url.Values{"all": {"1"}}, nil); r.status != http.StatusSeeOther {
		t.Fatalf("mark all read = %d", r.status)
	}
	if r := do(t, manager, "GET", ts.URL+"/inbox", nil, nil); unreadInHeader(t, r.body) != "0" {
		t.Errorf("manager's header after mark all read: %s", unreadInHeader(t, r.body))
	}

	hr := browser(t)
	signIn(t, hr, ts.URL, "tccb04")
	empty := do(t, hr, "GET", ts.URL+"/notifications?lang=en", nil, nil)
	if empty.status != http.StatusOK || unreadInHeader(t, empty.body) != "0" || !strings.Contains(empty.body, "No notifications.") {
		t.Errorf("a user with no notices: %d, header %s:\n%s", empty.status, unreadInHeader(t, empty.body), empty.body)
	}
	if bad := do(t, hr, "GET", ts.URL+"/notifications?page=0", nil, nil); bad.status != http.StatusOK || !strings.Contains(bad.body, `role="alert"`) {
		t.Errorf("page 0 = %d, want the first page with an error", bad.status)
	}
	// Past 99 unread, the header says so rather than counting on.
	for lead := range 100 {
		n := store.TaskNotice{Task: tasks[handover08], Kind: election.NoticeReminder, Lead: time.Duration(lead+100) * time.Second, At: at}
		if err := s.NotifyTask(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	addUser(t, s, "vanphong08", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00008")})
	busy := browser(t)
	signIn(t, busy, ts.URL, "vanphong08")
	if r := do(t, busy, "GET", ts.URL+"/notifications?lang=en", nil, nil); unreadInHeader(t, r.body) != "99+" || !strings.Contains(r.body, "Unread: 101") {
		t.Errorf("101 unread: header %s", unreadInHeader(t, r.body))
	}
	if anon := do(t, browser(t), "GET", ts.URL+"/notifications", nil, nil); anon.status != http.StatusSeeOther || anon.header.Get("Location") != "/signin" {
		t.Errorf("signed out: %d %q", anon.status, anon.header.Get("Location"))
	}
}

// A user sets, changes and removes the address their notices are mailed
// to on their notifications page; a bad address is refused with the page
// shown again, and changes nothing.
func TestOwnEmailThroughHTTP(t *testing.T) {
	ctx := context.Background()
	s, dbURL := testDB(t)
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	ts := startServer(t, newServer(t, s, dbURL, &fakeOps{}))
	c := browser(t)
	signIn(t, c, ts.URL, "office04")
	email := func() string {
		t.Helper()
		u, err := s.UserByName(ctx, "office04")
		if err != nil {
			t.Fatal(err)
		}
		return u.Email
	}
	r := do(t, c, "POST", ts.URL+"/notifications/email", url.Values{"email": {"Minh@Example.VN"}}, nil)
	if r.status != http.StatusSeeOther || r.header.Get("Location") != "/notifications?email=saved" || email() != "Minh@example.vn" {
		t.Fatalf("set email: %d to %q, stored %q", r.status, r.header.Get("Location"), email())
	}
	r = do(t, c, "GET", ts.URL+"/notifications?email=saved", nil, nil)
	if !strings.Contains(r.body, `role="status"`) || !strings.Contains(r.body, `value="Minh@example.vn"`) {
		t.Errorf("the page after saving does not show the address:\n%s", r.body)
	}
	for _, bad := range []string{"minh", "Minh <minh@example.vn>", "a@b.vn, c@d.vn", strings.Repeat("x", 5000) + "@example.vn"} {
		r = do(t, c, "POST", ts.URL+"/notifications/email", url.Values{"email": {bad}}, nil)
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `role="alert"`) || email() != "Minh@example.vn" {
			t.Errorf("email %.40q: %d, stored %q", bad, r.status, email())
		}
	}
	r = do(t, c, "POST", ts.URL+"/notifications/email", url.Values{"email": {""}}, nil)
	if r.status != http.StatusSeeOther || email() != "" {
		t.Errorf("remove email: %d, stored %q", r.status, email())
	}
	if do(t, browser(t), "POST", ts.URL+"/notifications/email", url.Values{"email": {"x@example.vn"}}, nil); email() != "" {
		t.Errorf("without signing in, the address was set to %q", email())
	}
}
