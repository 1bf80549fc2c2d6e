package resolution

import (
	"bytes"
	"strings"
	"testing"

	"electionflow/election"
	"electionflow/internal/pdftext"
)

func sample() election.CredentialResolution {
	return election.CredentialResolution{
		Term:         "2026-2031",
		Council:      election.Council{Code: "00008", Name: "Hội đồng nhân dân xã Tân Hòa", Level: election.LevelCommune, Province: "01"},
		ResolutionNo: "1/NQ-UBBC",
		AdoptedOn:    election.MustParseDate("2026-04-02"),
		Lines: []election.ResolutionLine{
			{Person: "00008-P001", FullName: "Nguyễn Thị Hường", BirthDate: election.MustParseDate("1978-05-12"), Confirmed: true},
			{Person: "00008-P002", FullName: "Trần Văn Đức", BirthDate: election.MustParseDate("1980-01-02"),
				Reason: "Khiếu nại về kê khai tài sản có cơ sở"},
			// Typed in decomposed form: prints as the precomposed letters.
			{Person: "00008-P003", FullName: "Lê Thị Ngo\u0323c", BirthDate: election.MustParseDate("1990-12-30"), Confirmed: true},
		},
	}
}

// The resolution reads back with its diacritics: the body, its number and
// date, each person under the right article, and the reason.
func TestRenderReadsBack(t *testing.T) {
	pdf, err := Render(sample())
	if err != nil {
		t.Fatal(err)
	}
	text := pdftext.Words(t, pdf)
	for _, want := range []string{
		"ỦY BAN BẦU CỬ XÃ TÂN HÒA", "Số: 1/NQ-UBBC", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
		"Tân Hòa, ngày 02 tháng 4 năm 2026", "NGHỊ QUYẾT",
		"Xác nhận tư cách người trúng cử đại biểu Hội đồng nhân dân xã Tân Hòa nhiệm kỳ 2026-2031",
		"Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân số 85/2015/QH13",
		"Điều 1. Xác nhận tư cách đại biểu Hội đồng nhân dân xã Tân Hòa nhiệm kỳ 2026-2031 của 2 người",
		"1. Nguyễn Thị Hường, sinh ngày 12/05/1978", "2. Lê Thị Ngọc, sinh ngày 30/12/1990",
		"Điều 2. Không xác nhận tư cách đại biểu của 1 người",
		"1. Trần Văn Đức, sinh ngày 02/01/1980. Lý do: Khiếu nại về kê khai tài sản có cơ sở",
		"TM. ỦY BAN BẦU CỬ XÃ TÂN HÒA", "CHỦ TỊCH",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q:\n%s", want, text)
		}
	}
	if i, j := strings.Index(text, "Trần Văn Đức"), strings.Index(text, "Điều 2."); i < j {
		t.Errorf("the person not confirmed is listed before article 2:\n%s", text)
	}
	again, err := Render(sample())
	if err != nil || !bytes.Equal(pdf, again) {
		t.Errorf("the same resolution printed to different bytes (%v)", err)
	}
}

// A long resolution runs over several pages, every person on one of them.
func TestRenderManyPersons(t *testing.T) {
	r := sample()
	r.Council = election.Council{Code: "QH", Name: "Quốc hội khóa XVI", Level: election.LevelNational}
	r.ResolutionNo = "1/NQ-HĐBCQG"
	r.Lines = nil
	for i := range 500 {
		r.Lines = append(r.Lines, election.ResolutionLine{Person: election.PersonID(strings.Repeat("P", 1) + string(rune('0'+i%10))),
			FullName: "Đại biểu số " + strings.Repeat("I", i%7+1), BirthDate: election.MustParseDate("1970-01-01"), Confirmed: true})
	}
	pdf, err := Render(r)
	if err != nil {
		t.Fatal(err)
	}
	text := pdftext.Words(t, pdf)
	for _, want := range []string{"HỘI ĐỒNG BẦU CỬ QUỐC GIA", "Hà Nội, ngày 02 tháng 4 năm 2026", "của 500 người", "500. Đại biểu số", "CHỦ TỊCH"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

func TestRenderRefusesAnIncompleteResolution(t *testing.T) {
	for name, edit := range map[string]func(*election.CredentialResolution){
		"no number": func(r *election.CredentialResolution) { r.ResolutionNo = " " },
		"no date":   func(r *election.CredentialResolution) { r.AdoptedOn = election.Date{} },
		"nobody":    func(r *election.CredentialResolution) { r.Lines = nil },
	} {
		r := sample()
		edit(&r)
		if _, err := Render(r); err == nil {
			t.Errorf("%s: rendered", name)
		}
	}
}
