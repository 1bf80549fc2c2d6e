package chart

import (
	"strconv"
	"strings"
)

// The layout's geometry, in units.
const (
	width     = 600.0
	fontSize  = 12.0
	smallSize = 10.0
	minLabelW = 80.0  // the rows' labels, on the left: at least
	maxLabelW = 260.0 // and at most
	valueW    = 80.0  // the numbers right of the bars
	legendH   = 18.0  // one line of the legend
	stackRowH = 24.0
	stackBarH = 14.0
	barH      = 10.0 // one series' bar in a chart that is not stacked
	barGap    = 3.0
	axisH     = 22.0
)

// Layout lays the chart out: the legend on top, a row per bar, then the
// scale. A chart with nothing to draw (IsEmpty) is its Empty text alone.
func (c Chart) Layout() Figure {
	f := Figure{Width: width}
	if c.IsEmpty() {
		f.Texts = append(f.Texts, label(0, fontSize+4, fontSize, width, Start, c.Empty))
		f.Height = fontSize + 10
		return f
	}
	y := c.legend(&f)
	top := y
	g := c.columns()
	for _, r := range c.Rows {
		if c.Stacked {
			y = c.stackedRow(&f, g, r, y)
		} else {
			y = c.groupedRow(&f, g, r, y)
		}
	}
	c.scale(&f, g, top, y)
	f.Height = y + axisH
	return f
}

// columns are where a chart's labels end and its bars start and end.
type columns struct{ labelW, barX, barW float64 }

// columns fits the label column to the widest label, between minLabelW
// and maxLabelW (longer labels are cut), and gives the rest to the bars.
func (c Chart) columns() columns {
	w := minLabelW
	for _, r := range c.Rows {
		w = max(w, min(TextWidth(r.Label, fontSize), maxLabelW))
	}
	return columns{labelW: w, barX: w + 10, barW: width - w - 10 - valueW}
}

// legend places a swatch and label per series, wrapping to new lines,
// and returns where the rows start.
func (c Chart) legend(f *Figure) float64 {
	x, y := 0.0, 0.0
	for i, s := range c.Series {
		w := 14 + min(TextWidth(s.Label, smallSize), width-14)
		if x > 0 && x+w > width {
			x, y = 0, y+legendH
		}
		f.Boxes = append(f.Boxes, Box{X: x, Y: y + 3, W: 10, H: 10, Series: i})
		f.Texts = append(f.Texts, label(x+14, y+12, smallSize, width-x-14, Start, s.Label))
		x += w + 16
	}
	return y + legendH + 6
}

// stackedRow draws one bar of a row's series' shares of its total and
// returns where the next row starts.
func (c Chart) stackedRow(f *Figure, g columns, r Row, y float64) float64 {
	base := y + (stackRowH+fontSize)/2 - 2
	f.Texts = append(f.Texts, label(g.labelW, base, fontSize, g.labelW, End, r.Label))
	total, x := r.Total(), g.barX
	numbers := make([]string, len(c.Series))
	for i := range c.Series {
		v := r.value(i)
		numbers[i] = strconv.Itoa(v)
		if total == 0 || v == 0 {
			continue
		}
		w := g.barW * float64(v) / float64(total)
		f.Boxes = append(f.Boxes, Box{X: x, Y: y + (stackRowH-stackBarH)/2, W: w, H: stackBarH, Series: i})
		x += w
	}
	f.Boxes = append(f.Boxes, Box{X: g.barX, Y: y + (stackRowH-stackBarH)/2, W: g.barW, H: stackBarH, Series: Outline})
	f.Texts = append(f.Texts, label(g.barX+g.barW+6, base, smallSize, valueW-6, Start, strings.Join(numbers, " / ")))
	return y + stackRowH
}

// groupedRow draws a bar per series of a row on the chart's scale and
// returns where the next row starts.
func (c Chart) groupedRow(f *Figure, g columns, r Row, y float64) float64 {
	n := float64(len(c.Series))
	h := n*barH + (n-1)*barGap + 8
	f.Texts = append(f.Texts, label(g.labelW, y+h/2+fontSize/2-2, fontSize, g.labelW, End, r.Label))
	top := c.scaleTop()
	for i := range c.Series {
		v := r.value(i)
		by := y + 4 + float64(i)*(barH+barGap)
		w := g.barW * float64(v) / float64(top)
		if v > 0 {
			f.Boxes = append(f.Boxes, Box{X: g.barX, Y: by, W: w, H: barH, Series: i})
		}
		f.Texts = append(f.Texts, Text{X: g.barX + w + 4, Y: by + barH - 1, Size: smallSize, Text: strconv.Itoa(v)})
	}
	return y + h
}

// scale draws the axis under the rows from top to bottom with its ticks:
// shares for a stacked chart, counts up to scaleTop otherwise.
func (c Chart) scale(f *Figure, g columns, top, bottom float64) {
	f.Lines = append(f.Lines, Line{X1: g.barX, Y1: bottom, X2: g.barX + g.barW, Y2: bottom})
	for _, t := range c.Ticks() {
		x := g.barX + g.barW*t.At
		f.Lines = append(f.Lines, Line{X1: x, Y1: top, X2: x, Y2: bottom + 3})
		f.Texts = append(f.Texts, Text{X: x, Y: bottom + 15, Size: smallSize, Anchor: Middle, Text: t.Label})
	}
}

// Tick is a mark of the scale: where it is, from 0 (the bars' start) to
// 1 (their end), and what it reads.
type Tick struct {
	At    float64
	Label string
}

// Ticks are the marks of the chart's scale: 0 %, 50 % and 100 % of a
// stacked chart; 0, the middle when it is a whole number, and the top of
// the scale otherwise.
func (c Chart) Ticks() []Tick {
	if c.Stacked {
		return []Tick{{0, "0%"}, {0.5, "50%"}, {1, "100%"}}
	}
	top := c.scaleTop()
	ticks := []Tick{{0, "0"}}
	if top%2 == 0 {
		ticks = append(ticks, Tick{0.5, strconv.Itoa(top / 2)})
	}
	return append(ticks, Tick{1, strconv.Itoa(top)})
}

// scaleTop is the top of the scale of a chart that is not stacked: its
// largest value rounded up to 1, 2 or 5 times a power of ten.
func (c Chart) scaleTop() int {
	most := 0
	for _, r := range c.Rows {
		for i := range c.Series {
			most = max(most, r.value(i))
		}
	}
	return NiceCeil(most)
}

// NiceCeil rounds n up to the next 1, 2 or 5 times a power of ten; 1 for
// n of one or less.
func NiceCeil(n int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if m*p >= n {
				return m * p
			}
		}
	}
}
