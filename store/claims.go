package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// ErrTaskClosed is returned when a claim concerns a task that is no longer
// open.
var ErrTaskClosed = errors.New("task is no longer open")

// ClaimedError is returned when a task is claimed by someone else.
type ClaimedError struct {
	TaskID election.TaskID
	By     string
}

func (e *ClaimedError) Error() string {
	return fmt.Sprintf("store: task %s is claimed by %s", e.TaskID, e.By)
}

// Claim says who has taken an open task and since when.
type Claim struct {
	By string
	At time.Time
}

// ClaimTask lets by take an open task: it succeeds when the task is
// unclaimed (and is audited as task.claim) or already by's (and changes
// nothing); a task claimed by someone else gives *ClaimedError, a closed
// one ErrTaskClosed, an unknown one ErrNotFound.
func (s *Store) ClaimTask(ctx context.Context, id election.TaskID, by Actor) error {
	return s.changeClaim(ctx, id, by, "task.claim", func(current string) (string, error) {
		if current != "" && current != by.Name {
			return "", &ClaimedError{TaskID: id, By: current}
		}
		return by.Name, nil
	})
}

// ReleaseTask gives back a task by claimed: it succeeds when the task is
// by's (audited as task.release) or unclaimed (nothing changes); a task
// claimed by someone else gives *ClaimedError.
func (s *Store) ReleaseTask(ctx context.Context, id election.TaskID, by Actor) error {
	return s.changeClaim(ctx, id, by, "task.release", func(current string) (string, error) {
		if current != "" && current != by.Name {
			return "", &ClaimedError{TaskID: id, By: current}
		}
		return "", nil
	})
}

// AssignTask gives an open task to toUser whoever held it, as a
// supervisor does (audited as task.assign, with whom it was taken from);
// an empty toUser leaves it unclaimed. Checking that by may assign is the
// caller's business.
func (s *Store) AssignTask(ctx context.Context, id election.TaskID, toUser string, by Actor) error {
	return s.changeClaim(ctx, id, by, "task.assign", func(string) (string, error) { return toUser, nil })
}

// changeClaim locks the task's row, asks decide for its new claimant from
// the current one ("" for none), and writes it with an audit entry when it
// changed.
func (s *Store) changeClaim(ctx context.Context, id election.TaskID, by Actor, action string, decide func(current string) (string, error)) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var state, term, council, current string
		err := tx.QueryRow(ctx, `
			SELECT state, term, council_code, coalesce(claimed_by, '') FROM tasks WHERE task_id = $1 FOR UPDATE`,
			string(id)).Scan(&state, &term, &council, &current)
		if errors.Is(err, pgx.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if state != string(election.TaskOpen) {
			return ErrTaskClosed
		}
		next, err := decide(current)
		if err != nil {
			return err
		}
		if next == current {
			return nil
		}
		if _, err := tx.Exec(ctx, `
			UPDATE tasks SET claimed_by = nullif($2, ''), claimed_at = CASE WHEN $2 = '' THEN NULL ELSE now() END
			WHERE task_id = $1`, string(id), next); err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{
			Actor: by, Action: action, Term: election.Term(term), Council: election.CouncilCode(council),
			Subject: string(id), Detail: map[string]any{"from": current, "to": next},
		})
	})
	if err != nil {
		return fmt.Errorf("store: %s %s: %w", action, id, err)
	}
	return nil
}

// Claims returns who has claimed which of the tasks ids; unclaimed tasks
// are absent from the map.
func (s *Store) Claims(ctx context.Context, ids []election.TaskID) (map[election.TaskID]Claim, error) {
	names := make([]string, len(ids))
	for i, id := range ids {
		names[i] = string(id)
	}
	rows, err := s.db.Query(ctx, `
		SELECT task_id, claimed_by, claimed_at FROM tasks WHERE task_id = ANY($1) AND claimed_by IS NOT NULL`, names)
	if err != nil {
		return nil, fmt.Errorf("store: claims: %w", err)
	}
	out := make(map[election.TaskID]Claim)
	var id string
	var c Claim
	_, err = pgx.ForEachRow(rows, []any{&id, &c.By, &c.At}, func() error {
		out[election.TaskID(id)] = c
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: claims: %w", err)
	}
	return out, nil
}
