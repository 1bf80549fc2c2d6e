package store

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// ElectionSummary is an imported election with the size of its roster.
type ElectionSummary struct {
	Term        election.Term
	Name        string
	ElectionDay election.Date
	Councils    int
	Persons     int
	Complaints  int
	Cadres      int
}

// ListElections returns every imported election, newest first.
func (s *Store) ListElections(ctx context.Context) ([]ElectionSummary, error) {
	rows, err := s.db.Query(ctx, `
		SELECT e.term, e.name, e.election_day,
			(SELECT count(*) FROM councils c WHERE c.term = e.term),
			(SELECT count(*) FROM elected_persons p WHERE p.term = e.term),
			(SELECT count(*) FROM complaints k WHERE k.term = e.term),
			(SELECT count(*) FROM outgoing_cadres o WHERE o.term = e.term)
		FROM elections e ORDER BY e.election_day DESC, e.term`)
	if err != nil {
		return nil, fmt.Errorf("store: list elections: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (ElectionSummary, error) {
		var e ElectionSummary
		var term string
		var day time.Time
		err := row.Scan(&term, &e.Name, &day, &e.Councils, &e.Persons, &e.Complaints, &e.Cadres)
		e.Term, e.ElectionDay = election.Term(term), election.DateOf(day)
		return e, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: list elections: %w", err)
	}
	return out, nil
}
