package web

import (
	"testing"

	"github.com/chromedp/chromedp"

	"electionflow/auth"
	"electionflow/election"
)

// Commune staff work from phones: on a 390 × 844 screen the inbox and a
// task page fit the width (nothing to scroll sideways), the inbox's rows
// read as cards, and a task is claimed with one tap. Phone-width
// screenshots go where the other screenshots go.
func TestPhoneScreen(t *testing.T) {
	chromium := findChromium(t)
	s, db := testDB(t)
	openTestTasks(t, s)
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	tab := newTab(t, startBrowser(t, chromium))
	if err := chromedp.Do(tab, chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(2), chromedp.EmulateMobile)); err != nil {
		t.Fatalf("phone screen: %v", err)
	}
	if status := visit(t, tab, ts.URL+"/signin"); status != 200 {
		t.Fatalf("sign-in page = %d", status)
	}
	if status, loc := submit(t, tab, `main form button[type="submit"]`,
		chromedp.SendKeys(chromedp.CSS(`input[name="username"]`), "office04"),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), password)); status != 200 || loc != ts.URL+"/inbox" {
		t.Fatalf("sign-in led to %s (%d)", loc, status)
	}
	fits := func(page string) {
		t.Helper()
		if w := evaluate[int](t, tab, `window.innerWidth`); w != 390 {
			t.Fatalf("%s: the window is %d wide, want the phone's 390", page, w)
		}
		if over := evaluate[int](t, tab, `document.documentElement.scrollWidth - window.innerWidth`); over > 1 {
			t.Errorf("%s is %d px wider than the phone's screen", page, over)
		}
	}
	fits("the inbox")
	if d := evaluate[string](t, tab, `getComputedStyle(document.querySelector('table.inbox tr')).display`); d != "block" {
		t.Errorf("the inbox's rows are %q on a phone, want cards (block)", d)
	}
	screenshot(t, tab, "inbox-phone.png")
	if status, _ := submit(t, tab, `table.inbox form.inline button[type="submit"]`); status != 200 {
		t.Fatalf("claim by tap = %d:\n%s", status, pageText(t, tab))
	}
	if n := evaluate[int](t, tab, `[...document.querySelectorAll('table.inbox td')].filter(td => td.textContent.trim() === 'office04').length`); n != 1 {
		t.Errorf("after one tap, %d tasks show office04 as claimant, want 1:\n%s", n, pageText(t, tab))
	}
	if status := visit(t, tab, ts.URL+"/tasks/"+string(handover04)); status != 200 {
		t.Fatalf("task page = %d", status)
	}
	fits("a task page")
	screenshot(t, tab, "task-phone.png")
}
