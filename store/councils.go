package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// Council returns a council and the election it belongs to, with the
// election's deadline overrides.
func (s *Store) Council(ctx context.Context, term election.Term, code election.CouncilCode) (election.Council, election.Election, error) {
	var (
		c                   election.Council
		e                   election.Election
		level, province     string
		electionDay         time.Time
		rerun               *time.Time
		deadlineDays        []byte
		councilCode, termDB string
	)
	err := s.db.QueryRow(ctx, `
		SELECT c.code, c.name, c.level, c.province, c.seats, c.rerun_election_day,
			e.term, e.name, e.election_day, e.deadline_days
		FROM councils c JOIN elections e ON e.term = c.term
		WHERE c.term = $1 AND c.code = $2`, string(term), string(code)).
		Scan(&councilCode, &c.Name, &level, &province, &c.Seats, &rerun, &termDB, &e.Name, &electionDay, &deadlineDays)
	if errors.Is(err, pgx.ErrNoRows) {
		return c, e, fmt.Errorf("store: council %s of election %s: %w", code, term, ErrNotFound)
	}
	if err != nil {
		return c, e, fmt.Errorf("store: council %s: %w", code, err)
	}
	c.Code, c.Level, c.Province = election.CouncilCode(councilCode), election.Level(level), election.ProvinceCode(province)
	if rerun != nil {
		c.RerunElectionDay = election.DateOf(*rerun)
	}
	e.Term, e.ElectionDay = election.Term(termDB), election.DateOf(electionDay)
	e.DeadlineDays, err = deadlineOverrides(term, deadlineDays)
	return c, e, err
}

// deadlineOverrides reads an election's deadline_days column: the days of
// the deadlines it sets apart from the law's defaults; nil when none.
func deadlineOverrides(term election.Term, raw []byte) (map[election.DeadlineKind]int, error) {
	var days map[election.DeadlineKind]int
	if err := json.Unmarshal(raw, &days); err != nil {
		return nil, fmt.Errorf("store: deadline overrides of %s: %w", term, err)
	}
	if len(days) == 0 {
		return nil, nil
	}
	return days, nil
}

// CouncilFilter selects councils of an election.
type CouncilFilter struct {
	Term     election.Term
	Province election.ProvinceCode // empty: every province
	Council  election.CouncilCode  // empty: every council
}

// Councils lists the councils of an election matching f, by code.
func (s *Store) Councils(ctx context.Context, f CouncilFilter) ([]election.Council, error) {
	rows, err := s.db.Query(ctx, `
		SELECT code, name, level, province, seats, rerun_election_day FROM councils
		WHERE term = $1 AND ($2 = '' OR province = $2) AND ($3 = '' OR code = $3)
		ORDER BY code`, string(f.Term), string(f.Province), string(f.Council))
	if err != nil {
		return nil, fmt.Errorf("store: councils: %w", err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (election.Council, error) {
		var c election.Council
		var code, level, province string
		var rerun *time.Time
		err := row.Scan(&code, &c.Name, &level, &province, &c.Seats, &rerun)
		c.Code, c.Level, c.Province = election.CouncilCode(code), election.Level(level), election.ProvinceCode(province)
		if rerun != nil {
			c.RerunElectionDay = election.DateOf(*rerun)
		}
		return c, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: councils: %w", err)
	}
	return out, nil
}
