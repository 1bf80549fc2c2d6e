package store

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// AreaState is where one checklist area of a council stands, as its last
// progress report said.
type AreaState struct {
	Area  string
	State string
	Step  string
}

// BoardRow is one council on the managers' board: where each area of its
// checklist stands, its open and overdue tasks and its next deadline.
type BoardRow struct {
	Term     election.Term
	Council  election.CouncilCode
	Name     string
	Level    election.Level
	Province election.ProvinceCode
	// Areas are in checklist order; empty when the checklist has not
	// reported yet.
	Areas []AreaState
	// Stage is the first area not done with its step ("credentials/resolution"),
	// "done" when every area is, "" when nothing was reported.
	Stage        string
	OpenTasks    int
	OverdueTasks int
	// NextDeadline is the soonest due time of an open task; zero when none.
	NextDeadline time.Time
	// ResolutionAdopted says the council's credential resolution is
	// recorded, so its document can be printed.
	ResolutionAdopted bool
}

// areaOrder is the order of the checklist areas, for stages.
func areaOrder() []string {
	return []string{"credentials", "first-session", "commendations", "outgoing-cadres"}
}

// Board returns one row per council of the election term, by province,
// level and code.
func (s *Store) Board(ctx context.Context, term election.Term) ([]BoardRow, error) {
	rows, err := s.db.Query(ctx, `
		WITH open AS (
			SELECT council_code, count(*)::int AS n, (count(*) FILTER (WHERE overdue))::int AS late, min(due_at) AS next
			FROM tasks WHERE term = $1 AND state = 'open' GROUP BY council_code
		)
		SELECT c.code, c.name, c.level, c.province, coalesce(o.n, 0), coalesce(o.late, 0), o.next, r.council_code IS NOT NULL
		FROM councils c LEFT JOIN open o ON o.council_code = c.code
		LEFT JOIN credential_resolutions r ON r.term = c.term AND r.council_code = c.code
		WHERE c.term = $1
		ORDER BY c.province, c.level, c.code`, string(term))
	if err != nil {
		return nil, fmt.Errorf("store: board of %s: %w", term, err)
	}
	board, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (BoardRow, error) {
		r := BoardRow{Term: term}
		var code, level, province string
		var next *time.Time
		err := row.Scan(&code, &r.Name, &level, &province, &r.OpenTasks, &r.OverdueTasks, &next, &r.ResolutionAdopted)
		r.Council, r.Level, r.Province = election.CouncilCode(code), election.Level(level), election.ProvinceCode(province)
		if next != nil {
			r.NextDeadline = *next
		}
		return r, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: board of %s: %w", term, err)
	}
	index := make(map[election.CouncilCode]int, len(board))
	for i, r := range board {
		index[r.Council] = i
	}
	rows, err = s.db.Query(ctx, `SELECT council_code, area, state, step FROM checklist_progress WHERE term = $1`, string(term))
	if err != nil {
		return nil, fmt.Errorf("store: board progress of %s: %w", term, err)
	}
	var council string
	var a AreaState
	_, err = pgx.ForEachRow(rows, []any{&council, &a.Area, &a.State, &a.Step}, func() error {
		if i, ok := index[election.CouncilCode(council)]; ok {
			board[i].Areas = append(board[i].Areas, a)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("store: board progress of %s: %w", term, err)
	}
	for i := range board {
		board[i].Stage = stageOf(board[i].Areas)
	}
	return board, nil
}

// stageOf sorts areas into checklist order and names the first not done.
func stageOf(areas []AreaState) string {
	order := areaOrder()
	rank := func(a AreaState) int {
		if r := slices.Index(order, a.Area); r >= 0 {
			return r
		}
		return len(order)
	}
	slices.SortStableFunc(areas, func(a, b AreaState) int {
		return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.Area, b.Area))
	})
	if len(areas) == 0 {
		return ""
	}
	for _, a := range areas {
		if a.State != "done" {
			return a.Area + "/" + a.Step
		}
	}
	return "done"
}
