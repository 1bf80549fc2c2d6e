package pdfdoc

import (
	"fmt"
	"strings"
	"time"

	"github.com/signintech/gopdf"
	"golang.org/x/text/unicode/norm"

	"electionflow/election"
)

// Page geometry of A4 portrait, in points.
const (
	PageWidth  = 595.0
	PageHeight = 842.0
)

// Ink is a colour as 0xRRGGBB.
type Ink uint32

// Black is the ink of ordinary text.
const Black Ink = 0x000000

func (c Ink) rgb() (r, g, b uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

// Info is a document's metadata. Created is shown in Viet Nam's time and
// is the only date in the file, so the same document always renders to
// the same bytes.
type Info struct {
	Title   string
	Subject string
	Created time.Time
}

// Writer draws one document, keeping the first error and ignoring every
// call after it. A measuring Writer (see Measuring) measures but draws
// nothing.
type Writer struct {
	pdf *gopdf.GoPdf
	dry bool
	err error
}

// New starts an A4 portrait document with both faces loaded, and no page
// yet. A character the faces lack prints as "?" and, when missing is not
// nil, is passed to it, so a caller can refuse the document instead.
func New(info Info, missing func(rune)) (*Writer, error) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        NFC(info.Title),
		Subject:      NFC(info.Subject),
		Creator:      "electionflow",
		CreationDate: info.Created.In(election.OfficeZone()),
	})
	for _, face := range []Face{Regular, Bold} {
		opt := gopdf.TtfOption{OnGlyphNotFoundSubstitute: func(r rune) rune {
			if missing != nil {
				missing(r)
			}
			return '?'
		}}
		if err := pdf.AddTTFFontDataWithOption(string(face), faceData(face), opt); err != nil {
			return nil, fmt.Errorf("load font %s: %w", face, err)
		}
	}
	return &Writer{pdf: pdf}, nil
}

// NFC returns s in Unicode NFC without surrounding space, so that text
// typed in decomposed form ("Unicode tổ hợp") prints and extracts like
// precomposed text.
func NFC(s string) string { return norm.NFC.String(strings.TrimSpace(s)) }

// Measuring returns a writer on the same document that measures but draws
// nothing, for trying a layout before drawing it.
func (w *Writer) Measuring() *Writer { return &Writer{pdf: w.pdf, dry: true} }

// Err is the first error of any call so far.
func (w *Writer) Err() error { return w.err }

// AddPage starts a new page.
func (w *Writer) AddPage() {
	if w.err == nil && !w.dry {
		w.pdf.AddPage()
	}
}

// Bytes returns the finished document, or the first error of its drawing.
func (w *Writer) Bytes() ([]byte, error) {
	if w.err != nil {
		return nil, w.err
	}
	out, err := w.pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("write PDF: %w", err)
	}
	return out, nil
}

func (w *Writer) use(f Font, c Ink) {
	if w.err != nil {
		return
	}
	if err := w.pdf.SetFontWithStyle(string(f.Face), gopdf.Regular, f.Size); err != nil {
		w.err = fmt.Errorf("set font %s size %g: %w", f.Face, f.Size, err)
		return
	}
	w.pdf.SetTextColor(c.rgb())
}

// Width measures s in font f.
func (w *Writer) Width(f Font, s string) float64 {
	w.use(f, Black)
	if w.err != nil {
		return 0
	}
	v, err := w.pdf.MeasureTextWidth(s)
	if err != nil {
		w.err = fmt.Errorf("measure %q: %w", s, err)
	}
	return v
}

// Fit returns f shrunk a point at a time, down to 9 points, until s is at
// most width wide.
func (w *Writer) Fit(f Font, s string, width float64) Font {
	for f.Size > 9 && w.Width(f, s) > width && w.err == nil {
		f.Size--
	}
	return f
}

// Text writes s with its baseline starting at (x, y).
func (w *Writer) Text(f Font, c Ink, x, y float64, s string) {
	w.use(f, c)
	if w.err != nil || w.dry {
		return
	}
	w.pdf.SetXY(x, y)
	if err := w.pdf.Text(s); err != nil {
		w.err = fmt.Errorf("write %q: %w", s, err)
	}
}

// Centered writes s on the baseline y, centred on x.
func (w *Writer) Centered(f Font, c Ink, x, y float64, s string) {
	w.Text(f, c, x-w.Width(f, s)/2, y, s)
}

// Wrap splits s at spaces into lines at most width wide in font f; a word
// wider than width gets a line of its own.
func (w *Writer) Wrap(f Font, s string, width float64) []string {
	var lines []string
	var line string
	for _, word := range strings.Fields(s) {
		candidate := word
		if line != "" {
			candidate = line + " " + word
		}
		if line != "" && w.Width(f, candidate) > width {
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

// Line draws a straight line lineWidth thick.
func (w *Writer) Line(c Ink, lineWidth, x1, y1, x2, y2 float64) {
	if w.err != nil || w.dry {
		return
	}
	w.pdf.SetStrokeColor(c.rgb())
	w.pdf.SetLineWidth(lineWidth)
	w.pdf.Line(x1, y1, x2, y2)
}

// Rect draws the outline of a rectangle from its upper left corner.
func (w *Writer) Rect(c Ink, lineWidth, x, y, width, height float64) {
	if w.err != nil || w.dry {
		return
	}
	w.pdf.SetStrokeColor(c.rgb())
	w.pdf.SetLineWidth(lineWidth)
	w.pdf.RectFromUpperLeftWithStyle(x, y, width, height, "D")
}

// FillRect fills a rectangle from its upper left corner with c, with no
// outline: the bars of the report's charts.
func (w *Writer) FillRect(c Ink, x, y, width, height float64) {
	if w.err != nil || w.dry || width <= 0 || height <= 0 {
		return
	}
	w.pdf.SetFillColor(c.rgb())
	w.pdf.RectFromUpperLeftWithStyle(x, y, width, height, "F")
}
