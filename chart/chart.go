package chart

import (
	"cmp"
	"slices"
)

// Series is one quantity a chart shows, such as "done" or "overdue
// tasks": its legend label, the CSS class its parts carry on the page and
// the colour (0xRRGGBB) they are filled with in SVG and in print.
type Series struct {
	Label string
	Class string
	Color uint32
}

// Row is one bar of a chart: its label and one value per series, in the
// order of Chart.Series. A missing value counts as zero; a negative one is
// drawn as zero.
type Row struct {
	Label  string
	Values []int
}

// Total is the sum of a row's values, negatives counted as zero.
func (r Row) Total() int {
	n := 0
	for _, v := range r.Values {
		n += max(v, 0)
	}
	return n
}

// value is the row's value of series i, zero when missing or negative.
func (r Row) value(i int) int {
	if i < 0 || i >= len(r.Values) {
		return 0
	}
	return max(r.Values[i], 0)
}

// Chart is a horizontal bar chart. Stacked, each row is one bar split into
// its series' shares of the row's total (councils by stage of an area);
// otherwise each row has a bar per series, all on one scale from zero
// (overdue tasks and councils past a deadline by province).
type Chart struct {
	// Title names the chart: its heading and accessible name.
	Title   string
	Series  []Series
	Rows    []Row
	Stacked bool
	// Empty is shown instead of bars when the chart has no row, or no
	// row with a value.
	Empty string
}

// IsEmpty says whether the chart has nothing to draw: no row, or (for a
// chart that is not stacked) no value above zero.
func (c Chart) IsEmpty() bool {
	if len(c.Rows) == 0 {
		return true
	}
	if c.Stacked {
		return false // a stacked row of zero councils is still a row
	}
	return !slices.ContainsFunc(c.Rows, func(r Row) bool { return r.Total() > 0 })
}

// Top returns the n rows with the largest values, compared series by
// series in order, ties by label; rows without any value above zero are
// left out. rows is not changed.
func Top(rows []Row, n int) []Row {
	var out []Row
	for _, r := range rows {
		if r.Total() > 0 {
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Row) int {
		for i := range max(len(a.Values), len(b.Values)) {
			if c := cmp.Compare(b.value(i), a.value(i)); c != 0 {
				return c
			}
		}
		return cmp.Compare(a.Label, b.Label)
	})
	return out[:min(max(n, 0), len(out))]
}
