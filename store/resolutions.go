package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// AdoptResolution records a council's adopted credential resolution and
// returns its number. Without a number it takes the next of the register
// of the council's credential authority for the year of adoption, in the
// same transaction, so concurrent adoptions get distinct numbers and a
// rolled-back one leaves no gap. A second call keeps the first record and
// returns its number.
func (s *Store) AdoptResolution(ctx context.Context, term election.Term, council election.CouncilCode, number string, adoptedOn election.Date) (string, error) {
	c, _, err := s.Council(ctx, term, council)
	if err != nil {
		return "", fmt.Errorf("store: adopt resolution of %s: %w", council, err)
	}
	authority, year := c.CredentialAuthority(), adoptedOn.Time().Year()
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		// The insert comes first: a concurrent adoption of the same council
		// waits on its key, then finds it taken, and numbers nothing.
		tag, err := tx.Exec(ctx, `
			INSERT INTO credential_resolutions (term, council_code, resolution_no, adopted_on, authority, register_year)
			VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING`,
			string(term), string(council), number, adoptedOn.Time(), authority, year)
		if err != nil || tag.RowsAffected() == 0 || number != "" {
			return err
		}
		n, err := nextResolutionNumber(ctx, tx, authority, year)
		if err != nil {
			return err
		}
		number = c.ResolutionNumber(n)
		_, err = tx.Exec(ctx, `UPDATE credential_resolutions SET resolution_no = $3, register_number = $4 WHERE term = $1 AND council_code = $2`,
			string(term), string(council), number, n)
		return err
	})
	if err != nil {
		return "", fmt.Errorf("store: adopt resolution of %s: %w", council, err)
	}
	number, _, _, err = s.Resolution(ctx, term, council)
	return number, err
}

// nextResolutionNumber takes the next number of an authority's register for
// a year; the row lock it takes holds other adoptions of the same register
// until tx ends.
func nextResolutionNumber(ctx context.Context, tx pgx.Tx, authority string, year int) (int, error) {
	var n int
	err := tx.QueryRow(ctx, `
		INSERT INTO resolution_register (authority, year, last_number) VALUES ($1, $2, 1)
		ON CONFLICT (authority, year) DO UPDATE SET last_number = resolution_register.last_number + 1
		RETURNING last_number`, authority, year).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("register of %s for %d: %w", authority, year, err)
	}
	return n, nil
}

// ResolutionDocument returns what a council's adopted credential
// resolution says, or ErrNotFound while it is not adopted.
func (s *Store) ResolutionDocument(ctx context.Context, term election.Term, council election.CouncilCode) (election.CredentialResolution, error) {
	number, adopted, found, err := s.Resolution(ctx, term, council)
	if err != nil {
		return election.CredentialResolution{}, err
	}
	if !found {
		return election.CredentialResolution{}, fmt.Errorf("store: resolution of %s: %w", council, ErrNotFound)
	}
	c, _, err := s.Council(ctx, term, council)
	if err != nil {
		return election.CredentialResolution{}, err
	}
	rows, err := s.db.Query(ctx, `
		SELECT d.person_id, p.full_name, p.birth_date, d.confirmed, d.reason
		FROM credential_decisions d JOIN elected_persons p ON p.term = d.term AND p.person_id = d.person_id
		WHERE d.term = $1 AND d.council_code = $2 ORDER BY d.person_id`, string(term), string(council))
	if err != nil {
		return election.CredentialResolution{}, fmt.Errorf("store: resolution of %s: %w", council, err)
	}
	lines, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.ResolutionLine, error) {
		var l election.ResolutionLine
		var person string
		var born time.Time
		err := row.Scan(&person, &l.FullName, &born, &l.Confirmed, &l.Reason)
		l.Person, l.BirthDate = election.PersonID(person), election.DateOf(born)
		return l, err
	})
	if err != nil {
		return election.CredentialResolution{}, fmt.Errorf("store: resolution of %s: %w", council, err)
	}
	return election.CredentialResolution{Term: term, Council: c, ResolutionNo: number, AdoptedOn: adopted, Lines: lines}, nil
}
