package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// SummaryRow is one line of a progress summary: a province (or, within a
// province, a council) with the state of its checklists.
type SummaryRow struct {
	Key          string // province code, or council code when summarising one province
	Name         string
	Councils     int
	Started      int // councils with any progress recorded
	Done         int // councils whose every area is done
	Stage        string
	OpenTasks    int
	OverdueTasks int
	Persons      int
	Confirmed    int
	NotConfirmed int
	Certificates int
	HandedOver   int
}

// Summary summarises an election from Postgres: by province, or council by
// council when province is set.
func (s *Store) Summary(ctx context.Context, term election.Term, province election.ProvinceCode) ([]SummaryRow, error) {
	key, name := "c.province", "coalesce(max(c.name) FILTER (WHERE c.level = 'province'), max(c.name) FILTER (WHERE c.level = 'national'), '')"
	if province != "" {
		key, name = "c.code", "min(c.name)"
	}
	rows, err := s.db.Query(ctx, fmt.Sprintf(`
		WITH progress AS (
			SELECT council_code,
				bool_and(state = 'done') AS done,
				coalesce(string_agg(CASE WHEN state <> 'done' THEN area || '/' || step END, ', ' ORDER BY area), '') AS stage,
				sum(open_tasks) AS open_tasks, sum(overdue_tasks) AS overdue_tasks
			FROM checklist_progress WHERE term = $1 GROUP BY council_code
		), persons AS (
			SELECT council_code, count(*) AS n FROM elected_persons WHERE term = $1 GROUP BY council_code
		), decisions AS (
			SELECT d.council_code, count(*) FILTER (WHERE d.confirmed) AS yes, count(*) FILTER (WHERE NOT d.confirmed) AS no
			FROM credential_decisions d JOIN credential_resolutions r USING (term, council_code)
			WHERE d.term = $1 GROUP BY d.council_code
		), certs AS (
			SELECT council_code, count(*) AS n, count(handed_over_at) AS handed
			FROM certificates WHERE term = $1 GROUP BY council_code
		)
		SELECT %[1]s, %[2]s, count(*)::int,
			count(p.council_code)::int, count(*) FILTER (WHERE p.done)::int,
			CASE WHEN count(*) = 1 THEN coalesce(min(p.stage), '') ELSE '' END,
			coalesce(sum(p.open_tasks), 0)::int, coalesce(sum(p.overdue_tasks), 0)::int,
			coalesce(sum(pe.n), 0)::int, coalesce(sum(d.yes), 0)::int, coalesce(sum(d.no), 0)::int,
			coalesce(sum(k.n), 0)::int, coalesce(sum(k.handed), 0)::int
		FROM councils c
		LEFT JOIN progress p ON p.council_code = c.code
		LEFT JOIN persons pe ON pe.council_code = c.code
		LEFT JOIN decisions d ON d.council_code = c.code
		LEFT JOIN certs k ON k.council_code = c.code
		WHERE c.term = $1 AND ($2 = '' OR c.province = $2)
		GROUP BY %[1]s
		ORDER BY %[1]s`, key, name), string(term), string(province))
	if err != nil {
		return nil, fmt.Errorf("store: summary of %s: %w", term, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (SummaryRow, error) {
		var r SummaryRow
		err := row.Scan(&r.Key, &r.Name, &r.Councils, &r.Started, &r.Done, &r.Stage, &r.OpenTasks, &r.OverdueTasks,
			&r.Persons, &r.Confirmed, &r.NotConfirmed, &r.Certificates, &r.HandedOver)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: summary of %s: %w", term, err)
	}
	return out, nil
}

// LastActivity is when the checklists of an election (or of one province)
// last moved: the latest progress report or task opened. Zero when nothing
// has moved yet. Simulated staff read it to tell a quiet election from one
// whose workflows are still busy between tasks (writing certificates,
// waiting for a worker).
func (s *Store) LastActivity(ctx context.Context, term election.Term, province election.ProvinceCode) (time.Time, error) {
	var at *time.Time
	err := s.db.QueryRow(ctx, `
		SELECT greatest(
			(SELECT max(p.updated_at) FROM checklist_progress p JOIN councils c ON c.term = p.term AND c.code = p.council_code
			 WHERE p.term = $1 AND ($2 = '' OR c.province = $2)),
			(SELECT max(t.created_at) FROM tasks t JOIN councils c ON c.term = t.term AND c.code = t.council_code
			 WHERE t.term = $1 AND ($2 = '' OR c.province = $2)))`,
		string(term), string(province)).Scan(&at)
	if err != nil {
		return time.Time{}, fmt.Errorf("store: last activity of %s: %w", term, err)
	}
	if at == nil {
		return time.Time{}, nil
	}
	return *at, nil
}
