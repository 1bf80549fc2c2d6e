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

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("not found")

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
// task; an escalation also marks the task overdue. Keyed by task, kind and
// lead, so a retry records nothing twice.
func (s *Store) NotifyTask(ctx context.Context, n TaskNotice) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `
			INSERT INTO task_notices (task_id, kind, lead_seconds, at, role) VALUES ($1, $2, $3, $4, $5)
			ON CONFLICT DO NOTHING`,
			string(n.Task.ID), string(n.Kind), int64(n.Lead/time.Second), n.At, string(n.Task.Role)); err != nil {
			return err
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
