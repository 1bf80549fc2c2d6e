package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

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

// InboxTask is a task as the inbox holds it, with where it lives.
type InboxTask struct {
	election.Task
	WorkflowID  string
	Province    election.ProvinceCode
	CouncilName string
	CreatedAt   time.Time
	ClosedAt    time.Time
	ClosedBy    string
	Outcome     json.RawMessage
}

const taskColumns = `t.task_id, t.term, t.council_code, t.kind, t.subject, t.role, t.due_at, t.state, t.overdue,
	t.workflow_id, c.province, c.name, t.created_at, t.closed_at, coalesce(t.closed_by, ''), t.outcome`

func scanTask(row pgx.CollectableRow) (InboxTask, error) { return scanTaskAnd(row) }

// scanTaskAnd scans taskColumns and then the row's further columns into
// extra.
func scanTaskAnd(row pgx.CollectableRow, extra ...any) (InboxTask, error) {
	var t InboxTask
	var id, term, council, kind, role, state, province string
	var due, closed *time.Time
	var outcome []byte
	err := row.Scan(append([]any{&id, &term, &council, &kind, &t.Subject, &role, &due, &state, &t.Overdue,
		&t.WorkflowID, &province, &t.CouncilName, &t.CreatedAt, &closed, &t.ClosedBy, &outcome}, extra...)...)
	t.ID, t.Term, t.Council, t.Kind = election.TaskID(id), election.Term(term), election.CouncilCode(council), election.TaskKind(kind)
	t.Role, t.State, t.Province = election.Role(role), election.TaskState(state), election.ProvinceCode(province)
	if due != nil {
		t.Due = *due
	}
	if closed != nil {
		t.ClosedAt = *closed
	}
	t.Outcome = outcome
	return t, err
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

// Task returns one task of the inbox, open or closed.
func (s *Store) Task(ctx context.Context, id election.TaskID) (InboxTask, error) {
	rows, err := s.db.Query(ctx, `
		SELECT `+taskColumns+`
		FROM tasks t JOIN councils c ON c.term = t.term AND c.code = t.council_code
		WHERE t.task_id = $1`, string(id))
	if err != nil {
		return InboxTask{}, fmt.Errorf("store: task %s: %w", id, err)
	}
	t, err := pgx.CollectExactlyOneRow(rows, scanTask)
	if errors.Is(err, pgx.ErrNoRows) {
		return InboxTask{}, fmt.Errorf("store: task %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return InboxTask{}, fmt.Errorf("store: task %s: %w", id, err)
	}
	return t, nil
}

// Complaint returns one complaint of a council.
func (s *Store) Complaint(ctx context.Context, term election.Term, council election.CouncilCode, id election.ComplaintID) (election.Complaint, error) {
	cs, err := s.complaints(ctx, term, council, id)
	if err != nil {
		return election.Complaint{}, err
	}
	if len(cs) == 0 {
		return election.Complaint{}, fmt.Errorf("store: complaint %s: %w", id, ErrNotFound)
	}
	return cs[0], nil
}

// AuditRecord is one row of the audit log.
type AuditRecord struct {
	At      time.Time
	Actor   string
	Role    string
	Action  string
	Subject string
	Source  string
	Detail  json.RawMessage
}

// AuditTrail returns the audit rows about a subject (e.g. a task ID),
// oldest first.
func (s *Store) AuditTrail(ctx context.Context, subject string) ([]AuditRecord, error) {
	rows, err := s.db.Query(ctx, `
		SELECT at, actor, role, action, subject, source, detail FROM audit_log WHERE subject = $1 ORDER BY id`, subject)
	if err != nil {
		return nil, fmt.Errorf("store: audit of %s: %w", subject, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (AuditRecord, error) {
		var a AuditRecord
		err := row.Scan(&a.At, &a.Actor, &a.Role, &a.Action, &a.Subject, &a.Source, &a.Detail)
		return a, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: audit of %s: %w", subject, err)
	}
	return out, nil
}
