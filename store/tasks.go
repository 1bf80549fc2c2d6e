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

// OpenTasks mirrors open tasks into the inbox. A task already there is left
// as it is, so a retried activity never duplicates or reopens one.
func (s *Store) OpenTasks(ctx context.Context, workflowID string, tasks []election.Task) error {
	batch := &pgx.Batch{}
	for _, t := range tasks {
		batch.Queue(`
			INSERT INTO tasks (task_id, term, council_code, workflow_id, kind, subject, role, due_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
			ON CONFLICT (task_id) DO NOTHING`,
			string(t.ID), string(t.Term), string(t.Council), workflowID, string(t.Kind), t.Subject,
			string(t.Role), nullTime(t.Due))
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error { return tx.SendBatch(ctx, batch).Close() })
	if err != nil {
		return fmt.Errorf("store: open %d tasks: %w", len(tasks), err)
	}
	return nil
}

// TaskCompletion is a task closed by a person, for the inbox and the audit log.
type TaskCompletion struct {
	Task    election.Task
	Actor   Actor
	Outcome json.RawMessage
	At      time.Time
}

// CompleteTask closes an open task and writes its audit row, in one
// transaction. Both are keyed by the task, so a retry changes nothing.
func (s *Store) CompleteTask(ctx context.Context, c TaskCompletion) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `
			UPDATE tasks SET state = 'done', closed_at = $2, closed_by = $3, outcome = $4
			WHERE task_id = $1 AND state = 'open'`,
			string(c.Task.ID), c.At, c.Actor.Name, []byte(c.Outcome))
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			var state string
			err := tx.QueryRow(ctx, `SELECT state FROM tasks WHERE task_id = $1`, string(c.Task.ID)).Scan(&state)
			if errors.Is(err, pgx.ErrNoRows) {
				return fmt.Errorf("task %s is not in the inbox: %w", c.Task.ID, ErrNotFound)
			}
			if err != nil {
				return err
			}
		}
		var outcome map[string]any
		if err := json.Unmarshal(c.Outcome, &outcome); err != nil {
			outcome = map[string]any{"raw": string(c.Outcome)}
		}
		return appendAudit(ctx, tx, AuditEntry{
			Actor: c.Actor, Action: "task.complete", Term: c.Task.Term, Council: c.Task.Council,
			Subject: string(c.Task.ID), Detail: map[string]any{"kind": c.Task.Kind, "outcome": outcome},
			IdempotencyKey: "task.complete:" + string(c.Task.ID),
		})
	})
	if err != nil {
		return fmt.Errorf("store: complete task %s: %w", c.Task.ID, err)
	}
	return nil
}

// TaskNotice is a reminder before a task's due time or the escalation of
// an overdue task.
type TaskNotice struct {
	Task election.Task
	Kind election.NoticeKind
	Lead time.Duration
	At   time.Time
}

// NotifyTask records a reminder or escalation for the role that owns the
// task, and queues its mail for those who receive it and gave an email
// address (queueMail); an escalation also marks the task overdue. Keyed by
// task, kind and lead, so a retry records and queues nothing twice.
func (s *Store) NotifyTask(ctx context.Context, n TaskNotice) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var id int64
		err := tx.QueryRow(ctx, `
			INSERT INTO task_notices (task_id, kind, lead_seconds, at, role) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT DO NOTHING RETURNING id`,
			string(n.Task.ID), string(n.Kind), int64(n.Lead/time.Second), n.At, string(n.Task.Role)).Scan(&id)
		switch {
		case errors.Is(err, pgx.ErrNoRows): // recorded before: its mail was queued then
		case err != nil:
			return err
		default:
			if err := queueMail(ctx, tx, id); err != nil {
				return err
			}
		}
		if n.Kind.MarksOverdue() {
			_, err := tx.Exec(ctx, `UPDATE tasks SET overdue = true WHERE task_id = $1 AND state = 'open'`, string(n.Task.ID))
			return err
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: %s of task %s: %w", n.Kind, n.Task.ID, err)
	}
	return nil
}
