package chart

import (
	"fmt"
	"html"
	"strconv"
	"strings"
)

// The inks of the lines and frames, and of text.
const (
	ruleInk  = "#c4cad1"
	frameInk = "#8a939e"
	textInk  = "#1b1f24"
)

// Summary is the chart in words: its title, then each row's values by
// series ("Tỉnh/thành 01: Việc quá hạn 7, Hội đồng quá hạn luật định 2"),
// or its Empty text; the accessible name of the SVG.
func (c Chart) Summary() string {
	var b strings.Builder
	b.WriteString(c.Title)
	if c.IsEmpty() {
		b.WriteString(". " + c.Empty)
		return b.String()
	}
	for i, r := range c.Rows {
		sep := "; "
		if i == 0 {
			sep = ". "
		}
		b.WriteString(sep + r.Label + ":")
		for j, s := range c.Series {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString(" " + s.Label + " " + strconv.Itoa(r.value(j)))
		}
	}
	return b.String()
}

// SVG writes the chart as an inline SVG element for an HTML page: no
// script, a <title> and aria-label for screen readers (role="img"), the
// numbers as text beside the bars, every label escaped.
func (c Chart) SVG() string {
	f := c.Layout()
	var b strings.Builder
	sum := html.EscapeString(c.Summary())
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-label="%s">`,
		num(f.Width), num(f.Height), num(f.Width), num(f.Height), sum)
	fmt.Fprintf(&b, `<title>%s</title>`, html.EscapeString(c.Title))
	for _, l := range f.Lines {
		fmt.Fprintf(&b, `<line x1="%s" y1="%s" x2="%s" y2="%s" stroke="%s"/>`, num(l.X1), num(l.Y1), num(l.X2), num(l.Y2), ruleInk)
	}
	for _, x := range f.Boxes {
		fmt.Fprintf(&b, `<rect x="%s" y="%s" width="%s" height="%s" `, num(x.X), num(x.Y), num(x.W), num(x.H))
		if x.Series == Outline || x.Series >= len(c.Series) {
			fmt.Fprintf(&b, `fill="none" stroke="%s"/>`, frameInk)
			continue
		}
		s := c.Series[x.Series]
		fmt.Fprintf(&b, `class="%s" fill="#%06x"/>`, html.EscapeString(s.Class), s.Color&0xffffff)
	}
	fmt.Fprintf(&b, `<g fill="%s" font-size="%s">`, textInk, num(fontSize))
	for _, t := range f.Texts {
		writeText(&b, t)
	}
	b.WriteString(`</g></svg>`)
	return b.String()
}

// writeText writes one text element, inside a group of the ink and the
// size of labels, its whole text as a tooltip when it was cut short.
func writeText(b *strings.Builder, t Text) {
	fmt.Fprintf(b, `<text x="%s" y="%s"`, num(t.X), num(t.Y))
	if t.Size != fontSize {
		fmt.Fprintf(b, ` font-size="%s"`, num(t.Size))
	}
	switch t.Anchor {
	case Middle:
		b.WriteString(` text-anchor="middle"`)
	case End:
		b.WriteString(` text-anchor="end"`)
	}
	b.WriteString(">")
	if t.Full != "" {
		fmt.Fprintf(b, "<title>%s</title>", html.EscapeString(t.Full))
	}
	b.WriteString(html.EscapeString(t.Text) + "</text>")
}

// num writes a coordinate to a tenth of a unit, without trailing zeros.
func num(v float64) string { return strconv.FormatFloat(float64(int64(v*10+0.5))/10, 'f', -1, 64) }
