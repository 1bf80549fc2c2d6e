package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// NamesOf returns the full names of elected persons and outgoing cadres of
// a term, by ID, in one round trip: the people a page of tasks is about,
// for the web inbox to name them. Workflows never see names; an unknown ID
// is left out.
func (s *Store) NamesOf(ctx context.Context, term election.Term, persons []election.PersonID, cadres []election.CadreID) (map[string]string, error) {
	names := make(map[string]string, len(persons)+len(cadres))
	if len(persons)+len(cadres) == 0 {
		return names, nil
	}
	ps := make([]string, len(persons))
	for i, p := range persons {
		ps[i] = string(p)
	}
	cs := make([]string, len(cadres))
	for i, c := range cadres {
		cs[i] = string(c)
	}
	rows, err := s.db.Query(ctx, `
		SELECT person_id, full_name FROM elected_persons WHERE term = $1 AND person_id = ANY($2)
		UNION ALL
		SELECT cadre_id, full_name FROM outgoing_cadres WHERE term = $1 AND cadre_id = ANY($3)`,
		string(term), ps, cs)
	if err != nil {
		return nil, fmt.Errorf("store: names: %w", err)
	}
	var id, name string
	_, err = pgx.ForEachRow(rows, []any{&id, &name}, func() error { names[id] = name; return nil })
	if err != nil {
		return nil, fmt.Errorf("store: names: %w", err)
	}
	return names, nil
}
