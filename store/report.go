package store

import (
	"context"
	"fmt"

	"electionflow/election"
)

// Report is the summary report of an election over a set of councils.
type Report struct {
	Councils          int
	Persons           int
	Confirmed         int
	NotConfirmed      int
	Certificates      int
	HandedOver        int
	SessionsOnTime    int // first sessions opened no later than their legal deadline
	SessionsLate      int
	SessionsNotYet    int // first sessions not opened yet
	CommendationsDone int // councils whose commendation decision is recorded
	BenefitDecisions  int // outgoing cadres whose benefit decision is recorded
}

// Report sums the outcomes of the councils of term in councils from
// Postgres.
func (s *Store) Report(ctx context.Context, term election.Term, councils []election.CouncilCode) (Report, error) {
	codes := make([]string, len(councils))
	for i, c := range councils {
		codes[i] = string(c)
	}
	r := Report{Councils: len(councils)}
	err := s.db.QueryRow(ctx, `
		SELECT
			(SELECT count(*) FROM elected_persons WHERE term = $1 AND council_code = ANY($2))::int,
			(SELECT count(*) FILTER (WHERE d.confirmed) FROM credential_decisions d
				JOIN credential_resolutions r USING (term, council_code) WHERE d.term = $1 AND d.council_code = ANY($2))::int,
			(SELECT count(*) FILTER (WHERE NOT d.confirmed) FROM credential_decisions d
				JOIN credential_resolutions r USING (term, council_code) WHERE d.term = $1 AND d.council_code = ANY($2))::int,
			(SELECT count(*) FROM certificates WHERE term = $1 AND council_code = ANY($2))::int,
			(SELECT count(handed_over_at) FROM certificates WHERE term = $1 AND council_code = ANY($2))::int,
			(SELECT count(*) FILTER (WHERE opened_on IS NOT NULL AND opened_on <= deadline) FROM first_sessions
				WHERE term = $1 AND council_code = ANY($2))::int,
			(SELECT count(*) FILTER (WHERE opened_on > deadline) FROM first_sessions
				WHERE term = $1 AND council_code = ANY($2))::int,
			(SELECT count(*) FROM commendation_decisions WHERE term = $1 AND council_code = ANY($2))::int,
			(SELECT count(*) FROM benefit_decisions WHERE term = $1 AND council_code = ANY($2))::int`,
		string(term), codes).Scan(&r.Persons, &r.Confirmed, &r.NotConfirmed, &r.Certificates, &r.HandedOver,
		&r.SessionsOnTime, &r.SessionsLate, &r.CommendationsDone, &r.BenefitDecisions)
	if err != nil {
		return Report{}, fmt.Errorf("store: report of %s: %w", term, err)
	}
	r.SessionsNotYet = r.Councils - r.SessionsOnTime - r.SessionsLate
	return r, nil
}
