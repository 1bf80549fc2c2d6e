package web

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"electionflow/auth"
	"electionflow/election"
)

// An HR officer signs in with Chromium, follows the header's link to the
// calculator, types the Ministry's worked example and reads the formulas;
// a birth date in the future is refused with the form kept.
func TestBenefitsInBrowser(t *testing.T) {
	chromium := findChromium(t)
	s, db := testDB(t)
	addUser(t, s, "tochuc", auth.Grant{Role: election.RoleHR, Scope: auth.ElectionScope(term)})
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	tab := newTab(t, startBrowser(t, chromium))

	if status := visit(t, tab, ts.URL+"/signin"); status != 200 {
		t.Fatalf("sign-in page = %d", status)
	}
	if status, loc := submit(t, tab, `main form button[type="submit"]`,
		chromedp.SendKeys(chromedp.CSS(`input[name="username"]`), "tochuc"),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), password)); status != 200 || loc != ts.URL+"/inbox" {
		t.Fatalf("sign-in led to %s (%d)", loc, status)
	}
	if status, loc := submit(t, tab, `nav a[href="/benefits"]`); status != 200 || loc != ts.URL+"/benefits" {
		t.Fatalf("the calculator link led to %s (%d)", loc, status)
	}
	fill := func(birth string) []chromedp.Action[chromedp.Void] {
		return []chromedp.Action[chromedp.Void]{
			chromedp.SetValue(chromedp.CSS(`input[name="birth"]`), birth),
			chromedp.SetValue(chromedp.CSS(`input[name="insurance_months"]`), "264"),
			chromedp.SetValue(chromedp.CSS(`input[name="salary"]`), "15.356.250"),
			chromedp.SetValue(chromedp.CSS(`input[name="date"]`), "01/05/2025"),
		}
	}
	if status, _ := submit(t, tab, `#benefits-form button[type="submit"]`, fill("15/01/1966")...); status != 200 {
		t.Fatalf("worked example = %d:\n%s", status, pageText(t, tab))
	}
	text := pageText(t, tab)
	for _, want := range []string{
		"CHƯA đối chiếu văn bản",
		"30 tháng × 1 tháng lương × 15.356.250 đ = 460.687.500 đ",
		"2,5 năm × 5 tháng × 15.356.250 đ = 191.953.125 đ",
		"Tổng: 744.778.125 đ",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the page lacks %q:\n%s", want, text)
		}
	}
	screenshot(t, tab, "benefits.png")

	if status, _ := submit(t, tab, `#benefits-form button[type="submit"]`, fill("01/01/2100")...); status != 422 {
		t.Errorf("future birth date = %d, want 422", status)
	}
	if text := pageText(t, tab); !strings.Contains(text, "Không tính được: birth date 01/01/2100 is in the future") {
		t.Errorf("refusal not shown:\n%s", text)
	}
	if v := evaluate[string](t, tab, `document.querySelector('input[name="birth"]').value`); v != "01/01/2100" {
		t.Errorf("the form lost the birth date typed: %q", v)
	}
}
