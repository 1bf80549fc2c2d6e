package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// TaskFilter selects tasks from the inbox. Zero fields select everything.
type TaskFilter struct {
	Term     election.Term
	Role     election.Role
	Council  election.CouncilCode
	Province election.ProvinceCode
	Kind     election.TaskKind
	// OverdueOnly keeps only tasks escalated as overdue.
	OverdueOnly bool
	// State is the task state; empty means open.
	State election.TaskState
	// Limit bounds the rows; 0 means 1000.
	Limit int
}

// ListTasks returns the tasks matching f, soonest due first.
func (s *Store) ListTasks(ctx context.Context, f TaskFilter) ([]InboxTask, error) {
	state := f.State
	if state == "" {
		state = election.TaskOpen
	}
	limit := f.Limit
	if limit <= 0 {
		limit = 1000
	}
	rows, err := s.db.Query(ctx, `
		SELECT `+taskColumns+`
		FROM tasks t JOIN councils c ON c.term = t.term AND c.code = t.council_code
		WHERE t.state = $1 AND ($2 = '' OR t.term = $2) AND ($3 = '' OR t.role = $3)
			AND ($4 = '' OR t.council_code = $4) AND ($5 = '' OR c.province = $5)
			AND ($6 = '' OR t.kind = $6) AND (NOT $7 OR t.overdue)
		ORDER BY t.due_at NULLS LAST, t.task_id
		LIMIT $8`,
		string(state), string(f.Term), string(f.Role), string(f.Council), string(f.Province), string(f.Kind), f.OverdueOnly, limit)
	if err != nil {
		return nil, fmt.Errorf("store: list tasks: %w", err)
	}
	out, err := pgx.CollectRows(rows, scanTask)
	if err != nil {
		return nil, fmt.Errorf("store: list tasks: %w", err)
	}
	return out, nil
}
