package demo

import (
	"fmt"
	"time"

	"electionflow/election"
)

// Elected persons.
const (
	// femaleShare is the share of women among those elected (about a third
	// in recent elections).
	femaleShare = 0.35
	// minAge and maxAge bound the age of elected persons on election day.
	minAge, maxAge = 25, 70
	// homeBirthShare is the share of people born in the province they are
	// elected in.
	homeBirthShare = 0.8
)

// persons appends the persons elected to the council of pl.
func (g *generator) persons(out []election.ElectedPerson, pl *plan) []election.ElectedPerson {
	for i := 1; i <= pl.elected; i++ {
		sex := g.sex(femaleShare)
		// Ages spread over 25..70, most between 35 and 60.
		age := minAge + (g.rng.IntN(maxAge-minAge+1)+g.rng.IntN(maxAge-minAge+1))/2
		born := g.dateBetween(yearsBefore(g.day, age+1).AddDays(1), yearsBefore(g.day, age))
		birthProv, reg := g.birthProvince(pl.prov)
		out = append(out, election.ElectedPerson{
			ID:        election.PersonID(fmt.Sprintf("%s-P%03d", pl.council.Code, i)),
			Council:   pl.council.Code,
			FullName:  fullName(g.rng, sex, reg),
			Sex:       sex,
			BirthDate: born,
			CitizenID: g.citizenID(birthProv, sex, born),
			Votes:     g.votes(pl.council.Level),
		})
	}
	return out
}

// votes draws the valid votes an elected person received: a constituency
// of the National Assembly or a province is far larger than a commune's.
func (g *generator) votes(level election.Level) int {
	switch level {
	case election.LevelNational:
		return 100_000 + g.rng.IntN(700_000)
	case election.LevelProvince:
		return 30_000 + g.rng.IntN(300_000)
	default:
		return 800 + g.rng.IntN(6_000)
	}
}

// sex draws a sex, female with the given probability.
func (g *generator) sex(female float64) election.Sex {
	if g.rng.Float64() < female {
		return election.Female
	}
	return election.Male
}

// birthProvince draws the former province (its citizen ID code) a person
// was born in, mostly the province of their council, and the region whose
// family names they carry.
func (g *generator) birthProvince(home *province) (int, region) {
	p := home
	if p == nil || g.rng.Float64() >= homeBirthShare {
		p = &provinces[g.rng.IntN(len(provinces))]
	}
	return p.births[g.rng.IntN(len(p.births))], p.region
}

// dateBetween draws a date in [lo, hi].
func (g *generator) dateBetween(lo, hi election.Date) election.Date {
	return lo.AddDays(g.rng.IntN(lo.DaysUntil(hi) + 1))
}

// yearsBefore is the date n years before d.
func yearsBefore(d election.Date, n int) election.Date {
	return election.DateOf(d.Time().AddDate(-n, 0, 0))
}

// citizenID draws a citizen ID laid out like the real one (số định danh
// cá nhân): three digits of the province of birth, a digit for sex and
// century (0 man, 1 woman born in the 1900s; 2, 3 in the 2000s), two for
// the year of birth, six random digits. It never repeats one drawn before.
func (g *generator) citizenID(birthProvince int, sex election.Sex, born election.Date) election.CitizenID {
	year := born.Time().Year()
	digit := 2 * ((year - 1900) / 100)
	if sex == election.Female {
		digit++
	}
	prefix := uint64(birthProvince)*1_000_000_000 + uint64(digit)*100_000_000 + uint64(year%100)*1_000_000
	for {
		n := prefix + uint64(g.rng.IntN(1_000_000))
		if _, dup := g.citizenIDs[n]; dup {
			continue
		}
		g.citizenIDs[n] = struct{}{}
		var b [12]byte
		for i := len(b) - 1; i >= 0; i-- {
			b[i] = byte('0' + n%10)
			n /= 10
		}
		return election.CitizenID(b[:])
	}
}

// age is the age in whole years on day of a person born on born.
func age(born, day election.Date) int {
	by, bm, bd := born.Time().Date()
	dy, dm, dd := day.Time().Date()
	a := dy - by
	if dm < bm || (dm == bm && dd < bd) {
		a--
	}
	return a
}

// yearStart and yearEnd are the first and last day of a year.
func yearStart(y int) election.Date { return election.NewDate(y, time.January, 1) }
func yearEnd(y int) election.Date   { return election.NewDate(y, time.December, 31) }
