package certificate

import (
	"fmt"
	"sort"
	"strings"

	"electionflow/election"
	"electionflow/pdfdoc"
)

// Page geometry in points (A4 portrait).
const (
	pageW      = pdfdoc.PageWidth
	pageH      = pdfdoc.PageHeight
	bodyLeft   = 85.0       // left edge of the body text
	bodyWidth  = 425.0      // width of the body text
	signCenter = 400.0      // centre of the signature block
	signWidth  = 290.0      // width of the signature block
	bottomEdge = pageH - 60 // nothing is written below this
)

// The colours of the certificate.
const (
	black   = pdfdoc.Black
	darkRed = pdfdoc.Ink(0xA51414)
)

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
	doc, err := pdfdoc.New(pdfdoc.Info{
		Title:   "Giấy chứng nhận đại biểu số " + serial,
		Subject: c.CouncilName + " nhiệm kỳ " + string(c.Term),
		Created: c.IssuedOn.In(election.OfficeZone()),
	}, func(r rune) { missing = append(missing, r) })
	if err != nil {
		return nil, fmt.Errorf("render certificate %s: %w", serial, err)
	}
	doc.AddPage()

	// Shrink the text below the motto until it fits on the page; only
	// certificates with unusually long names need it.
	scale := 0.0
	for step := 0; step <= 8 && scale == 0; step++ {
		s := 1 - 0.05*float64(step)
		dry := writer{doc.Measuring()}
		end := dry.layout(c, serial, s)
		if err := dry.Err(); err != nil {
			return nil, fmt.Errorf("render certificate %s: %w", serial, err)
		}
		if end <= bottomEdge {
			scale = s
		}
	}
	if scale == 0 {
		return nil, fmt.Errorf("render certificate %s: text does not fit on one page", serial)
	}
	writer{doc}.layout(c, serial, scale)
	if len(missing) > 0 {
		return nil, fmt.Errorf("render certificate %s: the embedded fonts have no glyph for %s", serial, describeRunes(missing))
	}
	out, err := doc.Bytes()
	if err != nil {
		return nil, fmt.Errorf("render certificate %s: %w", serial, err)
	}
	return out, nil
}

// normalized returns c with every text field in Unicode NFC and without
// surrounding space.
func normalized(c Certificate) Certificate {
	for _, s := range []*string{&c.CouncilName, &c.Authority, &c.FullName, &c.ResolutionNo, &c.Place} {
		*s = pdfdoc.NFC(*s)
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
func (w writer) layout(c Certificate, serial string, scale float64) float64 {
	sz := func(v float64) float64 { return v * scale }
	w.frame()

	// National motto (quốc hiệu, tiêu ngữ), underlined.
	w.Centered(fontBold(13), black, pageW/2, 92, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	w.Centered(fontBold(13), black, pageW/2, 111, "Độc lập - Tự do - Hạnh phúc")
	mw := w.Width(fontBold(13), "Độc lập - Tự do - Hạnh phúc")
	w.Line(black, 0.8, pageW/2-mw/2, 116, pageW/2+mw/2, 116)

	// Title, council and term.
	y := 116 + sz(74)
	w.Centered(fontBold(sz(25)), darkRed, pageW/2, y, "GIẤY CHỨNG NHẬN ĐẠI BIỂU")
	y += sz(34)
	y = w.paragraph(fontBold(sz(15)), darkRed, pageW/2, 440, y, sz(20), alignCenter, strings.ToUpper(c.CouncilName))
	w.Centered(fontBold(sz(14)), darkRed, pageW/2, y, "NHIỆM KỲ "+string(c.Term))
	y += sz(28)
	w.Centered(fontRegular(sz(12)), black, pageW/2, y, "Số: "+serial)

	// Body.
	body := fontRegular(sz(14))
	y += sz(62)
	label := "Ông/Bà: "
	lw := w.Width(body, label)
	w.Text(body, black, bodyLeft, y, label)
	w.Text(w.Fit(fontBold(sz(16)), c.FullName, bodyWidth-lw), black, bodyLeft+lw, y, c.FullName)
	y += sz(28)
	w.Text(body, black, bodyLeft, y, "Sinh ngày: "+c.BirthDate.Vietnamese())
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
	height := lineHeight*float64(len(w.Wrap(dateFont, dateLine, signWidth))+len(w.Wrap(signFont, signer, signWidth))+1) + sz(6)
	space := sz(80)
	y = max(y+sz(40), min(585, bottomEdge-height-space))
	y = w.paragraph(dateFont, black, signCenter, signWidth, y, lineHeight, alignCenter, dateLine)
	y += sz(6)
	y = w.paragraph(signFont, black, signCenter, signWidth, y, lineHeight, alignCenter, signer)
	w.Centered(signFont, black, signCenter, y, "CHỦ TỊCH")
	return y + space
}

// frame draws a double border around the page.
func (w writer) frame() {
	w.Rect(darkRed, 2.5, 24, 24, pageW-48, pageH-48)
	w.Rect(darkRed, 0.8, 30, 30, pageW-60, pageH-60)
}

func fontRegular(size float64) pdfdoc.Font { return pdfdoc.RegularFont(size) }
func fontBold(size float64) pdfdoc.Font    { return pdfdoc.BoldFont(size) }

type alignment int

const (
	alignLeft alignment = iota
	alignCenter
)

// writer draws the certificate's layout on a document.
type writer struct{ *pdfdoc.Writer }

// paragraph wraps s at spaces into lines at most width wide, writes them
// from the baseline y on, lineHeight apart, and returns the baseline after
// the last line. With alignLeft x is the left edge, with alignCenter the
// centre.
func (w writer) paragraph(f pdfdoc.Font, c pdfdoc.Ink, x, width, y, lineHeight float64, a alignment, s string) float64 {
	for _, line := range w.Wrap(f, s, width) {
		if a == alignCenter {
			w.Centered(f, c, x, y, line)
		} else {
			w.Text(f, c, x, y, line)
		}
		y += lineHeight
	}
	return y
}
