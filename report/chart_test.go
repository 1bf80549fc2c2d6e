package report

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"electionflow/chart"
)

// chartDocument is a report with the board's two charts and an empty one.
func chartDocument(provinces int) Document {
	d := sample(0)
	stages := chart.Chart{Title: "Hội đồng theo giai đoạn của từng phần việc", Stacked: true,
		Series: []chart.Series{{Label: "Đã xong", Class: "done", Color: 0x1f6f43}, {Label: "Đang thực hiện", Class: "running", Color: 0xb45309}, {Label: "Chưa bắt đầu", Class: "notstarted", Color: 0xe4e7eb}},
		Rows: []chart.Row{
			{Label: "Xác nhận tư cách và cấp giấy chứng nhận", Values: []int{12, 3, 5}},
			{Label: "Kỳ họp thứ nhất", Values: []int{0, 0, 20}},
			{Label: "Chế độ cho cán bộ không đủ tuổi tái cử", Values: []int{20, 0, 0}},
		}}
	late := chart.Chart{Title: "Việc quá hạn theo tỉnh/thành", Empty: "Không có việc nào quá hạn.",
		Series: []chart.Series{{Label: "Việc quá hạn", Class: "overdue", Color: 0xa3161b}, {Label: "Hội đồng quá hạn luật định", Class: "past", Color: 0x5b6470}}}
	for i := range provinces {
		late.Rows = append(late.Rows, chart.Row{Label: "Tỉnh/thành " + string(rune('A'+i)), Values: []int{40 - i, i % 3}})
	}
	none := late
	none.Title, none.Rows = "Không có số liệu", nil
	d.Sections = append([]Section{
		{Heading: stages.Title, Chart: &stages},
		{Heading: late.Title, Chart: &late},
		{Heading: none.Title, Chart: &none},
	}, d.Sections...)
	return d
}

// The report's charts print their labels, legends, numbers and scales as
// text, over as many pages as they take, and the same bytes every time.
func TestRenderCharts(t *testing.T) {
	for _, provinces := range []int{1, 26} {
		a, err := Render(chartDocument(provinces))
		if err != nil {
			t.Fatal(err)
		}
		b, err := Render(chartDocument(provinces))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Errorf("%d provinces: not deterministic", provinces)
		}
		if out := os.Getenv("REPORT_CHART_PDF_OUT"); out != "" {
			_ = os.WriteFile(out, a, 0o644)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext (poppler-utils) is not installed")
		}
		cmd := exec.Command("pdftotext", "-raw", "-", "-")
		cmd.Stdin = bytes.NewReader(a)
		out, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		text := string(out)
		want := []string{"Hội đồng theo giai đoạn của từng phần việc", "Xác nhận tư cách và cấp giấy chứng nhận", "Kỳ họp thứ nhất",
			"Chế độ cho cán bộ không đủ tuổi tái cử", "12 / 3 / 5", "0 / 0 / 20", "Đã xong", "Đang thực hiện", "Chưa bắt đầu", "100%",
			"Việc quá hạn theo tỉnh/thành", "Tỉnh/thành A", "40", "Hội đồng quá hạn luật định", "50",
			"Không có số liệu", "Không có việc nào quá hạn.", "Người trúng cử"}
		if provinces > 1 {
			want = append(want, "Tỉnh/thành Z", "15", "\f")
		}
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%d provinces: the PDF's text lacks %q:\n%s", provinces, w, text)
			}
		}
	}
}
