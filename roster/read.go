package roster

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"electionflow/election"
)

// minCandidateAge is the minimum age of a candidate on election day
// (Constitution 2013 art. 27: 21 years to stand for election).
const minCandidateAge = 21

func fmtErr(format string, args ...any) error { return fmt.Errorf(format, args...) }

// ReadDir reads the roster files of a folder. Problems with the data are
// returned together as Errors (file names include dir); other errors (the
// folder cannot be read) are returned as they are.
func ReadDir(dir string, levels election.Levels) (election.Roster, error) {
	if st, err := os.Stat(dir); err != nil {
		return election.Roster{}, fmt.Errorf("roster: %w", err)
	} else if !st.IsDir() {
		return election.Roster{}, fmt.Errorf("roster: %s is not a folder", dir)
	}
	return Read(os.DirFS(dir), dir, levels)
}

// Read reads the roster files from fsys; prefix is joined to file names in
// error messages.
func Read(fsys fs.FS, prefix string, levels election.Levels) (election.Roster, error) {
	sink := &errorSink{}
	tables := make(map[string]table)
	usable := true
	for _, f := range Formats() {
		name := filepath.Join(prefix, f.Name)
		data, err := fs.ReadFile(fsys, f.Name)
		if errors.Is(err, fs.ErrNotExist) {
			if f.Required {
				sink.add(name, 0, "", "file is missing")
				usable = false
			}
			continue
		}
		if err != nil {
			return election.Roster{}, fmt.Errorf("roster: read %s: %w", name, err)
		}
		t, ok := readTable(name, data, f, sink)
		if !ok {
			usable = false
			continue
		}
		tables[f.Name] = t
	}

	// References into an unreadable file are not checked: its own
	// errors say what is wrong, and "unknown X" for every row would bury them.
	_, councilsRead := tables[CouncilsFile]
	_, personsRead := tables[PersonsFile]
	b := builder{sink: sink, levels: levels, councilsRead: councilsRead, personsRead: personsRead}
	if t, ok := tables[ElectionFile]; ok {
		b.readElection(&t)
	}
	if t, ok := tables[CouncilsFile]; ok {
		b.readCouncils(&t)
	}
	if t, ok := tables[PersonsFile]; ok {
		b.readPersons(&t)
	}
	if t, ok := tables[ComplaintsFile]; ok {
		b.readComplaints(&t)
	}
	if t, ok := tables[CadresFile]; ok {
		b.readCadres(&t)
	}
	if len(sink.errs) > 0 || !usable {
		return election.Roster{}, sink.errs
	}
	return b.roster, nil
}

// builder turns tables into a Roster, checking references between files.
type builder struct {
	sink   *errorSink
	levels election.Levels
	// councilsRead and personsRead say whether the file was readable, so
	// references to it can be checked.
	councilsRead, personsRead bool
	roster                    election.Roster
	// electionOK is false when election.csv was bad, so date checks
	// against election day are skipped rather than reported twice.
	electionOK   bool
	councilLine  map[election.CouncilCode]int
	councils     map[election.CouncilCode]election.Council
	personLine   map[election.PersonID]int
	personOf     map[election.PersonID]election.CouncilCode
	citizenLine  map[string]int // council code + citizen ID
	seatsFilled  map[election.CouncilCode]int
	otherIDLines map[string]int // complaint and cadre IDs, prefixed by kind
}

func (b *builder) readElection(t *table) {
	switch len(t.rows) {
	case 0:
		b.sink.add(t.file, 1, "", "no election row under the header; want exactly one")
		return
	case 1:
	default:
		b.sink.add(t.file, t.rows[1].line, "", "want exactly one election row, found "+strconv.Itoa(len(t.rows)))
		return
	}
	r := &row{t: t, rec: t.rows[0], sink: b.sink}
	e := election.Election{
		Term:        parse(r, "term", election.ParseTerm),
		Name:        r.text("name"),
		ElectionDay: r.date("election_day"),
	}
	for _, rule := range election.DefaultDeadlineRules() {
		col := deadlineColumn(rule.Kind)
		if r.optional(col) == "" {
			continue
		}
		if e.DeadlineDays == nil {
			e.DeadlineDays = make(map[election.DeadlineKind]int)
		}
		e.DeadlineDays[rule.Kind] = int(r.integer(col, 0, 365))
	}
	if r.ok() {
		if _, err := e.Calendar(); err != nil {
			r.fail("", err.Error())
		}
	}
	b.roster.Election = e
	b.electionOK = r.ok()
}

func (b *builder) readCouncils(t *table) {
	b.councilLine = make(map[election.CouncilCode]int, len(t.rows))
	b.councils = make(map[election.CouncilCode]election.Council, len(t.rows))
	for _, rec := range t.rows {
		r := &row{t: t, rec: rec, sink: b.sink}
		c := election.Council{
			Code:             parse(r, "code", election.ParseCouncilCode),
			Name:             r.text("name"),
			RerunElectionDay: r.optionalDate("rerun_election_day"),
		}
		spec := parse(r, "level", b.levels.Lookup)
		c.Level = spec.Level
		prov, err := election.ParseProvinceCode(r.optional("province"))
		switch {
		case err != nil:
			r.fail("province", err.Error())
		case spec.Level == election.LevelNational && prov != "":
			r.fail("province", "must be empty for the National Assembly")
		case spec.Level != "" && spec.Level != election.LevelNational && prov == "":
			r.fail("province", "is empty")
		}
		c.Province = prov
		if spec.Level != "" {
			c.Seats = int(r.integer("seats", int64(spec.MinSeats), int64(spec.MaxSeatsSpecial)))
		}
		if b.electionOK && !c.RerunElectionDay.IsZero() && !c.RerunElectionDay.After(b.roster.Election.ElectionDay) {
			r.fail("rerun_election_day", "must be after election day "+b.roster.Election.ElectionDay.String())
		}
		if first, dup := b.councilLine[c.Code]; dup && c.Code != "" {
			r.fail("code", fmt.Sprintf("duplicate council %s (first on line %d)", c.Code, first))
		} else if c.Code != "" {
			b.councilLine[c.Code] = rec.line
		}
		if !r.ok() {
			continue
		}
		b.councils[c.Code] = c
		b.roster.Councils = append(b.roster.Councils, c)
	}
}

// council resolves a council reference, reporting unknown codes.
func (b *builder) council(r *row) (election.Council, bool) {
	code := parse(r, "council", election.ParseCouncilCode)
	if code == "" {
		return election.Council{}, false
	}
	c, ok := b.councils[code]
	if !b.councilsRead {
		r.bad = true
		return c, false
	}
	if _, listed := b.councilLine[code]; !ok && !listed {
		r.fail("council", fmt.Sprintf("unknown council %s (not in %s)", code, CouncilsFile))
	} else if !ok {
		r.bad = true // the council's own row is wrong and already reported
	}
	return c, ok
}

func (b *builder) readPersons(t *table) {
	b.personLine = make(map[election.PersonID]int, len(t.rows))
	b.personOf = make(map[election.PersonID]election.CouncilCode, len(t.rows))
	b.citizenLine = make(map[string]int, len(t.rows))
	b.seatsFilled = make(map[election.CouncilCode]int)
	for _, rec := range t.rows {
		r := &row{t: t, rec: rec, sink: b.sink}
		p := election.ElectedPerson{
			ID:        parse(r, "person_id", election.ParsePersonID),
			FullName:  r.text("full_name"),
			Sex:       parse(r, "sex", election.ParseSex),
			BirthDate: r.date("birth_date"),
			CitizenID: parse(r, "citizen_id", election.ParseCitizenID),
		}
		if v := r.optional("votes"); v != "" {
			p.Votes = int(r.integer("votes", 0, 100_000_000))
		}
		c, known := b.council(r)
		p.Council = c.Code
		if b.electionOK && !p.BirthDate.IsZero() {
			day := b.roster.Election.ElectionDay
			if day.Before(p.BirthDate.AddDate(minCandidateAge)) {
				r.fail("birth_date", fmt.Sprintf("born %s: under %d on election day (Constitution art. 27)", p.BirthDate, minCandidateAge))
			}
		}
		if first, dup := b.personLine[p.ID]; dup && p.ID != "" {
			r.fail("person_id", fmt.Sprintf("duplicate person %s (first on line %d)", p.ID, first))
		} else if p.ID != "" {
			b.personLine[p.ID] = rec.line
		}
		citizenKey := string(p.Council) + "/" + string(p.CitizenID)
		if first, dup := b.citizenLine[citizenKey]; dup && known && p.CitizenID != "" {
			r.fail("citizen_id", fmt.Sprintf("duplicate person: same citizen ID in council %s (first on line %d)", p.Council, first))
		}
		if known && b.seatsFilled[c.Code] >= c.Seats {
			r.fail("council", fmt.Sprintf("council %s has %d seats; this would be elected person %d", c.Code, c.Seats, b.seatsFilled[c.Code]+1))
		}
		if !r.ok() {
			continue
		}
		b.personOf[p.ID] = p.Council
		b.citizenLine[citizenKey] = rec.line
		b.seatsFilled[c.Code]++
		b.roster.Persons = append(b.roster.Persons, p)
	}
}

// uniqueID reports a repeated complaint or cadre ID.
func (b *builder) uniqueID(r *row, field, kind, id string) {
	if b.otherIDLines == nil {
		b.otherIDLines = make(map[string]int)
	}
	key := kind + "/" + id
	if first, dup := b.otherIDLines[key]; dup && id != "" {
		r.fail(field, fmt.Sprintf("duplicate %s %s (first on line %d)", kind, id, first))
		return
	}
	b.otherIDLines[key] = r.rec.line
}

func (b *builder) readComplaints(t *table) {
	for _, rec := range t.rows {
		r := &row{t: t, rec: rec, sink: b.sink}
		c := election.Complaint{
			ID:         parse(r, "complaint_id", election.ParseComplaintID),
			Person:     parse(r, "person_id", election.ParsePersonID),
			Kind:       parse(r, "kind", election.ParseComplaintKind),
			ReceivedOn: r.date("received_on"),
			Summary:    r.text("summary"),
		}
		council, known := b.council(r)
		c.Council = council.Code
		_, listed := b.personLine[c.Person]
		listed = listed || !b.personsRead
		if of, ok := b.personOf[c.Person]; c.Person != "" && !ok && !listed {
			r.fail("person_id", fmt.Sprintf("unknown person %s (not in %s)", c.Person, PersonsFile))
		} else if !ok && listed {
			r.bad = true // the person's own row is wrong and already reported
		} else if ok && known && of != c.Council {
			r.fail("person_id", fmt.Sprintf("person %s was elected to council %s, not %s", c.Person, of, c.Council))
		}
		if b.electionOK && !c.ReceivedOn.IsZero() && c.ReceivedOn.Before(b.roster.Election.ElectionDay) {
			r.fail("received_on", "is before election day "+b.roster.Election.ElectionDay.String())
		}
		b.uniqueID(r, "complaint_id", "complaint", string(c.ID))
		if r.ok() {
			b.roster.Complaints = append(b.roster.Complaints, c)
		}
	}
}

func (b *builder) readCadres(t *table) {
	for _, rec := range t.rows {
		r := &row{t: t, rec: rec, sink: b.sink}
		c := election.OutgoingCadre{
			ID:              parse(r, "cadre_id", election.ParseCadreID),
			FullName:        r.text("full_name"),
			Sex:             parse(r, "sex", election.ParseSex),
			BirthDate:       r.date("birth_date"),
			CitizenID:       parse(r, "citizen_id", election.ParseCitizenID),
			Position:        r.text("position"),
			InsuranceMonths: int(r.integer("insurance_months", 0, 600)),
			MonthlySalary:   election.VND(r.integer("monthly_salary_vnd", 1, 10_000_000_000)),
		}
		council, _ := b.council(r)
		c.Council = council.Code
		b.uniqueID(r, "cadre_id", "cadre", string(c.ID))
		if r.ok() {
			b.roster.Cadres = append(b.roster.Cadres, c)
		}
	}
}
