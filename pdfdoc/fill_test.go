package pdfdoc

import (
	"bytes"
	"image/png"
	"os/exec"
	"testing"
)

// FillRect fills its rectangle with its ink and nothing around it; a
// rectangle without area draws nothing. Checked on the page as
// pdftoppm (poppler) rasterises it at 72 dpi, a pixel a point.
func TestFillRect(t *testing.T) {
	w, err := New(Info{Title: "Biểu đồ"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.AddPage()
	w.FillRect(0xa3161b, 100, 100, 200, 50)
	w.FillRect(0x1f6f43, 100, 300, 0, 50)
	w.FillRect(0x1f6f43, 100, 400, 50, -10)
	out, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) is not installed")
	}
	cmd := exec.Command("pdftoppm", "-r", "72", "-png", "-singlefile")
	cmd.Stdin = bytes.NewReader(out)
	raster, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(raster))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		x, y    int
		r, g, b uint32
	}{
		{200, 125, 0xa3, 0x16, 0x1b}, // inside
		{101, 101, 0xa3, 0x16, 0x1b},
		{90, 125, 0xff, 0xff, 0xff},  // left of it
		{200, 160, 0xff, 0xff, 0xff}, // below it
		{100, 320, 0xff, 0xff, 0xff}, // no width
		{110, 395, 0xff, 0xff, 0xff}, // negative height
	} {
		r, g, b, _ := img.At(c.x, c.y).RGBA()
		if r>>8 != c.r || g>>8 != c.g || b>>8 != c.b {
			t.Errorf("pixel (%d, %d) is #%02x%02x%02x, want #%02x%02x%02x", c.x, c.y, r>>8, g>>8, b>>8, c.r, c.g, c.b)
		}
	}
}
