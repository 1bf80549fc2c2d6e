package roster

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"

	"electionflow/election"
)

// goodFS loads testdata/good into a MapFS that tests can spoil file by file.
func goodFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, f := range Formats() {
		data, err := os.ReadFile(filepath.Join("testdata", "good", f.Name))
		if err != nil {
			t.Fatal(err)
		}
		fsys[f.Name] = &fstest.MapFile{Data: data}
	}
	return fsys
}

func TestReadGood(t *testing.T) {
	r, err := ReadDir(filepath.Join("testdata", "good"), election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [4]int{len(r.Councils), len(r.Persons), len(r.Complaints), len(r.Cadres)}, [4]int{4, 6, 2, 2}; got != want {
		t.Fatalf("counts %v, want %v", got, want)
	}
	if r.Election.Term != "2026-2031" || r.Election.ElectionDay.String() != "2026-03-15" {
		t.Errorf("election %+v (BOM or DD/MM/YYYY not handled?)", r.Election)
	}
	if r.Election.DeadlineDays[election.DeadlineCredentialResolution] != 33 {
		t.Errorf("override lost: %v", r.Election.DeadlineDays)
	}
	if !strings.Contains(r.Election.Name, "Quốc hội khóa XVI") {
		t.Errorf("name %q", r.Election.Name)
	}
	p := r.Persons[4]
	if p.FullName != "Đặng Thị Ánh" || p.Sex != election.Female || p.BirthDate.String() != "1979-06-30" {
		t.Errorf("person %+v", p)
	}
	if r.Councils[3].RerunElectionDay.String() != "2026-04-05" || r.Councils[0].Province != "" {
		t.Errorf("councils %+v", r.Councils)
	}
	if r.Complaints[0].Kind != election.KindComplaint || r.Complaints[1].Kind != election.KindDenunciation {
		t.Errorf("complaint kinds %+v", r.Complaints)
	}
	if r.Cadres[0].MonthlySalary != 14_500_000 || r.Cadres[0].InsuranceMonths != 384 {
		t.Errorf("cadre %+v", r.Cadres[0])
	}
}

func TestReadBad(t *testing.T) {
	tests := []struct {
		name  string
		spoil func(fstest.MapFS)
		want  []string // every FieldError expected, as file:line: field: reason prefixes
	}{
		{"missing column", func(f fstest.MapFS) {
			replace(f, PersonsFile, "person_id,council,full_name,sex,birth_date,citizen_id,votes", "person_id,council,full_name,sex,citizen_id,votes")
			replace(f, PersonsFile, "1975-08-19,", "")
			replace(f, PersonsFile, "1968-02-29,", "")
			replace(f, PersonsFile, "12/11/1990,", "")
			replace(f, PersonsFile, "1985-01-01,", "")
			replace(f, PersonsFile, "1979-06-30,", "")
		}, []string{"persons.csv:1: birth_date: missing column"}},
		{"unknown column", func(f fstest.MapFS) {
			replace(f, CadresFile, "monthly_salary_vnd", "monthly_salary")
		}, []string{"cadres.csv:1: monthly_salary: unknown column", "cadres.csv:1: monthly_salary_vnd: missing column"}},
		{"bad dates", func(f fstest.MapFS) {
			replace(f, PersonsFile, "1985-01-01", "1985-13-01")
			replace(f, ComplaintsFile, "2026-03-28", "28.03.2026")
		}, []string{`persons.csv:5: birth_date: "1985-13-01" is not a date`, `complaints.csv:3: received_on: "28.03.2026" is not a date`}},
		{"duplicate person id", func(f fstest.MapFS) {
			appendLine(f, PersonsFile, "00004-P001,00004,Lê Văn Tám,nam,1980-01-01,001080099999,")
		}, []string{"persons.csv:8: person_id: duplicate person 00004-P001 (first on line 4)"}},
		{"duplicate citizen in a council", func(f fstest.MapFS) {
			appendLine(f, PersonsFile, "00004-P009,00004,Lê Hoàng Yến,nữ,1990-11-12,001190067890,")
		}, []string{"persons.csv:8: citizen_id: duplicate person: same citizen ID in council 00004 (first on line 4)"}},
		{"unknown council", func(f fstest.MapFS) {
			appendLine(f, PersonsFile, "99999-P001,99999,Lê Văn Tám,nam,1980-01-01,001080099999,")
			appendLine(f, CadresFile, "CB-009,77777,Lê Văn Tám,nam,1960-01-01,001060099999,Chủ tịch,300,9000000")
		}, []string{"persons.csv:8: council: unknown council 99999", "cadres.csv:4: council: unknown council 77777"}},
		{"wrong encoding", func(f fstest.MapFS) {
			// "Lê" in Windows-1258/Latin-1: the ê is one byte, invalid UTF-8.
			appendLine(f, PersonsFile, "00008-P003,00008,L\xea Minh,nam,1980-01-01,001080099999,")
		}, []string{"persons.csv:8: not valid UTF-8"}},
		{"utf-16", func(f fstest.MapFS) {
			f[ComplaintsFile].Data = append([]byte{0xFF, 0xFE}, []byte("c\x00")...)
		}, []string{"complaints.csv:1: file is UTF-16"}},
		{"empty file", func(f fstest.MapFS) {
			f[CadresFile].Data = []byte("  \n")
		}, []string{"cadres.csv:1: empty file"}},
		{"missing required file", func(f fstest.MapFS) {
			delete(f, PersonsFile)
		}, []string{"persons.csv: file is missing"}},
		{"field count", func(f fstest.MapFS) {
			appendLine(f, CouncilsFile, "00012,Hội đồng nhân dân xã Mới,commune,01")
		}, []string{"councils.csv:6: has 4 fields, the header has 6"}},
		{"seats and level", func(f fstest.MapFS) {
			appendLine(f, CouncilsFile, "00012,HĐND xã A,commune,01,40,")
			appendLine(f, CouncilsFile, "00016,HĐND xã B,hamlet,01,20,")
			appendLine(f, CouncilsFile, "00020,HĐND xã C,commune,,20,")
		}, []string{"councils.csv:6: seats: 40 is out of range 15..30", `councils.csv:7: level: unknown level "hamlet"`, "councils.csv:8: province: is empty"}},
		{"more persons than seats", func(f fstest.MapFS) {
			replace(f, CouncilsFile, "00008,Hội đồng nhân dân xã Tân Hòa,commune,01,15,", "00008,Hội đồng nhân dân xã Tân Hòa,commune,01,15,")
			for i := 0; i < 14; i++ {
				appendLine(f, PersonsFile, "00008-X"+string(rune('a'+i))+",00008,Lê Văn Tám,nam,1980-01-01,0010800999"+string(rune('0'+i/10))+string(rune('0'+i%10))+",")
			}
		}, []string{"persons.csv:21: council: council 00008 has 15 seats; this would be elected person 16"}},
		{"complaint about a person of another council", func(f fstest.MapFS) {
			appendLine(f, ComplaintsFile, "KN-002,00008,00004-P001,khiếu nại,2026-03-27,Khiếu nại")
			appendLine(f, ComplaintsFile, "KN-003,00008,00008-P404,khiếu nại,2026-03-27,Khiếu nại")
			appendLine(f, ComplaintsFile, "KN-001,00008,00008-P001,khiếu nại,2026-03-10,Khiếu nại")
		}, []string{
			"complaints.csv:4: person_id: person 00004-P001 was elected to council 00004, not 00008",
			"complaints.csv:5: person_id: unknown person 00008-P404",
			"complaints.csv:6: received_on: is before election day 2026-03-15",
			"complaints.csv:6: complaint_id: duplicate complaint KN-001 (first on line 2)",
		}},
		{"under 21", func(f fstest.MapFS) {
			appendLine(f, PersonsFile, "00008-P009,00008,Lê Văn Trẻ,nam,2005-03-16,001205099999,")
		}, []string{"persons.csv:8: birth_date: born 2005-03-16: under 21 on election day"}},
		{"two elections", func(f fstest.MapFS) {
			appendLine(f, ElectionFile, "2031-2036,Khác,2031-03-15,")
		}, []string{"election.csv:3: want exactly one election row, found 2"}},
		{"no election row", func(f fstest.MapFS) {
			f[ElectionFile].Data = []byte("term,name,election_day\n")
		}, []string{"election.csv:1: no election row under the header"}},
		{"bad override", func(f fstest.MapFS) {
			replace(f, ElectionFile, ",33", ",-3")
		}, []string{"election.csv:2: credential_resolution_days: -3 is out of range 0..365"}},
		{"empty required fields", func(f fstest.MapFS) {
			appendLine(f, CouncilsFile, "00012,,commune,01,20,")
			appendLine(f, CouncilsFile, ",HĐND xã B,,01,20,")
			appendLine(f, PersonsFile, "00008-P009,00008,,,1980-01-01,,")
			appendLine(f, ComplaintsFile, "KN-009,00008,00008-P001,khiếu nại,,")
			appendLine(f, CadresFile, "CB-009,00004,Lê Văn Tám,nam,1960-01-01,001060099999,,,")
			replace(f, ElectionFile, "2026-2031,", ",")
		}, []string{
			"councils.csv:6: name: is empty",
			"councils.csv:7: code: is empty",
			"councils.csv:7: level: is empty",
			"persons.csv:8: full_name: is empty",
			"persons.csv:8: sex: is empty",
			"persons.csv:8: citizen_id: is empty",
			"complaints.csv:4: received_on: is empty",
			"complaints.csv:4: summary: is empty",
			"cadres.csv:4: position: is empty",
			"cadres.csv:4: insurance_months: is empty",
			"cadres.csv:4: monthly_salary_vnd: is empty",
			"election.csv:2: term: is empty",
		}},
		{"whole numbers that are not", func(f fstest.MapFS) {
			replace(f, CouncilsFile, "commune,01,21,", "commune,01,hai mốt,")
			replace(f, PersonsFile, ",5321", ",5.321")
			replace(f, CadresFile, ",384,14500000", ",384.5,14500000")
			replace(f, CadresFile, ",216,11200000", ",216,11.200.000")
			replace(f, ElectionFile, ",33", ",0x21")
		}, []string{
			`councils.csv:4: seats: "hai mốt" is not a whole number`,
			`persons.csv:4: votes: "5.321" is not a whole number`,
			`cadres.csv:2: insurance_months: "384.5" is not a whole number`,
			`cadres.csv:3: monthly_salary_vnd: "11.200.000" is not a whole number`,
			`election.csv:2: credential_resolution_days: "0x21" is not a whole number`,
		}},
		{"duplicate council code", func(f fstest.MapFS) {
			appendLine(f, CouncilsFile, "00004,Hội đồng nhân dân phường Ba Đình mới,commune,01,20,")
		}, []string{"councils.csv:6: code: duplicate council 00004 (first on line 4)"}},
		{"re-run not after election day", func(f fstest.MapFS) {
			appendLine(f, CouncilsFile, "00012,HĐND xã A,commune,01,20,2026-03-15")
			appendLine(f, CouncilsFile, "00016,HĐND xã B,commune,01,20,01/03/2026")
		}, []string{
			"councils.csv:6: rerun_election_day: must be after election day 2026-03-15",
			"councils.csv:7: rerun_election_day: must be after election day 2026-03-15",
		}},
		{"dates that do not exist or mean nothing", func(f fstest.MapFS) {
			replace(f, PersonsFile, "1985-01-01", "0001-01-01")
			replace(f, CadresFile, "1965-05-10", "29/02/1965")
			replace(f, ComplaintsFile, "2026-03-28", "2026-02-29")
			replace(f, CouncilsFile, ",2026-04-05", ",0001-01-01")
		}, []string{
			`persons.csv:5: birth_date: "0001-01-01": year 1 is outside 1900..2199`,
			`cadres.csv:2: birth_date: "29/02/1965" is not a date`,
			`complaints.csv:3: received_on: "2026-02-29" is not a date`,
			`councils.csv:5: rerun_election_day: "0001-01-01": year 1 is outside 1900..2199`,
		}},
		{"election day year 1", func(f fstest.MapFS) {
			replace(f, ElectionFile, "15/03/2026", "01/01/0001")
		}, []string{`election.csv:2: election_day: "01/01/0001": year 1 is outside 1900..2199`}},
		{"bare quote", func(f fstest.MapFS) {
			appendLine(f, ComplaintsFile, `KN-009,00008,00008-P001,khiếu nại,2026-03-27,Khiếu "nại`)
		}, []string{"complaints.csv:4: malformed CSV"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := goodFS(t)
			tt.spoil(fsys)
			r, err := Read(fsys, "", election.DefaultLevels())
			var errs Errors
			if !errors.As(err, &errs) {
				t.Fatalf("err = %v, want Errors", err)
			}
			if !reflect.DeepEqual(r, election.Roster{}) {
				t.Errorf("a bad roster returned data: %d persons", len(r.Persons))
			}
			if len(errs) != len(tt.want) {
				t.Errorf("got %d errors, want %d:\n%v", len(errs), len(tt.want), err)
			}
			for _, w := range tt.want {
				found := false
				for _, e := range errs {
					if strings.HasPrefix(e.Error(), w) {
						found = true
					}
				}
				if !found {
					t.Errorf("missing error %q in:\n%v", w, err)
				}
			}
		})
	}
}

func TestReadDirNotAFolder(t *testing.T) {
	if _, err := ReadDir(filepath.Join("testdata", "nope"), election.DefaultLevels()); err == nil {
		t.Fatal("missing folder accepted")
	}
}

func TestWriteReadRoundTrip(t *testing.T) {
	want, err := ReadDir(filepath.Join("testdata", "good"), election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := WriteDir(dir, want); err != nil {
		t.Fatal(err)
	}
	got, err := ReadDir(dir, election.DefaultLevels())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the roster:\n got %+v\nwant %+v", got, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(Formats()) {
		t.Errorf("wrote %d files (temporary files left behind?)", len(entries))
	}
}

func replace(f fstest.MapFS, name, old, new string) {
	f[name].Data = []byte(strings.Replace(string(f[name].Data), old, new, 1))
}

func appendLine(f fstest.MapFS, name, line string) {
	f[name].Data = append(f[name].Data, []byte(line+"\n")...)
}
