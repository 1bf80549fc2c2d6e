package store

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// Actor is who does something, for the audit log: a staff member with the
// role they act in and where the request came from (a host, an IP).
type Actor struct {
	Name   string
	Role   election.Role
	Source string
}

// AuditEntry is one row of the append-only audit log (nhật ký kiểm tra).
type AuditEntry struct {
	Actor   Actor
	Action  string // e.g. "roster.import", "task.complete"
	Term    election.Term
	Council election.CouncilCode
	Subject string // what was acted on, by identifier
	Detail  map[string]any
	// IdempotencyKey, when set, makes a retried write a no-op.
	IdempotencyKey string
}

// appendAudit writes e within tx.
func appendAudit(ctx context.Context, tx pgx.Tx, e AuditEntry) error {
	detail, err := json.Marshal(e.Detail)
	if err != nil {
		return fmt.Errorf("store: audit detail: %w", err)
	}
	if e.Detail == nil {
		detail = []byte("{}")
	}
	_, err = tx.Exec(ctx, `
		INSERT INTO audit_log (actor, role, action, term, council_code, subject, source, detail, idempotency_key)
		VALUES ($1, $2, $3, nullif($4, ''), nullif($5, ''), $6, $7, $8, nullif($9, ''))
		ON CONFLICT (idempotency_key) DO NOTHING`,
		e.Actor.Name, string(e.Actor.Role), e.Action, string(e.Term), string(e.Council), e.Subject,
		e.Actor.Source, detail, e.IdempotencyKey)
	if err != nil {
		return fmt.Errorf("store: append audit %s: %w", e.Action, err)
	}
	return nil
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
