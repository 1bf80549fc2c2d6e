package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"

	"electionflow/election"
)

// pcgStream is the second word of the PCG state; with the seed as the
// first it fixes the stream of every roster.
const pcgStream = 0x9e3779b97f4a7c15

// Generate returns the demo election described by p: the election, its
// councils in order (the National Assembly first, then each province's
// council followed by its communes), the persons elected to each, the
// complaints against them and each council's outgoing cadres.
func Generate(p Params) (election.Roster, error) {
	if err := p.Validate(); err != nil {
		return election.Roster{}, fmt.Errorf("demo: %w", err)
	}
	p = p.withDefaults()
	g := &generator{
		p:      p,
		rng:    rand.New(rand.NewPCG(uint64(p.Seed), pcgStream)),
		levels: election.DefaultLevels(),
		day:    p.ElectionDay,
	}
	return g.run(), nil
}

// generator holds the state of one Generate call.
type generator struct {
	p      Params
	rng    *rand.Rand
	levels election.Levels
	day    election.Date
	// citizenIDs holds every citizen ID drawn so far, as a number, so that
	// none repeats across persons and cadres.
	citizenIDs map[uint64]struct{}
}

// plan is a council to generate with what its people need to know.
type plan struct {
	council election.Council
	prov    *province // nil for the National Assembly
	unit    string    // tỉnh, thành phố, xã, phường, đặc khu; empty for the National Assembly
	elected int       // persons to generate: Seats, less any vacancies
}

// run generates the roster: councils first, then council by council its
// persons, complaints and cadres.
func (g *generator) run() election.Roster {
	plans := g.planCouncils()
	seats, cadres := 0, 0
	for _, pl := range plans {
		seats += pl.council.Seats
		cadres += int(g.p.CadreShare*float64(pl.council.Seats)) + 1
	}
	r := election.Roster{
		Election: election.Election{
			Term:        g.p.Term,
			Name:        electionName(g.p.Term),
			ElectionDay: g.day,
		},
		Councils:   make([]election.Council, 0, len(plans)),
		Persons:    make([]election.ElectedPerson, 0, seats),
		Complaints: make([]election.Complaint, 0, int(g.p.ComplaintShare*float64(seats)*1.2)+8),
		Cadres:     make([]election.OutgoingCadre, 0, cadres),
	}
	g.citizenIDs = make(map[uint64]struct{}, seats+cadres)
	for i := range plans {
		pl := &plans[i]
		r.Councils = append(r.Councils, pl.council)
		first := len(r.Persons)
		r.Persons = g.persons(r.Persons, pl)
		r.Complaints = g.complaints(r.Complaints, pl, r.Persons[first:])
		r.Cadres = g.cadres(r.Cadres, pl)
	}
	return r
}

// planCouncils lays out the councils: the National Assembly when asked,
// then for each chosen province (in code order) its council and communes.
func (g *generator) planCouncils() []plan {
	plans := make([]plan, 0, 1+g.p.Provinces*(1+g.p.CommunesPerProvince))
	if g.p.NationalAssembly {
		plans = append(plans, plan{
			council: election.Council{
				Code:  nationalCode,
				Name:  nationalName(g.p.Term),
				Level: election.LevelNational,
				Seats: g.p.NationalSeats,
			},
			elected: g.p.NationalSeats,
		})
	}
	for _, i := range g.chooseProvinces() {
		prov := &provinces[i]
		plans = append(plans, g.plan(prov, election.CouncilCode(prov.code), prov.fullName(), election.LevelProvince, prov.unit))
		names := newCommuneNames(*prov, g.p.CommunesPerProvince)
		// Real special zones come last, at most one per three communes.
		zones := min(len(prov.zones), g.p.CommunesPerProvince/3)
		code := provinceNumber(prov.code) * 1000
		code += g.rng.IntN(10)
		for j := range g.p.CommunesPerProvince {
			code += 1 + g.rng.IntN(4)
			var unit, name string
			switch {
			case j >= g.p.CommunesPerProvince-zones:
				unit, name = unitZone, prov.zones[j-(g.p.CommunesPerProvince-zones)]
			case g.rng.Float64() < wardShare(prov):
				unit, name = unitWard, names.next(g.rng.IntN)
			default:
				unit, name = unitCommune, names.next(g.rng.IntN)
			}
			plans = append(plans, g.plan(prov, election.CouncilCode(fmt.Sprintf("%05d", code)), unit+" "+name, election.LevelCommune, unit))
		}
	}
	return plans
}

// plan draws the size and any re-run election of a People's Council.
func (g *generator) plan(prov *province, code election.CouncilCode, place string, level election.Level, unit string) plan {
	spec := g.levels[level]
	lo, hi := spec.MinSeats, spec.MaxSeats
	if prov.special && level == election.LevelProvince {
		lo, hi = spec.MaxSeats, spec.MaxSeatsSpecial
	}
	c := election.Council{
		Code:     code,
		Name:     election.PeoplesCouncilName(place),
		Level:    level,
		Province: election.ProvinceCode(prov.code),
		Seats:    lo + g.rng.IntN(hi-lo+1),
	}
	elected := c.Seats
	if g.rng.Float64() < g.p.RerunShare {
		// Additional and re-run elections are held on a Sunday within 15
		// days of election day (Law 85/2015/QH13 arts. 79–80); one or two
		// seats may stay vacant.
		c.RerunElectionDay = g.day.AddDays(7 * (1 + g.rng.IntN(2)))
		elected -= min(1+g.rng.IntN(2), c.Seats-1)
	}
	return plan{council: c, prov: prov, unit: unit, elected: elected}
}

// chooseProvinces returns the indexes of p.Provinces provinces in code
// order: all of them, or a sample drawn from the seed.
func (g *generator) chooseProvinces() []int {
	n := g.p.Provinces
	if n >= len(provinces) {
		idx := make([]int, len(provinces))
		for i := range idx {
			idx[i] = i
		}
		return idx
	}
	idx := g.rng.Perm(len(provinces))[:n]
	slices.Sort(idx)
	return idx
}

// provinceNumber is the province code as a number; commune codes of the
// demo start with it so that a reader sees where a commune lies (the real
// codes do not).
func provinceNumber(code string) int {
	n, _ := strconv.Atoi(code)
	return n
}

// wardShare is the chance a commune of p is a ward.
func wardShare(p *province) float64 {
	if p.unit == "thành phố" {
		return wardShareCity
	}
	return wardShareProvince
}

// nationalCode is the council code of the National Assembly.
const nationalCode election.CouncilCode = "QH"

// electionName is the official name of the general election of term t,
// e.g. "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân
// các cấp nhiệm kỳ 2026–2031".
func electionName(t election.Term) string {
	legislature := ""
	if n := legislatureNumber(t); n > 0 {
		legislature = " khóa " + roman(n)
	}
	return "Bầu cử đại biểu Quốc hội" + legislature + " và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ " + termDashed(t)
}

// nationalName names the National Assembly of term t ("Quốc hội khóa XVI").
func nationalName(t election.Term) string {
	if n := legislatureNumber(t); n > 0 {
		return "Quốc hội khóa " + roman(n)
	}
	return "Quốc hội"
}

// legislatureNumber is the number (khóa) of the National Assembly elected
// for term t: 16 for 2026–2031, counting five-year terms back to the 13th
// (2011–2016) and forward; 0 when unknown.
func legislatureNumber(t election.Term) int {
	s := string(t)
	if len(s) != 9 {
		return 0
	}
	start, err1 := strconv.Atoi(s[:4])
	end, err2 := strconv.Atoi(s[5:])
	if err1 != nil || err2 != nil || end-start != 5 || (start-2026)%5 != 0 || start < 2011 {
		return 0
	}
	return 16 + (start-2026)/5
}

// termDashed writes "2026-2031" as "2026–2031", with an en dash.
func termDashed(t election.Term) string {
	s := string(t)
	if len(s) == 9 && s[4] == '-' {
		return s[:4] + "–" + s[5:]
	}
	return s
}

// roman writes n (1..3999) in Roman numerals.
func roman(n int) string {
	values := [...]int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	symbols := [...]string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	out := ""
	for i, v := range values {
		for n >= v {
			out += symbols[i]
			n -= v
		}
	}
	return out
}
