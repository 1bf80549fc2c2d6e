package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// TableCounts says what an import did to one table.
type TableCounts struct {
	Table     string
	Inserted  int
	Updated   int
	Unchanged int
}

// ImportReport says what an import did, table by table.
type ImportReport struct {
	Term   election.Term
	Tables []TableCounts
}

// Changed reports whether the import inserted or updated anything.
func (r ImportReport) Changed() bool {
	for _, t := range r.Tables {
		if t.Inserted+t.Updated > 0 {
			return true
		}
	}
	return false
}

// upsertSpec describes how one roster table is imported: rows are copied
// into a temporary table, then inserted, updating existing rows only where a
// value differs, so importing the same files again changes nothing.
type upsertSpec struct {
	table   string
	key     []string // the primary key columns
	columns []string // every column written, key included
	rows    [][]any
}

// ImportRoster writes a validated roster in one transaction: the election,
// councils, elected persons, complaints and outgoing cadres, plus one audit
// row naming the actor. New rows are inserted and changed rows updated;
// identical rows are left untouched. Either everything lands or nothing.
func (s *Store) ImportRoster(ctx context.Context, r election.Roster, actor Actor) (ImportReport, error) {
	if _, err := r.Election.Calendar(); err != nil {
		return ImportReport{}, fmt.Errorf("store: import: %w", err)
	}
	report := ImportReport{Term: r.Election.Term}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		for _, spec := range rosterSpecs(r) {
			counts, err := upsert(ctx, tx, spec)
			if err != nil {
				return err
			}
			report.Tables = append(report.Tables, counts)
		}
		detail := map[string]any{}
		for _, t := range report.Tables {
			detail[t.Table] = map[string]int{"inserted": t.Inserted, "updated": t.Updated, "unchanged": t.Unchanged}
		}
		return appendAudit(ctx, tx, AuditEntry{
			Actor: actor, Action: "roster.import", Term: r.Election.Term,
			Subject: "election/" + string(r.Election.Term), Detail: detail,
		})
	})
	if err != nil {
		return ImportReport{}, fmt.Errorf("store: import %s: %w", r.Election.Term, err)
	}
	return report, nil
}

// rosterSpecs lays the roster out as rows, parents before children.
func rosterSpecs(r election.Roster) []upsertSpec {
	term := string(r.Election.Term)
	overrides := map[string]int{}
	for k, v := range r.Election.DeadlineDays {
		overrides[string(k)] = v
	}
	deadlineDays, _ := json.Marshal(overrides) // a map of ints always marshals

	specs := []upsertSpec{
		{table: "elections", key: []string{"term"},
			columns: []string{"term", "name", "election_day", "deadline_days"},
			rows:    [][]any{{term, r.Election.Name, dateArg(r.Election.ElectionDay), string(deadlineDays)}}},
		{table: "councils", key: []string{"term", "code"},
			columns: []string{"term", "code", "name", "level", "province", "seats", "rerun_election_day"}},
		{table: "elected_persons", key: []string{"term", "person_id"},
			columns: []string{"term", "person_id", "council_code", "full_name", "sex", "birth_date", "citizen_id", "votes"}},
		{table: "complaints", key: []string{"term", "complaint_id"},
			columns: []string{"term", "complaint_id", "council_code", "person_id", "kind", "received_on", "summary"}},
		{table: "outgoing_cadres", key: []string{"term", "cadre_id"},
			columns: []string{"term", "cadre_id", "council_code", "full_name", "sex", "birth_date", "citizen_id",
				"position", "insurance_months", "monthly_salary_vnd"}},
	}
	for _, c := range r.Councils {
		specs[1].rows = append(specs[1].rows, []any{term, string(c.Code), c.Name, string(c.Level),
			string(c.Province), int32(c.Seats), dateArg(c.RerunElectionDay)})
	}
	for _, p := range r.Persons {
		var votes any
		if p.Votes > 0 {
			votes = int32(p.Votes)
		}
		specs[2].rows = append(specs[2].rows, []any{term, string(p.ID), string(p.Council), p.FullName,
			string(p.Sex), dateArg(p.BirthDate), string(p.CitizenID), votes})
	}
	for _, c := range r.Complaints {
		specs[3].rows = append(specs[3].rows, []any{term, string(c.ID), string(c.Council), string(c.Person),
			string(c.Kind), dateArg(c.ReceivedOn), c.Summary})
	}
	for _, c := range r.Cadres {
		specs[4].rows = append(specs[4].rows, []any{term, string(c.ID), string(c.Council), c.FullName,
			string(c.Sex), dateArg(c.BirthDate), string(c.CitizenID), c.Position, int32(c.InsuranceMonths),
			int64(c.MonthlySalary)})
	}
	return specs
}

// upsert imports the rows of one table and counts what changed.
func upsert(ctx context.Context, tx pgx.Tx, spec upsertSpec) (TableCounts, error) {
	counts := TableCounts{Table: spec.table}
	if len(spec.rows) == 0 {
		return counts, nil
	}
	staging := "import_" + spec.table
	if _, err := tx.Exec(ctx, fmt.Sprintf(`CREATE TEMP TABLE %s (LIKE %s INCLUDING DEFAULTS) ON COMMIT DROP`, staging, spec.table)); err != nil {
		return counts, fmt.Errorf("stage %s: %w", spec.table, err)
	}
	if _, err := tx.CopyFrom(ctx, pgx.Identifier{staging}, spec.columns, pgx.CopyFromRows(spec.rows)); err != nil {
		return counts, fmt.Errorf("copy %s: %w", spec.table, err)
	}

	isKey := map[string]bool{}
	for _, k := range spec.key {
		isKey[k] = true
	}
	var set, old, new []string
	for _, c := range spec.columns {
		if isKey[c] {
			continue
		}
		set = append(set, fmt.Sprintf("%s = EXCLUDED.%s", c, c))
		old = append(old, spec.table+"."+c)
		new = append(new, "EXCLUDED."+c)
	}
	cols := strings.Join(spec.columns, ", ")
	query := fmt.Sprintf(`
		INSERT INTO %s (%s) SELECT %s FROM %s
		ON CONFLICT (%s) DO UPDATE SET %s
		WHERE (%s) IS DISTINCT FROM (%s)
		RETURNING (xmax = 0) AS inserted`,
		spec.table, cols, cols, staging,
		strings.Join(spec.key, ", "), strings.Join(set, ", "),
		strings.Join(old, ", "), strings.Join(new, ", "))
	rows, err := tx.Query(ctx, query)
	if err != nil {
		return counts, fmt.Errorf("import %s: %w", spec.table, err)
	}
	inserted, err := pgx.CollectRows(rows, pgx.RowTo[bool])
	if err != nil {
		return counts, fmt.Errorf("import %s: %w", spec.table, err)
	}
	for _, ins := range inserted {
		if ins {
			counts.Inserted++
		} else {
			counts.Updated++
		}
	}
	counts.Unchanged = len(spec.rows) - counts.Inserted - counts.Updated
	return counts, nil
}

// dateArg passes a Date to pgx: NULL when unset.
func dateArg(d election.Date) any {
	if d.IsZero() {
		return nil
	}
	return d.Time()
}
