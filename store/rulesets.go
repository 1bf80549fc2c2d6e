package store

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
	"electionflow/election/retirement"
)

// ErrNotVerified is returned when revoking the verification of a rule set
// that is not verified.
var ErrNotVerified = errors.New("not verified")

// ruleSetSubject names a rule set in the audit log.
func ruleSetSubject(id retirement.RuleSetID) string { return "ruleset/" + string(id) }

// RecordVerification records that v.By verified a benefit rule set against
// the official text v.Source (xác nhận đối chiếu văn bản), or revoked that
// verification (v.Verified false), with its audit row, in one transaction.
// It refuses an incomplete record (retirement.CheckVerification) and the
// revocation of a rule set that is not verified (ErrNotVerified). The
// returned verification carries the time recorded.
func (s *Store) RecordVerification(ctx context.Context, v retirement.Verification, actor Actor) (retirement.Verification, error) {
	if err := retirement.CheckVerification(v); err != nil {
		return retirement.Verification{}, fmt.Errorf("store: %w", err)
	}
	action := "ruleset.verify"
	if !v.Verified {
		action = "ruleset.revoke"
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('rule_set_verifications'), hashtext($1))`, string(v.RuleSet)); err != nil {
			return err
		}
		current, err := latestVerification(ctx, tx, v.RuleSet)
		if err != nil {
			return err
		}
		if !v.Verified && !current.Verified {
			return fmt.Errorf("rule set %s: %w", v.RuleSet, ErrNotVerified)
		}
		if err := tx.QueryRow(ctx, `
			INSERT INTO rule_set_verifications (rule_set, verified, by_user, source) VALUES ($1, $2, $3, $4)
			RETURNING at`, string(v.RuleSet), v.Verified, v.By, v.Source).Scan(&v.At); err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{
			Actor: actor, Action: action, Subject: ruleSetSubject(v.RuleSet),
			Detail: map[string]any{"by": v.By, "source": v.Source, "verified": v.Verified},
		})
	})
	if err != nil {
		return retirement.Verification{}, fmt.Errorf("store: %s %s: %w", action, v.RuleSet, err)
	}
	return v, nil
}

// Verification returns the latest verification or revocation recorded for
// a rule set; the zero Verification (not verified) when there is none.
func (s *Store) Verification(ctx context.Context, id retirement.RuleSetID) (retirement.Verification, error) {
	v, err := latestVerification(ctx, s.db, id)
	if err != nil {
		return retirement.Verification{}, fmt.Errorf("store: verification of %s: %w", id, err)
	}
	return v, nil
}

// RuleSetAudit returns the audit rows of a rule set's verifications and
// revocations, oldest first.
func (s *Store) RuleSetAudit(ctx context.Context, id retirement.RuleSetID) ([]AuditRecord, error) {
	return s.AuditTrail(ctx, ruleSetSubject(id))
}

// rowQuerier is what latestVerification needs of a pool or a transaction.
type rowQuerier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// latestVerification reads the latest row of a rule set within q.
func latestVerification(ctx context.Context, q rowQuerier, id retirement.RuleSetID) (retirement.Verification, error) {
	v := retirement.Verification{RuleSet: id}
	err := q.QueryRow(ctx, `
		SELECT verified, by_user, source, at FROM rule_set_verifications
		WHERE rule_set = $1 ORDER BY id DESC LIMIT 1`, string(id)).Scan(&v.Verified, &v.By, &v.Source, &v.At)
	if errors.Is(err, pgx.ErrNoRows) {
		return retirement.Verification{RuleSet: id}, nil
	}
	return v, err
}

// CalculateBenefits computes req under the rule set it names, or the one
// in force on its date, with that rule set's recorded verification: what
// the calculator shows on the web and in `starter benefits`.
func (s *Store) CalculateBenefits(ctx context.Context, req retirement.Request, today election.Date) (retirement.Calculation, error) {
	rs, err := retirement.Choose(req.RuleSet, req.Date)
	if err != nil {
		return retirement.Calculation{}, err
	}
	v, err := s.Verification(ctx, rs.ID)
	if err != nil {
		return retirement.Calculation{}, err
	}
	return retirement.Calculate(req, today, v)
}
