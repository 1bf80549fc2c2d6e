package demo

import (
	"fmt"
	"strings"

	"electionflow/election"
)

// Outgoing cadres.
const (
	// cadreFemaleShare is the share of women among outgoing cadres.
	cadreFemaleShare = 0.3
	// Ages on election day of cadres too old to stand again: within a few
	// years of retirement age (men born 1962–1968 and women 1967–1973 for
	// a 2026 election).
	cadreMaleMinAge, cadreMaleMaxAge     = 58, 64
	cadreFemaleMinAge, cadreFemaleMaxAge = 53, 59
	// Social insurance record in months, and the age it starts at the
	// earliest.
	minInsuranceMonths, maxInsuranceMonths = 120, 420
	insuranceStartAge                      = 18
	// seniorPostShare is the chance a cadre holds one of the council's
	// single posts (chair, committee head…) while some remain.
	seniorPostShare = 0.6
)

// positions are the posts outgoing cadres held, by level: single posts
// (one holder per council) and posts that several may hold. "{u}" stands
// for the unit (xã, phường, đặc khu, tỉnh, thành phố). Treat as constant.
var positions = [...]struct {
	level          election.Level
	single, shared []string
	salaryMin      election.VND // monthly, in VND
	salaryMax      election.VND
}{
	{
		level: election.LevelNational,
		single: []string{
			"Phó Chủ tịch Quốc hội",
			"Chủ tịch Hội đồng Dân tộc",
			"Chủ nhiệm Ủy ban Kinh tế và Tài chính",
			"Chủ nhiệm Ủy ban Pháp luật và Tư pháp",
			"Chủ nhiệm Ủy ban Văn hóa và Xã hội",
			"Tổng Thư ký Quốc hội – Chủ nhiệm Văn phòng Quốc hội",
		},
		shared: []string{
			"Phó Chủ tịch Hội đồng Dân tộc",
			"Phó Chủ nhiệm Ủy ban Kinh tế và Tài chính",
			"Phó Chủ nhiệm Ủy ban Pháp luật và Tư pháp",
			"Phó Chủ nhiệm Ủy ban Quốc phòng, An ninh và Đối ngoại",
			"Phó Chủ nhiệm Ủy ban Khoa học, Công nghệ và Môi trường",
			"Ủy viên Thường trực Ủy ban Văn hóa và Xã hội",
			"Đại biểu Quốc hội hoạt động chuyên trách",
		},
		salaryMin: 15_000_000, salaryMax: 25_000_000,
	},
	{
		level: election.LevelProvince,
		single: []string{
			"Chủ tịch HĐND {u}",
			"Chủ tịch UBND {u}",
			"Trưởng ban Kinh tế – Ngân sách HĐND {u}",
			"Trưởng ban Pháp chế HĐND {u}",
			"Trưởng ban Văn hóa – Xã hội HĐND {u}",
			"Trưởng ban Dân tộc HĐND {u}",
			"Chánh Văn phòng Đoàn ĐBQH và HĐND {u}",
			"Giám đốc Sở Nội vụ",
			"Giám đốc Sở Tài chính",
			"Giám đốc Sở Tư pháp",
		},
		shared: []string{
			"Phó Chủ tịch HĐND {u}",
			"Phó Chủ tịch UBND {u}",
			"Phó Trưởng ban Kinh tế – Ngân sách HĐND {u}",
			"Phó Trưởng ban Pháp chế HĐND {u}",
			"Phó Trưởng ban Văn hóa – Xã hội HĐND {u}",
			"Phó Chánh Văn phòng Đoàn ĐBQH và HĐND {u}",
			"Ủy viên UBND {u}",
		},
		salaryMin: 12_000_000, salaryMax: 25_000_000,
	},
	{
		level: election.LevelCommune,
		single: []string{
			"Chủ tịch HĐND {u}",
			"Phó Chủ tịch HĐND {u}",
			"Chủ tịch UBND {u}",
			"Trưởng ban Kinh tế – Ngân sách HĐND {u}",
			"Trưởng ban Pháp chế HĐND {u}",
			"Trưởng ban Văn hóa – Xã hội HĐND {u}",
		},
		shared: []string{
			"Phó Chủ tịch UBND {u}",
			"Phó Trưởng ban Kinh tế – Ngân sách HĐND {u}",
			"Phó Trưởng ban Pháp chế HĐND {u}",
			"Ủy viên UBND {u}",
		},
		salaryMin: 8_000_000, salaryMax: 15_000_000,
	},
}

// cadres appends the outgoing cadres of the council of pl: CadreShare of
// its seats, rounded up or down at random so the share holds on average.
func (g *generator) cadres(out []election.OutgoingCadre, pl *plan) []election.OutgoingCadre {
	exact := g.p.CadreShare * float64(pl.council.Seats)
	n := int(exact)
	if g.rng.Float64() < exact-float64(n) {
		n++
	}
	if n == 0 {
		return out
	}
	pos := positions[len(positions)-1]
	for _, p := range positions {
		if p.level == pl.council.Level {
			pos = p
		}
	}
	single := g.rng.Perm(len(pos.single))
	for i := 1; i <= n; i++ {
		var post string
		if len(single) > 0 && g.rng.Float64() < seniorPostShare {
			post, single = pos.single[single[0]], single[1:]
		} else {
			post = pos.shared[g.rng.IntN(len(pos.shared))]
		}
		sex := g.sex(cadreFemaleShare)
		minAge, maxAge := cadreMaleMinAge, cadreMaleMaxAge
		if sex == election.Female {
			minAge, maxAge = cadreFemaleMinAge, cadreFemaleMaxAge
		}
		year := g.day.Time().Year()
		born := g.dateBetween(yearStart(year-maxAge), yearEnd(year-minAge))
		months := minInsuranceMonths + max(g.rng.IntN(maxInsuranceMonths-minInsuranceMonths+1), g.rng.IntN(maxInsuranceMonths-minInsuranceMonths+1))
		months = min(months, 12*(age(born, g.day)-insuranceStartAge))
		salary := pos.salaryMin + election.VND(g.rng.Int64N(int64(pos.salaryMax-pos.salaryMin)/1000+1))*1000
		birthProv, reg := g.birthProvince(pl.prov)
		out = append(out, election.OutgoingCadre{
			ID:              election.CadreID(fmt.Sprintf("%s-C%03d", pl.council.Code, i)),
			Council:         pl.council.Code,
			FullName:        fullName(g.rng, sex, reg),
			Sex:             sex,
			BirthDate:       born,
			CitizenID:       g.citizenID(birthProv, sex, born),
			Position:        strings.ReplaceAll(post, "{u}", pl.unit),
			InsuranceMonths: months,
			MonthlySalary:   salary,
		})
	}
	return out
}
