package web

import (
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/testsuite"

	"electionflow/activities"
	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/mailtest"
	"electionflow/mailcatch"
	"electionflow/store"
	"electionflow/workflows"
)

// A reminder comes due on a test clock and reaches its user twice: in the
// web app (the header's count, the notifications page, a link to the
// task) and by mail through a real SMTP server, with a link that opens the
// same task. The council's checklist runs on Temporal's test environment
// with the real activities on Postgres: its clock starts the day after
// election day and skips ahead whenever the workflows wait, so each
// reminder comes due when that clock passes it.
func TestReminderComesDueOnATestClock(t *testing.T) {
	chromium := findChromium(t)
	if testing.Short() {
		t.Skip("starts an SMTP server and Chromium")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	s, db := testDB(t)
	catcher, mail := startMailCatcher(t)
	addMailedUser(t, s, "vanphong04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	mail.WebURL = ts.URL
	tab := signedInTab(t, chromium, ts.URL, "vanphong04")

	a := &activities.Activities{Store: s, Mail: mail}
	var suite testsuite.WorkflowTestSuite
	env := suite.NewTestWorkflowEnvironment()
	env.SetStartTime(time.Date(2026, 3, 16, 1, 0, 0, 0, time.UTC))
	workflows.Register(env)
	a.Register(env)
	// Sixty days on, every deadline of the first weeks has passed.
	env.RegisterDelayedCallback(env.CancelWorkflow, 60*24*time.Hour)
	env.ExecuteWorkflow(checklist.WorkflowChecklist, checklist.Input{Term: term, Council: "00004"})
	if u, _ := s.UserByName(ctx, "vanphong04"); true {
		p, err := s.Notifications(ctx, u.User, store.NotificationQuery{Limit: 100})
		if err != nil || p.Total == 0 {
			t.Fatalf("no notification for vanphong04 after sixty days on the test clock: %+v, %v (workflow: %v)", p, err, env.GetWorkflowError())
		}
	}
	// The worker's mail outbox sends what was queued.
	act := suite.NewTestActivityEnvironment()
	a.Register(act)
	if _, err := act.ExecuteActivity(checklist.ActivitySendQueuedMail, 100); err != nil {
		t.Fatalf("send the queued mail: %v", err)
	}
	noticeReachesAppAndMail(t, ctx, tab, ts.URL, catcher, "vanphong04", election.NoticeReminder)
}

// An escalation of an overdue task reaches the managers of its province
// on a real Temporal server: a worker with mail runs the checklist and
// the mail outbox workflow, which mails it through a real SMTP server
// while the manager sees it in the web app. The test roster's deadlines
// have passed, so the escalations come due as the tasks open.
func TestEscalationReachesAppAndMail(t *testing.T) {
	chromium := findChromium(t)
	if testing.Short() {
		t.Skip("starts a Temporal server, an SMTP server and Chromium")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	s, db := testDB(t)
	catcher, mail := startMailCatcher(t)
	o := startWorkflowsMailing(t, ctx, s, mail)
	addMailedUser(t, s, "quanly01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	ts := startServer(t, newServer(t, s, db, o))
	mail.WebURL = ts.URL // before the outbox starts: nothing is mailed until then
	if _, err := o.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: checklist.MailOutboxWorkflowID, TaskQueue: o.TaskQueue},
		checklist.WorkflowMailOutbox, checklist.MailOutboxInput{Every: 300 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	tab := signedInTab(t, chromium, ts.URL, "quanly01")
	if n := unreadCount(t, tab); n != "0" {
		t.Fatalf("before any checklist runs the header counts %q unread", n)
	}
	if _, err := o.StartChecklists(ctx, store.CouncilFilter{Term: term, Council: "00004"}, nil); err != nil {
		t.Fatal(err)
	}
	noticeReachesAppAndMail(t, ctx, tab, ts.URL, catcher, "quanly01", election.NoticeEscalation)
}

// noticeReachesAppAndMail checks, in the signed-in tab of user, that the
// header counts an unread notification, that the notifications page lists
// an unread notice of kind with a link to its task, and that a mail of
// that kind reached user@example.vn with a link to the same task, which
// opens it.
func noticeReachesAppAndMail(t *testing.T, ctx context.Context, tab context.Context, base string, catcher *mailcatch.Catcher,
	user string, kind election.NoticeKind) {
	t.Helper()
	eventually(t, "a notification in "+user+"'s header", func() bool {
		visit(t, tab, base+"/inbox")
		return unreadCount(t, tab) != "0"
	})
	if status := visit(t, tab, base+"/notifications"); status != 200 {
		t.Fatalf("notifications page = %d", status)
	}
	label := lang("vi").Label("notice", kind)
	hrefs := evaluate[[]string](t, tab, `[...document.querySelectorAll('tr.unread')].filter(tr => tr.textContent.includes(`+
		strconv.Quote(label)+`)).map(tr => tr.querySelector('a[href^="/tasks/"]').getAttribute('href'))`)
	if len(hrefs) == 0 {
		t.Fatalf("%s's notifications page lists no unread %s:\n%s", user, label, pageText(t, tab))
	}
	screenshot(t, tab, "notifications-"+string(kind)+".png")

	address := user + "@example.vn"
	tag := map[election.NoticeKind]string{election.NoticeReminder: "[Nhắc hạn]", election.NoticeEscalation: "[Báo quá hạn]"}[kind]
	link := regexp.MustCompile(`Mở việc: (\S+)`)
	linked := func(ms []mailcatch.Message) []string {
		var links []string
		for _, m := range ms {
			// one notice's mail, or a digest listing each notice's kind
			if !slices.Contains(m.To, address) || !strings.Contains(m.Subject+"\n"+m.Text, tag) {
				continue
			}
			for _, l := range link.FindAllStringSubmatch(m.Text, -1) {
				links = append(links, l[1])
			}
		}
		return links
	}
	got, err := catcher.Wait(ctx, func(ms []mailcatch.Message) bool { return slices.Contains(linked(ms), base+hrefs[0]) })
	if err != nil {
		t.Fatalf("no %s mail to %s linking %s: %v; mailed links: %v", tag, address, hrefs[0], err, linked(catcher.Messages()))
	}
	// Every task mailed is on the notifications page (read again: more
	// notices may have come since, and a digest lists them all).
	visit(t, tab, base+"/notifications")
	listed := evaluate[[]string](t, tab, `[...document.querySelectorAll('tr[data-notice] a[href^="/tasks/"]')].map(a => a.getAttribute('href'))`)
	for _, l := range linked(got) {
		if !slices.Contains(listed, strings.TrimPrefix(l, base)) {
			t.Errorf("mailed %s, which the notifications page does not list among %v", l, listed)
		}
	}
	if status := visit(t, tab, base+hrefs[0]); status != 200 || !strings.Contains(pageText(t, tab), "phường Ba Đình") {
		t.Errorf("the mail's link %s = %d:\n%s", base+hrefs[0], status, pageText(t, tab))
	}
}

// unreadCount is the header's count of unread notifications.
func unreadCount(t *testing.T, tab context.Context) string {
	t.Helper()
	return evaluate[string](t, tab, `document.getElementById('unread-count').textContent.trim()`)
}

// signedInTab is a Chromium tab signed in to the web app at base as user.
func signedInTab(t *testing.T, chromium, base, user string) context.Context {
	t.Helper()
	tab := newTab(t, startBrowser(t, chromium))
	if status := visit(t, tab, base+"/signin"); status != 200 {
		t.Fatalf("sign-in page = %d", status)
	}
	if status, loc := submit(t, tab, `main form button[type="submit"]`,
		chromedp.SendKeys(chromedp.CSS(`input[name="username"]`), user),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), password)); status != 200 || loc != base+"/inbox" {
		t.Fatalf("sign-in of %s led to %s (%d)", user, loc, status)
	}
	return tab
}

// addMailedUser is addUser with the address user@example.vn.
func addMailedUser(t *testing.T, s *store.Store, user string, grants ...auth.Grant) {
	t.Helper()
	addUser(t, s, user, grants...)
	if err := s.SetEmail(context.Background(), user, user+"@example.vn", store.Actor{Name: "test"}); err != nil {
		t.Fatal(err)
	}
}

// startMailCatcher starts a real SMTP server that keeps what it receives,
// and the mail settings of a worker that sends to it (WebURL still to
// set).
func startMailCatcher(t *testing.T) (*mailcatch.Catcher, *activities.NoticeMail) {
	t.Helper()
	c, sender := mailtest.Start(t)
	return c, &activities.NoticeMail{Sender: sender}
}
