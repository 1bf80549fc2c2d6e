package roster

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"electionflow/election"
)

// A roster whose texts look like formulas is written so that a spreadsheet
// runs nothing, and reads back unchanged.
func TestWriteNeutralisesFormulas(t *testing.T) {
	r, err := ReadDir(filepath.Join("testdata", "good"), election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	const link = `=HYPERLINK("http://x","y")`
	names := []string{link, "+cmd|' /C calc'!A0", "@SUM(1+9)", "'=already quoted"}
	if len(r.Councils) < len(names) {
		t.Fatalf("the test roster has %d councils, want %d", len(r.Councils), len(names))
	}
	for i, name := range names {
		r.Councils[i].Name = name
	}
	r.Persons[0].FullName = "-Lan"
	dir := t.TempDir()
	if err := WriteDir(dir, r); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join(dir, CouncilsFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`,"'=HYPERLINK(""http://x"",""y"")",`, ",'+cmd|' /C calc'!A0,", ",'@SUM(1+9),", ",''=already quoted,"} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("%s lacks %s:\n%s", CouncilsFile, want, raw)
		}
	}
	for _, line := range strings.Split(string(raw), "\n") {
		for _, cell := range strings.Split(line, ",") {
			if strings.HasPrefix(cell, "=") || strings.HasPrefix(cell, `"=`) || strings.HasPrefix(cell, "@") {
				t.Errorf("cell %q of %s starts a formula", cell, CouncilsFile)
			}
		}
	}
	persons, err := os.ReadFile(filepath.Join(dir, PersonsFile))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(persons), ",'-Lan,") {
		t.Errorf("%s: a name starting with '-' is not neutralised:\n%s", PersonsFile, persons)
	}
	got, err := ReadDir(dir, election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, r) {
		t.Errorf("round trip changed the roster:\n got %+v\nwant %+v", got.Councils, r.Councils)
	}
}
