package web

import (
	"bytes"
	"net/http"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// svgLabels returns the aria-labels of a page's charts.
func svgLabels(body string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`<svg [^>]*class="chart"[^>]*aria-label="([^"]*)"`).FindAllStringSubmatch(body, -1) {
		out = append(out, m[1])
	}
	return out
}

// The rollup and the report show councils by stage of each area and the
// provinces' overdue work as SVG charts of the councils in the user's
// reach, and the report's PDF draws the same charts.
func TestChartsOnBoardAndReport(t *testing.T) {
	_, base := rollupServer(t)
	get := func(c *http.Client, path string) string {
		t.Helper()
		r := do(t, c, "GET", base+path, nil, nil)
		if r.status != http.StatusOK {
			t.Fatalf("GET %s = %d:\n%s", path, r.status, r.body)
		}
		return r.body
	}
	// 125 councils; 00004 alone has its credentials done. Nothing is
	// overdue; 02's 121 councils, 3 of 01 and the National Assembly are
	// past the credential resolution's deadline, most first.
	stages := "Councils by stage of each area. Credentials and certificates: done 1, running 0, pending 124; First session: done 0, running 0, pending 125"
	late := "Overdue tasks and councils past a legal deadline: the 10 provinces with most. Province 02: Overdue tasks 0, Councils past a legal deadline 121; " +
		"Province 01: Overdue tasks 0, Councils past a legal deadline 3; National Assembly: Overdue tasks 0, Councils past a legal deadline 1"
	boss := signedIn(t, base, "boss")
	for _, path := range []string{"/board?lang=en", "/report?lang=en"} {
		labels := svgLabels(get(boss, path))
		if len(labels) != 2 || !strings.HasPrefix(labels[0], stages) || labels[1] != late {
			t.Errorf("%s: charts %q,\nwant %q… and %q", path, labels, stages, late)
		}
	}
	// A report filtered to a province charts that province alone.
	labels := svgLabels(get(boss, "/report?lang=en&province=01"))
	if len(labels) != 2 || !strings.Contains(labels[0], "done 1, running 0, pending 2;") || strings.Contains(labels[1], "Province 02") {
		t.Errorf("report of province 01: charts %q", labels)
	}
	// A manager of 01 sees no other province in the charts either.
	labels = svgLabels(get(signedIn(t, base, "manager01"), "/board?view=provinces&lang=en"))
	if len(labels) != 2 || strings.Contains(strings.Join(labels, " "), "Province 02") || !strings.Contains(labels[1], "Province 01: Overdue tasks 0, Councils past a legal deadline 3") {
		t.Errorf("rollup of a manager of 01: charts %q", labels)
	}

	r := do(t, boss, "GET", base+"/report.pdf?lang=vi", nil, nil)
	if r.status != http.StatusOK || !strings.HasPrefix(r.body, "%PDF-") {
		t.Fatalf("report.pdf = %d", r.status)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed: the PDF's text is not checked")
	}
	cmd := exec.Command("pdftotext", "-raw", "-", "-")
	cmd.Stdin = bytes.NewReader([]byte(r.body))
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"Hội đồng theo giai đoạn của từng phần việc", "Xác nhận tư cách và cấp giấy chứng nhận", "1 / 0 / 124",
		"đã xong", "Việc quá hạn và hội đồng quá hạn luật định", "Hội đồng quá hạn luật định", "Tỉnh/thành 02", "121", "Quốc hội", "100%"} {
		if !strings.Contains(string(out), w) {
			t.Errorf("report.pdf lacks %q:\n%s", w, out)
		}
	}
}
