package certificate

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/signintech/gopdf"
	"golang.org/x/text/unicode/norm"
)

// The faces embedded in every certificate: DejaVu Serif Book and Bold cut
// down to the Latin and Vietnamese letters, with composite glyphs
// decomposed, by fonts/make_fonts.py (Bitstream Vera licence in
// fonts/LICENSE). gopdf embeds only the glyphs a certificate uses.
var (
	//go:embed fonts/DejaVuSerifVN.ttf
	serifRegular []byte
	//go:embed fonts/DejaVuSerifVN-Bold.ttf
	serifBold []byte
)

// The PDF names of the two faces.
const (
	regularFace = "DejaVuSerifVN"
	boldFace    = "DejaVuSerifVN-Bold"
)

// Page geometry in points (A4 portrait).
const (
	pageW      = 595.0
	pageH      = 842.0
	bodyLeft   = 85.0       // left edge of the body text
	bodyWidth  = 425.0      // width of the body text
	signCenter = 400.0      // centre of the signature block
	signWidth  = 290.0      // width of the signature block
	bottomEdge = pageH - 60 // nothing is written below this
)

// ink is a colour of the certificate as 0xRRGGBB.
type ink uint32

// The colours of the certificate.
const (
	black   ink = 0x000000
	darkRed ink = 0xA51414
)

func (c ink) rgb() (r, g, b uint8) { return uint8(c >> 16), uint8(c >> 8), uint8(c) }

// vietnamTime is Viet Nam's civil time zone; fixed, so rendering needs no
// time zone database.
func vietnamTime() *time.Location { return time.FixedZone("ICT", 7*60*60) }

// Render returns the certificate as a one-page A4 PDF. The output depends
// only on c: the PDF's creation date is IssuedOn, so the same certificate
// always renders to the same bytes. Text is normalised to Unicode NFC first,
// so names typed in decomposed form ("Unicode tổ hợp") print and extract
// like precomposed ones.
func Render(c Certificate) ([]byte, error) {
	if err := c.Validate(); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	c = normalized(c)
	serial := c.SerialNumber()

	var missing []rune
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{
		Title:        "Giấy chứng nhận đại biểu số " + serial,
		Subject:      c.CouncilName + " nhiệm kỳ " + string(c.Term),
		Creator:      "electionflow",
		CreationDate: c.IssuedOn.In(vietnamTime()),
	})
	for _, face := range []struct {
		name string
		data []byte
	}{{regularFace, serifRegular}, {boldFace, serifBold}} {
		opt := gopdf.TtfOption{
			OnGlyphNotFoundSubstitute: func(r rune) rune {
				missing = append(missing, r)
				return '?'
			},
		}
		if err := pdf.AddTTFFontDataWithOption(face.name, face.data, opt); err != nil {
			return nil, fmt.Errorf("render certificate %s: load font %s: %w", serial, face.name, err)
		}
	}
	pdf.AddPage()

	// Shrink the text below the motto until it fits on the page; only
	// certificates with unusually long names need it.
	scale := 0.0
	for step := 0; step <= 8 && scale == 0; step++ {
		s := 1 - 0.05*float64(step)
		dry := &writer{pdf: pdf, dry: true}
		end := dry.layout(c, serial, s)
		if dry.err != nil {
			return nil, fmt.Errorf("render certificate %s: %w", serial, dry.err)
		}
		if end <= bottomEdge {
			scale = s
		}
	}
	if scale == 0 {
		return nil, fmt.Errorf("render certificate %s: text does not fit on one page", serial)
	}
	w := &writer{pdf: pdf}
	w.layout(c, serial, scale)
	if w.err != nil {
		return nil, fmt.Errorf("render certificate %s: %w", serial, w.err)
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("render certificate %s: the embedded fonts have no glyph for %s", serial, describeRunes(missing))
	}
	out, err := pdf.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("render certificate %s: write PDF: %w", serial, err)
	}
	return out, nil
}

// normalized returns c with every text field in Unicode NFC and without
// surrounding space.
func normalized(c Certificate) Certificate {
	for _, s := range []*string{&c.CouncilName, &c.Authority, &c.FullName, &c.ResolutionNo, &c.Place} {
		*s = norm.NFC.String(strings.TrimSpace(*s))
	}
	return c
}

// describeRunes lists distinct runes as U+XXXX 'c', sorted.
func describeRunes(rs []rune) string {
	seen := make(map[rune]bool, len(rs))
	var parts []string
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	for _, r := range rs {
		if !seen[r] {
			seen[r] = true
			parts = append(parts, fmt.Sprintf("%U %q", r, r))
		}
	}
	return strings.Join(parts, ", ")
}

// layout draws the whole certificate with the text below the motto scaled
// by scale, and returns where the space left for the signature and seal
// ends. In a dry run it only measures.
func (w *writer) layout(c Certificate, serial string, scale float64) float64 {
	sz := func(v float64) float64 { return v * scale }
	w.frame()

	// National motto (quốc hiệu, tiêu ngữ), underlined.
	w.centered(fontBold(13), black, pageW/2, 92, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	w.centered(fontBold(13), black, pageW/2, 111, "Độc lập - Tự do - Hạnh phúc")
	if mw := w.width(fontBold(13), "Độc lập - Tự do - Hạnh phúc"); w.err == nil && !w.dry {
		w.pdf.SetLineWidth(0.8)
		w.pdf.Line(pageW/2-mw/2, 116, pageW/2+mw/2, 116)
	}

	// Title, council and term.
	y := 116 + sz(74)
	w.centered(fontBold(sz(25)), darkRed, pageW/2, y, "GIẤY CHỨNG NHẬN ĐẠI BIỂU")
	y += sz(34)
	y = w.paragraph(fontBold(sz(15)), darkRed, pageW/2, 440, y, sz(20), alignCenter, strings.ToUpper(c.CouncilName))
	w.centered(fontBold(sz(14)), darkRed, pageW/2, y, "NHIỆM KỲ "+string(c.Term))
	y += sz(28)
	w.centered(fontRegular(sz(12)), black, pageW/2, y, "Số: "+serial)

	// Body.
	body := fontRegular(sz(14))
	y += sz(62)
	label := "Ông/Bà: "
	lw := w.width(body, label)
	w.text(body, black, bodyLeft, y, label)
	w.text(w.fit(fontBold(sz(16)), c.FullName, bodyWidth-lw), black, bodyLeft+lw, y, c.FullName)
	y += sz(28)
	w.text(body, black, bodyLeft, y, "Sinh ngày: "+c.BirthDate.Vietnamese())
	y += sz(28)
	y = w.paragraph(body, black, bodyLeft, bodyWidth, y, sz(22), alignLeft,
		"Đã trúng cử đại biểu "+c.CouncilName+" nhiệm kỳ "+string(c.Term)+".")
	y += sz(6)
	y = w.paragraph(body, black, bodyLeft, bodyWidth, y, sz(22), alignLeft,
		"Theo Nghị quyết số "+c.ResolutionNo+" ngày "+c.IssuedOn.Vietnamese()+" của "+c.Authority+
			" về việc xác nhận tư cách người trúng cử.")

	// Place, date and signature block, as low as 585pt when there is room,
	// leaving space below for the signature and seal.
	dateLine := placeAndDate(c.Place, c.IssuedOn)
	signer := "TM. " + strings.ToUpper(c.Authority)
	dateFont, signFont, lineHeight := fontRegular(sz(13)), fontBold(sz(13)), sz(18)
	height := lineHeight*float64(len(w.wrap(dateFont, dateLine, signWidth))+len(w.wrap(signFont, signer, signWidth))+1) + sz(6)
	space := sz(80)
	y = max(y+sz(40), min(585, bottomEdge-height-space))
	y = w.paragraph(dateFont, black, signCenter, signWidth, y, lineHeight, alignCenter, dateLine)
	y += sz(6)
	y = w.paragraph(signFont, black, signCenter, signWidth, y, lineHeight, alignCenter, signer)
	w.centered(signFont, black, signCenter, y, "CHỦ TỊCH")
	return y + space
}

// frame draws a double border around the page.
func (w *writer) frame() {
	if w.err != nil || w.dry {
		return
	}
	w.pdf.SetStrokeColor(darkRed.rgb())
	w.pdf.SetLineWidth(2.5)
	w.pdf.RectFromUpperLeftWithStyle(24, 24, pageW-48, pageH-48, "D")
	w.pdf.SetLineWidth(0.8)
	w.pdf.RectFromUpperLeftWithStyle(30, 30, pageW-60, pageH-60, "D")
	w.pdf.SetStrokeColor(black.rgb())
}

// font is a face and a size in points.
type font struct {
	face string
	size float64
}

func fontRegular(size float64) font { return font{regularFace, size} }
func fontBold(size float64) font    { return font{boldFace, size} }

type alignment int

const (
	alignLeft alignment = iota
	alignCenter
)

// writer draws on one page, keeping the first error and ignoring every
// call after it. A dry writer measures but does not draw.
type writer struct {
	pdf *gopdf.GoPdf
	dry bool
	err error
}

func (w *writer) use(f font, c ink) {
	if w.err != nil {
		return
	}
	if err := w.pdf.SetFontWithStyle(f.face, gopdf.Regular, f.size); err != nil {
		w.err = fmt.Errorf("set font %s size %g: %w", f.face, f.size, err)
		return
	}
	w.pdf.SetTextColor(c.rgb())
}

// width measures s in font f.
func (w *writer) width(f font, s string) float64 {
	w.use(f, black)
	if w.err != nil {
		return 0
	}
	v, err := w.pdf.MeasureTextWidth(s)
	if err != nil {
		w.err = fmt.Errorf("measure %q: %w", s, err)
	}
	return v
}

// fit returns f shrunk, if need be, so that s is at most width wide.
func (w *writer) fit(f font, s string, width float64) font {
	for f.size > 9 && w.width(f, s) > width && w.err == nil {
		f.size--
	}
	return f
}

// text writes s with its baseline starting at (x, y).
func (w *writer) text(f font, c ink, x, y float64, s string) {
	w.use(f, c)
	if w.err != nil || w.dry {
		return
	}
	w.pdf.SetXY(x, y)
	if err := w.pdf.Text(s); err != nil {
		w.err = fmt.Errorf("write %q: %w", s, err)
	}
}

// centered writes s on the baseline y, centred on x.
func (w *writer) centered(f font, c ink, x, y float64, s string) {
	sw := w.width(f, s)
	w.text(f, c, x-sw/2, y, s)
}

// paragraph wraps s at spaces into lines at most width wide, writes them
// from the baseline y on, lineHeight apart, and returns the baseline after
// the last line. With alignLeft x is the left edge, with alignCenter the
// centre.
func (w *writer) paragraph(f font, c ink, x, width, y, lineHeight float64, a alignment, s string) float64 {
	for _, line := range w.wrap(f, s, width) {
		if a == alignCenter {
			w.centered(f, c, x, y, line)
		} else {
			w.text(f, c, x, y, line)
		}
		y += lineHeight
	}
	return y
}

// wrap splits s at spaces into lines at most width wide in font f; a word
// wider than width gets a line of its own.
func (w *writer) wrap(f font, s string, width float64) []string {
	var lines []string
	var line string
	for _, word := range strings.Fields(s) {
		candidate := word
		if line != "" {
			candidate = line + " " + word
		}
		if line != "" && w.width(f, candidate) > width {
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
