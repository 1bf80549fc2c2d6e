package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
	"electionflow/election/retirement"
)

// CadreIDs lists the outgoing cadres of a council, by ID.
func (s *Store) CadreIDs(ctx context.Context, term election.Term, council election.CouncilCode) ([]election.CadreID, error) {
	rows, err := s.db.Query(ctx, `SELECT cadre_id FROM outgoing_cadres WHERE term = $1 AND council_code = $2 ORDER BY cadre_id`,
		string(term), string(council))
	if err != nil {
		return nil, fmt.Errorf("store: cadres of %s: %w", council, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.CadreID, error) {
		var id string
		err := row.Scan(&id)
		return election.CadreID(id), err
	})
	if err != nil {
		return nil, fmt.Errorf("store: cadres of %s: %w", council, err)
	}
	return out, nil
}

// Cadre returns one outgoing cadre, with personal data: for activities only.
func (s *Store) Cadre(ctx context.Context, term election.Term, id election.CadreID) (election.OutgoingCadre, error) {
	var c election.OutgoingCadre
	var council, sex, citizen string
	var born time.Time
	var salary int64
	err := s.db.QueryRow(ctx, `
		SELECT council_code, full_name, sex, birth_date, citizen_id, position, insurance_months, monthly_salary_vnd
		FROM outgoing_cadres WHERE term = $1 AND cadre_id = $2`, string(term), string(id)).
		Scan(&council, &c.FullName, &sex, &born, &citizen, &c.Position, &c.InsuranceMonths, &salary)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, fmt.Errorf("store: cadre %s: %w", id, ErrNotFound)
	}
	if err != nil {
		return c, fmt.Errorf("store: cadre %s: %w", id, err)
	}
	c.ID, c.Council, c.Sex, c.BirthDate = id, election.CouncilCode(council), election.Sex(sex), election.DateOf(born)
	c.CitizenID, c.MonthlySalary = election.CitizenID(citizen), election.VND(salary)
	return c, nil
}

// CorrectCadre changes the insurance record and salary of a cadre, as HR
// does before completing a verify task as corrected, with an audit row.
func (s *Store) CorrectCadre(ctx context.Context, term election.Term, id election.CadreID, insuranceMonths int, salary election.VND, actor Actor) error {
	if insuranceMonths < 0 || insuranceMonths > 600 || salary <= 0 {
		return fmt.Errorf("store: correct cadre %s: insurance months %d (0..600) and salary %d (> 0)", id, insuranceMonths, salary)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var council string
		err := tx.QueryRow(ctx, `
			UPDATE outgoing_cadres SET insurance_months = $3, monthly_salary_vnd = $4
			WHERE term = $1 AND cadre_id = $2 RETURNING council_code`,
			string(term), string(id), insuranceMonths, int64(salary)).Scan(&council)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("cadre %s: %w", id, ErrNotFound)
		}
		if err != nil {
			return err
		}
		// The audit row names what changed, not the figures.
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, Action: "cadre.correct", Term: term,
			Council: election.CouncilCode(council), Subject: "cadre/" + string(id),
			Detail: map[string]any{"fields": []string{"insurance_months", "monthly_salary_vnd"}}})
	})
	if err != nil {
		return fmt.Errorf("store: correct cadre %s: %w", id, err)
	}
	return nil
}

// SaveAssessment stores one round's computation; a retry keeps the first.
func (s *Store) SaveAssessment(ctx context.Context, term election.Term, id election.CadreID, round int, a retirement.Assessment) error {
	data, err := json.Marshal(a)
	if err != nil {
		return fmt.Errorf("store: assessment of %s: %w", id, err)
	}
	_, err = s.db.Exec(ctx, `
		INSERT INTO benefit_assessments (term, cadre_id, round, rule_set, verified, needs_hr_confirmation, months_left, assessment)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
		string(term), string(id), round, string(a.RuleSet), a.Verified, a.NeedsHRConfirmation, a.MonthsLeft, data)
	if err != nil {
		return fmt.Errorf("store: save assessment of %s: %w", id, err)
	}
	return nil
}

// Assessment returns one round's stored computation.
func (s *Store) Assessment(ctx context.Context, term election.Term, id election.CadreID, round int) (retirement.Assessment, error) {
	var a retirement.Assessment
	var data []byte
	err := s.db.QueryRow(ctx, `SELECT assessment FROM benefit_assessments WHERE term = $1 AND cadre_id = $2 AND round = $3`,
		string(term), string(id), round).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, fmt.Errorf("store: assessment %d of %s: %w", round, id, ErrNotFound)
	}
	if err != nil {
		return a, fmt.Errorf("store: assessment %d of %s: %w", round, id, err)
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("store: assessment %d of %s: %w", round, id, err)
	}
	return a, nil
}

// BenefitDecision is the decision on a cadre's benefits with its figures.
type BenefitDecision struct {
	Term                election.Term
	Council             election.CouncilCode
	Cadre               election.CadreID
	Round               int
	Option              string
	DecisionNo          string
	DecidedOn           election.Date
	RuleSet             string
	NeedsHRConfirmation bool
	EarlyMonths         int
	Total               election.VND
}

// RecordBenefitDecision stores a decision; a cadre has at most one, and a
// retry keeps it.
func (s *Store) RecordBenefitDecision(ctx context.Context, d BenefitDecision) error {
	_, err := s.db.Exec(ctx, `
		INSERT INTO benefit_decisions (term, cadre_id, council_code, round, option, decision_no, decided_on,
			rule_set, needs_hr_confirmation, early_months, total_vnd)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING`,
		string(d.Term), string(d.Cadre), string(d.Council), d.Round, d.Option, d.DecisionNo, d.DecidedOn.Time(),
		d.RuleSet, d.NeedsHRConfirmation, d.EarlyMonths, int64(d.Total))
	if err != nil {
		return fmt.Errorf("store: benefit decision of %s: %w", d.Cadre, err)
	}
	return nil
}

// LatestAssessmentRound returns the newest round computed for a cadre, 0
// when none.
func (s *Store) LatestAssessmentRound(ctx context.Context, term election.Term, id election.CadreID) (int, error) {
	var round int
	err := s.db.QueryRow(ctx, `SELECT coalesce(max(round), 0) FROM benefit_assessments WHERE term = $1 AND cadre_id = $2`,
		string(term), string(id)).Scan(&round)
	if err != nil {
		return 0, fmt.Errorf("store: assessments of %s: %w", id, err)
	}
	return round, nil
}
