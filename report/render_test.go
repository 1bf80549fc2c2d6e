package report

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

func sample(stages int) Document {
	d := Document{
		Motto: []string{"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"},
		Title: "BÁO CÁO TỔNG KẾT CÔNG TÁC SAU BẦU CỬ",
		Lines: []string{"Nhiệm kỳ 2026-2031", "Phạm vi: Tỉnh/thành 01", "Ngày lập báo cáo: 03/04/2026"},
		Date:  time.Date(2026, 4, 3, 0, 0, 0, 0, time.FixedZone("ICT", 7*3600)),
		Sections: []Section{
			{Heading: "Số liệu tổng hợp", Rows: []Row{{"Số hội đồng", 3}, {"Người trúng cử", 57}, {"Quyết định chế độ cán bộ", 0}}},
			{Heading: "Hội đồng theo giai đoạn", Empty: "Không có hội đồng nào."},
		},
	}
	for i := 0; i < stages; i++ {
		d.Sections[1].Rows = append(d.Sections[1].Rows, Row{
			Label: "Chế độ cho cán bộ không đủ tuổi tái cử: nghỉ hưu theo quy định, không có chế độ lựa chọn – Hội đồng Thi đua", Value: i})
	}
	return d
}

// The report renders Vietnamese text to the same bytes every time, on as
// many pages as it needs.
func TestRender(t *testing.T) {
	for _, stages := range []int{0, 60} {
		a, err := Render(sample(stages))
		if err != nil {
			t.Fatal(err)
		}
		b, err := Render(sample(stages))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(a, []byte("%PDF-")) || !bytes.Equal(a, b) {
			t.Errorf("%d stages: not a PDF or not deterministic", stages)
		}
		if out := os.Getenv("REPORT_PDF_OUT"); out != "" {
			_ = os.WriteFile(out, a, 0o644)
		}
		if _, err := exec.LookPath("pdftotext"); err != nil {
			continue
		}
		cmd := exec.Command("pdftotext", "-layout", "-", "-")
		cmd.Stdin = bytes.NewReader(a)
		text, err := cmd.Output()
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"BÁO CÁO TỔNG KẾT CÔNG TÁC SAU BẦU CỬ", "Người trúng cử", "57", "Độc lập - Tự do - Hạnh phúc"}
		if stages == 0 {
			want = append(want, "Không có hội đồng nào.")
		} else {
			want = append(want, "59", "\f")
		}
		for _, w := range want {
			if !strings.Contains(string(text), w) {
				t.Errorf("%d stages: the text lacks %q:\n%s", stages, w, text)
			}
		}
	}
	if _, err := Render(Document{}); err == nil {
		t.Error("a report without a title rendered")
	}
}
