package roster

import (
	"strconv"

	"electionflow/election"
)

// The file names of a roster folder.
const (
	ElectionFile   = "election.csv"
	CouncilsFile   = "councils.csv"
	PersonsFile    = "persons.csv"
	ComplaintsFile = "complaints.csv"
	CadresFile     = "cadres.csv"
)

// Column describes one column of a roster file, for validation, the writer
// and the README.
type Column struct {
	Name     string
	Required bool // the column must be in the header (its value may still be optional)
	Help     string
}

// FileFormat describes one roster file.
type FileFormat struct {
	Name     string
	Required bool // the file must exist in the folder
	Columns  []Column
}

// deadlineColumn is the election.csv column that overrides a deadline's
// number of days, e.g. "credential_resolution_days".
func deadlineColumn(k election.DeadlineKind) string { return string(k) + "_days" }

// Formats returns the formats of every roster file, in import order.
func Formats() []FileFormat {
	electionCols := []Column{
		{"term", true, "nhiệm kỳ, e.g. 2026-2031; keys the election"},
		{"name", true, "name of the election"},
		{"election_day", true, "ngày bầu cử, YYYY-MM-DD or DD/MM/YYYY"},
	}
	for _, r := range election.DefaultDeadlineRules() {
		electionCols = append(electionCols, Column{deadlineColumn(r.Kind), false,
			"days after election day for this deadline, overriding the default " + strconv.Itoa(r.Days) + " (" + r.Citation + ")"})
	}
	return []FileFormat{
		{ElectionFile, true, electionCols},
		{CouncilsFile, true, []Column{
			{"code", true, "council code, unique in the election (letters, digits, - and _)"},
			{"name", true, "name of the council"},
			{"level", true, "national, province, commune (district for earlier terms)"},
			{"province", true, "province code; empty only for the National Assembly"},
			{"seats", true, "number of delegates to elect, within the legal range of the level"},
			{"rerun_election_day", false, "day of an additional or re-run election, if one was held"},
		}},
		{PersonsFile, true, []Column{
			{"person_id", true, "identifier of the elected person, unique in the election"},
			{"council", true, "code of the council elected to"},
			{"full_name", true, "họ và tên"},
			{"sex", true, "male/female or nam/nữ"},
			{"birth_date", true, "ngày sinh; at least 21 on election day"},
			{"citizen_id", true, "12-digit citizen ID; unique within a council"},
			{"votes", false, "valid votes received"},
		}},
		{ComplaintsFile, false, []Column{
			{"complaint_id", true, "identifier, unique in the election"},
			{"council", true, "code of the council"},
			{"person_id", true, "the elected person complained about, of that council"},
			{"kind", true, "complaint/denunciation or khiếu nại/tố cáo"},
			{"received_on", true, "date received, not before election day"},
			{"summary", true, "short summary"},
		}},
		{CadresFile, false, []Column{
			{"cadre_id", true, "identifier, unique in the election"},
			{"council", true, "code of the council the cadre served"},
			{"full_name", true, "họ và tên"},
			{"sex", true, "male/female or nam/nữ"},
			{"birth_date", true, "ngày sinh"},
			{"citizen_id", true, "12-digit citizen ID"},
			{"position", true, "chức vụ"},
			{"insurance_months", true, "months of social insurance (0..600)"},
			{"monthly_salary_vnd", true, "monthly salary in đồng"},
		}},
	}
}
