package store

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// CouncilStanding is what the board's rollup (bảng tổng hợp tiến độ) knows
// of one council: its areas' states, its open and overdue tasks, and the
// dates the credential resolution was adopted and the first session opened.
type CouncilStanding struct {
	Council      election.Council
	Areas        []AreaState
	OpenTasks    int
	OverdueTasks int
	// ResolutionAdoptedOn is the credential resolution's adoption date;
	// zero while none is recorded.
	ResolutionAdoptedOn election.Date
	// SessionOpenedOn is the day the first session opened; zero while
	// none is recorded.
	SessionOpenedOn election.Date
}

// Standings returns the legal calendar of an election and every council
// of it with its standing, by province, level and code: the three queries
// the rollup and the list of missed deadlines are computed from.
func (s *Store) Standings(ctx context.Context, term election.Term) (election.Calendar, []CouncilStanding, error) {
	cal, err := s.calendarOf(ctx, term)
	if err != nil {
		return cal, nil, err
	}
	rows, err := s.db.Query(ctx, `
		WITH open AS (
			SELECT council_code, count(*)::int AS n, (count(*) FILTER (WHERE overdue))::int AS late
			FROM tasks WHERE term = $1 AND state = 'open' GROUP BY council_code
		)
		SELECT c.code, c.name, c.level, c.province, c.seats, c.rerun_election_day,
			coalesce(o.n, 0), coalesce(o.late, 0), r.adopted_on, f.opened_on
		FROM councils c LEFT JOIN open o ON o.council_code = c.code
		LEFT JOIN credential_resolutions r ON r.term = c.term AND r.council_code = c.code
		LEFT JOIN first_sessions f ON f.term = c.term AND f.council_code = c.code
		WHERE c.term = $1
		ORDER BY c.province, c.level, c.code`, string(term))
	if err != nil {
		return cal, nil, fmt.Errorf("store: standings of %s: %w", term, err)
	}
	out, err := pgx.CollectRows(rows, scanStanding)
	if err != nil {
		return cal, nil, fmt.Errorf("store: standings of %s: %w", term, err)
	}
	if err := s.attachAreas(ctx, term, out); err != nil {
		return cal, nil, err
	}
	return cal, out, nil
}

// scanStanding reads one row of the standings query.
func scanStanding(row pgx.CollectableRow) (CouncilStanding, error) {
	var st CouncilStanding
	var code, level, province string
	var rerun, adopted, opened *time.Time
	err := row.Scan(&code, &st.Council.Name, &level, &province, &st.Council.Seats, &rerun,
		&st.OpenTasks, &st.OverdueTasks, &adopted, &opened)
	st.Council.Code, st.Council.Level, st.Council.Province = election.CouncilCode(code), election.Level(level), election.ProvinceCode(province)
	for _, d := range []struct {
		to   *election.Date
		from *time.Time
	}{{&st.Council.RerunElectionDay, rerun}, {&st.ResolutionAdoptedOn, adopted}, {&st.SessionOpenedOn, opened}} {
		if d.from != nil {
			*d.to = election.DateOf(*d.from)
		}
	}
	return st, err
}

// attachAreas adds each council's reported areas, in checklist order.
func (s *Store) attachAreas(ctx context.Context, term election.Term, standings []CouncilStanding) error {
	index := make(map[election.CouncilCode]int, len(standings))
	for i, st := range standings {
		index[st.Council.Code] = i
	}
	rows, err := s.db.Query(ctx, `SELECT council_code, area, state, step FROM checklist_progress WHERE term = $1`, string(term))
	if err != nil {
		return fmt.Errorf("store: standings progress of %s: %w", term, err)
	}
	var council string
	var a AreaState
	_, err = pgx.ForEachRow(rows, []any{&council, &a.Area, &a.State, &a.Step}, func() error {
		if i, ok := index[election.CouncilCode(council)]; ok {
			standings[i].Areas = append(standings[i].Areas, a)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: standings progress of %s: %w", term, err)
	}
	for i := range standings {
		stageOf(standings[i].Areas)
	}
	return nil
}

// calendarOf reads an election's day and deadline overrides and returns
// its legal calendar.
func (s *Store) calendarOf(ctx context.Context, term election.Term) (election.Calendar, error) {
	var day time.Time
	var raw []byte
	err := s.db.QueryRow(ctx, `SELECT election_day, deadline_days FROM elections WHERE term = $1`, string(term)).Scan(&day, &raw)
	if errors.Is(err, pgx.ErrNoRows) {
		return election.Calendar{}, fmt.Errorf("store: election %s: %w", term, ErrNotFound)
	}
	if err != nil {
		return election.Calendar{}, fmt.Errorf("store: election %s: %w", term, err)
	}
	days, err := deadlineOverrides(term, raw)
	if err != nil {
		return election.Calendar{}, err
	}
	cal, err := election.Election{Term: term, ElectionDay: election.DateOf(day), DeadlineDays: days}.Calendar()
	if err != nil {
		return cal, fmt.Errorf("store: calendar of %s: %w", term, err)
	}
	return cal, nil
}

// The steps a council can miss, as the list of missed deadlines names them.
const (
	// StepCredentialResolution: the credential resolution (nghị quyết xác
	// nhận tư cách người trúng cử) adopted.
	StepCredentialResolution = "credential-resolution"
	// StepFirstSession: the first session (kỳ họp thứ nhất) opened.
	StepFirstSession = "first-session"
	// StepCadreDecisions: the outgoing cadres' area done, every benefit
	// decision made.
	StepCadreDecisions = "cadre-decisions"
)

// MissedStep is a step a council did not do by its deadline: not done
// while the deadline has passed, or done after it.
type MissedStep struct {
	Step string
	// Due is the last day the step was due on.
	Due election.Date
	// DoneOn is when it was done late; zero while it is still not done.
	DoneOn election.Date
}

// Missed returns the steps of a council not done by their deadlines in
// deadlines (from election.Calendar.For), as of today; a step due today
// is not yet missed.
func (st CouncilStanding) Missed(deadlines election.CouncilDeadlines, today election.Date) []MissedStep {
	var out []MissedStep
	dated := func(step string, due, done election.Date) {
		if (done.IsZero() && today.After(due)) || done.After(due) {
			out = append(out, MissedStep{Step: step, Due: due, DoneOn: done})
		}
	}
	dated(StepCredentialResolution, deadlines.CredentialResolution.Due, st.ResolutionAdoptedOn)
	dated(StepFirstSession, deadlines.FirstSession.Due, st.SessionOpenedOn)
	cadres := slices.ContainsFunc(st.Areas, func(a AreaState) bool { return a.Area == "outgoing-cadres" && a.State == "done" })
	if due := deadlines.CadreDecisions.Due; !cadres && today.After(due) {
		out = append(out, MissedStep{Step: StepCadreDecisions, Due: due})
	}
	return out
}

// AreaTally counts the councils of a province by the state of one
// checklist area.
type AreaTally struct {
	Area                      string
	Done, Running, NotStarted int
}

// ProvinceRollup is one row of the board's rollup: a province's councils
// (the National Assembly's row has no province), how far each area is,
// their open and overdue tasks and how many are past a legal deadline.
type ProvinceRollup struct {
	Province     election.ProvinceCode
	Councils     int
	Areas        []AreaTally
	OpenTasks    int
	OverdueTasks int
	// PastDeadline counts the councils with at least one missed step.
	PastDeadline int
}

// RollUp sums standings (already limited to the user's reach) by
// province, in province order, as of today.
func RollUp(standings []CouncilStanding, cal election.Calendar, today election.Date) []ProvinceRollup {
	var out []ProvinceRollup
	index := map[election.ProvinceCode]int{}
	for _, st := range standings {
		i, ok := index[st.Council.Province]
		if !ok {
			i = len(out)
			index[st.Council.Province] = i
			p := ProvinceRollup{Province: st.Council.Province}
			for _, a := range areaOrder() {
				p.Areas = append(p.Areas, AreaTally{Area: a})
			}
			out = append(out, p)
		}
		p := &out[i]
		p.Councils++
		p.OpenTasks += st.OpenTasks
		p.OverdueTasks += st.OverdueTasks
		if len(st.Missed(cal.For(st.Council), today)) > 0 {
			p.PastDeadline++
		}
		for j := range p.Areas {
			tallyArea(&p.Areas[j], st.Areas)
		}
	}
	slices.SortFunc(out, func(a, b ProvinceRollup) int { return cmp.Compare(a.Province, b.Province) })
	return out
}

// tallyArea counts one council's state of t's area.
func tallyArea(t *AreaTally, areas []AreaState) {
	i := slices.IndexFunc(areas, func(a AreaState) bool { return a.Area == t.Area })
	switch {
	case i < 0 || areas[i].State == "pending":
		t.NotStarted++
	case areas[i].State == "done":
		t.Done++
	default:
		t.Running++
	}
}
