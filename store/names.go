package store

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"electionflow/checklist"
	"electionflow/election"
)

// NamesAbout returns the full name of the person each task is about, by
// task ID: the elected person a complaint's review concerns, the outgoing
// cadre of a cadre's case, read from the task's subject. A task about
// nobody in particular, or about an ID the roster does not hold, is left
// out. It asks once per term. The web inbox and notice mail name tasks
// with it; workflows never see names.
func (s *Store) NamesAbout(ctx context.Context, tasks []election.Task) (map[election.TaskID]string, error) {
	type about struct{ persons, cadres []string }
	byTerm := map[election.Term]*about{}
	ids := make(map[election.TaskID]string, len(tasks))
	for _, t := range tasks {
		ab := byTerm[t.Term]
		if ab == nil {
			ab = &about{}
			byTerm[t.Term] = ab
		}
		if c, ok := checklist.CadreOf(t); ok {
			ab.cadres, ids[t.ID] = append(ab.cadres, string(c)), string(c)
		} else if p, ok := checklist.ComplainantOf(t); ok {
			ab.persons, ids[t.ID] = append(ab.persons, string(p)), string(p)
		}
	}
	names := make(map[election.TaskID]string, len(ids))
	for term, ab := range byTerm {
		if len(ab.persons)+len(ab.cadres) == 0 {
			continue
		}
		byID, err := s.namesOf(ctx, term, ab.persons, ab.cadres)
		if err != nil {
			return nil, err
		}
		for _, t := range tasks {
			if name := byID[ids[t.ID]]; t.Term == term && name != "" {
				names[t.ID] = name
			}
		}
	}
	return names, nil
}

// namesOf returns the full names of elected persons and outgoing cadres of
// a term, by ID, in one round trip.
func (s *Store) namesOf(ctx context.Context, term election.Term, persons, cadres []string) (map[string]string, error) {
	rows, err := s.db.Query(ctx, `
		SELECT person_id, full_name FROM elected_persons WHERE term = $1 AND person_id = ANY($2)
		UNION ALL
		SELECT cadre_id, full_name FROM outgoing_cadres WHERE term = $1 AND cadre_id = ANY($3)`,
		string(term), persons, cadres)
	if err != nil {
		return nil, fmt.Errorf("store: names: %w", err)
	}
	names := make(map[string]string, len(persons)+len(cadres))
	var id, name string
	_, err = pgx.ForEachRow(rows, []any{&id, &name}, func() error { names[id] = name; return nil })
	if err != nil {
		return nil, fmt.Errorf("store: names: %w", err)
	}
	return names, nil
}
