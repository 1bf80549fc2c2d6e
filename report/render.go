// Package report renders electionflow's summary report (báo cáo tổng
// kết) as an A4 PDF through pdfdoc, with the fonts the certificates use,
// so Vietnamese text prints and extracts right with nothing installed.
// The caller gives the text already translated; the output depends only
// on the document, so the same figures on the same date render to the same
// bytes.
package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"electionflow/chart"
	"electionflow/pdfdoc"
)

// Row is one figure of a section: a label and a number.
type Row struct {
	Label string
	Value int
}

// Section is a heading over a chart, a table of figures or both; a
// section with neither shows Empty under its heading.
type Section struct {
	Heading string
	// Chart, when not nil, is drawn under the heading, before the rows;
	// it shows its own Empty text when it has nothing to draw.
	Chart *chart.Chart
	Rows  []Row
	Empty string
}

// Document is a summary report.
type Document struct {
	// Motto is printed above the title, one line each (quốc hiệu, tiêu
	// ngữ); optional.
	Motto []string
	// Title is printed in bold capitals, centred.
	Title string
	// Lines follow the title, centred: the term, the scope, the date.
	Lines    []string
	Sections []Section
	// Date is the day of the report, the PDF's creation date.
	Date time.Time
	// Subject is the PDF's subject (metadata).
	Subject string
}

// Page geometry in points (A4 portrait).
const (
	pageW      = pdfdoc.PageWidth
	pageH      = pdfdoc.PageHeight
	left       = 70.0
	width      = pageW - 2*left
	valueWidth = 70.0 // the numbers' column, right-aligned
	topEdge    = 70.0
	bottomEdge = pageH - 60
)

// Render returns the report as an A4 PDF.
func Render(d Document) ([]byte, error) {
	if strings.TrimSpace(d.Title) == "" {
		return nil, fmt.Errorf("report: no title")
	}
	// A character the fonts lack prints as "?" rather than failing the
	// whole report.
	doc, err := pdfdoc.New(pdfdoc.Info{Title: d.Title, Subject: d.Subject, Created: d.Date}, nil)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	w := &writer{Writer: doc}
	w.newPage()
	w.layout(d)
	out, err := doc.Bytes()
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	return out, nil
}

// layout writes the whole report from the top of the first page.
func (w *writer) layout(d Document) {
	for _, m := range d.Motto {
		w.centered(pdfdoc.BoldFont(12), m)
		w.y += 17
	}
	if len(d.Motto) > 0 {
		w.y += 20
	}
	w.y = w.paragraph(pdfdoc.BoldFont(16), w.y, 22, true, d.Title)
	w.y += 4
	for _, l := range d.Lines {
		w.y = w.paragraph(pdfdoc.RegularFont(12), w.y, 17, true, l)
	}
	w.y += 10
	for _, s := range d.Sections {
		w.section(s)
	}
}

// section writes a heading and its rows with a rule under each row.
func (w *writer) section(s Section) {
	w.ensure(w.sectionStart(s))
	w.y += 14
	w.y = w.paragraph(pdfdoc.BoldFont(13), w.y, 18, false, s.Heading)
	w.y += 2
	w.rule(w.y - 13)
	if s.Chart != nil {
		w.y -= 6 // from the baseline of a line under the rule to just under the rule
		w.drawChart(*s.Chart)
		if len(s.Rows) == 0 {
			return
		}
	}
	if len(s.Rows) == 0 && s.Empty != "" {
		w.y = w.paragraph(pdfdoc.RegularFont(11.5), w.y+4, 16, false, s.Empty)
		return
	}
	cell, figure := pdfdoc.RegularFont(11.5), pdfdoc.BoldFont(11.5)
	for _, r := range s.Rows {
		lines := w.Wrap(cell, pdfdoc.NFC(r.Label), width-valueWidth-10)
		w.ensure(16*float64(len(lines)) + 6)
		top := w.y + 4
		for i, l := range lines {
			w.Text(cell, pdfdoc.Black, left, top+16*float64(i), l)
		}
		v := strconv.Itoa(r.Value)
		w.Text(figure, pdfdoc.Black, left+width-w.Width(figure, v), top, v)
		w.y = top + 16*float64(len(lines)-1) + 6
		w.rule(w.y)
		w.y += 10
	}
}

// sectionStart is the height a section needs on the page it starts on:
// its heading and chart together when they fit on a page, else the
// heading and a line or two.
func (w *writer) sectionStart(s Section) float64 {
	if s.Chart == nil {
		return 60
	}
	need := 40 + s.Chart.Layout().Height*width/chart.Width
	if need > bottomEdge-topEdge {
		return 60
	}
	return need
}

// writer draws the report's pages; y is the baseline of the next line.
type writer struct {
	*pdfdoc.Writer
	y float64
}

func (w *writer) newPage() {
	w.AddPage()
	w.y = topEdge
}

// ensure starts a new page unless height more points fit on this one.
func (w *writer) ensure(height float64) {
	if w.y+height > bottomEdge {
		w.newPage()
	}
}

func (w *writer) centered(f pdfdoc.Font, s string) {
	w.Centered(f, pdfdoc.Black, pageW/2, w.y, pdfdoc.NFC(s))
}

// rule draws a thin line across the text width at y.
func (w *writer) rule(y float64) { w.Line(pdfdoc.Black, 0.4, left, y, left+width, y) }

// paragraph wraps s into the text width from the baseline y on, centred
// or from the left edge, starting new pages as needed, and returns the
// baseline after the last line.
func (w *writer) paragraph(f pdfdoc.Font, y, lineHeight float64, center bool, s string) float64 {
	for _, line := range w.Wrap(f, pdfdoc.NFC(s), width) {
		if y > bottomEdge {
			w.newPage()
			y = w.y
		}
		x := left
		if center {
			x = pageW/2 - w.Width(f, line)/2
		}
		w.Text(f, pdfdoc.Black, x, y, line)
		y += lineHeight
	}
	return y
}
