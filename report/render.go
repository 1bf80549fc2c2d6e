// Package report renders electionflow's summary report (báo cáo tổng
// kết) as an A4 PDF with the DejaVu Serif VN fonts the certificates embed,
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

	"github.com/signintech/gopdf"
	"golang.org/x/text/unicode/norm"

	"electionflow/certificate"
)

// Row is one figure of a section: a label and a number.
type Row struct {
	Label string
	Value int
}

// Section is a heading over a table of figures; a section without rows
// shows Empty under its heading.
type Section struct {
	Heading string
	Rows    []Row
	Empty   string
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
	pageW      = 595.0
	pageH      = 842.0
	left       = 70.0
	width      = pageW - 2*left
	valueWidth = 70.0 // the numbers' column, right-aligned
	topEdge    = 70.0
	bottomEdge = pageH - 60
)

const (
	regularFace = "DejaVuSerifVN"
	boldFace    = "DejaVuSerifVN-Bold"
)

// Render returns the report as an A4 PDF.
func Render(d Document) ([]byte, error) {
	if strings.TrimSpace(d.Title) == "" {
		return nil, fmt.Errorf("report: no title")
	}
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        nfc(d.Title),
		Subject:      nfc(d.Subject),
		Creator:      "electionflow",
		CreationDate: d.Date,
	})
	regular, bold := certificate.Fonts()
	for _, face := range []struct {
		name string
		data []byte
	}{{regularFace, regular}, {boldFace, bold}} {
		// A character the fonts lack prints as "?" rather than failing
		// the whole report.
		opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(rune) rune { return '?' }}
		if err := pdf.AddTTFFontDataWithOption(face.name, face.data, opt); err != nil {
			return nil, fmt.Errorf("report: load font %s: %w", face.name, err)
		}
	}
	w := &writer{pdf: pdf}
	w.newPage()
	w.layout(d)
	if w.err != nil {
		return nil, fmt.Errorf("report: %w", w.err)
	}
	out, err := pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("report: write PDF: %w", err)
	}
	return out, nil
}

func nfc(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// layout writes the whole report from the top of the first page.
func (w *writer) layout(d Document) {
	for _, m := range d.Motto {
		w.centered(boldFace, 12, m)
		w.y += 17
	}
	if len(d.Motto) > 0 {
		w.y += 20
	}
	w.y = w.paragraph(boldFace, 16, w.y, 22, true, d.Title)
	w.y += 4
	for _, l := range d.Lines {
		w.y = w.paragraph(regularFace, 12, w.y, 17, true, l)
	}
	w.y += 10
	for _, s := range d.Sections {
		w.section(s)
	}
}

// section writes a heading and its rows with a rule under each row.
func (w *writer) section(s Section) {
	w.ensure(60)
	w.y += 14
	w.y = w.paragraph(boldFace, 13, w.y, 18, false, s.Heading)
	w.y += 2
	w.rule(w.y - 13)
	if len(s.Rows) == 0 && s.Empty != "" {
		w.y = w.paragraph(regularFace, 11.5, w.y+4, 16, false, s.Empty)
		return
	}
	for _, r := range s.Rows {
		lines := w.wrap(regularFace, 11.5, nfc(r.Label), width-valueWidth-10)
		w.ensure(16*float64(len(lines)) + 6)
		top := w.y + 4
		for i, l := range lines {
			w.text(regularFace, 11.5, left, top+16*float64(i), l)
		}
		v := strconv.Itoa(r.Value)
		w.text(boldFace, 11.5, left+width-w.width(boldFace, 11.5, v), top, v)
		w.y = top + 16*float64(len(lines)-1) + 6
		w.rule(w.y)
		w.y += 10
	}
}

// writer draws on the report's pages, keeping the first error and
// ignoring every call after it; y is the baseline of the next line.
type writer struct {
	pdf *gopdf.GoPdf
	y   float64
	err error
}

func (w *writer) newPage() {
	w.pdf.AddPage()
	w.y = topEdge
}

// ensure starts a new page unless height more points fit on this one.
func (w *writer) ensure(height float64) {
	if w.y+height > bottomEdge {
		w.newPage()
	}
}

func (w *writer) use(face string, size float64) {
	if w.err != nil {
		return
	}
	if err := w.pdf.SetFontWithStyle(face, gopdf.Regular, size); err != nil {
		w.err = fmt.Errorf("set font %s size %g: %w", face, size, err)
	}
}

func (w *writer) width(face string, size float64, s string) float64 {
	w.use(face, size)
	if w.err != nil {
		return 0
	}
	v, err := w.pdf.MeasureTextWidth(s)
	if err != nil {
		w.err = fmt.Errorf("measure %q: %w", s, err)
	}
	return v
}

func (w *writer) text(face string, size, x, y float64, s string) {
	w.use(face, size)
	if w.err != nil {
		return
	}
	w.pdf.SetXY(x, y)
	if err := w.pdf.Text(s); err != nil {
		w.err = fmt.Errorf("write %q: %w", s, err)
	}
}

func (w *writer) centered(face string, size float64, s string) {
	s = nfc(s)
	w.text(face, size, pageW/2-w.width(face, size, s)/2, w.y, s)
}

// rule draws a thin line across the text width at y.
func (w *writer) rule(y float64) {
	if w.err != nil {
		return
	}
	w.pdf.SetLineWidth(0.4)
	w.pdf.Line(left, y, left+width, y)
}

// paragraph wraps s into the text width from the baseline y on, centred
// or from the left edge, starting new pages as needed, and returns the
// baseline after the last line.
func (w *writer) paragraph(face string, size, y, lineHeight float64, center bool, s string) float64 {
	for _, line := range w.wrap(face, size, nfc(s), width) {
		if y > bottomEdge {
			w.newPage()
			y = w.y
		}
		x := left
		if center {
			x = pageW/2 - w.width(face, size, line)/2
		}
		w.text(face, size, x, y, line)
		y += lineHeight
	}
	return y
}

// wrap splits s at spaces into lines at most max wide; a word wider than
// max gets a line of its own.
func (w *writer) wrap(face string, size float64, s string, max float64) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		candidate := word
		if line != "" {
			candidate = line + " " + word
		}
		if line != "" && w.width(face, size, candidate) > max {
			lines = append(lines, line)
			candidate = word
		}
		line = candidate
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}
