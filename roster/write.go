package roster

import (
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"electionflow/election"
	"electionflow/internal/csvsafe"
)

// WriteDir writes r as roster files into dir (created if missing), in the
// format Read accepts: UTF-8 without a byte-order mark, ISO dates, every
// column named in the header. A text cell a spreadsheet would run as a
// formula (a name starting with '=', say) is written after a single quote
// (package csvsafe), and Read takes that quote off again, so a roster
// written and read back is unchanged and a file opened in a spreadsheet
// runs nothing. Each file is written to a temporary name and
// renamed, so a failed write never leaves half a file.
func WriteDir(dir string, r election.Roster) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("roster: %w", err)
	}
	files := []struct {
		name string
		rows [][]string
	}{
		{ElectionFile, electionRows(r.Election)},
		{CouncilsFile, councilRows(r.Councils)},
		{PersonsFile, personRows(r.Persons)},
		{ComplaintsFile, complaintRows(r.Complaints)},
		{CadresFile, cadreRows(r.Cadres)},
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(dir, f.name), f.rows); err != nil {
			return fmt.Errorf("roster: write %s: %w", f.name, err)
		}
	}
	return nil
}

func writeFile(path string, rows [][]string) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // no-op after a successful rename
	w := csv.NewWriter(tmp)
	safe := make([][]string, len(rows))
	for i, row := range rows {
		safe[i] = csvsafe.Row(row...)
	}
	if err := w.WriteAll(safe); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

func electionRows(e election.Election) [][]string {
	header := []string{"term", "name", "election_day"}
	row := []string{string(e.Term), e.Name, e.ElectionDay.String()}
	for _, rule := range election.DefaultDeadlineRules() {
		if days, ok := e.DeadlineDays[rule.Kind]; ok {
			header = append(header, deadlineColumn(rule.Kind))
			row = append(row, strconv.Itoa(days))
		}
	}
	return [][]string{header, row}
}

func councilRows(cs []election.Council) [][]string {
	rows := [][]string{{"code", "name", "level", "province", "seats", "rerun_election_day"}}
	for _, c := range cs {
		rows = append(rows, []string{string(c.Code), c.Name, string(c.Level), string(c.Province),
			strconv.Itoa(c.Seats), c.RerunElectionDay.String()})
	}
	return rows
}

func personRows(ps []election.ElectedPerson) [][]string {
	rows := [][]string{{"person_id", "council", "full_name", "sex", "birth_date", "citizen_id", "votes"}}
	for _, p := range ps {
		votes := ""
		if p.Votes > 0 {
			votes = strconv.Itoa(p.Votes)
		}
		rows = append(rows, []string{string(p.ID), string(p.Council), p.FullName, string(p.Sex),
			p.BirthDate.String(), string(p.CitizenID), votes})
	}
	return rows
}

func complaintRows(cs []election.Complaint) [][]string {
	rows := [][]string{{"complaint_id", "council", "person_id", "kind", "received_on", "summary"}}
	for _, c := range cs {
		rows = append(rows, []string{string(c.ID), string(c.Council), string(c.Person), string(c.Kind),
			c.ReceivedOn.String(), c.Summary})
	}
	return rows
}

func cadreRows(cs []election.OutgoingCadre) [][]string {
	rows := [][]string{{"cadre_id", "council", "full_name", "sex", "birth_date", "citizen_id", "position",
		"insurance_months", "monthly_salary_vnd"}}
	for _, c := range cs {
		rows = append(rows, []string{string(c.ID), string(c.Council), c.FullName, string(c.Sex),
			c.BirthDate.String(), string(c.CitizenID), c.Position, strconv.Itoa(c.InsuranceMonths),
			strconv.FormatInt(int64(c.MonthlySalary), 10)})
	}
	return rows
}
