package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// CredentialFacts returns the persons elected to a council (by ID, in ID
// order) and the complaints against them.
func (s *Store) CredentialFacts(ctx context.Context, term election.Term, council election.CouncilCode) ([]election.PersonID, []election.Complaint, error) {
	rows, err := s.db.Query(ctx, `SELECT person_id FROM elected_persons WHERE term = $1 AND council_code = $2 ORDER BY person_id`,
		string(term), string(council))
	if err != nil {
		return nil, nil, fmt.Errorf("store: persons of %s: %w", council, err)
	}
	persons, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.PersonID, error) {
		var id string
		err := row.Scan(&id)
		return election.PersonID(id), err
	})
	if err != nil {
		return nil, nil, fmt.Errorf("store: persons of %s: %w", council, err)
	}
	complaints, err := s.complaints(ctx, term, council, "")
	if err != nil {
		return nil, nil, err
	}
	return persons, complaints, nil
}

// complaints lists a council's complaints, or one when id is set.
func (s *Store) complaints(ctx context.Context, term election.Term, council election.CouncilCode, id election.ComplaintID) ([]election.Complaint, error) {
	rows, err := s.db.Query(ctx, `
		SELECT complaint_id, council_code, person_id, kind, received_on, summary FROM complaints
		WHERE term = $1 AND council_code = $2 AND ($3 = '' OR complaint_id = $3) ORDER BY complaint_id`,
		string(term), string(council), string(id))
	if err != nil {
		return nil, fmt.Errorf("store: complaints of %s: %w", council, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.Complaint, error) {
		var c election.Complaint
		var cid, code, person, kind string
		var received time.Time
		err := row.Scan(&cid, &code, &person, &kind, &received, &c.Summary)
		c.ID, c.Council, c.Person, c.Kind = election.ComplaintID(cid), election.CouncilCode(code), election.PersonID(person), election.ComplaintKind(kind)
		c.ReceivedOn = election.DateOf(received)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: complaints of %s: %w", council, err)
	}
	return out, nil
}

// DraftResolution records the decision for every person of a council until
// the resolution is adopted; after that it changes nothing.
func (s *Store) DraftResolution(ctx context.Context, term election.Term, council election.CouncilCode, decisions []election.CredentialDecision) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var adopted bool
		if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM credential_resolutions WHERE term = $1 AND council_code = $2)`,
			string(term), string(council)).Scan(&adopted); err != nil {
			return err
		}
		if adopted {
			return nil
		}
		batch := &pgx.Batch{}
		for _, d := range decisions {
			batch.Queue(`
				INSERT INTO credential_decisions (term, council_code, person_id, confirmed, reason) VALUES ($1, $2, $3, $4, $5)
				ON CONFLICT (term, person_id) DO UPDATE SET confirmed = EXCLUDED.confirmed, reason = EXCLUDED.reason`,
				string(term), string(council), string(d.Person), d.Confirmed, d.Reason)
		}
		return tx.SendBatch(ctx, batch).Close()
	})
	if err != nil {
		return fmt.Errorf("store: draft resolution of %s: %w", council, err)
	}
	return nil
}

// CredentialDecisions returns the (draft or adopted) resolution lines of a
// council, in person order.
func (s *Store) CredentialDecisions(ctx context.Context, term election.Term, council election.CouncilCode) ([]election.CredentialDecision, error) {
	rows, err := s.db.Query(ctx, `
		SELECT person_id, confirmed, reason FROM credential_decisions
		WHERE term = $1 AND council_code = $2 ORDER BY person_id`, string(term), string(council))
	if err != nil {
		return nil, fmt.Errorf("store: decisions of %s: %w", council, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.CredentialDecision, error) {
		var d election.CredentialDecision
		var person string
		err := row.Scan(&person, &d.Confirmed, &d.Reason)
		d.Person = election.PersonID(person)
		return d, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: decisions of %s: %w", council, err)
	}
	return out, nil
}

// CertificateSubject is a confirmed person due a certificate, with the
// number it gets: its rank among the council's confirmed persons by ID, so
// every retry assigns the same numbers.
type CertificateSubject struct {
	Person    election.PersonID
	Number    int
	FullName  string
	BirthDate election.Date
}

// PendingCertificates lists the confirmed persons of a council under an
// adopted resolution who have no certificate yet.
func (s *Store) PendingCertificates(ctx context.Context, term election.Term, council election.CouncilCode) ([]CertificateSubject, error) {
	rows, err := s.db.Query(ctx, `
		SELECT person_id, number, full_name, birth_date FROM (
			SELECT d.person_id, row_number() OVER (ORDER BY d.person_id) AS number, p.full_name, p.birth_date
			FROM credential_decisions d
			JOIN elected_persons p ON p.term = d.term AND p.person_id = d.person_id
			JOIN credential_resolutions r ON r.term = d.term AND r.council_code = d.council_code
			WHERE d.term = $1 AND d.council_code = $2 AND d.confirmed
		) ranked
		WHERE NOT EXISTS (SELECT 1 FROM certificates c WHERE c.term = $1 AND c.person_id = ranked.person_id)
		ORDER BY number`, string(term), string(council))
	if err != nil {
		return nil, fmt.Errorf("store: pending certificates of %s: %w", council, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (CertificateSubject, error) {
		var c CertificateSubject
		var person string
		var born time.Time
		err := row.Scan(&person, &c.Number, &c.FullName, &born)
		c.Person, c.BirthDate = election.PersonID(person), election.DateOf(born)
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: pending certificates of %s: %w", council, err)
	}
	return out, nil
}

// Certificate is an issued delegate certificate with its PDF.
type Certificate struct {
	Term         election.Term
	Council      election.CouncilCode
	Number       int
	Person       election.PersonID
	ResolutionNo string
	IssuedOn     election.Date
	PDF          []byte
}

// InsertCertificates stores issued certificates; one already stored (same
// person, or same number in the council) is kept as it was.
func (s *Store) InsertCertificates(ctx context.Context, certs []Certificate) error {
	batch := &pgx.Batch{}
	for _, c := range certs {
		batch.Queue(`
			INSERT INTO certificates (term, council_code, number, person_id, resolution_no, issued_on, pdf)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
			string(c.Term), string(c.Council), c.Number, string(c.Person), c.ResolutionNo, c.IssuedOn.Time(), c.PDF)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error { return tx.SendBatch(ctx, batch).Close() })
	if err != nil {
		return fmt.Errorf("store: insert %d certificates: %w", len(certs), err)
	}
	return nil
}

// CountCertificates returns how many certificates a council has.
func (s *Store) CountCertificates(ctx context.Context, term election.Term, council election.CouncilCode) (int, error) {
	var n int
	err := s.db.QueryRow(ctx, `SELECT count(*) FROM certificates WHERE term = $1 AND council_code = $2`,
		string(term), string(council)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count certificates of %s: %w", council, err)
	}
	return n, nil
}

// CertificatePDF returns the PDF of a council's certificate number.
func (s *Store) CertificatePDF(ctx context.Context, term election.Term, council election.CouncilCode, number int) ([]byte, error) {
	var pdf []byte
	err := s.db.QueryRow(ctx, `SELECT pdf FROM certificates WHERE term = $1 AND council_code = $2 AND number = $3`,
		string(term), string(council), number).Scan(&pdf)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("store: certificate %d of %s: %w", number, council, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: certificate %d of %s: %w", number, council, err)
	}
	return pdf, nil
}

// HandOverCertificates marks a council's certificates handed over.
func (s *Store) HandOverCertificates(ctx context.Context, term election.Term, council election.CouncilCode, on election.Date) error {
	_, err := s.db.Exec(ctx, `
		UPDATE certificates SET handed_over_at = $3 WHERE term = $1 AND council_code = $2 AND handed_over_at IS NULL`,
		string(term), string(council), on.EndOfOfficeDay())
	if err != nil {
		return fmt.Errorf("store: hand over certificates of %s: %w", council, err)
	}
	return nil
}

// Resolution returns a council's adopted credential resolution; found is
// false before it is adopted.
func (s *Store) Resolution(ctx context.Context, term election.Term, council election.CouncilCode) (number string, adoptedOn election.Date, found bool, err error) {
	var day time.Time
	err = s.db.QueryRow(ctx, `SELECT resolution_no, adopted_on FROM credential_resolutions WHERE term = $1 AND council_code = $2`,
		string(term), string(council)).Scan(&number, &day)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", election.Date{}, false, nil
	}
	if err != nil {
		return "", election.Date{}, false, fmt.Errorf("store: resolution of %s: %w", council, err)
	}
	return number, election.DateOf(day), true, nil
}

// Complaint returns one complaint of a council.
func (s *Store) Complaint(ctx context.Context, term election.Term, council election.CouncilCode, id election.ComplaintID) (election.Complaint, error) {
	cs, err := s.complaints(ctx, term, council, id)
	if err != nil {
		return election.Complaint{}, err
	}
	if len(cs) == 0 {
		return election.Complaint{}, fmt.Errorf("store: complaint %s: %w", id, ErrNotFound)
	}
	return cs[0], nil
}
