package demo

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"electionflow/election"
)

// Defaults of Params, from DESIGN.md: the 2026–2031 general election held
// on 15 March 2026.
const (
	// DefaultTerm is the term the demo election elects.
	DefaultTerm election.Term = "2026-2031"
	// DefaultProvinces is the number of provinces of a small demo.
	DefaultProvinces = 2
	// DefaultCommunesPerProvince is the number of communes per province of
	// a small demo.
	DefaultCommunesPerProvince = 3
	// DefaultComplaintShare is the share of elected persons facing a
	// complaint or denunciation.
	DefaultComplaintShare = 0.02
	// DefaultCadreShare is the number of outgoing cadres per council as a
	// share of its seats.
	DefaultCadreShare = 0.1
	// DefaultRerunShare is the share of People's Councils with an
	// additional or re-run election.
	DefaultRerunShare = 0.02
	// NationalCommunesPerProvince spreads the 3,321 communes, wards and
	// special zones of 2025 evenly over the 34 provinces.
	NationalCommunesPerProvince = 98
	// MaxCommunesPerProvince bounds Params.CommunesPerProvince; the largest
	// real province, Hồ Chí Minh City, has 168.
	MaxCommunesPerProvince = 200
)

// DefaultElectionDay returns election day of the 2026–2031 general
// election, 15 March 2026.
func DefaultElectionDay() election.Date { return election.NewDate(2026, time.March, 15) }

// ErrInvalidParams is wrapped by every error of Params.Validate and of
// Generate for bad parameters.
var ErrInvalidParams = errors.New("invalid demo params")

// Params says what demo election to generate. Start from DefaultParams or
// NationalRehearsal and change what you need: zero Provinces is invalid,
// not a default. An empty Term and a zero ElectionDay mean the defaults.
type Params struct {
	// Seed selects the roster: the same seed and the same other params
	// give a deeply equal roster, byte for byte.
	Seed int64
	// Term is the term elected; empty means DefaultTerm ("2026-2031").
	Term election.Term
	// ElectionDay is election day; zero means DefaultElectionDay
	// (2026-03-15). It must fall in the first year of Term.
	ElectionDay election.Date
	// Provinces is the number of provinces and centrally-run cities, 1..34,
	// chosen by the seed among the 34 real ones (all of them at 34).
	Provinces int
	// CommunesPerProvince is the number of commune, ward and special-zone
	// councils per province, 0..MaxCommunesPerProvince; the nation has
	// about 98 on average (NationalCommunesPerProvince).
	CommunesPerProvince int
	// NationalAssembly adds the National Assembly ("QH", level national).
	NationalAssembly bool
	// NationalSeats is the number of deputies generated for the National
	// Assembly, 1..500; zero means the full 500. Ignored without
	// NationalAssembly.
	NationalSeats int
	// ComplaintShare is the share of elected persons, 0..1, facing a
	// complaint or denunciation.
	ComplaintShare float64
	// CadreShare is the number of outgoing cadres of each council as a
	// share of its seats, 0..1.
	CadreShare float64
	// RerunShare is the share of People's Councils, 0..1, that held an
	// additional or re-run election one or two weeks after election day;
	// such a council may have one or two seats still vacant.
	RerunShare float64
}

// DefaultParams returns the params of a small demo: two provinces with
// three communes each, no National Assembly, and the default shares.
func DefaultParams() Params {
	return Params{
		Seed:                2026,
		Term:                DefaultTerm,
		ElectionDay:         DefaultElectionDay(),
		Provinces:           DefaultProvinces,
		CommunesPerProvince: DefaultCommunesPerProvince,
		ComplaintShare:      DefaultComplaintShare,
		CadreShare:          DefaultCadreShare,
		RerunShare:          DefaultRerunShare,
	}
}

// NationalRehearsal returns the params of a national rehearsal: all 34
// provinces with 98 communes each and the full National Assembly, about
// 78,000 elected persons and 3,367 councils.
func NationalRehearsal(seed int64) Params {
	p := DefaultParams()
	p.Seed = seed
	p.Provinces = len(provinces)
	p.CommunesPerProvince = NationalCommunesPerProvince
	p.NationalAssembly = true
	p.NationalSeats = nationalSeats
	return p
}

// nationalSeats is the size of the National Assembly.
const nationalSeats = 500

// withDefaults fills the params whose zero value means a default.
func (p Params) withDefaults() Params {
	if p.Term == "" {
		p.Term = DefaultTerm
	}
	if p.ElectionDay.IsZero() {
		p.ElectionDay = DefaultElectionDay()
	}
	if p.NationalSeats == 0 {
		p.NationalSeats = nationalSeats
	}
	return p
}

// Validate reports every out-of-range parameter at once, wrapping
// ErrInvalidParams.
func (p Params) Validate() error {
	p = p.withDefaults()
	var problems []error
	bad := func(format string, args ...any) { problems = append(problems, fmt.Errorf(format, args...)) }

	if _, err := election.ParseTerm(string(p.Term)); err != nil {
		bad("term: %w", err)
	} else if start, _ := strconv.Atoi(string(p.Term)[:4]); p.ElectionDay.Time().Year() != start {
		bad("election day %s is not in %d, the first year of term %s", p.ElectionDay, start, p.Term)
	}
	if y := p.ElectionDay.Time().Year(); y < minElectionYear || y > maxElectionYear {
		bad("election day %s: want a year in %d..%d", p.ElectionDay, minElectionYear, maxElectionYear)
	}
	if p.Provinces < 1 || p.Provinces > len(provinces) {
		bad("provinces = %d, want 1..%d (the provinces and cities since 1 July 2025)", p.Provinces, len(provinces))
	}
	if p.CommunesPerProvince < 0 || p.CommunesPerProvince > MaxCommunesPerProvince {
		bad("communes per province = %d, want 0..%d", p.CommunesPerProvince, MaxCommunesPerProvince)
	}
	if p.NationalSeats < 0 || p.NationalSeats > nationalSeats {
		bad("national seats = %d, want 1..%d (0 means %d)", p.NationalSeats, nationalSeats, nationalSeats)
	}
	for _, s := range []struct {
		name  string
		value float64
	}{
		{"complaint share", p.ComplaintShare},
		{"cadre share", p.CadreShare},
		{"rerun share", p.RerunShare},
	} {
		if math.IsNaN(s.value) || s.value < 0 || s.value > 1 {
			bad("%s = %v, want 0..1", s.name, s.value)
		}
	}
	if len(problems) == 0 {
		return nil
	}
	// One line naming every problem, each still reachable by errors.Is/As.
	args := make([]any, 0, 1+len(problems))
	args = append(args, ErrInvalidParams)
	for _, e := range problems {
		args = append(args, e)
	}
	return fmt.Errorf("%w: "+strings.TrimSuffix(strings.Repeat("%w; ", len(problems)), "; "), args...)
}

// The election years Generate supports: every birth year it draws then has
// a century digit in the citizen ID scheme (1900s and 2000s).
const (
	minElectionYear = 1980
	maxElectionYear = 2099
)
