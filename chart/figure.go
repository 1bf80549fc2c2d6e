package chart

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Figure is a chart laid out in units of about a CSS pixel, from the top
// left corner: what SVG writes and what the report scales onto its page.
type Figure struct {
	Width, Height float64
	Boxes         []Box
	Lines         []Line
	Texts         []Text
}

// Width is the width of every Figure, in units: what a printer scales
// to its text width.
const Width = width

// Outline is the Series of a Box that is a frame, drawn but not filled.
const Outline = -1

// Box is a rectangle from its top left corner, filled with the colour of
// Chart.Series[Series], or a frame when Series is Outline.
type Box struct {
	X, Y, W, H float64
	Series     int
}

// Line is a thin grey rule: an axis or a grid line.
type Line struct{ X1, Y1, X2, Y2 float64 }

// Anchor says which end of a text its X is.
type Anchor int

// The anchors of a text, as SVG's text-anchor names them.
const (
	Start Anchor = iota
	Middle
	End
)

// Text is one line of text with its baseline at Y. Full is the whole text
// when Text had to be cut short to fit (and ends in "…"), else empty.
type Text struct {
	X, Y   float64
	Size   float64
	Anchor Anchor
	Text   string
	Full   string
}

// charWidth is the width of an average character in ems, about that of
// the page's sans-serif and the PDF's serif face in Vietnamese text (the
// report sets a text smaller where its face is wider).
const charWidth = 0.55

// TextWidth estimates how wide s is at size: its characters in NFC, the
// combining marks of Vietnamese tones not counted.
func TextWidth(s string, size float64) float64 {
	n := 0
	for _, r := range norm.NFC.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			n++
		}
	}
	return float64(n) * charWidth * size
}

// clip cuts s at a character so that it and "…" fit in width at size;
// s itself when it fits. The second result says whether it was cut.
func clip(s string, size, width float64) (string, bool) {
	s = norm.NFC.String(s)
	if TextWidth(s, size) <= width {
		return s, false
	}
	cut := s
	for cut != "" && TextWidth(cut+"…", size) > width {
		_, n := utf8.DecodeLastRuneInString(cut)
		cut = cut[:len(cut)-n]
	}
	return cut + "…", true
}

// label is a text cut to width, with its whole text kept when cut.
func label(x, y, size, width float64, a Anchor, s string) Text {
	cut, short := clip(s, size, width)
	t := Text{X: x, Y: y, Size: size, Anchor: a, Text: cut}
	if short {
		t.Full = norm.NFC.String(s)
	}
	return t
}
