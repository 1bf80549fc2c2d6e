package demo

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"electionflow/election"
)

// midSize is a roster large enough for shares to show: 10 provinces of 20
// communes, about 5,000 elected persons.
func midSize(seed int64) Params {
	p := DefaultParams()
	p.Seed = seed
	p.Provinces = 10
	p.CommunesPerProvince = 20
	p.ComplaintShare = 0.05
	p.RerunShare = 0.1
	return p
}

func TestGenerateInvariants(t *testing.T) {
	tests := []struct {
		name   string
		params func() Params
	}{
		{"defaults", DefaultParams},
		{"with small national assembly", func() Params {
			p := DefaultParams()
			p.NationalAssembly, p.NationalSeats = true, 25
			return p
		}},
		{"full national assembly only one province", func() Params {
			p := DefaultParams()
			p.Provinces, p.CommunesPerProvince, p.NationalAssembly, p.NationalSeats = 1, 0, true, 0
			return p
		}},
		{"no communes", func() Params {
			p := DefaultParams()
			p.Provinces, p.CommunesPerProvince = 34, 0
			return p
		}},
		{"everything re-run and complained about", func() Params {
			p := DefaultParams()
			p.Seed, p.Provinces, p.CommunesPerProvince = 9, 3, 10
			p.ComplaintShare, p.CadreShare, p.RerunShare = 1, 1, 1
			return p
		}},
		{"no complaints, cadres or re-runs", func() Params {
			p := DefaultParams()
			p.ComplaintShare, p.CadreShare, p.RerunShare = 0, 0, 0
			return p
		}},
		{"largest communes per province", func() Params {
			p := DefaultParams()
			p.Seed, p.Provinces, p.CommunesPerProvince = 5, 3, MaxCommunesPerProvince
			return p
		}},
		{"defaulted term and day", func() Params {
			p := DefaultParams()
			p.Term, p.ElectionDay = "", election.Date{}
			return p
		}},
		{"2021 election", func() Params {
			p := DefaultParams()
			p.Term, p.ElectionDay = "2021-2026", election.MustParseDate("2021-05-23")
			return p
		}},
		{"mid-size", func() Params { return midSize(11) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := tt.params()
			r, err := Generate(p)
			if err != nil {
				t.Fatalf("Generate(%+v): %v", p, err)
			}
			checkRoster(t, p, r)
		})
	}
}

func TestGenerateNational(t *testing.T) {
	if testing.Short() {
		t.Skip("national rehearsal roster in -short mode")
	}
	p := NationalRehearsal(2026)
	start := time.Now()
	r, err := Generate(p)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	checkRoster(t, p, r)
	if got, want := len(r.Councils), 1+34+34*98; got != want {
		t.Errorf("%d councils, want %d", got, want)
	}
	// About 75,700 in DESIGN.md; 98 communes in each of 34 provinces give
	// a few more than the real 3,321.
	if n := len(r.Persons); n < 72_000 || n > 82_000 {
		t.Errorf("%d persons, want about 78,000", n)
	}
	// Generous bound for slow, shared CI machines; typically ~0.1 s.
	if elapsed > 5*time.Second {
		t.Errorf("national rehearsal took %v, want well under 2 s", elapsed)
	}
	t.Logf("national: %d councils, %d persons, %d complaints, %d cadres in %v",
		len(r.Councils), len(r.Persons), len(r.Complaints), len(r.Cadres), elapsed)
}

func TestGenerateDeterministic(t *testing.T) {
	tests := []struct {
		name string
		p    Params
	}{
		{"defaults", DefaultParams()},
		{"mid-size", midSize(3)},
		{"negative seed", func() Params { p := midSize(-42); p.NationalAssembly = true; return p }()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Generate(tt.p)
			if err != nil {
				t.Fatal(err)
			}
			b, err := Generate(tt.p)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(a, b) {
				t.Fatal("same params gave different rosters")
			}
			// The same must hold for what a file would hold.
			if fmt.Sprintf("%v", a) != fmt.Sprintf("%v", b) {
				t.Fatal("same params gave rosters that print differently")
			}
			other := tt.p
			other.Seed++
			c, err := Generate(other)
			if err != nil {
				t.Fatal(err)
			}
			if reflect.DeepEqual(a, c) {
				t.Fatal("seeds differing by one gave equal rosters")
			}
			if reflect.DeepEqual(a.Persons, c.Persons) {
				t.Fatal("seeds differing by one gave equal persons")
			}
		})
	}
}

func TestGenerateShares(t *testing.T) {
	for _, seed := range []int64{1, 2, 3} {
		t.Run(fmt.Sprint("seed ", seed), func(t *testing.T) {
			p := midSize(seed)
			r, err := Generate(p)
			if err != nil {
				t.Fatal(err)
			}
			within := func(what string, got, want, tolerance float64) {
				t.Helper()
				if got < want*(1-tolerance) || got > want*(1+tolerance) {
					t.Errorf("%s = %.1f, want %.1f ±%.0f%%", what, got, want, 100*tolerance)
				}
			}
			seats, reruns := 0, 0
			for _, c := range r.Councils {
				seats += c.Seats
				if !c.RerunElectionDay.IsZero() {
					reruns++
				}
			}
			within("complaints", float64(len(r.Complaints)), p.ComplaintShare*float64(len(r.Persons)), 0.5)
			within("cadres", float64(len(r.Cadres)), p.CadreShare*float64(seats), 0.2)
			within("re-run councils", float64(reruns), p.RerunShare*float64(len(r.Councils)), 0.5)

			women, nguyen, thi := 0, 0, 0
			for _, x := range r.Persons {
				if x.Sex == election.Female {
					women++
					if strings.Contains(x.FullName, " Thị ") {
						thi++
					}
				}
				if strings.HasPrefix(x.FullName, "Nguyễn ") {
					nguyen++
				}
			}
			share := func(n, of int) float64 { return float64(n) / float64(of) }
			if s := share(women, len(r.Persons)); s < 0.30 || s > 0.40 {
				t.Errorf("women are %.1f%% of elected persons, want 30–40%%", 100*s)
			}
			if s := share(nguyen, len(r.Persons)); s < 0.30 || s > 0.46 {
				t.Errorf("Nguyễn is %.1f%% of family names, want about 38%%", 100*s)
			}
			if s := share(thi, women); s < 0.35 || s > 0.75 {
				t.Errorf("Thị is in %.1f%% of women's names, want about half", 100*s)
			}
			denunciations := 0
			for _, c := range r.Complaints {
				if c.Kind == election.KindDenunciation {
					denunciations++
				}
			}
			if s := share(denunciations, len(r.Complaints)); s < 0.2 || s > 0.6 {
				t.Errorf("denunciations are %.1f%% of complaints, want about 40%%", 100*s)
			}
		})
	}
}

func TestGenerateShareExtremes(t *testing.T) {
	p := DefaultParams()
	p.Provinces, p.CommunesPerProvince, p.NationalAssembly, p.NationalSeats = 3, 5, true, 30
	p.ComplaintShare, p.CadreShare, p.RerunShare = 0, 0, 0
	r, err := Generate(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Complaints) != 0 || len(r.Cadres) != 0 {
		t.Errorf("zero shares gave %d complaints and %d cadres", len(r.Complaints), len(r.Cadres))
	}
	for _, c := range r.Councils {
		if !c.RerunElectionDay.IsZero() {
			t.Errorf("council %s has a re-run with RerunShare 0", c.Code)
		}
	}

	p.ComplaintShare, p.CadreShare, p.RerunShare = 1, 1, 1
	r, err = Generate(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Complaints) != len(r.Persons) {
		t.Errorf("ComplaintShare 1 gave %d complaints for %d persons", len(r.Complaints), len(r.Persons))
	}
	seats := 0
	for _, c := range r.Councils {
		seats += c.Seats
		if c.Level == election.LevelNational {
			if !c.RerunElectionDay.IsZero() {
				t.Errorf("the National Assembly has a re-run day")
			}
			continue
		}
		if c.RerunElectionDay.IsZero() {
			t.Errorf("council %s has no re-run with RerunShare 1", c.Code)
		}
	}
	if len(r.Cadres) != seats {
		t.Errorf("CadreShare 1 gave %d cadres for %d seats", len(r.Cadres), seats)
	}
	if len(r.Persons) >= seats {
		t.Errorf("every HĐND re-ran, yet %d persons fill all %d seats", len(r.Persons), seats)
	}
}

func TestChooseProvinces(t *testing.T) {
	for _, n := range []int{1, 2, 5, 33, 34} {
		p := DefaultParams()
		p.Provinces, p.CommunesPerProvince = n, 0
		r, err := Generate(p)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, c := range r.Councils {
			codes = append(codes, string(c.Code))
		}
		if len(codes) != n {
			t.Fatalf("%d provinces: got %v", n, codes)
		}
		for i := 1; i < len(codes); i++ {
			if codes[i-1] >= codes[i] {
				t.Errorf("%d provinces: codes %v not in increasing order", n, codes)
			}
		}
	}
	// Different seeds pick different provinces.
	picked := map[string]bool{}
	for seed := range int64(20) {
		p := DefaultParams()
		p.Seed, p.CommunesPerProvince = seed, 0
		r, err := Generate(p)
		if err != nil {
			t.Fatal(err)
		}
		picked[string(r.Councils[0].Code)+","+string(r.Councils[1].Code)] = true
	}
	if len(picked) < 10 {
		t.Errorf("20 seeds picked only %d different pairs of provinces", len(picked))
	}
}

func TestElectionName(t *testing.T) {
	tests := []struct {
		term       election.Term
		name, body string
	}{
		{"2026-2031", "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031", "Quốc hội khóa XVI"},
		{"2021-2026", "Bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2021–2026", "Quốc hội khóa XV"},
		{"2031-2036", "Bầu cử đại biểu Quốc hội khóa XVII và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2031–2036", "Quốc hội khóa XVII"},
		{"2024-2029", "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2024–2029", "Quốc hội"},
		{"2026-2030", "Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2030", "Quốc hội"},
	}
	for _, tt := range tests {
		if got := electionName(tt.term); got != tt.name {
			t.Errorf("electionName(%s) = %q, want %q", tt.term, got, tt.name)
		}
		if got := nationalName(tt.term); got != tt.body {
			t.Errorf("nationalName(%s) = %q, want %q", tt.term, got, tt.body)
		}
	}
}

// checkRoster fails t for every broken promise of Generate(p) = r.
func checkRoster(t *testing.T, p Params, r election.Roster) {
	t.Helper()
	p = p.withDefaults()
	levels := election.DefaultLevels()
	day := p.ElectionDay

	// The election.
	if r.Election.Term != p.Term || r.Election.ElectionDay != day || r.Election.DeadlineDays != nil {
		t.Errorf("election = %+v, want term %s, day %s, no overrides", r.Election, p.Term, day)
	}
	if p.Term == DefaultTerm && r.Election.Name != "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026–2031" {
		t.Errorf("election name %q", r.Election.Name)
	}
	cal, err := r.Election.Calendar()
	if err != nil {
		t.Fatalf("election calendar: %v", err)
	}

	// Councils.
	wantCouncils := p.Provinces * (1 + p.CommunesPerProvince)
	if p.NationalAssembly {
		wantCouncils++
	}
	if len(r.Councils) != wantCouncils {
		t.Errorf("%d councils, want %d", len(r.Councils), wantCouncils)
	}
	provByCode := map[string]province{}
	for _, pr := range provinces {
		provByCode[pr.code] = pr
	}
	councils := map[election.CouncilCode]election.Council{}
	units := map[election.CouncilCode]string{}
	provinceCouncils, communesOf := 0, map[election.ProvinceCode]int{}
	for _, c := range r.Councils {
		if _, err := election.ParseCouncilCode(string(c.Code)); err != nil {
			t.Errorf("council %q: %v", c.Code, err)
		}
		if _, dup := councils[c.Code]; dup {
			t.Errorf("duplicate council code %s", c.Code)
		}
		councils[c.Code] = c
		spec, err := levels.Lookup(string(c.Level))
		if err != nil || spec.Level != c.Level {
			t.Errorf("council %s: level %q does not parse: %v", c.Code, c.Level, err)
			continue
		}
		if !validName(c.Name) {
			t.Errorf("council %s: name %q is not clean Vietnamese", c.Code, c.Name)
		}
		lo, hi := spec.MinSeats, spec.MaxSeats
		switch c.Level {
		case election.LevelNational:
			if c.Code != "QH" || c.Province != "" || c.Name != nationalName(p.Term) {
				t.Errorf("National Assembly %+v", c)
			}
			if c.Seats != p.NationalSeats {
				t.Errorf("National Assembly has %d seats, want %d", c.Seats, p.NationalSeats)
			}
			if !c.RerunElectionDay.IsZero() {
				t.Errorf("National Assembly has a re-run day")
			}
		case election.LevelProvince:
			provinceCouncils++
			pr, ok := provByCode[string(c.Code)]
			if !ok || len(c.Code) != 2 || string(c.Province) != string(c.Code) {
				t.Errorf("province council %+v: want a known two-digit code equal to its province", c)
			}
			if pr.special {
				hi = spec.MaxSeatsSpecial
			}
			if want := "Hội đồng nhân dân " + pr.fullName(); c.Name != want {
				t.Errorf("province council %s named %q, want %q", c.Code, c.Name, want)
			}
			units[c.Code] = pr.unit
		case election.LevelCommune:
			communesOf[c.Province]++
			if _, ok := councils[election.CouncilCode(c.Province)]; !ok {
				t.Errorf("commune %s of province %q comes before or without its province council", c.Code, c.Province)
			}
			if len(c.Code) != 5 || strings.Trim(string(c.Code), "0123456789") != "" {
				t.Errorf("commune code %q is not five digits", c.Code)
			}
			if n, _ := strconv.Atoi(string(c.Code)); n/1000 != provinceNumber(string(c.Province)) {
				t.Errorf("commune code %s does not start with its province number %s", c.Code, c.Province)
			}
			rest, ok := strings.CutPrefix(c.Name, "Hội đồng nhân dân ")
			unit := ""
			for _, u := range []string{unitCommune, unitWard, unitZone} {
				if strings.HasPrefix(rest, u+" ") {
					unit = u
				}
			}
			if !ok || unit == "" || len(strings.Fields(rest)) < len(strings.Fields(unit))+2 {
				t.Errorf("commune %s named %q, want Hội đồng nhân dân xã|phường|đặc khu <name>", c.Code, c.Name)
			}
			units[c.Code] = unit
		default:
			t.Errorf("council %s: unexpected level %s", c.Code, c.Level)
		}
		if c.Seats < lo || c.Seats > hi {
			t.Errorf("council %s (%s) has %d seats, want %d..%d", c.Code, c.Level, c.Seats, lo, hi)
		}
		if d := c.RerunElectionDay; !d.IsZero() && (!d.After(day) || d.After(day.AddDays(15))) {
			t.Errorf("council %s: re-run day %s not within 15 days after %s", c.Code, d, day)
		}
	}
	if provinceCouncils != p.Provinces {
		t.Errorf("%d province councils, want %d", provinceCouncils, p.Provinces)
	}
	for prov, n := range communesOf {
		if n != p.CommunesPerProvince {
			t.Errorf("province %s has %d communes, want %d", prov, n, p.CommunesPerProvince)
		}
	}

	// Elected persons.
	citizens := map[election.CitizenID]string{}
	citizen := func(owner string, id election.CitizenID, sex election.Sex, born election.Date) {
		t.Helper()
		if err := checkCitizenID(id, sex, born); err != nil {
			t.Errorf("%s: %v", owner, err)
		}
		if other, dup := citizens[id]; dup {
			t.Errorf("%s: citizen ID %s already belongs to %s", owner, id, other)
		}
		citizens[id] = owner
	}
	persons := map[election.PersonID]election.ElectedPerson{}
	elected := map[election.CouncilCode]int{}
	diacritics := false
	for _, x := range r.Persons {
		if _, err := election.ParsePersonID(string(x.ID)); err != nil {
			t.Errorf("person %q: %v", x.ID, err)
		}
		if _, dup := persons[x.ID]; dup {
			t.Errorf("duplicate person ID %s", x.ID)
		}
		persons[x.ID] = x
		if _, ok := councils[x.Council]; !ok {
			t.Errorf("person %s: unknown council %s", x.ID, x.Council)
		}
		elected[x.Council]++
		checkPersonName(t, string(x.ID), x.FullName)
		diacritics = diacritics || hasDiacritics(x.FullName)
		if a := age(x.BirthDate, day); a < 25 || a > 70 {
			t.Errorf("person %s born %s is %d on election day, want 25..70", x.ID, x.BirthDate, a)
		}
		citizen("person "+string(x.ID), x.CitizenID, x.Sex, x.BirthDate)
		if x.Votes <= 0 {
			t.Errorf("person %s has %d votes", x.ID, x.Votes)
		}
	}
	if len(r.Persons) > 0 && !diacritics {
		t.Error("no name in the roster has Vietnamese diacritics")
	}
	for _, c := range r.Councils {
		n := elected[c.Code]
		short := 0
		if !c.RerunElectionDay.IsZero() {
			short = 2
		}
		if n > c.Seats || n < c.Seats-short || n < 1 {
			t.Errorf("council %s (re-run %q): %d persons for %d seats", c.Code, c.RerunElectionDay, n, c.Seats)
		}
	}

	// Complaints.
	complaints := map[election.ComplaintID]bool{}
	filed := cal.Due(election.DeadlineComplaintsFiled)
	for _, c := range r.Complaints {
		if _, err := election.ParseComplaintID(string(c.ID)); err != nil {
			t.Errorf("complaint %q: %v", c.ID, err)
		}
		if complaints[c.ID] {
			t.Errorf("duplicate complaint ID %s", c.ID)
		}
		complaints[c.ID] = true
		if x, ok := persons[c.Person]; !ok || x.Council != c.Council {
			t.Errorf("complaint %s: person %s is not elected to council %s", c.ID, c.Person, c.Council)
		}
		if c.ReceivedOn.Before(day.AddDays(10)) || c.ReceivedOn.After(day.AddDays(15)) || c.ReceivedOn.After(filed) {
			t.Errorf("complaint %s received %s, want between E+10 and E+15 (filing deadline %s)", c.ID, c.ReceivedOn, filed)
		}
		prefix := map[election.ComplaintKind]string{election.KindComplaint: "Khiếu nại ", election.KindDenunciation: "Tố cáo "}[c.Kind]
		if prefix == "" || !strings.HasPrefix(c.Summary, prefix) || !validName(c.Summary) {
			t.Errorf("complaint %s: kind %q, summary %q", c.ID, c.Kind, c.Summary)
		}
	}

	// Outgoing cadres.
	cadres := map[election.CadreID]bool{}
	year := day.Time().Year()
	for _, c := range r.Cadres {
		if _, err := election.ParseCadreID(string(c.ID)); err != nil {
			t.Errorf("cadre %q: %v", c.ID, err)
		}
		if cadres[c.ID] {
			t.Errorf("duplicate cadre ID %s", c.ID)
		}
		cadres[c.ID] = true
		council, ok := councils[c.Council]
		if !ok {
			t.Errorf("cadre %s: unknown council %s", c.ID, c.Council)
		}
		checkPersonName(t, string(c.ID), c.FullName)
		citizen("cadre "+string(c.ID), c.CitizenID, c.Sex, c.BirthDate)
		lo, hi := year-64, year-58
		if c.Sex == election.Female {
			lo, hi = year-59, year-53
		}
		if y := c.BirthDate.Time().Year(); y < lo || y > hi {
			t.Errorf("cadre %s (%s) born %s, want %d..%d", c.ID, c.Sex, c.BirthDate, lo, hi)
		}
		if c.InsuranceMonths < 120 || c.InsuranceMonths > 420 || c.InsuranceMonths > 12*(age(c.BirthDate, day)-18) {
			t.Errorf("cadre %s born %s: %d months of insurance", c.ID, c.BirthDate, c.InsuranceMonths)
		}
		if c.MonthlySalary < 8_000_000 || c.MonthlySalary > 25_000_000 || c.MonthlySalary%1000 != 0 {
			t.Errorf("cadre %s: salary %d VND", c.ID, c.MonthlySalary)
		}
		if !validName(c.Position) || strings.Contains(c.Position, "{") ||
			(council.Level != election.LevelNational && strings.Contains(c.Position, "HĐND") && !strings.HasSuffix(c.Position, " "+units[c.Council])) {
			t.Errorf("cadre %s of %s %s: position %q", c.ID, units[c.Council], c.Council, c.Position)
		}
	}
}

// checkCitizenID checks a citizen ID against the căn cước layout: a former
// province code of birth, the sex and century digit, the year of birth.
func checkCitizenID(id election.CitizenID, sex election.Sex, born election.Date) error {
	if _, err := election.ParseCitizenID(string(id)); err != nil {
		return err
	}
	s := string(id)
	prov, _ := strconv.Atoi(s[:3])
	if !formerProvince(prov) {
		return fmt.Errorf("citizen ID %s: %03d is not a province code", id, prov)
	}
	y := born.Time().Year()
	want := 2 * ((y - 1900) / 100)
	if sex == election.Female {
		want++
	}
	if got := int(s[3] - '0'); got != want {
		return fmt.Errorf("citizen ID %s: sex and century digit %d, want %d for a %s born %d", id, got, want, sex, y)
	}
	if s[4:6] != fmt.Sprintf("%02d", y%100) {
		return fmt.Errorf("citizen ID %s: year digits %s, born %d", id, s[4:6], y)
	}
	return nil
}

func formerProvince(code int) bool {
	for _, p := range provinces {
		for _, b := range p.births {
			if b == code {
				return true
			}
		}
	}
	return false
}

// checkPersonName checks a full name: three to five capitalised words of
// clean UTF-8.
func checkPersonName(t *testing.T, owner, name string) {
	t.Helper()
	words := strings.Fields(name)
	if !validName(name) || len(words) < 3 || len(words) > 5 || strings.Join(words, " ") != name {
		t.Errorf("%s: name %q", owner, name)
		return
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			t.Errorf("%s: name %q has a word not capitalised", owner, name)
		}
	}
}

// validName reports whether s is valid UTF-8 in precomposed form (no
// combining marks), as Vietnamese text in a database should be.
func validName(s string) bool {
	if s == "" || !utf8.ValidString(s) {
		return false
	}
	for _, r := range s {
		if unicode.Is(unicode.Mn, r) || r == utf8.RuneError {
			return false
		}
	}
	return true
}

func hasDiacritics(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func BenchmarkGenerateNational(b *testing.B) {
	p := NationalRehearsal(2026)
	persons := 0
	for b.Loop() {
		r, err := Generate(p)
		if err != nil {
			b.Fatal(err)
		}
		persons = len(r.Persons)
	}
	b.ReportMetric(float64(persons), "persons/op")
}
