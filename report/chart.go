package report

import (
	"electionflow/chart"
	"electionflow/pdfdoc"
)

// Inks of a chart's rules and frames in print.
const (
	ruleInk  pdfdoc.Ink = 0xc4cad1
	frameInk pdfdoc.Ink = 0x8a939e
)

// drawChart draws c's figure under the current line, scaled to the text
// width, on a new page when it does not fit on this one, and moves below
// it. Texts are measured in the PDF's face and set smaller when the
// chart's estimate of their width was short.
func (w *writer) drawChart(c chart.Chart) {
	f := c.Layout()
	k := width / chart.Width
	w.ensure(f.Height*k + 10)
	top := w.y
	for _, l := range f.Lines {
		w.Line(ruleInk, 0.4, left+l.X1*k, top+l.Y1*k, left+l.X2*k, top+l.Y2*k)
	}
	for _, b := range f.Boxes {
		x, y, bw, bh := left+b.X*k, top+b.Y*k, b.W*k, b.H*k
		if b.Series == chart.Outline || b.Series >= len(c.Series) {
			w.Rect(frameInk, 0.5, x, y, bw, bh)
			continue
		}
		w.FillRect(pdfdoc.Ink(c.Series[b.Series].Color&0xffffff), x, y, bw, bh)
	}
	for _, t := range f.Texts {
		w.chartText(t, k, top)
	}
	w.y = top + f.Height*k + 10
}

// chartText writes one text of a figure scaled by k from top, a half
// point smaller at a time (down to 5 points) while the face draws it wider
// than the chart allowed for.
func (w *writer) chartText(t chart.Text, k, top float64) {
	font := pdfdoc.RegularFont(t.Size * k)
	s, room := pdfdoc.NFC(t.Text), chart.TextWidth(t.Text, t.Size)*k+0.5
	for font.Size > 5 && w.Width(font, s) > room && w.Err() == nil {
		font.Size -= 0.5
	}
	x := left + t.X*k
	switch t.Anchor {
	case chart.Middle:
		x -= w.Width(font, s) / 2
	case chart.End:
		x -= w.Width(font, s)
	}
	w.Text(font, pdfdoc.Black, x, top+t.Y*k, s)
}
