package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/auth"
)

// SignInOutcome is how a reserved sign-in attempt (lần đăng nhập) ended.
type SignInOutcome string

// The outcomes FinishSignIn records. Only failures count towards the
// throttle; a busy attempt had no password checked.
const (
	SignInOK     SignInOutcome = "ok"
	SignInFailed SignInOutcome = "failed"
	SignInBusy   SignInOutcome = "busy"
)

// signInLockClass is the first key of the advisory locks that serialise
// the attempts of one (user name, client) key; the second is a hash of the
// key. Advisory locks of two keys never meet goose's single-key lock.
const signInLockClass = 20261010

// SignInTurn is ReserveSignIn's answer: a reserved attempt whose password
// the caller now checks, or a refusal until RetryAt.
type SignInTurn struct {
	// ID names the reserved attempt for FinishSignIn; 0 when refused.
	ID int64
	// RetryAt is, when refused, when the key may try again.
	RetryAt time.Time
}

// Allowed reports whether the attempt was reserved and its password may be
// checked.
func (t SignInTurn) Allowed() bool { return t.ID != 0 }

// ReserveSignIn decides, in one step, whether a sign-in attempt for the
// user name as typed (lower-cased), from client (auth.ClientKey), at now,
// may have its password checked, under the throttling policy of package
// auth, and records it. Under a transaction-scoped advisory lock on the
// key, it counts the key's failures since its last success and within
// auth.ThrottleWindow, attempts still pending included (as failures), and
// inserts the new attempt: pending when allowed, throttled when not. So
// attempts sent at the same time see each other, and no more than the
// policy allows are ever checked. source says where from for the audit
// log. Unknown user names are handled the same way.
func (s *Store) ReserveSignIn(ctx context.Context, username, client, source string, now time.Time) (SignInTurn, error) {
	name := lookupName(username)
	var turn SignInTurn
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext($2))`,
			signInLockClass, name+"\n"+client); err != nil {
			return fmt.Errorf("lock: %w", err)
		}
		var failures int
		var last *time.Time
		err := tx.QueryRow(ctx, `
			SELECT count(*), max(at) FROM signin_attempts
			WHERE username = $1 AND client = $2 AND outcome IN ('pending', 'failed') AND at >= $3
				AND at > coalesce((SELECT max(at) FROM signin_attempts
					WHERE username = $1 AND client = $2 AND outcome = 'ok' AND at >= $3), '-infinity')`,
			name, client, now.Add(-auth.ThrottleWindow)).Scan(&failures, &last)
		if err != nil {
			return fmt.Errorf("count failures: %w", err)
		}
		if last != nil {
			if next := auth.NextAttemptAt(failures, *last); now.Before(next) {
				turn.RetryAt = next
				return insertThrottled(ctx, tx, name, client, source, now, failures)
			}
		}
		return tx.QueryRow(ctx, `
			INSERT INTO signin_attempts (username, client, source, at, outcome) VALUES ($1, $2, $3, $4, 'pending')
			RETURNING id`, name, client, source, now).Scan(&turn.ID)
	})
	if err != nil {
		return SignInTurn{}, fmt.Errorf("store: reserve a sign-in of %s from %s: %w", name, client, err)
	}
	return turn, nil
}

// insertThrottled records an attempt refused by the throttle, with its
// audit row.
func insertThrottled(ctx context.Context, tx pgx.Tx, name, client, source string, now time.Time, failures int) error {
	if _, err := tx.Exec(ctx, `
		INSERT INTO signin_attempts (username, client, source, at, outcome) VALUES ($1, $2, $3, $4, 'throttled')`,
		name, client, source, now); err != nil {
		return err
	}
	return appendAudit(ctx, tx, AuditEntry{Actor: Actor{Name: name, Source: source}, Action: "auth.signin-throttled",
		Subject: userSubject(name), Detail: map[string]any{"failures": failures}})
}

// FinishSignIn records how a reserved attempt ended, with an audit row
// "auth.signin", "auth.signin-failed" or "auth.signin-busy" naming the
// user name as typed and where from; neither says whether the name exists.
// An attempt not pending (unknown, or finished already) is ErrNotFound.
func (s *Store) FinishSignIn(ctx context.Context, id int64, outcome SignInOutcome) error {
	action := map[SignInOutcome]string{SignInOK: "auth.signin", SignInFailed: "auth.signin-failed", SignInBusy: "auth.signin-busy"}[outcome]
	if action == "" {
		return fmt.Errorf("store: finish sign-in #%d: unknown outcome %q", id, outcome)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var name, source string
		err := tx.QueryRow(ctx, `
			UPDATE signin_attempts SET outcome = $2 WHERE id = $1 AND outcome = 'pending'
			RETURNING username, source`, id, string(outcome)).Scan(&name, &source)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("no pending attempt: %w", ErrNotFound)
		}
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: Actor{Name: name, Source: source}, Action: action,
			Subject: userSubject(name)})
	})
	if err != nil {
		return fmt.Errorf("store: finish sign-in #%d as %s: %w", id, outcome, err)
	}
	return nil
}

// RehashPassword replaces a user's password hash made with old parameters
// by newHash, made at sign-in from the password just checked
// (auth.NeedsRehash), but only if the stored hash is still oldHash: a
// password changed meanwhile is kept. It reports whether it replaced the
// hash; the audit row says only that the hash was upgraded.
func (s *Store) RehashPassword(ctx context.Context, userID int64, oldHash, newHash string) (bool, error) {
	if newHash == "" {
		return false, fmt.Errorf("store: rehash the password of user #%d: no password hash", userID)
	}
	var done bool
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var name string
		err := tx.QueryRow(ctx, `
			UPDATE users SET password_hash = $3 WHERE id = $1 AND password_hash = $2
			RETURNING username`, userID, oldHash, newHash).Scan(&name)
		if errors.Is(err, pgx.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
		done = true
		return appendAudit(ctx, tx, AuditEntry{Actor: Actor{Name: name}, Action: "user.rehash-password",
			Subject: userSubject(name)})
	})
	if err != nil {
		return false, fmt.Errorf("store: rehash the password of user #%d: %w", userID, err)
	}
	return done, nil
}
