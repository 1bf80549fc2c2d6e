package demo

import (
	"math/rand/v2"

	"electionflow/election"
)

// weighted is a name with its relative frequency.
type weighted struct {
	name   string
	weight int
}

// familyNames are Vietnamese family names (họ) with their approximate
// frequency per thousand people. Treat as constant.
var familyNames = [...]weighted{
	{"Nguyễn", 380}, {"Trần", 110}, {"Lê", 95}, {"Phạm", 70}, {"Hoàng", 30},
	{"Huỳnh", 21}, {"Phan", 45}, {"Vũ", 20}, {"Võ", 19}, {"Đặng", 21},
	{"Bùi", 20}, {"Đỗ", 14}, {"Hồ", 13}, {"Ngô", 13}, {"Dương", 10},
	{"Lý", 5}, {"Trương", 8}, {"Đinh", 8}, {"Lâm", 5}, {"Mai", 5},
	{"Đoàn", 5}, {"Trịnh", 5}, {"Cao", 4}, {"Hà", 4}, {"Lương", 4},
	{"Tạ", 3}, {"Chu", 3}, {"Lưu", 3}, {"Tô", 2}, {"Kiều", 2},
	{"Quách", 2}, {"Thái", 2}, {"Triệu", 2}, {"La", 2},
}

// regionalFamily maps a family name to its regional variant: Hoàng and Vũ
// are mostly written Huỳnh and Võ in the south, and the reverse in the
// north. Treat as constant.
var regionalFamily = [...]struct{ northern, southern string }{
	{"Hoàng", "Huỳnh"},
	{"Vũ", "Võ"},
}

// regionalShift is the chance a family name takes its region's variant.
const regionalShift = 0.7

// Middle names (tên đệm) with their frequencies, and the second middle
// names some women carry ("Nguyễn Thị Thanh Hương"). Treat as constant.
var (
	maleMiddle = [...]weighted{
		{"Văn", 30}, {"Hữu", 6}, {"Đức", 8}, {"Minh", 8}, {"Quốc", 6},
		{"Thanh", 6}, {"Công", 5}, {"Xuân", 4}, {"Quang", 5}, {"Ngọc", 4},
		{"Đình", 5}, {"Trọng", 4}, {"Mạnh", 3}, {"Anh", 3}, {"Hoàng", 3},
		{"Tiến", 3}, {"Duy", 3}, {"Thế", 3}, {"Bá", 2}, {"Việt", 3},
	}
	femaleMiddle = [...]weighted{
		{"Thị", 45}, {"Ngọc", 6}, {"Thanh", 6}, {"Thu", 5}, {"Minh", 4},
		{"Kim", 4}, {"Hồng", 4}, {"Thúy", 3}, {"Bích", 3}, {"Phương", 3},
		{"Mai", 3}, {"Diệu", 2}, {"Hoài", 2}, {"Mỹ", 2},
	}
	femaleSecondMiddle = [...]string{
		"Thanh", "Thu", "Minh", "Kim", "Hồng", "Ngọc", "Bích", "Thúy", "Phương", "Hải", "Mỹ", "Diệu",
	}
)

// femaleSecondMiddleShare is the share of women named "Thị" who carry a
// second middle name.
const femaleSecondMiddleShare = 0.25

// Given names (tên) by sex. Treat as constant.
var (
	maleGiven = [...]string{
		"Hùng", "Dũng", "Tuấn", "Minh", "Hải", "Nam", "Long", "Quang", "Sơn", "Thắng",
		"Cường", "Hưng", "Phong", "Trung", "Bình", "Thành", "Hoàng", "Khánh", "Đạt", "Tùng",
		"Huy", "Hiếu", "Tâm", "Lâm", "Phúc", "Toàn", "Vinh", "Việt", "Kiên", "Hòa",
		"Tài", "Quân", "Thịnh", "Nghĩa", "Lợi", "Tiến", "Hiệp", "Đông", "Chiến", "Thuận",
		"Khoa", "Lực", "Bảo", "Duy", "An",
	}
	femaleGiven = [...]string{
		"Hương", "Lan", "Hoa", "Mai", "Linh", "Trang", "Hằng", "Thảo", "Nga", "Hà",
		"Ngọc", "Thủy", "Hạnh", "Phương", "Huyền", "Yến", "Loan", "Dung", "Nhung", "Vân",
		"Oanh", "Liên", "Thu", "Tuyết", "Hiền", "Nhàn", "Chi", "Anh", "Giang", "Xuân",
		"Trinh", "Quyên", "Diệp", "Thơm", "Lý", "Nguyệt", "Hậu", "Duyên", "Thoa", "Ánh",
	}
)

// pickWeighted draws a name with probability proportional to its weight.
func pickWeighted(rng *rand.Rand, names []weighted) string {
	total := 0
	for _, n := range names {
		total += n.weight
	}
	r := rng.IntN(total)
	for _, n := range names {
		if r < n.weight {
			return n.name
		}
		r -= n.weight
	}
	return names[len(names)-1].name // unreachable
}

// fullName draws a Vietnamese full name (họ tên) for a person of sex born
// in a province of region r: family name, one or two middle names, given
// name, never repeating the middle name as the given name.
func fullName(rng *rand.Rand, sex election.Sex, r region) string {
	family := pickWeighted(rng, familyNames[:])
	for _, v := range regionalFamily {
		switch {
		case r == south && family == v.northern && rng.Float64() < regionalShift:
			family = v.southern
		case r == north && family == v.southern && rng.Float64() < regionalShift:
			family = v.northern
		}
	}
	var middle, given string
	if sex == election.Female {
		middle = pickWeighted(rng, femaleMiddle[:])
		if middle == "Thị" && rng.Float64() < femaleSecondMiddleShare {
			middle += " " + femaleSecondMiddle[rng.IntN(len(femaleSecondMiddle))]
		}
		given = femaleGiven[rng.IntN(len(femaleGiven))]
		for endsWithWord(middle, given) {
			given = femaleGiven[rng.IntN(len(femaleGiven))]
		}
	} else {
		middle = pickWeighted(rng, maleMiddle[:])
		given = maleGiven[rng.IntN(len(maleGiven))]
		for endsWithWord(middle, given) {
			given = maleGiven[rng.IntN(len(maleGiven))]
		}
	}
	return family + " " + middle + " " + given
}

// endsWithWord reports whether the words s end with the word w.
func endsWithWord(s, w string) bool {
	if len(s) < len(w) || s[len(s)-len(w):] != w {
		return false
	}
	return len(s) == len(w) || s[len(s)-len(w)-1] == ' '
}
