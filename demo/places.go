package demo

import "slices"

// region is the part of the country a province lies in; it shifts the
// frequency of a few family names (Hoàng and Vũ in the north, Huỳnh and Võ
// in the south).
type region int

const (
	north region = iota
	central
	south
)

// province is one of the 34 provinces and centrally-run cities since
// 1 July 2025 (Resolution 202/2025/QH15).
type province struct {
	code string // two-digit administrative code, e.g. "01"
	unit string // "tỉnh" or "thành phố", in running text
	name string // e.g. "Hà Nội"
	// title is the unit and name as written in a council's name when it
	// is not unit+" "+name (Thành phố Hồ Chí Minh).
	title string
	// special: Hà Nội and Hồ Chí Minh City, whose People's Council may
	// have up to LevelSpec.MaxSeatsSpecial delegates.
	special bool
	region  region
	// births lists the codes of the provinces merged into this one, as
	// they appear in the citizen IDs of people born before the merger.
	births []int
	// zones names real special zones (đặc khu) of the province.
	zones []string
}

// fullName is the province as named in its council's name.
func (p province) fullName() string {
	if p.title != "" {
		return p.title
	}
	return p.unit + " " + p.name
}

// provinces are the 34 provinces and cities in code order. The codes are
// those of the province whose name and code the merged one kept; births
// lists the 63 former provinces for citizen IDs. Treat as constant.
var provinces = [...]province{
	{code: "01", unit: "thành phố", name: "Hà Nội", special: true, region: north, births: []int{1}},
	{code: "04", unit: "tỉnh", name: "Cao Bằng", region: north, births: []int{4}},
	{code: "08", unit: "tỉnh", name: "Tuyên Quang", region: north, births: []int{8, 2}},
	{code: "11", unit: "tỉnh", name: "Điện Biên", region: north, births: []int{11}},
	{code: "12", unit: "tỉnh", name: "Lai Châu", region: north, births: []int{12}},
	{code: "14", unit: "tỉnh", name: "Sơn La", region: north, births: []int{14}},
	{code: "15", unit: "tỉnh", name: "Lào Cai", region: north, births: []int{15, 10}},
	{code: "19", unit: "tỉnh", name: "Thái Nguyên", region: north, births: []int{19, 6}},
	{code: "20", unit: "tỉnh", name: "Lạng Sơn", region: north, births: []int{20}},
	{code: "22", unit: "tỉnh", name: "Quảng Ninh", region: north, births: []int{22}, zones: []string{"Vân Đồn", "Cô Tô"}},
	{code: "24", unit: "tỉnh", name: "Bắc Ninh", region: north, births: []int{24, 27}},
	{code: "25", unit: "tỉnh", name: "Phú Thọ", region: north, births: []int{25, 26, 17}},
	{code: "31", unit: "thành phố", name: "Hải Phòng", region: north, births: []int{31, 30}, zones: []string{"Cát Hải"}},
	{code: "33", unit: "tỉnh", name: "Hưng Yên", region: north, births: []int{33, 34}},
	{code: "37", unit: "tỉnh", name: "Ninh Bình", region: north, births: []int{37, 35, 36}},
	{code: "38", unit: "tỉnh", name: "Thanh Hóa", region: central, births: []int{38}},
	{code: "40", unit: "tỉnh", name: "Nghệ An", region: central, births: []int{40}},
	{code: "42", unit: "tỉnh", name: "Hà Tĩnh", region: central, births: []int{42}},
	{code: "44", unit: "tỉnh", name: "Quảng Trị", region: central, births: []int{44, 45}},
	{code: "46", unit: "thành phố", name: "Huế", region: central, births: []int{46}},
	{code: "48", unit: "thành phố", name: "Đà Nẵng", region: central, births: []int{48, 49}},
	{code: "51", unit: "tỉnh", name: "Quảng Ngãi", region: central, births: []int{51, 62}, zones: []string{"Lý Sơn"}},
	{code: "52", unit: "tỉnh", name: "Gia Lai", region: central, births: []int{52, 64}},
	{code: "56", unit: "tỉnh", name: "Khánh Hòa", region: central, births: []int{56, 58}, zones: []string{"Trường Sa"}},
	{code: "66", unit: "tỉnh", name: "Đắk Lắk", region: central, births: []int{66, 54}},
	{code: "68", unit: "tỉnh", name: "Lâm Đồng", region: central, births: []int{68, 67, 60}, zones: []string{"Phú Quý"}},
	{code: "75", unit: "tỉnh", name: "Đồng Nai", region: south, births: []int{75, 70}},
	{code: "79", unit: "thành phố", name: "Hồ Chí Minh", title: "Thành phố Hồ Chí Minh", special: true, region: south, births: []int{79, 74, 77}, zones: []string{"Côn Đảo"}},
	{code: "80", unit: "tỉnh", name: "Tây Ninh", region: south, births: []int{80, 72}},
	{code: "82", unit: "tỉnh", name: "Đồng Tháp", region: south, births: []int{82, 87}},
	{code: "86", unit: "tỉnh", name: "Vĩnh Long", region: south, births: []int{86, 83, 84}},
	{code: "91", unit: "tỉnh", name: "An Giang", region: south, births: []int{91, 89}, zones: []string{"Phú Quốc", "Kiên Hải", "Thổ Châu"}},
	{code: "92", unit: "thành phố", name: "Cần Thơ", region: south, births: []int{92, 93, 94}},
	{code: "96", unit: "tỉnh", name: "Cà Mau", region: south, births: []int{96, 95}},
}

// Commune-level units.
const (
	unitCommune = "xã"
	unitWard    = "phường"
	unitZone    = "đặc khu"
)

// communeFirst and communeSecond are the syllables commune and ward names
// are made of ("Tân" + "Hòa"), as so many real ones are. Treat as constant.
var (
	communeFirst = [...]string{
		"Tân", "An", "Phú", "Bình", "Hòa", "Long", "Thạnh", "Vĩnh", "Đông", "Tây",
		"Nam", "Bắc", "Thanh", "Hưng", "Phước", "Minh", "Quang", "Hồng", "Trung", "Đức",
		"Xuân", "Hải", "Sơn", "Mỹ", "Thuận", "Thái", "Yên", "Định", "Lộc", "Phong",
		"Lạc", "Cát", "Hương", "Kim", "Ngọc", "Hiệp", "Nghĩa", "Tiên", "Quảng", "Đại",
		"Vạn", "Tam", "Cẩm", "Gia", "Liên", "Thượng", "Hạ", "Trường",
	}
	communeSecond = [...]string{
		"Hòa", "Phú", "An", "Bình", "Lợi", "Thịnh", "Hưng", "Thành", "Lộc", "Phước",
		"Tân", "Long", "Mỹ", "Sơn", "Hải", "Lâm", "Thủy", "Điền", "Trung", "Đông",
		"Tây", "Nam", "Bắc", "Xuân", "Hiệp", "Định", "Khánh", "Phong", "Quang", "Minh",
		"Thuận", "Hội", "Đức", "Nghĩa", "Tiến", "Yên", "Lạc", "Hà", "Giang", "Châu",
		"Ninh", "Cường", "Vinh", "Tường",
	}
)

// wardShare is the share of wards (phường) among the communes of a
// centrally-run city, and of a province.
const (
	wardShareCity     = 0.5
	wardShareProvince = 0.2
)

// communeNames draws distinct commune names for a province: made-up
// two-syllable names, never the name of the province or of one of its
// special zones.
type communeNames struct {
	used map[int]bool // index first*len(second)+second
	p    province
}

func newCommuneNames(p province, n int) *communeNames {
	return &communeNames{used: make(map[int]bool, n), p: p}
}

// next draws a fresh name; on a clash it walks on to the next combination,
// so it always ends (there are far more combinations than communes).
func (c *communeNames) next(intN func(int) int) string {
	total := len(communeFirst) * len(communeSecond)
	i := intN(total)
	for {
		first, second := communeFirst[i/len(communeSecond)], communeSecond[i%len(communeSecond)]
		name := first + " " + second
		if !c.used[i] && first != second && name != c.p.name && !slices.Contains(c.p.zones, name) {
			c.used[i] = true
			return name
		}
		i = (i + 1) % total
	}
}
