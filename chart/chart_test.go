package chart

import (
	"encoding/xml"
	"io"
	"math"
	"slices"
	"strings"
	"testing"
)

var (
	stages = []Series{{"Đã xong", "done", 0x1f6f43}, {"Đang thực hiện", "running", 0xb45309}, {"Chưa bắt đầu", "notstarted", 0xe4e7eb}}
	late   = []Series{{"Việc quá hạn", "overdue", 0xa3161b}, {"Hội đồng quá hạn luật định", "past", 0x5b6470}}
)

func TestNiceCeil(t *testing.T) {
	for _, c := range []struct{ n, want int }{
		{-3, 1}, {0, 1}, {1, 1}, {2, 2}, {3, 5}, {5, 5}, {6, 10}, {10, 10}, {11, 20}, {21, 50}, {51, 100}, {4_271, 5_000}, {100_001, 200_000},
	} {
		if got := NiceCeil(c.n); got != c.want {
			t.Errorf("NiceCeil(%d) = %d, want %d", c.n, got, c.want)
		}
	}
}

func TestTicks(t *testing.T) {
	for _, c := range []struct {
		name  string
		chart Chart
		want  []string
	}{
		{"stacked reads shares", Chart{Stacked: true, Series: stages, Rows: []Row{{"a", []int{1, 2, 3}}}}, []string{"0%", "50%", "100%"}},
		{"top 10 has its middle", Chart{Series: late, Rows: []Row{{"a", []int{7, 2}}}}, []string{"0", "5", "10"}},
		{"top 5 has no whole middle", Chart{Series: late, Rows: []Row{{"a", []int{0, 4}}}}, []string{"0", "5"}},
		{"zero data scales to 1", Chart{Series: late, Rows: []Row{{"a", []int{0, 0}}}}, []string{"0", "1"}},
	} {
		var got []string
		for _, tick := range c.chart.Ticks() {
			got = append(got, tick.Label)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: ticks %v, want %v", c.name, got, c.want)
		}
	}
}

func TestTop(t *testing.T) {
	rows := []Row{{"01", []int{3, 1}}, {"02", []int{0, 0}}, {"03", []int{9, 0}}, {"04", []int{3, 2}}, {"05", []int{0, 4}}, {"06", []int{3, 2}}}
	var got []string
	for _, r := range Top(rows, 4) {
		got = append(got, r.Label)
	}
	if want := []string{"03", "04", "06", "01"}; !slices.Equal(got, want) {
		t.Errorf("Top 4 = %v, want %v", got, want)
	}
	if rows[0].Label != "01" || len(Top(rows, 0)) != 0 || len(Top(rows, 100)) != 5 || len(Top(nil, 3)) != 0 {
		t.Error("Top changed its input, or cut wrong")
	}
}

// boxesOf returns the filled boxes of a figure by series.
func boxesOf(f Figure, series int) []Box {
	var out []Box
	for _, b := range f.Boxes {
		if b.Series == series {
			out = append(out, b)
		}
	}
	return out
}

func TestLayout(t *testing.T) {
	long := "Chế độ cho cán bộ không đủ tuổi tái cử theo Nghị định 178/2024/NĐ-CP được sửa đổi bởi Nghị định 67/2025/NĐ-CP"
	for _, c := range []struct {
		name  string
		chart Chart
		check func(t *testing.T, c Chart, f Figure)
	}{
		{"no rows shows the empty text alone", Chart{Title: "x", Series: late, Empty: "Không có việc nào quá hạn."}, func(t *testing.T, c Chart, f Figure) {
			if len(f.Boxes) != 0 || len(f.Texts) != 1 || f.Texts[0].Text != "Không có việc nào quá hạn." || f.Height <= 0 {
				t.Errorf("figure %+v", f)
			}
		}},
		{"all zero is empty unless stacked", Chart{Series: late, Rows: []Row{{"01", []int{0, 0}}}, Empty: "none"}, func(t *testing.T, c Chart, f Figure) {
			if len(f.Texts) != 1 || f.Texts[0].Text != "none" {
				t.Errorf("figure %+v", f)
			}
		}},
		{"a stacked row of zero councils is a frame and zeros", Chart{Stacked: true, Series: stages, Rows: []Row{{"Kỳ họp thứ nhất", []int{0, 0, 0}}}}, func(t *testing.T, c Chart, f Figure) {
			if n := len(boxesOf(f, 0)) + len(boxesOf(f, 1)) + len(boxesOf(f, 2)); n != 3 { // the legend's swatches only
				t.Errorf("%d filled boxes, want the 3 swatches", n)
			}
			if len(boxesOf(f, Outline)) != 1 || !hasText(f, "0 / 0 / 0") {
				t.Errorf("figure %+v", f)
			}
		}},
		{"one stacked bar fills the bar width in shares", Chart{Stacked: true, Series: stages, Rows: []Row{{"Kỳ họp thứ nhất", []int{1, 1, 2}}}}, func(t *testing.T, c Chart, f Figure) {
			barW := c.columns().barW
			var widths []float64
			for s := range stages {
				b := boxesOf(f, s)
				widths = append(widths, b[len(b)-1].W) // the last is the bar's, the first the swatch
			}
			if widths[0] != barW/4 || widths[1] != barW/4 || widths[2] != barW/2 || !hasText(f, "1 / 1 / 2") {
				t.Errorf("widths %v of %v", widths, barW)
			}
		}},
		{"one grouped bar reaches its scale", Chart{Series: late, Rows: []Row{{"Tỉnh/thành 01", []int{10, 3}}}}, func(t *testing.T, c Chart, f Figure) {
			barW := c.columns().barW
			over, past := boxesOf(f, 0), boxesOf(f, 1)
			if len(over) != 2 || math.Abs(over[1].W-barW) > 1e-9 || math.Abs(past[1].W-barW*0.3) > 1e-9 || !hasText(f, "10") || !hasText(f, "3") {
				t.Errorf("boxes %+v", f.Boxes)
			}
		}},
		{"a long Vietnamese label is cut to its column and kept whole", Chart{Stacked: true, Series: stages, Rows: []Row{{long, []int{1, 0, 0}}}}, func(t *testing.T, c Chart, f Figure) {
			for _, x := range f.Texts {
				if x.Full == "" {
					continue
				}
				if x.Full != long || !strings.HasSuffix(x.Text, "…") || !strings.HasPrefix(long, strings.TrimSuffix(x.Text, "…")) ||
					TextWidth(x.Text, x.Size) > maxLabelW || c.columns().labelW != maxLabelW {
					t.Errorf("cut %q of %q", x.Text, x.Full)
				}
				return
			}
			t.Errorf("the long label was not cut: %+v", f.Texts)
		}},
	} {
		t.Run(c.name, func(t *testing.T) { c.check(t, c.chart, c.chart.Layout()) })
	}
}

// The label column fits the widest label, within its bounds.
func TestColumns(t *testing.T) {
	for _, c := range []struct {
		labels []string
		want   float64
	}{
		{nil, minLabelW}, {[]string{"01"}, minLabelW}, {[]string{"01", "Tỉnh/thành Bà Rịa – Vũng Tàu"}, TextWidth("Tỉnh/thành Bà Rịa – Vũng Tàu", fontSize)},
		{[]string{strings.Repeat("Hội đồng nhân dân ", 10)}, maxLabelW},
	} {
		var ch Chart
		for _, l := range c.labels {
			ch.Rows = append(ch.Rows, Row{Label: l})
		}
		g := ch.columns()
		if g.labelW != c.want || g.barX != g.labelW+10 || g.barX+g.barW+valueW != width {
			t.Errorf("labels %q: columns %+v, want a label column of %v", c.labels, g, c.want)
		}
	}
}

func hasText(f Figure, s string) bool {
	return slices.ContainsFunc(f.Texts, func(t Text) bool { return t.Text == s })
}

// TextWidth counts a character with its tone marks once, however typed.
func TestTextWidth(t *testing.T) {
	composed, decomposed := "Việt", "Vie\u0323\u0302t"
	if TextWidth(composed, 10) != TextWidth(decomposed, 10) || TextWidth(composed, 10) != 4*charWidth*10 {
		t.Errorf("widths %v, %v", TextWidth(composed, 10), TextWidth(decomposed, 10))
	}
}

func TestSVG(t *testing.T) {
	evil := `<script>alert("x")</script> & 'Bà Rịa'`
	for _, c := range []struct {
		name  string
		chart Chart
		want  []string
	}{
		{"labels and numbers as text", Chart{Title: "Việc quá hạn theo tỉnh/thành", Series: late,
			Rows: []Row{{"Tỉnh/thành 01", []int{12, 3}}}},
			[]string{`role="img"`, `<title>Việc quá hạn theo tỉnh/thành</title>`, `aria-label="Việc quá hạn theo tỉnh/thành. Tỉnh/thành 01: Việc quá hạn 12, Hội đồng quá hạn luật định 3"`,
				`>Tỉnh/thành 01</text>`, `>12</text>`, `>3</text>`, `class="overdue" fill="#a3161b"`}},
		{"labels are escaped", Chart{Title: evil, Series: []Series{{evil, `x" onload="y`, 0x10}}, Rows: []Row{{evil, []int{1}}}},
			[]string{`&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;Bà Rịa&#39;`, `class="x&#34; onload=&#34;y" fill="#000010"`}},
		{"empty", Chart{Title: "T", Series: late, Empty: "Không có việc nào quá hạn."},
			[]string{`aria-label="T. Không có việc nào quá hạn."`, `>Không có việc nào quá hạn.</text>`}},
	} {
		svg := c.chart.SVG()
		for _, w := range c.want {
			if !strings.Contains(svg, w) {
				t.Errorf("%s: the SVG lacks %s:\n%s", c.name, w, svg)
			}
		}
		if strings.Contains(svg, "<script") || strings.Contains(svg, `" onload`) {
			t.Errorf("%s: a label got into the markup:\n%s", c.name, svg)
		}
		// Well-formed XML, every element closed.
		d := xml.NewDecoder(strings.NewReader(svg))
		for {
			if _, err := d.Token(); err == io.EOF {
				break
			} else if err != nil {
				t.Errorf("%s: not well-formed: %v\n%s", c.name, err, svg)
				break
			}
		}
	}
}
