package election

import (
	"fmt"
	"sort"
	"strings"
)

// Level names the tier of an elected body (cấp): the National Assembly, a
// province or centrally-run city, a commune, ward or special zone, and — for
// terms before the 2025 reform — a district. Levels are data, not a closed
// enum: a term's Levels says which exist.
type Level string

// The levels known to electionflow. LevelDistrict existed until the two-level
// local government of 1 July 2025 (Law 83/2025/QH15) and is kept for earlier
// terms.
const (
	LevelNational Level = "national" // Quốc hội
	LevelProvince Level = "province" // cấp tỉnh
	LevelDistrict Level = "district" // cấp huyện (terms before 2026)
	LevelCommune  Level = "commune"  // cấp xã
)

// LevelSpec describes one level: what its council is called, who confirms
// the credentials of those elected to it, the legal range of its council
// size, and the form of award its People's Committee chair gives.
type LevelSpec struct {
	Level Level
	// Rank orders levels from the top (0 = National Assembly).
	Rank int
	// CouncilName is the Vietnamese name of the body, e.g. "Hội đồng nhân dân".
	CouncilName string
	// CredentialAuthority confirms credentials and issues certificates:
	// the National Election Council for deputies, the election committee of
	// the level for People's Council delegates.
	CredentialAuthority string
	// MinSeats and MaxSeats bound the number of delegates
	// (Law 72/2025/QH15 art. 30 for People's Councils); MaxSeatsSpecial is
	// the larger ceiling of special cases (Hà Nội and Hồ Chí Minh City).
	MinSeats, MaxSeats, MaxSeatsSpecial int
	// Award is the form of commendation decided at this level (Bằng khen,
	// Giấy khen); empty where the level gives none itself.
	Award string
	// CommendationDays is how long the People's Committee has to decide on
	// commendations after the nomination window closes (thời hạn xử lý hồ
	// sơ khen thưởng).
	CommendationDays int
	// Citation is the legal source of the size range.
	Citation string
}

// Levels is the set of levels in force for a term, keyed by Level.
type Levels map[Level]LevelSpec

// DefaultLevels returns the levels of the 2026–2031 term with the district
// level of earlier terms, which rosters of past elections still use.
func DefaultLevels() Levels {
	specs := []LevelSpec{
		{
			Level: LevelNational, Rank: 0, CouncilName: "Quốc hội",
			CredentialAuthority: "Hội đồng bầu cử quốc gia",
			MinSeats:            1, MaxSeats: 500, MaxSeatsSpecial: 500,
			Citation: "Hiến pháp 2013, Luật Tổ chức Quốc hội",
		},
		{
			Level: LevelProvince, Rank: 1, CouncilName: "Hội đồng nhân dân tỉnh, thành phố",
			CredentialAuthority: "Ủy ban bầu cử cấp tỉnh",
			MinSeats:            50, MaxSeats: 85, MaxSeatsSpecial: 125,
			Award: "Bằng khen", CommendationDays: 20,
			Citation: "Luật 72/2025/QH15 điều 30",
		},
		{
			Level: LevelDistrict, Rank: 2, CouncilName: "Hội đồng nhân dân huyện",
			CredentialAuthority: "Ủy ban bầu cử cấp huyện",
			MinSeats:            30, MaxSeats: 40, MaxSeatsSpecial: 40,
			Award: "Giấy khen", CommendationDays: 10,
			Citation: "Luật Tổ chức chính quyền địa phương 2015 (nhiệm kỳ trước 2026)",
		},
		{
			Level: LevelCommune, Rank: 3, CouncilName: "Hội đồng nhân dân xã, phường, đặc khu",
			CredentialAuthority: "Ủy ban bầu cử cấp xã",
			MinSeats:            15, MaxSeats: 30, MaxSeatsSpecial: 30,
			Award: "Giấy khen", CommendationDays: 10,
			Citation: "Luật 72/2025/QH15 điều 30",
		},
	}
	levels := make(Levels, len(specs))
	for _, s := range specs {
		levels[s.Level] = s
	}
	return levels
}

// Lookup returns the spec of the level written as s (case and surrounding
// space ignored), or an error naming the known levels.
func (ls Levels) Lookup(s string) (LevelSpec, error) {
	spec, ok := ls[Level(strings.ToLower(strings.TrimSpace(s)))]
	if !ok {
		return LevelSpec{}, fmt.Errorf("unknown level %q (want one of %s)", s, strings.Join(ls.names(), ", "))
	}
	return spec, nil
}

// names lists the levels from the top down.
func (ls Levels) names() []string {
	specs := make([]LevelSpec, 0, len(ls))
	for _, s := range ls {
		specs = append(specs, s)
	}
	sort.Slice(specs, func(i, j int) bool { return specs[i].Rank < specs[j].Rank })
	names := make([]string, len(specs))
	for i, s := range specs {
		names[i] = string(s.Level)
	}
	return names
}
