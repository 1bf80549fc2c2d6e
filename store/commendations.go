package store

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// ErrCommendationConflict is returned when a commendation write contradicts
// what is recorded (a verdict on a nomination never appraised, a decision
// whose list is not the council's approved nominations). Retrying cannot
// fix it.
var ErrCommendationConflict = errors.New("commendation records disagree")

// RecordNominations records a council's nominations. A nomination already
// recorded keeps its status; its text is corrected only while it is not yet
// appraised, and a retry with the same text rewrites nothing.
func (s *Store) RecordNominations(ctx context.Context, term election.Term, council election.CouncilCode, noms []election.Nomination) error {
	if len(noms) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	for _, n := range noms {
		batch.Queue(`
			INSERT INTO nominations (term, council_code, nomination_id, nominee_kind, nominee, achievement)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT (term, council_code, nomination_id) DO UPDATE
			SET nominee_kind = EXCLUDED.nominee_kind, nominee = EXCLUDED.nominee, achievement = EXCLUDED.achievement,
				updated_at = now()
			WHERE nominations.status = 'nominated' AND NOT nominations.appraised
				AND (nominations.nominee_kind, nominations.nominee, nominations.achievement)
					IS DISTINCT FROM (EXCLUDED.nominee_kind, EXCLUDED.nominee, EXCLUDED.achievement)`,
			string(term), string(council), string(n.ID), string(n.NomineeKind), n.Nominee, n.Achievement)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error { return tx.SendBatch(ctx, batch).Close() })
	if err != nil {
		return fmt.Errorf("store: record %d nominations of %s: %w", len(noms), council, err)
	}
	return nil
}

// RecordAppraisals records the emulation board's appraisal of nominations:
// a rejection with its reason moves the nomination to appraisal-rejected,
// an approval leaves it nominated and appraised. A nomination is appraised
// once: a retry, or an appraisal arriving after the council's verdict,
// changes nothing.
func (s *Store) RecordAppraisals(ctx context.Context, term election.Term, council election.CouncilCode, appraisals []election.NominationAppraisal) error {
	if len(appraisals) == 0 {
		return nil
	}
	ids := make([]string, len(appraisals))
	batch := &pgx.Batch{}
	for i, a := range appraisals {
		if a.Decision != election.AppraisalApprove && a.Decision != election.AppraisalReject {
			return fmt.Errorf("store: appraisal of %s: decision %q: %w", a.Nomination, a.Decision, ErrCommendationConflict)
		}
		ids[i] = string(a.Nomination)
		batch.Queue(`
			UPDATE nominations SET appraised = true, reason = $5, updated_at = now(),
				status = CASE WHEN $4 = 'reject' THEN 'appraisal-rejected' ELSE status END
			WHERE term = $1 AND council_code = $2 AND nomination_id = $3 AND status = 'nominated' AND NOT appraised`,
			string(term), string(council), ids[i], string(a.Decision), a.Reason)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return err
		}
		return missingNominations(ctx, tx, term, council, ids, "")
	})
	if err != nil {
		return fmt.Errorf("store: record appraisals of %s: %w", council, err)
	}
	return nil
}

// RecordCouncilReview records the council's verdicts on appraised
// nominations: approved or council-rejected with the reason. The first
// verdict on a nomination stands: a retry changes nothing.
func (s *Store) RecordCouncilReview(ctx context.Context, term election.Term, council election.CouncilCode, verdicts []election.CouncilVerdict) error {
	if len(verdicts) == 0 {
		return nil
	}
	ids := make([]string, len(verdicts))
	batch := &pgx.Batch{}
	for i, v := range verdicts {
		ids[i] = string(v.Nomination)
		status := election.NominationCouncilRejected
		if v.Approved {
			status = election.NominationApproved
		}
		batch.Queue(`
			UPDATE nominations SET status = $4, reason = $5, updated_at = now()
			WHERE term = $1 AND council_code = $2 AND nomination_id = $3 AND status = 'nominated' AND appraised`,
			string(term), string(council), ids[i], string(status), v.Reason)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		if err := tx.SendBatch(ctx, batch).Close(); err != nil {
			return err
		}
		// Every nomination reviewed must have passed appraisal.
		return missingNominations(ctx, tx, term, council, ids,
			`AND appraised AND status IN ('nominated', 'council-rejected', 'approved')`)
	})
	if err != nil {
		return fmt.Errorf("store: record council review of %s: %w", council, err)
	}
	return nil
}

// missingNominations fails when some of ids are not nominations of the
// council matching the extra condition.
func missingNominations(ctx context.Context, tx pgx.Tx, term election.Term, council election.CouncilCode, ids []string, cond string) error {
	rows, err := tx.Query(ctx, `
		SELECT id FROM unnest($3::text[]) AS id
		WHERE NOT EXISTS (SELECT 1 FROM nominations
			WHERE term = $1 AND council_code = $2 AND nomination_id = id `+cond+`)
		ORDER BY id`, string(term), string(council), ids)
	if err != nil {
		return err
	}
	missing, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	if len(missing) > 0 {
		if cond == "" {
			return fmt.Errorf("nominations %v: %w", missing, ErrNotFound)
		}
		return fmt.Errorf("nominations %v are not awaiting the council: %w", missing, ErrCommendationConflict)
	}
	return nil
}

// CommendationDecision is a People's Committee chair's commendation
// decision for a council. Approved lists the nominations it commends.
type CommendationDecision struct {
	Term       election.Term
	Council    election.CouncilCode
	DecisionNo string
	DecidedOn  election.Date
	Award      string
	Approved   []election.NominationID
}

// RecordCommendationDecision records a council's commendation decision; a
// second call keeps the first record. The nominations it lists must be
// exactly those the council approved: the decision's list is read from
// their status, so it can never name a nomination that was rejected.
func (s *Store) RecordCommendationDecision(ctx context.Context, d CommendationDecision) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		approved, err := approvedNominations(ctx, tx, d.Term, d.Council)
		if err != nil {
			return err
		}
		want := slices.Clone(d.Approved)
		slices.Sort(want)
		if !slices.Equal(approved, want) {
			return fmt.Errorf("decision lists %v, the council approved %v: %w", want, approved, ErrCommendationConflict)
		}
		_, err = tx.Exec(ctx, `
			INSERT INTO commendation_decisions (term, council_code, decision_no, decided_on, award)
			VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
			string(d.Term), string(d.Council), d.DecisionNo, d.DecidedOn.Time(), d.Award)
		return err
	})
	if err != nil {
		return fmt.Errorf("store: record commendation decision of %s: %w", d.Council, err)
	}
	return nil
}

// approvedNominations lists a council's approved nominations in ID order.
func approvedNominations(ctx context.Context, q interface {
	Query(context.Context, string, ...any) (pgx.Rows, error)
}, term election.Term, council election.CouncilCode) ([]election.NominationID, error) {
	rows, err := q.Query(ctx, `
		SELECT nomination_id FROM nominations
		WHERE term = $1 AND council_code = $2 AND status = 'approved' ORDER BY nomination_id`,
		string(term), string(council))
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[election.NominationID])
}

// NominationRecord is a recorded nomination and what became of it.
type NominationRecord struct {
	ID          election.NominationID
	NomineeKind election.NomineeKind
	Nominee     string
	Achievement string
	Status      election.NominationStatus
	Appraised   bool
	Reason      string
}

// Commendations is where a council's commendations stand.
type Commendations struct {
	// Nominations in ID order.
	Nominations []NominationRecord
	// Counts by status.
	Nominated, AppraisalRejected, CouncilRejected, Approved int
	// Decision is nil until the decision is recorded; its Approved lists the
	// approved nominations.
	Decision *CommendationDecision
}

// CommendationSummary returns a council's nominations and its commendation
// decision, for reports and tests.
func (s *Store) CommendationSummary(ctx context.Context, term election.Term, council election.CouncilCode) (Commendations, error) {
	var out Commendations
	rows, err := s.db.Query(ctx, `
		SELECT nomination_id, nominee_kind, nominee, achievement, status, appraised, reason FROM nominations
		WHERE term = $1 AND council_code = $2 ORDER BY nomination_id`, string(term), string(council))
	if err != nil {
		return out, fmt.Errorf("store: nominations of %s: %w", council, err)
	}
	out.Nominations, err = pgx.CollectRows(rows, func(row pgx.CollectableRow) (NominationRecord, error) {
		var n NominationRecord
		err := row.Scan(&n.ID, &n.NomineeKind, &n.Nominee, &n.Achievement, &n.Status, &n.Appraised, &n.Reason)
		return n, err
	})
	if err != nil {
		return out, fmt.Errorf("store: nominations of %s: %w", council, err)
	}
	for _, n := range out.Nominations {
		switch n.Status {
		case election.NominationNominated:
			out.Nominated++
		case election.NominationAppraisalRejected:
			out.AppraisalRejected++
		case election.NominationCouncilRejected:
			out.CouncilRejected++
		case election.NominationApproved:
			out.Approved++
		}
	}

	d := CommendationDecision{Term: term, Council: council}
	var on time.Time
	err = s.db.QueryRow(ctx, `
		SELECT decision_no, decided_on, award FROM commendation_decisions WHERE term = $1 AND council_code = $2`,
		string(term), string(council)).Scan(&d.DecisionNo, &on, &d.Award)
	if errors.Is(err, pgx.ErrNoRows) {
		return out, nil
	}
	if err != nil {
		return out, fmt.Errorf("store: commendation decision of %s: %w", council, err)
	}
	d.DecidedOn = election.DateOf(on)
	if d.Approved, err = approvedNominations(ctx, s.db, term, council); err != nil {
		return out, fmt.Errorf("store: commendation decision of %s: %w", council, err)
	}
	out.Decision = &d
	return out, nil
}
