package roster

import (
	"bytes"
	"errors"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"testing"
	"testing/fstest"

	"electionflow/election"
)

// The fuzz targets replace one file of the good roster with the fuzzer's
// bytes and check the reader's promises: it never panics; it either
// returns a roster whose references hold, or an Errors naming a file of
// the folder and a line of that file (the field too when one is at fault),
// with no roster at all. Seeds are the good file and the inputs under
// testdata/fuzz/<FuzzName>/.

func FuzzReadElection(f *testing.F)   { fuzzRead(f, ElectionFile) }
func FuzzReadCouncils(f *testing.F)   { fuzzRead(f, CouncilsFile) }
func FuzzReadPersons(f *testing.F)    { fuzzRead(f, PersonsFile) }
func FuzzReadComplaints(f *testing.F) { fuzzRead(f, ComplaintsFile) }
func FuzzReadCadres(f *testing.F)     { fuzzRead(f, CadresFile) }

// fuzzPrefix is the folder named in errors, so a test can tell a file of
// the roster from anything else.
const fuzzPrefix = "roster"

func fuzzRead(f *testing.F, name string) {
	good := map[string][]byte{}
	for _, format := range Formats() {
		data, err := os.ReadFile(filepath.Join("testdata", "good", format.Name))
		if err != nil {
			f.Fatal(err)
		}
		good[format.Name] = data
	}
	f.Add(good[name])
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := fstest.MapFS{}
		for n, d := range good {
			fsys[n] = &fstest.MapFile{Data: d}
		}
		fsys[name] = &fstest.MapFile{Data: data}
		r, err := Read(fsys, fuzzPrefix, election.DefaultLevels())
		if err != nil {
			checkRejection(t, fsys, r, err)
			return
		}
		checkAccepted(t, r)
	})
}

// checkRejection checks that every problem names a roster file and one of
// its lines, and that nothing was returned.
func checkRejection(t *testing.T, fsys fstest.MapFS, r election.Roster, err error) {
	t.Helper()
	var errs Errors
	if !errors.As(err, &errs) {
		t.Fatalf("rejection is not a list of problems: %v", err)
	}
	if len(errs) == 0 {
		t.Fatal("rejected with an empty list of problems")
	}
	if !reflect.DeepEqual(r, election.Roster{}) {
		t.Errorf("a rejected roster returned data: %d councils, %d persons", len(r.Councils), len(r.Persons))
	}
	for _, e := range errs {
		dir, file := path.Split(filepath.ToSlash(e.File))
		mf, ok := fsys[file]
		if dir != fuzzPrefix+"/" || !ok {
			t.Errorf("problem names no file of the roster: %q", e.Error())
			continue
		}
		lines := bytes.Count(mf.Data, []byte("\n")) + 1
		if e.Line < 1 || e.Line > lines {
			t.Errorf("problem names line %d of a %d-line file: %q", e.Line, lines, e.Error())
		}
		if e.Reason == "" {
			t.Errorf("problem without a reason: %q", e.Error())
		}
	}
}

// checkAccepted checks what an accepted roster promises to the importer:
// required values set, identifiers unique, references resolved, no council
// over its seats.
func checkAccepted(t *testing.T, r election.Roster) {
	t.Helper()
	if r.Election.Term == "" || r.Election.Name == "" || r.Election.ElectionDay.IsZero() {
		t.Errorf("accepted election without a required value: %+v", r.Election)
	}
	if _, err := r.Election.Calendar(); err != nil {
		t.Errorf("accepted election has no calendar: %v", err)
	}
	councils := map[election.CouncilCode]election.Council{}
	for _, c := range r.Councils {
		if _, dup := councils[c.Code]; dup || c.Code == "" || c.Name == "" || c.Level == "" || c.Seats < 1 {
			t.Errorf("accepted council %+v (duplicate: %v)", c, dup)
		}
		if !c.RerunElectionDay.IsZero() && !c.RerunElectionDay.After(r.Election.ElectionDay) {
			t.Errorf("accepted council %s re-runs on %s, not after election day", c.Code, c.RerunElectionDay)
		}
		councils[c.Code] = c
	}
	persons := map[election.PersonID]election.CouncilCode{}
	seated := map[election.CouncilCode]int{}
	for _, p := range r.Persons {
		if _, dup := persons[p.ID]; dup || p.ID == "" || p.FullName == "" || p.BirthDate.IsZero() || p.CitizenID == "" || p.Sex == "" {
			t.Errorf("accepted person %+v (duplicate: %v)", p, dup)
		}
		if _, ok := councils[p.Council]; !ok {
			t.Errorf("accepted person %s of unknown council %s", p.ID, p.Council)
		}
		persons[p.ID] = p.Council
		seated[p.Council]++
	}
	for code, n := range seated {
		if n > councils[code].Seats {
			t.Errorf("accepted %d persons for council %s of %d seats", n, code, councils[code].Seats)
		}
	}
	for _, c := range r.Complaints {
		if of, ok := persons[c.Person]; !ok || of != c.Council || c.ReceivedOn.IsZero() || c.Summary == "" {
			t.Errorf("accepted complaint %+v", c)
		}
	}
	for _, c := range r.Cadres {
		if _, ok := councils[c.Council]; !ok || c.ID == "" || c.BirthDate.IsZero() || c.MonthlySalary < 1 {
			t.Errorf("accepted cadre %+v", c)
		}
	}
}
