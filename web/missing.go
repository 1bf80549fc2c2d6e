package web

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/internal/csvsafe"
	"electionflow/store"
)

// missedRow is a step a council did not do by its deadline (chưa thực
// hiện đúng hạn), with how many days it is or was late.
type missedRow struct {
	Council  election.Council
	Step     store.MissedStep
	DaysLate int
}

// missingBody is the "what is missing" page's data.
type missingBody struct {
	Term      election.Term
	Today     election.Date
	Province  string
	Rows      []missedRow
	Total     int
	Pager     pager
	CanExport bool
	// CSVHref, BoardHref keep the page's filters.
	CSVHref, BoardHref string
}

// missedOf lists the steps the councils u may do a on did not do by their
// deadlines, as of today, by province, council and deadline.
func (s *Server) missedOf(r request, a auth.Action) (election.Term, []missedRow, error) {
	term, cal, standings, err := s.standingsInReach(r.Context(), r.User, a, r.URL.Query())
	if err != nil {
		return term, nil, err
	}
	today := election.Today(s.now())
	var rows []missedRow
	for _, st := range standings {
		for _, m := range st.Missed(cal.For(st.Council), today) {
			until := today
			if !m.DoneOn.IsZero() {
				until = m.DoneOn
			}
			rows = append(rows, missedRow{Council: st.Council, Step: m, DaysLate: m.Due.DaysUntil(until)})
		}
	}
	slices.SortStableFunc(rows, func(a, b missedRow) int {
		return cmp.Or(cmp.Compare(a.Council.Province, b.Council.Province), cmp.Compare(a.Council.Code, b.Council.Code),
			a.Step.Due.Time().Compare(b.Step.Due.Time()))
	})
	return term, rows, nil
}

// missing shows the steps councils in the user's reach did not do by
// their deadlines, a page of 100 at a time.
func (s *Server) missing(w http.ResponseWriter, r request) error {
	term, rows, err := s.missedOf(r, auth.ActViewBoard)
	if err != nil {
		return err
	}
	q := r.URL.Query()
	lo, hi, p := paginate(q, "/board/missing", len(rows), councilsPerPage)
	board := q
	board.Del("page")
	if len(board) == 0 {
		board.Set("term", string(term))
	}
	return s.show(w, r, "missing", "missing", missingBody{Term: term, Today: election.Today(s.now()), Province: q.Get("province"),
		Rows: rows[lo:hi], Total: len(rows), Pager: p, CanExport: mayAnywhere(r.User, auth.ActExportBoard, term),
		CSVHref: string(withQuery("/board/missing.csv", board)), BoardHref: string(withQuery("/board", board))})
}

// missingCSV exports every missed step in the user's export reach, UTF-8
// with a byte order mark, every cell through csvsafe, never cached.
func (s *Server) missingCSV(w http.ResponseWriter, r request) error {
	term, rows, err := s.missedOf(r, auth.ActExportBoard)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="missing-%s.csv"`, term))
	w.Header().Set("Cache-Control", "no-store")
	if _, err := w.Write([]byte("\uFEFF")); err != nil {
		return nil // the client went away
	}
	cw := csv.NewWriter(w)
	_ = cw.Write(csvsafe.Row("term", "council", "name", "level", "province", "step", "due", "done_on", "days_late"))
	for _, m := range rows {
		c := m.Council
		_ = cw.Write(csvsafe.Row(string(term), string(c.Code), c.Name, string(c.Level), string(c.Province), m.Step.Step,
			m.Step.Due.String(), m.Step.DoneOn.String(), strconv.Itoa(m.DaysLate)))
	}
	cw.Flush()
	return nil
}
