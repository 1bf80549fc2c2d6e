package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/auth"
	"electionflow/election"
)

// MailMaxAge is how long queued mail stays worth sending: a reminder or an
// escalation mailed days late, say after mail was first configured, only
// confuses; the notice stays in the web app.
const MailMaxAge = 24 * time.Hour

// QueuedMail is one notice to mail to one person (thư báo), as a sender
// claimed it from the outbox (see migration 00015).
type QueuedMail struct {
	ID int64
	// User is the recipient's user ID; Notice the notice's number.
	User, Notice int64
	Kind         election.NoticeKind
	NoticeAt     time.Time
	Lead         time.Duration
	Task         election.Task
	CouncilName  string
	// To and ToName are the recipient's address and full name (họ tên).
	To, ToName string
	// Attempts counts the claims of this mail, this one included.
	Attempts int
}

// rolesWhere lists the roles for which keep says true.
func rolesWhere(keep func(election.Role) bool) []string {
	var out []string
	for _, r := range election.Roles() {
		if keep(r) {
			out = append(out, string(r))
		}
	}
	return out
}

// queueMail queues, in the notice's own transaction, one mail of notice id
// for every enabled user with an email address who receives it. Who
// receives a notice is noticeReach's rule read from the notice's side: a
// reminder goes to the holders of its role (a staff role) whose scope
// covers its council, the overseen kinds to the managers and
// administrators of that scope and to the supervisors of its role there
// (held for a province or the election). TestQueuedMailFollowsReach holds
// the two forms together. A notice already queued queues nothing again.
func queueMail(ctx context.Context, tx pgx.Tx, id int64) error {
	_, err := tx.Exec(ctx, `
		INSERT INTO mail_outbox (notice_id, user_id, address)
		SELECT DISTINCT n.id, u.id, u.email
		FROM task_notices n
		JOIN user_grants g ON g.term = n.term
			AND (g.scope_kind = 'election'
				OR (g.scope_kind = 'province' AND g.province = n.province)
				OR (g.scope_kind = 'council' AND g.council = n.council_code))
			AND ((n.kind = $2 AND g.role = n.role AND g.role = ANY($3))
				OR (n.kind = ANY($4) AND g.role = ANY($5))
				OR (n.kind = ANY($4) AND g.role = n.role AND g.role = ANY($3) AND g.scope_kind IN ('province', 'election')))
		JOIN users u ON u.id = g.user_id
		WHERE n.id = $1 AND u.email IS NOT NULL AND NOT u.disabled
		ON CONFLICT (notice_id, user_id) DO NOTHING`,
		id, string(election.NoticeReminder), rolesWhere(auth.IsStaffRole), overseenKinds(), rolesWhere(isOverseer))
	if err != nil {
		return fmt.Errorf("queue mail of notice %d: %w", id, err)
	}
	return nil
}

// ClaimMail takes up to limit queued mails for one sender and holds them
// for lease: another sender skips them until the lease ends, and a sender
// that dies leaves them to the next after it. It takes them person by
// person (the person with the oldest mail first, then their mail in order),
// so a sender can mail each person their notices together. Mail queued
// longer ago than MailMaxAge is given up instead of sent.
func (s *Store) ClaimMail(ctx context.Context, limit int, lease time.Duration) ([]QueuedMail, error) {
	if limit < 1 || lease <= 0 {
		return nil, fmt.Errorf("store: claim mail: limit %d, lease %v: want both positive", limit, lease)
	}
	if _, err := s.db.Exec(ctx, `
		UPDATE mail_outbox SET given_up_at = now(), claimed_until = NULL,
			last_error = 'not sent within ' || $1::text || ' of its notice'
		WHERE sent_at IS NULL AND given_up_at IS NULL AND queued_at < now() - make_interval(secs => $2)`,
		MailMaxAge.String(), MailMaxAge.Seconds()); err != nil {
		return nil, fmt.Errorf("store: claim mail: give up old mail: %w", err)
	}
	rows, err := s.db.Query(ctx, `
		WITH free AS (
			SELECT id, min(id) OVER (PARTITION BY user_id) AS first FROM mail_outbox WHERE `+claimable+`),
		picked AS (
			SELECT id FROM mail_outbox WHERE id IN (SELECT id FROM free ORDER BY first, id LIMIT $1) AND `+claimable+`
			FOR UPDATE SKIP LOCKED)
		UPDATE mail_outbox o SET claimed_until = now() + make_interval(secs => $2), attempts = o.attempts + 1
		FROM picked, task_notices n, tasks t, councils c, users u
		WHERE o.id = picked.id AND n.id = o.notice_id AND t.task_id = n.task_id
			AND c.term = t.term AND c.code = t.council_code AND u.id = o.user_id
		RETURNING `+taskColumns+`, o.id, o.user_id, n.id, n.kind, n.at, n.lead_seconds, o.address, u.display_name, o.attempts`,
		limit, lease.Seconds())
	if err != nil {
		return nil, fmt.Errorf("store: claim mail: %w", err)
	}
	mails, err := pgx.CollectRows(rows, scanQueuedMail)
	if err != nil {
		return nil, fmt.Errorf("store: claim mail: %w", err)
	}
	slices.SortFunc(mails, func(a, b QueuedMail) int { return cmp.Compare(a.ID, b.ID) })
	return mails, nil
}

// claimable is the SQL condition that an outbox row (of mail_outbox, not
// aliased) is neither sent, nor given up, nor held by a sender.
const claimable = `sent_at IS NULL AND given_up_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())`

func scanQueuedMail(row pgx.CollectableRow) (QueuedMail, error) {
	var m QueuedMail
	var kind string
	var lead int64
	t, err := scanTaskAnd(row, &m.ID, &m.User, &m.Notice, &kind, &m.NoticeAt, &lead, &m.To, &m.ToName, &m.Attempts)
	m.Task, m.CouncilName = t.Task, t.CouncilName
	m.Kind, m.Lead = election.NoticeKind(kind), time.Duration(lead)*time.Second
	return m, err
}

// MailSent records that the SMTP server accepted a claimed mail: no
// sender takes it again.
func (s *Store) MailSent(ctx context.Context, id int64) error {
	if _, err := s.db.Exec(ctx, `
		UPDATE mail_outbox SET sent_at = now(), claimed_until = NULL, last_error = ''
		WHERE id = $1 AND sent_at IS NULL`, id); err != nil {
		return fmt.Errorf("store: mail %d sent: %w", id, err)
	}
	return nil
}

// MailNotSent records why a claimed mail was not sent and frees it: a
// permanent refusal (a 5xx reply: no such mailbox) gives it up, anything
// else leaves it for the next try.
func (s *Store) MailNotSent(ctx context.Context, id int64, reason string, permanent bool) error {
	if r := []rune(reason); len(r) > 500 {
		reason = string(r[:500])
	}
	if _, err := s.db.Exec(ctx, `
		UPDATE mail_outbox SET claimed_until = NULL, last_error = $2,
			given_up_at = CASE WHEN $3 THEN now() END
		WHERE id = $1 AND sent_at IS NULL`, id, reason, permanent); err != nil {
		return fmt.Errorf("store: mail %d not sent: %w", id, err)
	}
	return nil
}

// MailTally counts the outbox by state, for a sender's progress and for
// people checking on mail.
type MailTally struct {
	Queued, Sent, GivenUp int
}

// MailTally counts the outbox.
func (s *Store) MailTally(ctx context.Context) (MailTally, error) {
	var t MailTally
	err := s.db.QueryRow(ctx, `
		SELECT count(*) FILTER (WHERE sent_at IS NULL AND given_up_at IS NULL),
			count(*) FILTER (WHERE sent_at IS NOT NULL), count(*) FILTER (WHERE given_up_at IS NOT NULL)
		FROM mail_outbox`).Scan(&t.Queued, &t.Sent, &t.GivenUp)
	if err != nil {
		return t, fmt.Errorf("store: mail tally: %w", err)
	}
	return t, nil
}
