// Package resolution prints a council's credential resolution (nghị quyết
// xác nhận tư cách người trúng cử) as an A4 PDF: who adopted it and its
// number, the legal basis, the persons confirmed and those not with the
// reason, and the signature block. Its content comes from Postgres at
// print time (election.CredentialResolution); the same record always
// prints to the same bytes.
package resolution

import (
	"fmt"
	"strings"

	"electionflow/election"
	"electionflow/pdfdoc"
)

// Page geometry in points (A4 portrait).
const (
	left       = 70.0
	width      = pdfdoc.PageWidth - 2*left
	topEdge    = 60.0
	bottomEdge = pdfdoc.PageHeight - 60
)

// Render returns the resolution as a PDF. A resolution without a number,
// a date or a person is refused.
func Render(r election.CredentialResolution) ([]byte, error) {
	switch {
	case strings.TrimSpace(r.ResolutionNo) == "":
		return nil, fmt.Errorf("resolution of %s: no number", r.Council.Code)
	case r.AdoptedOn.IsZero():
		return nil, fmt.Errorf("resolution of %s: no date of adoption", r.Council.Code)
	case len(r.Lines) == 0:
		return nil, fmt.Errorf("resolution of %s: nobody elected", r.Council.Code)
	}
	doc, err := pdfdoc.New(pdfdoc.Info{
		Title:   "Nghị quyết số " + r.ResolutionNo,
		Subject: "Xác nhận tư cách người trúng cử " + r.Council.Name + " nhiệm kỳ " + string(r.Term),
		Created: r.AdoptedOn.In(election.OfficeZone()),
	}, nil)
	if err != nil {
		return nil, fmt.Errorf("resolution of %s: %w", r.Council.Code, err)
	}
	w := &writer{Writer: doc}
	w.newPage()
	w.heading(r)
	w.basis(r)
	w.articles(r)
	w.signature(r)
	out, err := doc.Bytes()
	if err != nil {
		return nil, fmt.Errorf("resolution of %s: %w", r.Council.Code, err)
	}
	return out, nil
}

// writer lays the resolution out from the top of the first page down; y
// is the baseline of the next line.
type writer struct {
	*pdfdoc.Writer
	y float64
}

func (w *writer) newPage() {
	w.AddPage()
	w.y = topEdge
}

// line writes s, wrapped to the text width, centred or from the left
// edge (indented by indent), starting a new page when the page is full.
func (w *writer) line(f pdfdoc.Font, center bool, indent float64, s string) {
	for _, l := range w.Wrap(f, pdfdoc.NFC(s), width-indent) {
		if w.y > bottomEdge {
			w.newPage()
		}
		if center {
			w.Centered(f, pdfdoc.Black, pdfdoc.PageWidth/2, w.y, l)
		} else {
			w.Text(f, pdfdoc.Black, left+indent, w.y, l)
		}
		w.y += f.Size * 1.45
	}
}

// heading writes the issuing body, the number, the national motto, the
// place and date, and the title.
func (w *writer) heading(r election.CredentialResolution) {
	bold, regular := pdfdoc.BoldFont(12), pdfdoc.RegularFont(12)
	w.line(bold, true, 0, strings.ToUpper(r.Council.CredentialAuthority()))
	w.line(regular, true, 0, "Số: "+r.ResolutionNo)
	w.y += 6
	w.line(bold, true, 0, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
	w.line(bold, true, 0, "Độc lập - Tự do - Hạnh phúc")
	w.line(pdfdoc.RegularFont(11.5), true, 0, r.Council.Place()+", "+r.AdoptedOn.Written())
	w.y += 14
	w.line(pdfdoc.BoldFont(15), true, 0, "NGHỊ QUYẾT")
	w.line(bold, true, 0, "Xác nhận tư cách người trúng cử đại biểu "+r.Council.Name+" nhiệm kỳ "+string(r.Term))
	w.y += 10
	w.line(bold, true, 0, strings.ToUpper(r.Council.CredentialAuthority()))
	w.y += 4
}

// basis writes the legal basis (căn cứ) of the resolution.
func (w *writer) basis(r election.CredentialResolution) {
	f := pdfdoc.RegularFont(11.5)
	for _, s := range []string{
		"Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13, được sửa đổi, bổ sung;",
		"Căn cứ biên bản xác định kết quả bầu cử và kết quả xem xét, giải quyết khiếu nại, tố cáo về người trúng cử;",
		"Căn cứ điều 82 và điều 83 của Luật Bầu cử về xác nhận tư cách người trúng cử,",
	} {
		w.line(f, false, 0, s)
	}
	w.y += 4
	w.line(pdfdoc.BoldFont(12), true, 0, "QUYẾT NGHỊ:")
}

// articles writes article 1 (the persons confirmed), article 2 (those not
// confirmed, with the reason) and article 3 (effect).
func (w *writer) articles(r election.CredentialResolution) {
	f, b := pdfdoc.RegularFont(11.5), pdfdoc.BoldFont(11.5)
	var confirmed, refused []election.ResolutionLine
	for _, l := range r.Lines {
		if l.Confirmed {
			confirmed = append(confirmed, l)
		} else {
			refused = append(refused, l)
		}
	}
	w.line(b, false, 0, fmt.Sprintf("Điều 1. Xác nhận tư cách đại biểu %s nhiệm kỳ %s của %d người trúng cử có tên sau đây:",
		r.Council.Name, r.Term, len(confirmed)))
	if len(confirmed) == 0 {
		w.line(f, false, 20, "(không có người nào)")
	}
	for i, l := range confirmed {
		w.line(f, false, 20, fmt.Sprintf("%d. %s, sinh ngày %s", i+1, l.FullName, l.BirthDate.Vietnamese()))
	}
	w.y += 4
	w.line(b, false, 0, fmt.Sprintf("Điều 2. Không xác nhận tư cách đại biểu của %d người trúng cử có tên sau đây:", len(refused)))
	if len(refused) == 0 {
		w.line(f, false, 20, "(không có người nào)")
	}
	for i, l := range refused {
		w.line(f, false, 20, fmt.Sprintf("%d. %s, sinh ngày %s. Lý do: %s", i+1, l.FullName, l.BirthDate.Vietnamese(), l.Reason))
	}
	w.y += 4
	w.line(b, false, 0, "Điều 3. Nghị quyết này có hiệu lực kể từ ngày thông qua. Giấy chứng nhận đại biểu được cấp cho những người có tên tại Điều 1.")
}

// signature writes the signature block, on the right.
func (w *writer) signature(r election.CredentialResolution) {
	if w.y+90 > bottomEdge {
		w.newPage()
	}
	w.y += 20
	x := left + width*0.72
	for _, s := range []string{"TM. " + strings.ToUpper(r.Council.CredentialAuthority()), "CHỦ TỊCH"} {
		for _, l := range w.Wrap(pdfdoc.BoldFont(12), s, width*0.5) {
			w.Centered(pdfdoc.BoldFont(12), pdfdoc.Black, x, w.y, l)
			w.y += 17
		}
	}
}
