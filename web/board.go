package web

import (
	"cmp"
	"context"
	"encoding/csv"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/csvsafe"
	"electionflow/report"
	"electionflow/store"
)

// termOf is the election of a request: ?term= when valid, else the newest
// election; "" when none is imported.
func (s *Server) termOf(ctx context.Context, q url.Values) (election.Term, error) {
	if t := q.Get("term"); t != "" {
		term, err := election.ParseTerm(t)
		if err != nil {
			return "", errNotFound
		}
		return term, nil
	}
	es, err := s.Store.ListElections(ctx)
	if err != nil || len(es) == 0 {
		return "", err
	}
	return es[0].Term, nil
}

// mayAnywhere says whether u may do a somewhere in the election term.
func mayAnywhere(u auth.User, a auth.Action, term election.Term) bool {
	return slices.ContainsFunc(u.Grants, func(g auth.Grant) bool { return g.Scope.Term == term && u.Can(a, grantPlace(g)) })
}

// mayInSomeScope says whether u may do a within one of their grants, in
// any term: whether a page is offered to them at all.
func mayInSomeScope(u auth.User, a auth.Action) bool {
	return slices.ContainsFunc(u.Grants, func(g auth.Grant) bool { return u.Can(a, grantPlace(g)) })
}

// grantPlace is the place a grant's scope covers.
func grantPlace(g auth.Grant) auth.Place {
	return auth.Place{Term: g.Scope.Term, Province: g.Scope.Province, Council: g.Scope.Council}
}

// boardQuery is the board's filter and order.
type boardQuery struct {
	Term     election.Term
	Province string
	Level    string
	Stage    string
	Sort     string
}

// boardRow is a council of the board with its Temporal UI link.
type boardRow struct {
	store.BoardRow
	TemporalURL string
	// ResolutionHref links the council's credential resolution PDF once
	// it is adopted.
	ResolutionHref string
}

// boardBody is the board page's data.
type boardBody struct {
	Query boardQuery
	// Rows are the page's councils of Total.
	Rows      []boardRow
	Total     int
	Pager     pager
	CanExport bool
	// ProvincesHref opens the rollup; MissingHref the missed deadlines of
	// the councils listed.
	ProvincesHref, MissingHref string
	Sorts                      []string
	Levels                     []election.Level
	Stages                     []string
	CSVHref                    template.URL
}

// boardRows returns the councils of the request's election that u may
// do a on, filtered and sorted as asked; errForbidden when u may do it
// nowhere.
func (s *Server) boardRows(ctx context.Context, u auth.User, a auth.Action, q url.Values) (boardQuery, []boardRow, error) {
	term, err := s.termOf(ctx, q)
	if err != nil {
		return boardQuery{}, nil, err
	}
	bq := boardQuery{Term: term, Province: q.Get("province"), Level: q.Get("level"), Stage: q.Get("stage"), Sort: q.Get("sort")}
	if !mayAnywhere(u, a, term) {
		return bq, nil, errForbidden
	}
	all, err := s.Store.Board(ctx, term)
	if err != nil {
		return bq, nil, err
	}
	var rows []boardRow
	for _, r := range all {
		switch {
		case !u.Can(a, auth.Place{Term: r.Term, Province: r.Province, Council: r.Council}),
			bq.Province != "" && string(r.Province) != bq.Province,
			bq.Level != "" && string(r.Level) != bq.Level,
			bq.Stage != "" && !strings.HasPrefix(r.Stage, bq.Stage):
			continue
		}
		row := boardRow{BoardRow: r}
		// Only a started checklist (one that reported progress) has a
		// workflow to look at.
		if s.TemporalUIURL != "" && r.Stage != "" {
			row.TemporalURL = strings.TrimRight(s.TemporalUIURL, "/") + "/workflows/" + url.PathEscape(checklist.WorkflowID(r.Term, r.Council))
		}
		if r.ResolutionAdopted {
			row.ResolutionHref = resolutionHref(r.Term, r.Council)
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b boardRow) int {
		switch bq.Sort {
		case "open":
			return cmp.Compare(b.OpenTasks, a.OpenTasks)
		case "overdue":
			return cmp.Compare(b.OverdueTasks, a.OverdueTasks)
		case "deadline":
			switch {
			case a.NextDeadline.IsZero() != b.NextDeadline.IsZero():
				if a.NextDeadline.IsZero() {
					return 1
				}
				return -1
			}
			return a.NextDeadline.Compare(b.NextDeadline)
		case "stage":
			return cmp.Compare(a.Stage, b.Stage)
		case "council":
			return cmp.Compare(a.Council, b.Council)
		}
		return 0 // by province, level and code, as the store orders them
	})
	return bq, rows, nil
}

// councilsPerPage is how many councils a board page lists.
const councilsPerPage = 100

// board opens on the rollup by province; a filter, an order or a page
// asks for the councils.
func (s *Server) board(w http.ResponseWriter, r request) error {
	if boardView(r.URL.Query()) != "councils" {
		return s.rollup(w, r)
	}
	return s.councils(w, r, "")
}

// councils shows a page of the councils the user may watch, filtered to
// province when the request names none.
func (s *Server) councils(w http.ResponseWriter, r request, province string) error {
	query := r.URL.Query()
	if province != "" && query.Get("province") == "" {
		query.Set("province", province)
	}
	q, rows, err := s.boardRows(r.Context(), r.User, auth.ActViewBoard, query)
	if err != nil {
		return err
	}
	stages := []string{string(checklist.AreaCredentials), string(checklist.AreaFirstSession), string(checklist.AreaCommendations),
		string(checklist.AreaCadres), "done"}
	if q.Stage != "" && !slices.Contains(stages, q.Stage) {
		stages = append(stages, q.Stage)
	}
	lo, hi, p := paginate(r.URL.Query(), "/board", len(rows), councilsPerPage)
	missing := url.Values{"term": {string(q.Term)}}
	for k, v := range map[string]string{"province": q.Province, "level": q.Level} {
		if v != "" {
			missing.Set(k, v)
		}
	}
	return s.show(w, r, "board", "board", boardBody{Query: q, Rows: rows[lo:hi], Total: len(rows), Pager: p,
		Sorts:  []string{"", "council", "stage", "open", "overdue", "deadline"},
		Levels: []election.Level{election.LevelNational, election.LevelProvince, election.LevelDistrict, election.LevelCommune},
		Stages: stages, CanExport: mayAnywhere(r.User, auth.ActExportBoard, q.Term), CSVHref: withQuery("/board.csv", r.URL.Query()),
		ProvincesHref: "/board?" + url.Values{"term": {string(q.Term)}, "view": {"provinces"}}.Encode(),
		MissingHref:   "/board/missing?" + missing.Encode()})
}

// boardCSV exports the board as CSV, UTF-8 with a byte order mark so
// Excel reads Vietnamese names right. Every cell goes through csvsafe, so
// a name imported as a formula is shown, not run; the export is never
// cached, since it holds the progress of councils only its user may see.
func (s *Server) boardCSV(w http.ResponseWriter, r request) error {
	q, rows, err := s.boardRows(r.Context(), r.User, auth.ActExportBoard, r.URL.Query())
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="board-%s.csv"`, q.Term))
	w.Header().Set("Cache-Control", "no-store")
	if _, err := w.Write([]byte("\uFEFF")); err != nil {
		return nil // the client went away
	}
	cw := csv.NewWriter(w)
	_ = cw.Write(csvsafe.Row("term", "council", "name", "level", "province", "stage", "areas", "open_tasks", "overdue_tasks", "next_deadline"))
	for _, r := range rows {
		areas := make([]string, len(r.Areas))
		for i, a := range r.Areas {
			areas[i] = a.Area + ":" + a.State + "/" + a.Step
		}
		next := ""
		if !r.NextDeadline.IsZero() {
			next = r.NextDeadline.In(election.OfficeZone()).Format("2006-01-02 15:04")
		}
		_ = cw.Write(csvsafe.Row(string(r.Term), string(r.Council), r.Name, string(r.Level), string(r.Province), r.Stage,
			strings.Join(areas, " "), strconv.Itoa(r.OpenTasks), strconv.Itoa(r.OverdueTasks), next))
	}
	cw.Flush()
	return nil
}

// stageCount is how many councils are at a stage.
type stageCount struct {
	Stage    string
	Councils int
}

// reportBody is the report page's data.
type reportBody struct {
	Term    election.Term
	ByStage []stageCount
	Report  store.Report
	// Charts are the report's councils by stage of each area and its
	// provinces' overdue work, as on the board.
	Charts []chartView
	// Scope says which councils the report covers: the user's scope and
	// the filters asked for.
	Scope string
	// PDFHref is the PDF link, with the page's filters.
	PDFHref template.URL
}

// reportOf gathers the summary report over the councils the user may
// report on, filtered as the request asks.
func (s *Server) reportOf(r request) (reportBody, error) {
	q, rows, err := s.boardRows(r.Context(), r.User, auth.ActViewReport, r.URL.Query())
	if err != nil {
		return reportBody{}, err
	}
	counts := map[string]int{}
	codes := make([]election.CouncilCode, len(rows))
	for i, row := range rows {
		codes[i] = row.Council
		counts[row.Stage]++
	}
	body := reportBody{Term: q.Term, Scope: scopeOf(r.L, r.User, auth.ActViewReport, q), PDFHref: withQuery("/report.pdf", r.URL.Query())}
	for st, n := range counts {
		body.ByStage = append(body.ByStage, stageCount{Stage: st, Councils: n})
	}
	slices.SortFunc(body.ByStage, func(a, b stageCount) int { return cmp.Compare(a.Stage, b.Stage) })
	if body.Report, err = s.Store.Report(r.Context(), q.Term, codes); err != nil {
		return body, err
	}
	if body.Charts, err = s.reportCharts(r, codes); err != nil {
		return body, err
	}
	return body, nil
}

// scopeOf describes where u may do a in the query's term, and the
// query's filters: "toàn bộ nhiệm kỳ", "Tỉnh/thành 01", "Hội đồng 00004"…
func scopeOf(l lang, u auth.User, a auth.Action, q boardQuery) string {
	var parts []string
	for _, g := range u.Grants {
		if g.Scope.Term != q.Term || !u.Can(a, auth.Place{Term: q.Term, Province: g.Scope.Province, Council: g.Scope.Council}) {
			continue
		}
		var p string
		switch g.Scope.Kind {
		case auth.ScopeElection:
			p = l.T("scope.all")
		case auth.ScopeProvince:
			p = l.T("province") + " " + string(g.Scope.Province)
		case auth.ScopeCouncil:
			p = l.T("council") + " " + string(g.Scope.Council)
		}
		if p != "" && !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	if slices.Contains(parts, l.T("scope.all")) {
		parts = []string{l.T("scope.all")}
	}
	slices.Sort(parts)
	var filters []string
	if q.Province != "" {
		filters = append(filters, l.T("province")+" "+q.Province)
	}
	if q.Level != "" {
		filters = append(filters, l.Label("level", q.Level))
	}
	if q.Stage != "" {
		filters = append(filters, l.T("stage")+" "+l.Stage(q.Stage))
	}
	out := strings.Join(parts, ", ")
	if len(filters) > 0 {
		out += " (" + strings.Join(filters, "; ") + ")"
	}
	return out
}

// report shows the summary report over the councils the user may report
// on.
func (s *Server) report(w http.ResponseWriter, r request) error {
	body, err := s.reportOf(r)
	if err != nil {
		return err
	}
	return s.show(w, r, "report", "report", body)
}

// chartSections are a report's charts as sections of its PDF, headed by
// their titles.
func chartSections(charts []chartView) []report.Section {
	out := make([]report.Section, len(charts))
	for i := range charts {
		out[i] = report.Section{Heading: charts[i].Title, Chart: &charts[i].Chart}
	}
	return out
}

// reportPDF renders the summary report as an A4 PDF: the same figures as
// the report page, for the same user and filters, dated today in Viet
// Nam; the same figures on the same day give the same bytes.
func (s *Server) reportPDF(w http.ResponseWriter, r request) error {
	body, err := s.reportOf(r)
	if err != nil {
		return err
	}
	l := r.L
	day := election.Today(s.now()).In(election.OfficeZone())
	stages := report.Section{Heading: l.T("by.stage"), Empty: l.T("no.councils")}
	for _, st := range body.ByStage {
		stages.Rows = append(stages.Rows, report.Row{Label: l.Stage(st.Stage), Value: st.Councils})
	}
	rep := body.Report
	figures := report.Section{Heading: l.T("report.figures"), Rows: []report.Row{
		{Label: l.T("report.councils"), Value: rep.Councils},
		{Label: l.T("persons"), Value: rep.Persons},
		{Label: l.T("confirmed"), Value: rep.Confirmed},
		{Label: l.T("not.confirmed"), Value: rep.NotConfirmed},
		{Label: l.T("certificates"), Value: rep.Certificates},
		{Label: l.T("handed.over"), Value: rep.HandedOver},
		{Label: l.T("sessions.ontime"), Value: rep.SessionsOnTime},
		{Label: l.T("sessions.late"), Value: rep.SessionsLate},
		{Label: l.T("sessions.notyet"), Value: rep.SessionsNotYet},
		{Label: l.T("commendations"), Value: rep.CommendationsDone},
		{Label: l.T("benefits"), Value: rep.BenefitDecisions},
	}}
	doc := report.Document{
		Motto: []string{l.T("motto.1"), l.T("motto.2")},
		Title: l.T("report.title"),
		Lines: []string{
			l.T("term") + " " + string(body.Term),
			l.T("scope") + ": " + body.Scope,
			l.T("report.date") + ": " + day.Format("02/01/2006"),
		},
		Sections: append(append([]report.Section{figures}, chartSections(body.Charts)...), stages),
		Date:     day,
		Subject:  l.T("report") + " " + string(body.Term),
	}
	pdf, err := report.Render(doc)
	if err != nil {
		return err
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Disposition", fmt.Sprintf(`inline; filename="bao-cao-tong-ket-%s-%s.pdf"`, body.Term, day.Format("20060102")))
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(pdf)
	return nil
}
