package web

import (
	"cmp"
	"context"
	"net/http"
	"net/url"
	"slices"
	"strconv"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// rollupRow is one province of the board's rollup with its links.
type rollupRow struct {
	store.ProvinceRollup
	// Name is the province's name as the row and the charts show it.
	Name string
	// Bars are the row's areas as bar lengths out of 100.
	Bars []areaBar
	// CouncilsHref opens the province's councils; MissingHref its missed
	// deadlines.
	CouncilsHref, MissingHref string
}

// areaBar is one area of a province as a bar: the share of its councils
// done, running and not started, in hundredths that add up to 100.
type areaBar struct {
	store.AreaTally
	DoneW, RunningW, NotStartedW int
	// RunningX and NotStartedX are where those parts start.
	RunningX, NotStartedX int
}

// rollupBody is the rollup page's data.
type rollupBody struct {
	Term  election.Term
	Today election.Date
	// By is the rows' order (rollupOrders); SortHref links each order.
	By       string
	SortHref map[string]string
	Rows     []rollupRow
	// Charts show the rows' areas by stage and their overdue work.
	Charts    []chartView
	Councils  int
	CanExport bool
	// AllHref lists every council in reach; MissingHref and
	// MissingCSVHref their missed deadlines.
	AllHref, MissingHref, MissingCSVHref string
}

// standingsInReach returns the calendar of the request's election and the
// standings of the councils u may do a on, in ?province= and of ?level=
// when asked;
// errForbidden when u may do a nowhere in the election.
func (s *Server) standingsInReach(ctx context.Context, u auth.User, a auth.Action, q url.Values) (election.Term, election.Calendar, []store.CouncilStanding, error) {
	term, err := s.termOf(ctx, q)
	if err != nil {
		return term, election.Calendar{}, nil, err
	}
	if !mayAnywhere(u, a, term) {
		return term, election.Calendar{}, nil, errForbidden
	}
	cal, all, err := s.Store.Standings(ctx, term)
	if err != nil {
		return term, cal, nil, err
	}
	province, level := q.Get("province"), q.Get("level")
	var out []store.CouncilStanding
	for _, st := range all {
		c := st.Council
		if u.Can(a, auth.Place{Term: term, Province: c.Province, Council: c.Code}) &&
			(province == "" || string(c.Province) == province) && (level == "" || string(c.Level) == level) {
			out = append(out, st)
		}
	}
	return term, cal, out, nil
}

// rollupOf builds the rollup page of the councils u may watch.
func (s *Server) rollupOf(r request) (rollupBody, error) {
	term, cal, standings, err := s.standingsInReach(r.Context(), r.User, auth.ActViewBoard, r.URL.Query())
	if err != nil {
		return rollupBody{}, err
	}
	today := election.Today(s.now())
	t := url.Values{"term": {string(term)}}
	body := rollupBody{Term: term, Today: today, Councils: len(standings),
		CanExport:      mayAnywhere(r.User, auth.ActExportBoard, term),
		AllHref:        "/board?" + url.Values{"term": {string(term)}, "view": {"councils"}}.Encode(),
		MissingHref:    "/board/missing?" + t.Encode(),
		MissingCSVHref: "/board/missing.csv?" + t.Encode()}
	body.By, body.SortHref = r.URL.Query().Get("by"), map[string]string{}
	for _, by := range rollupOrders() {
		body.SortHref[by] = "/board?" + url.Values{"term": {string(term)}, "view": {"provinces"}, "by": {by}}.Encode()
	}
	rollup := store.RollUp(standings, cal, today)
	sortRollup(rollup, body.By)
	for _, p := range rollup {
		in := url.Values{"term": {string(term)}, "province": {string(p.Province)}}.Encode()
		if p.Province == "" { // the National Assembly has no province
			in = url.Values{"term": {string(term)}, "level": {string(election.LevelNational)}}.Encode()
		}
		row := rollupRow{ProvinceRollup: p, Name: provinceName(r.L, p.Province), CouncilsHref: "/board?" + in, MissingHref: "/board/missing?" + in}
		for _, a := range p.Areas {
			row.Bars = append(row.Bars, barOf(a, p.Councils))
		}
		body.Rows = append(body.Rows, row)
	}
	body.Charts = rollupCharts(r.L, rollup)
	return body, nil
}

// rollupOrders are the orders of the rollup besides by province: most
// councils past a deadline, most overdue tasks, most open tasks first.
func rollupOrders() []string { return []string{"province", "past", "overdue", "open"} }

// sortRollup orders rows as by asks, the provinces that lag most first;
// by province when by is empty or unknown.
func sortRollup(rows []store.ProvinceRollup, by string) {
	key := map[string]func(store.ProvinceRollup) int{
		"past":    func(p store.ProvinceRollup) int { return p.PastDeadline },
		"overdue": func(p store.ProvinceRollup) int { return p.OverdueTasks },
		"open":    func(p store.ProvinceRollup) int { return p.OpenTasks },
	}[by]
	if key == nil {
		return // RollUp gives them by province
	}
	slices.SortStableFunc(rows, func(a, b store.ProvinceRollup) int { return cmp.Compare(key(b), key(a)) })
}

// barOf sizes an area's bar over councils: each part rounded down, the
// rest given to "not started" so the parts add up to 100.
func barOf(a store.AreaTally, councils int) areaBar {
	b := areaBar{AreaTally: a}
	if councils == 0 {
		b.NotStartedW = 100
		return b
	}
	b.DoneW = a.Done * 100 / councils
	b.RunningW = a.Running * 100 / councils
	b.RunningX = b.DoneW
	b.NotStartedX = b.DoneW + b.RunningW
	b.NotStartedW = 100 - b.NotStartedX
	return b
}

// boardView says whether a board request asks for councils (a filter,
// an order, a page or view=councils) rather than the rollup.
func boardView(q url.Values) string {
	for _, k := range []string{"province", "level", "stage", "sort", "page"} {
		if q.Has(k) {
			return "councils"
		}
	}
	if v := q.Get("view"); v == "councils" || v == "provinces" {
		return v
	}
	return ""
}

// rollup shows the board's rollup: one row per province in the user's
// reach. A user whose reach is one province sees its councils instead,
// unless they asked for provinces (view=provinces).
func (s *Server) rollup(w http.ResponseWriter, r request) error {
	body, err := s.rollupOf(r)
	if err != nil {
		return err
	}
	if len(body.Rows) == 1 && boardView(r.URL.Query()) == "" {
		return s.councils(w, r, string(body.Rows[0].Province))
	}
	return s.show(w, r, "rollup", "board", body)
}

// pager is the links of a page of a long list; its links keep every
// other parameter of the request.
type pager struct {
	Page, Pages int
	Prev, Next  string
}

// paginate cuts n items into pages of per, reads ?page= (1 when absent or
// malformed, the last page when beyond it) and returns the page's bounds
// and links to path.
func paginate(q url.Values, path string, n, per int) (lo, hi int, p pager) {
	p.Pages = max(1, (n+per-1)/per)
	p.Page, _ = strconv.Atoi(q.Get("page"))
	p.Page = min(max(p.Page, 1), p.Pages)
	link := func(page int) string {
		l := url.Values{}
		for k, v := range q {
			l[k] = v
		}
		l.Set("page", strconv.Itoa(page))
		return path + "?" + l.Encode()
	}
	if p.Page > 1 {
		p.Prev = link(p.Page - 1)
	}
	if p.Page < p.Pages {
		p.Next = link(p.Page + 1)
	}
	lo = (p.Page - 1) * per
	return lo, min(lo+per, n), p
}
