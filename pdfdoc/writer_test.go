package pdfdoc

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// A character the faces lack is reported, and the same document renders to
// the same bytes.
func TestWriterReportsMissingGlyphsAndIsDeterministic(t *testing.T) {
	render := func(text string) ([]byte, []rune) {
		var missing []rune
		w, err := New(Info{Title: "Thử", Created: time.Date(2026, 4, 19, 0, 0, 0, 0, time.UTC)}, func(r rune) { missing = append(missing, r) })
		if err != nil {
			t.Fatal(err)
		}
		w.AddPage()
		w.Centered(BoldFont(14), Black, PageWidth/2, 100, text)
		out, err := w.Bytes()
		if err != nil {
			t.Fatal(err)
		}
		return out, missing
	}
	a, missing := render("Hội đồng nhân dân")
	if len(missing) > 0 {
		t.Errorf("missing %q in Vietnamese text", string(missing))
	}
	if b, _ := render("Hội đồng nhân dân"); !bytes.Equal(a, b) {
		t.Error("the same document rendered to different bytes")
	}
	// Measuring and drawing each report the character, so it may come twice.
	if _, missing := render("Hà 漢字"); strings.Trim(string(missing), "漢字") != "" || !strings.Contains(string(missing), "漢字") {
		t.Errorf("missing = %q, want only the two Han characters", string(missing))
	}
}

// Wrap keeps each line within the width and every word, and gives a word
// wider than the width a line of its own.
func TestWrap(t *testing.T) {
	w, err := New(Info{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := RegularFont(12)
	text := "Ủy ban bầu cử xã Tân Hòa xác nhận tư cách người trúng cử Hộiđồngnhândânxãtânhòarấtdài"
	lines := w.Wrap(f, text, 120)
	if len(lines) < 3 {
		t.Fatalf("%d lines, want at least 3: %q", len(lines), lines)
	}
	if got := strings.Join(lines, " "); got != text {
		t.Errorf("words lost: %q", got)
	}
	for _, l := range lines[:len(lines)-1] {
		if wd := w.Width(f, l); wd > 120 {
			t.Errorf("line %q is %.1f wide, over 120", l, wd)
		}
	}
	if last := lines[len(lines)-1]; last != "Hộiđồngnhândânxãtânhòarấtdài" {
		t.Errorf("last line %q, want the long word alone", last)
	}
	if err := w.Err(); err != nil {
		t.Fatal(err)
	}
}
