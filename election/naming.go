package election

import (
	"fmt"
	"strings"
)

// peoplesCouncilPrefix is how the name of every People's Council (Hội đồng
// nhân dân) begins; the place follows: "Hội đồng nhân dân xã Tân Hòa".
const peoplesCouncilPrefix = "Hội đồng nhân dân "

// PeoplesCouncilName is the name of the People's Council of a place, given
// with its unit word ("xã Tân Hòa").
func PeoplesCouncilName(place string) string { return peoplesCouncilPrefix + place }

// Locality is the place a People's Council serves, with its unit word ("xã
// Tân Hòa" for "Hội đồng nhân dân xã Tân Hòa"); empty for the National
// Assembly and for a name of another form.
func (c Council) Locality() string {
	if c.Level == LevelNational {
		return ""
	}
	place, _ := strings.CutPrefix(c.Name, peoplesCouncilPrefix)
	if place == c.Name {
		return ""
	}
	return place
}

// CredentialAuthority names who confirms a council's credentials and signs
// its certificates (cơ quan xác nhận tư cách người trúng cử): the National
// Election Council for the National Assembly, else the election committee
// of the place ("Ủy ban bầu cử xã Tân Hòa"), or of the level when the name
// gives no place (Law 85/2015/QH13 art. 82 and 83).
func (c Council) CredentialAuthority() string {
	if c.Level == LevelNational {
		return "Hội đồng bầu cử quốc gia"
	}
	if place := c.Locality(); place != "" {
		return "Ủy ban bầu cử " + place
	}
	return DefaultLevels()[c.Level].CredentialAuthority
}

// Place is the place name written before the date on a certificate (địa
// danh): the council's place without its unit word ("Tân Hòa" for "Hội
// đồng nhân dân xã Tân Hòa"), Hà Nội for the National Assembly.
func (c Council) Place() string {
	if c.Level == LevelNational {
		return "Hà Nội"
	}
	place := c.Locality()
	for _, unit := range []string{"thành phố ", "tỉnh ", "xã ", "phường ", "đặc khu ", "thị trấn ", "huyện ", "quận ", "thị xã "} {
		if rest, ok := strings.CutPrefix(place, unit); ok {
			return rest
		}
	}
	return place
}

// ResolutionNumber writes the number of the n-th resolution of a year in
// the register of the council's credential authority (sổ đăng ký văn bản):
// "12/NQ-HĐBCQG" for the National Election Council, "12/NQ-UBBC" for an
// election committee (Decree 30/2020/NĐ-CP writes a number, the kind of
// document and the issuing body's abbreviation).
func (c Council) ResolutionNumber(n int) string {
	if c.Level == LevelNational {
		return fmt.Sprintf("%d/NQ-HĐBCQG", n)
	}
	return fmt.Sprintf("%d/NQ-UBBC", n)
}

// TaskName names a task for people, as the inbox and notice mail do (as
// Camunda Tasklist does): what to do, for whom, where, e.g. "Xác minh hồ
// sơ cán bộ — Nguyễn Văn A — xã Vạn Sơn". title is the task kind's title
// in the reader's language, who the person it is about ("" for none), and
// councilName the council's full name, of which a People's Council's
// place is shown and the National Assembly's name whole.
func TaskName(title, who, councilName string) string {
	place := Council{Name: councilName}.Locality()
	if place == "" {
		place = councilName
	}
	if who == "" {
		return title + " — " + place
	}
	return title + " — " + who + " — " + place
}
