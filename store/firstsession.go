package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// FirstSession is what is known of a council's first session.
type FirstSession struct {
	Term            election.Term
	Council         election.CouncilCode
	Deadline        election.Date
	SessionDate     election.Date
	DocumentsSentOn election.Date
	Recipients      int
	OpenedOn        election.Date
}

// RecordSession stores what is known of a first session; a field not set
// in s keeps its stored value, so steps recorded out of order or twice
// never erase each other.
func (s *Store) RecordSession(ctx context.Context, fs FirstSession) error {
	var recipients any
	if fs.Recipients > 0 {
		recipients = fs.Recipients
	}
	_, err := s.db.Exec(ctx, `
		INSERT INTO first_sessions (term, council_code, deadline, session_date, documents_sent_on, recipients, opened_on)
		VALUES ($1, $2, $3, $4, $5, $6, $7)
		ON CONFLICT (term, council_code) DO UPDATE SET
			deadline = EXCLUDED.deadline,
			session_date = coalesce(EXCLUDED.session_date, first_sessions.session_date),
			documents_sent_on = coalesce(EXCLUDED.documents_sent_on, first_sessions.documents_sent_on),
			recipients = coalesce(EXCLUDED.recipients, first_sessions.recipients),
			opened_on = coalesce(EXCLUDED.opened_on, first_sessions.opened_on)`,
		string(fs.Term), string(fs.Council), dateArg(fs.Deadline), dateArg(fs.SessionDate),
		dateArg(fs.DocumentsSentOn), recipients, dateArg(fs.OpenedOn))
	if err != nil {
		return fmt.Errorf("store: record first session of %s: %w", fs.Council, err)
	}
	return nil
}

// RecordLeadership stores the results of a first session's elections;
// recording them again changes nothing.
func (s *Store) RecordLeadership(ctx context.Context, term election.Term, council election.CouncilCode, results []election.LeadershipResult) error {
	batch := &pgx.Batch{}
	for _, r := range results {
		var person any
		if r.Person != "" {
			person = string(r.Person)
		}
		batch.Queue(`
			INSERT INTO leadership_results (term, council_code, position, committee, holder, person_id)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
			string(term), string(council), string(r.Position), r.Committee, r.Holder(), person)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error { return tx.SendBatch(ctx, batch).Close() })
	if err != nil {
		return fmt.Errorf("store: record leadership of %s: %w", council, err)
	}
	return nil
}

// RecordApprovals stores the approvals of a first session's results.
func (s *Store) RecordApprovals(ctx context.Context, term election.Term, council election.CouncilCode, approvals []election.Approval) error {
	batch := &pgx.Batch{}
	for _, a := range approvals {
		r := election.LeadershipResult{Position: a.Position, Committee: a.Committee, Person: a.Person, Name: a.Name}
		batch.Queue(`
			UPDATE leadership_results SET approval_body = $6, decision_no = $7, approved_on = $8
			WHERE term = $1 AND council_code = $2 AND position = $3 AND committee = $4 AND holder = $5`,
			string(term), string(council), string(a.Position), a.Committee, r.Holder(), a.Body, a.DecisionNo, a.ApprovedOn.Time())
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error { return tx.SendBatch(ctx, batch).Close() })
	if err != nil {
		return fmt.Errorf("store: record approvals of %s: %w", council, err)
	}
	return nil
}

// FirstSessionOf returns what is known of a council's first session.
func (s *Store) FirstSessionOf(ctx context.Context, term election.Term, council election.CouncilCode) (FirstSession, error) {
	fs := FirstSession{Term: term, Council: council}
	var deadline time.Time
	var date, sent, opened *time.Time
	var recipients *int
	err := s.db.QueryRow(ctx, `
		SELECT deadline, session_date, documents_sent_on, recipients, opened_on
		FROM first_sessions WHERE term = $1 AND council_code = $2`, string(term), string(council)).
		Scan(&deadline, &date, &sent, &recipients, &opened)
	if errors.Is(err, pgx.ErrNoRows) {
		return fs, fmt.Errorf("store: first session of %s: %w", council, ErrNotFound)
	}
	if err != nil {
		return fs, fmt.Errorf("store: first session of %s: %w", council, err)
	}
	fs.Deadline = election.DateOf(deadline)
	fs.SessionDate, fs.DocumentsSentOn, fs.OpenedOn = optionalDate(date), optionalDate(sent), optionalDate(opened)
	if recipients != nil {
		fs.Recipients = *recipients
	}
	return fs, nil
}

// LeadershipOf returns the recorded results of a council's first session.
func (s *Store) LeadershipOf(ctx context.Context, term election.Term, council election.CouncilCode) ([]election.LeadershipResult, error) {
	rows, err := s.db.Query(ctx, `
		SELECT position, committee, coalesce(person_id, ''), CASE WHEN person_id IS NULL THEN holder ELSE '' END
		FROM leadership_results WHERE term = $1 AND council_code = $2 ORDER BY position, committee, holder`,
		string(term), string(council))
	if err != nil {
		return nil, fmt.Errorf("store: leadership of %s: %w", council, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.LeadershipResult, error) {
		var r election.LeadershipResult
		var position, person string
		err := row.Scan(&position, &r.Committee, &person, &r.Name)
		r.Position, r.Person = election.PositionCode(position), election.PersonID(person)
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: leadership of %s: %w", council, err)
	}
	return out, nil
}

// ConfirmedDelegates lists the persons an adopted resolution confirmed, by ID.
func (s *Store) ConfirmedDelegates(ctx context.Context, term election.Term, council election.CouncilCode) ([]election.PersonID, error) {
	rows, err := s.db.Query(ctx, `
		SELECT d.person_id FROM credential_decisions d
		JOIN credential_resolutions r ON r.term = d.term AND r.council_code = d.council_code
		WHERE d.term = $1 AND d.council_code = $2 AND d.confirmed ORDER BY d.person_id`, string(term), string(council))
	if err != nil {
		return nil, fmt.Errorf("store: confirmed delegates of %s: %w", council, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.PersonID, error) {
		var id string
		err := row.Scan(&id)
		return election.PersonID(id), err
	})
	if err != nil {
		return nil, fmt.Errorf("store: confirmed delegates of %s: %w", council, err)
	}
	return out, nil
}

func optionalDate(t *time.Time) election.Date {
	if t == nil {
		return election.Date{}
	}
	return election.DateOf(*t)
}
