package store

import (
	"context"
	"fmt"
	"time"

	"electionflow/election"
)

// AreaProgress is one checklist area's progress as the workflows report it.
type AreaProgress struct {
	Term         election.Term
	Council      election.CouncilCode
	Area         string
	State        string
	Step         string
	OpenTasks    int
	OverdueTasks int
	NextDeadline time.Time
	Seq          int
}

// RecordProgress stores an area's progress unless a newer report is
// already there.
func (s *Store) RecordProgress(ctx context.Context, p AreaProgress) error {
	_, err := s.db.Exec(ctx, `
		INSERT INTO checklist_progress (term, council_code, area, state, step, open_tasks, overdue_tasks, next_deadline, seq, updated_at)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())
		ON CONFLICT (term, council_code, area) DO UPDATE SET
			state = EXCLUDED.state, step = EXCLUDED.step, open_tasks = EXCLUDED.open_tasks,
			overdue_tasks = EXCLUDED.overdue_tasks, next_deadline = EXCLUDED.next_deadline,
			seq = EXCLUDED.seq, updated_at = now()
		WHERE checklist_progress.seq < EXCLUDED.seq`,
		string(p.Term), string(p.Council), p.Area, p.State, p.Step, p.OpenTasks, p.OverdueTasks,
		nullTime(p.NextDeadline), p.Seq)
	if err != nil {
		return fmt.Errorf("store: record progress of %s/%s: %w", p.Council, p.Area, err)
	}
	return nil
}

// nullTime passes a time to pgx: NULL when zero.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t
}
