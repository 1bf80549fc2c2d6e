package certificate

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"electionflow/election"
	"electionflow/internal/pdftext"

	"golang.org/x/text/unicode/norm"
)

// pageObject matches a page object, not the /Pages tree.
var pageObject = regexp.MustCompile(`/Type\s*/Page\b`)

// checkPDF checks the structure of one rendered certificate.
func checkPDF(t *testing.T, pdf []byte) {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("output does not start with %%PDF-: %q", pdf[:min(len(pdf), 16)])
	}
	if !bytes.HasSuffix(bytes.TrimRight(pdf, "\r\n"), []byte("%%EOF")) {
		t.Errorf("output does not end with %%%%EOF: %q", pdf[max(0, len(pdf)-16):])
	}
	if !bytes.Contains(pdf, []byte("/FontFile2")) {
		t.Error("no embedded TrueType font (/FontFile2)")
	}
	if n := len(pageObject.FindAll(pdf, -1)); n != 1 {
		t.Errorf("%d page objects, want 1", n)
	}
	if len(pdf) > 200<<10 {
		t.Errorf("PDF is %d bytes; the font subset should keep it well under 200 KiB", len(pdf))
	}
}

func TestRenderVietnameseNames(t *testing.T) {
	for _, name := range []string{"Nguyễn Thị Hường", "Đặng Hữu Phước", "Lê Thị Ánh Tuyết"} {
		t.Run(name, func(t *testing.T) {
			c := sample()
			c.FullName = name
			pdf, err := Render(c)
			if err != nil {
				t.Fatal(err)
			}
			checkPDF(t, pdf)
			t.Run("pdftotext", func(t *testing.T) {
				text := pdftext.Words(t, pdf)
				for _, want := range []string{
					name,
					"GIẤY CHỨNG NHẬN ĐẠI BIỂU",
					"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					"Độc lập - Tự do - Hạnh phúc",
					"Số: 2026-2031/00008/0012",
					"12/NQ-UBBC",
					"Sinh ngày: 12/05/1978",
					"Tân Hòa, ngày 19 tháng 4 năm 2026",
					"TM. ỦY BAN BẦU CỬ XÃ TÂN HÒA",
					"CHỦ TỊCH",
				} {
					if !strings.Contains(text, want) {
						t.Errorf("extracted text lacks %q:\n%s", want, text)
					}
				}
			})
		})
	}
}

// A name typed in decomposed Unicode (tổ hợp) prints as the precomposed
// letters the font has, and extracts as the NFC name.
func TestRenderDecomposedName(t *testing.T) {
	c := sample()
	c.FullName = norm.NFD.String("Đặng Hữu Phước")
	if c.FullName == "Đặng Hữu Phước" {
		t.Fatal("test input is not decomposed")
	}
	pdf, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, pdf)
	t.Run("pdftotext", func(t *testing.T) {
		if text := pdftext.Words(t, pdf); !strings.Contains(text, "Đặng Hữu Phước") {
			t.Errorf("extracted text lacks the NFC name:\n%s", text)
		}
	})
}

// The longest names of real councils and authorities still fit on one page.
func TestRenderNationalAndLongNames(t *testing.T) {
	c := sample()
	c.Level = election.LevelNational
	c.CouncilCode = "QH"
	c.CouncilName = "Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam"
	c.Authority = "Hội đồng bầu cử quốc gia"
	c.ResolutionNo = "1234/NQ-HĐBCQG"
	c.FullName = "Công Tằng Tôn Nữ Thị Phương Hoàng Nguyễn Ngọc Bảo Khuê"
	c.Place = ""
	pdf, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, pdf)
	t.Run("pdftotext", func(t *testing.T) {
		text := pdftext.Words(t, pdf)
		for _, want := range []string{c.FullName, "TM. HỘI ĐỒNG BẦU CỬ QUỐC GIA", "1234/NQ-HĐBCQG", "Ngày 19 tháng 4 năm 2026"} {
			if !strings.Contains(text, want) {
				t.Errorf("extracted text lacks %q:\n%s", want, text)
			}
		}
	})

}

// words returns n characters of wide capitals in words of five, the widest
// text a field of that length can hold.
func words(n int) string {
	var b strings.Builder
	for i := 0; b.Len() == 0 || len([]rune(b.String())) < n; i++ {
		if i%6 == 5 {
			b.WriteString(" ")
		} else {
			b.WriteString("Ẩ")
		}
	}
	return string([]rune(b.String())[:n])
}

// Every certificate Validate accepts fits on one page, even with every
// field at its maximum length in the widest letters.
func TestRenderLongestFieldsFit(t *testing.T) {
	c := sample()
	c.CouncilName = words(maxCouncilName)
	c.Authority = words(maxAuthority)
	c.FullName = words(maxFullName)
	c.ResolutionNo = words(maxResolutionNo)
	c.Place = words(maxPlace)
	c.Number = 1_000_000
	if err := c.Validate(); err != nil {
		t.Fatal(err)
	}
	pdf, err := Render(c)
	if err != nil {
		t.Fatal(err)
	}
	checkPDF(t, pdf)
	if path := os.Getenv("CERTIFICATE_SAMPLE"); path != "" {
		long := strings.TrimSuffix(path, filepath.Ext(path)) + "-longest.pdf"
		if err := os.WriteFile(long, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestRenderRejectsMissingGlyph(t *testing.T) {
	c := sample()
	c.FullName = "Nguyễn 漢字"
	_, err := Render(c)
	if err == nil || !strings.Contains(err.Error(), "no glyph for U+5B57 '字', U+6F22 '漢'") {
		t.Fatalf("Render = %v, want a missing glyph error", err)
	}
}

func TestRenderDeterministic(t *testing.T) {
	a, err := Render(sample())
	if err != nil {
		t.Fatal(err)
	}
	b, err := Render(sample())
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Fatal("two renderings of the same certificate differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate(D:20260419000000+07'00')")) {
		t.Error("creation date is not the issue date in Viet Nam time")
	}
	other := sample()
	other.Number++
	c, err := Render(other)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, c) {
		t.Error("certificates with different numbers render identically")
	}
}

// TestWriteSample writes a sample certificate for people to look at:
//
//	CERTIFICATE_SAMPLE=/tmp/certificate-sample.pdf go test ./certificate/ -run TestWriteSample
//
// and, when pdftoppm (poppler-utils) is installed, a PNG next to it.
func TestWriteSample(t *testing.T) {
	path := os.Getenv("CERTIFICATE_SAMPLE")
	if path == "" {
		t.Skip("set CERTIFICATE_SAMPLE=/tmp/certificate-sample.pdf to write a sample")
	}
	pdf, err := Render(sample())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(pdf))
	bin, err := exec.LookPath("pdftoppm")
	if err != nil {
		t.Skip("pdftoppm not found: install poppler-utils for a PNG preview")
	}
	prefix := strings.TrimSuffix(path, filepath.Ext(path))
	if out, err := exec.Command(bin, "-png", "-r", "60", "-singlefile", path, prefix).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	t.Logf("wrote %s.png", prefix)
}

func BenchmarkRender(b *testing.B) {
	c := sample()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(c); err != nil {
			b.Fatal(err)
		}
	}
}
