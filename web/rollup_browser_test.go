package web

import (
	"context"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// A manager of the whole election works the rollup in Chromium: signs in,
// opens the board on its rollup with both charts drawn, clicks province
// 02, pages through its councils (02's listed, not 01's), goes to what is
// missing and downloads its CSV by clicking the link. The rollup's
// screenshot is board-rollup.png.
func TestRollupInBrowser(t *testing.T) {
	chromium := findChromium(t)
	_, base := rollupServer(t)
	tab := startBrowser(t, chromium) // the first tab: downloads are set on its browser context
	downloads := t.TempDir()
	err := chromedp.Do(tab, chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		events := true
		_, err := chromedp.Call(ctx, cdpbrowser.SetDownloadBehavior, cdpbrowser.SetDownloadBehaviorParams{
			Behavior: cdpbrowser.SetDownloadBehaviorBehaviorAllow, DownloadPath: downloads, EventsEnabled: &events})
		return err
	}))
	if err != nil {
		t.Fatalf("set downloads: %v", err)
	}
	if status := visit(t, tab, base+"/signin"); status != 200 {
		t.Fatalf("sign-in page = %d", status)
	}
	if status, loc := submit(t, tab, `main form button[type="submit"]`,
		chromedp.SendKeys(chromedp.CSS(`input[name="username"]`), "boss"),
		chromedp.SendKeys(chromedp.CSS(`input[name="password"]`), password)); status != 200 || strings.HasSuffix(loc, "/signin") {
		t.Fatalf("sign-in led to %s (%d):\n%s", loc, status, pageText(t, tab))
	}

	// The rollup: a row per province and both charts, drawn with a size.
	if status := visit(t, tab, base+"/board"); status != 200 {
		t.Fatalf("board = %d:\n%s", status, pageText(t, tab))
	}
	if n := evaluate[int](t, tab, `document.querySelectorAll('table.rollup tbody tr').length`); n != 3 {
		t.Errorf("the rollup has %d rows, want 3 (the National Assembly, 01, 02):\n%s", n, pageText(t, tab))
	}
	charts := evaluate[[]map[string]any](t, tab, `[...document.querySelectorAll('figure.chart svg[role="img"]')].map(s => {
		const r = s.getBoundingClientRect();
		return {w: r.width, h: r.height, name: s.getAttribute('aria-label'), title: s.querySelector('title').textContent,
			bars: s.querySelectorAll('rect[fill]:not([fill="none"])').length, text: s.textContent};
	})`)
	if len(charts) != 2 {
		t.Fatalf("the rollup has %d charts, want 2:\n%s", len(charts), pageText(t, tab))
	}
	for _, c := range charts {
		if c["w"].(float64) < 300 || c["h"].(float64) < 60 || c["bars"].(float64) < 3 || c["name"] == "" {
			t.Errorf("chart %q is %v × %v with %v bars, named %q", c["title"], c["w"], c["h"], c["bars"], c["name"])
		}
	}
	if text := charts[1]["text"].(string); !hasAll(text, "Tỉnh/thành 02", "121", "Tỉnh/thành 01") {
		t.Errorf("the chart of overdue work lacks province 02's 121 councils past a deadline: %q", text)
	}
	screenshot(t, tab, "board-rollup.png")

	// Province 02: its councils, 100 a page.
	if status, loc := submit(t, tab, `table.rollup a[href="/board?province=02&term=2026-2031"]`); status != 200 || !strings.Contains(loc, "province=02") {
		t.Fatalf("province 02 led to %s (%d)", loc, status)
	}
	councils := evaluate[[]string](t, tab, `[...document.querySelectorAll('main table tbody tr td:first-child')].map(td => td.textContent.trim())`)
	if len(councils) != councilsPerPage || !slices.ContainsFunc(councils, func(c string) bool { return strings.HasPrefix(c, "02001") }) ||
		slices.ContainsFunc(councils, func(c string) bool { return strings.HasPrefix(c, "00004") }) {
		t.Errorf("province 02's first page lists %d councils: %q", len(councils), councils)
	}
	if status, loc := submit(t, tab, `a[rel="next"]`); status != 200 || !strings.Contains(loc, "page=2") ||
		!strings.Contains(pageText(t, tab), "02120") || strings.Contains(pageText(t, tab), "00008") {
		t.Errorf("the next page (%s, %d) is not the rest of 02:\n%s", loc, status, pageText(t, tab))
	}

	// What is missing in 02, and its CSV downloaded by a click.
	if status, loc := submit(t, tab, `main a[href^="/board/missing?"]`); status != 200 || !strings.Contains(loc, "province=02") {
		t.Fatalf("what is missing led to %s (%d)", loc, status)
	}
	if err := within(tab, 15*time.Second, func(ctx context.Context) error {
		return chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`main a[href^="/board/missing.csv?"]`)))
	}); err != nil {
		t.Fatalf("click the CSV link: %v", err)
	}
	records := readDownload(t, filepath.Join(downloads, "missing-2026-2031.csv"))
	lines := map[string]bool{}
	for _, r := range records {
		lines[strings.Join(r, ",")] = true
	}
	if len(records) == 0 || strings.Join(records[0], ",") != "term,council,name,level,province,step,due,done_on,days_late" {
		t.Errorf("the CSV's header is %q", records[:min(1, len(records))])
	}
	// 02's 121 councils each miss both steps; nothing of 01.
	if len(records) != 1+2*121 || !lines["2026-2031,02001,HĐND xã,commune,02,first-session,2026-04-29,,2"] ||
		!lines[`2026-2031,02,'=HYPERLINK("http://x","HĐND 02"),province,02,credential-resolution,2026-04-17,,14`] {
		t.Errorf("the CSV of 02 has %d records:\n%q", len(records), records)
	}
}

// readDownload waits for Chromium to finish writing path and reads it as
// a CSV with a byte order mark.
func readDownload(t *testing.T, path string) [][]string {
	t.Helper()
	var data []byte
	for deadline := time.Now().Add(15 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		var err error
		if data, err = os.ReadFile(path); err == nil {
			break
		}
		if time.Now().After(deadline) {
			entries, _ := os.ReadDir(filepath.Dir(path))
			t.Fatalf("no download at %s (the folder holds %v): %v", path, entries, err)
		}
	}
	if !strings.HasPrefix(string(data), "\uFEFF") {
		t.Errorf("the download has no byte order mark: %q", data[:min(20, len(data))])
	}
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF"))).ReadAll()
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return records
}
