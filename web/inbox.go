package web

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// taskQuery is the filter and page of the inbox and of GET /api/tasks.
type taskQuery struct {
	Council election.CouncilCode
	Kind    election.TaskKind
	Overdue bool
	// Claim is "mine" (tasks the user has claimed), "unclaimed", or empty
	// for both.
	Claim string
	// Page counts from 1; PerPage tasks are on each.
	Page, PerPage int
	// Sort is the order: due (the default), council or kind.
	Sort store.InboxSort
}

// Paging of the inbox and the API: tasks per page by default and at most.
const (
	defaultPerPage = 100
	maxPerPage     = 1000
)

// parseTaskQuery reads ?council=&kind=&overdue=&claim=&page=&per_page=; a
// bad value is an error.
func parseTaskQuery(q url.Values) (taskQuery, error) {
	f := taskQuery{Page: 1, PerPage: defaultPerPage}
	if c := q.Get("council"); c != "" {
		code, err := election.ParseCouncilCode(c)
		if err != nil {
			return f, fmt.Errorf("council: %w", err)
		}
		f.Council = code
	}
	if k := q.Get("kind"); k != "" {
		if !slices.Contains(election.TaskKinds(), election.TaskKind(k)) {
			return f, fmt.Errorf("unknown task kind %q", k)
		}
		f.Kind = election.TaskKind(k)
	}
	switch o := q.Get("overdue"); o {
	case "", "0", "false":
	case "1", "true", "on":
		f.Overdue = true
	default:
		return f, fmt.Errorf("overdue %q: want 1 or 0", o)
	}
	switch c := q.Get("claim"); c {
	case "", "mine", "unclaimed":
		f.Claim = c
	default:
		return f, fmt.Errorf("claim %q: want mine or unclaimed", c)
	}
	switch o := store.InboxSort(q.Get("sort")); o {
	case "", store.SortDue, store.SortCouncil, store.SortKind:
		f.Sort = o
	default:
		return f, fmt.Errorf("sort %q: want due, council or kind", o)
	}
	for _, p := range []struct {
		name     string
		to       *int
		min, max int
	}{{"page", &f.Page, 1, 1 << 20}, {"per_page", &f.PerPage, 1, maxPerPage}} {
		v := q.Get(p.name)
		if v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || n < p.min || n > p.max {
			return f, fmt.Errorf("%s %q: want a whole number from %d to %d", p.name, v, p.min, p.max)
		}
		*p.to = n
	}
	return f, nil
}

// inboxURL is the inbox with the query, on another page.
func (q taskQuery) inboxURL(page int) string {
	if v := q.values(page).Encode(); v != "" {
		return "/inbox?" + v
	}
	return "/inbox"
}

// values is the query as URL parameters, on another page.
func (q taskQuery) values(page int) url.Values {
	v := url.Values{}
	if q.Council != "" {
		v.Set("council", string(q.Council))
	}
	if q.Kind != "" {
		v.Set("kind", string(q.Kind))
	}
	if q.Overdue {
		v.Set("overdue", "1")
	}
	if q.Claim != "" {
		v.Set("claim", q.Claim)
	}
	if q.PerPage != defaultPerPage {
		v.Set("per_page", strconv.Itoa(q.PerPage))
	}
	if q.Sort != "" && q.Sort != store.SortDue {
		v.Set("sort", string(q.Sort))
	}
	if page > 1 {
		v.Set("page", strconv.Itoa(page))
	}
	return v
}

// placeOf is where a task is, for authorization.
func placeOf(t store.InboxTask) auth.Place {
	return auth.Place{Term: t.Term, Province: t.Province, Council: t.Council}
}

// myTasks returns the page q asks for of the open tasks u may complete
// that match it, soonest due first, with how many match in all: one query
// over every grant's role and scope, each task then checked again with
// auth.User.CanCompleteAs.
func (s *Server) myTasks(ctx context.Context, u auth.User, q taskQuery) (store.TaskPage, error) {
	reach := make([]store.TaskReach, 0, len(u.Grants))
	for _, g := range u.Grants {
		r := store.TaskReach{Term: g.Scope.Term, Role: g.Role}
		switch g.Scope.Kind {
		case auth.ScopeProvince:
			r.Province = g.Scope.Province
		case auth.ScopeCouncil:
			r.Council = g.Scope.Council
		}
		reach = append(reach, r)
	}
	iq := store.InboxQuery{Reach: reach, Council: q.Council, Kind: q.Kind, OverdueOnly: q.Overdue, Unclaimed: q.Claim == "unclaimed",
		Offset: (q.Page - 1) * q.PerPage, Limit: q.PerPage, Sort: q.Sort}
	if q.Claim == "mine" {
		iq.ClaimedBy = u.Username
	}
	page, err := s.Store.Inbox(ctx, iq)
	if err != nil {
		return page, fmt.Errorf("web: tasks of %s: %w", u.Username, err)
	}
	mine := page.Tasks[:0]
	for _, t := range page.Tasks {
		if u.CanCompleteAs(t.Role, placeOf(t)) {
			mine = append(mine, t)
		}
	}
	page.Tasks = mine
	return page, nil
}

// inboxRow is a task of the inbox with what the user may do with it.
type inboxRow struct {
	store.InboxTask
	Claim    store.Claim
	Mine     bool
	CanClaim bool
	// Title names the task for people (taskTitles); DueIn says how far its
	// due time is, DueState colours it ("overdue", "soon" or "").
	Title, DueIn, DueState string
}

// inboxBody is the inbox page's data.
type inboxBody struct {
	Query  taskQuery
	Kinds  []election.TaskKind
	Rows   []inboxRow
	Notice string
	Error  string
	// First and Last number the page's rows among Total; Prev and Next
	// link to the pages around it, empty at either end.
	First, Last, Total int
	Prev, Next         string
	// SortLinks are the inbox in each order, filters kept.
	SortLinks []sortLink
}

// sortLink is the inbox in one order.
type sortLink struct {
	Sort    store.InboxSort
	Href    string
	Current bool
}

// inbox lists the user's open tasks with claim, release and assign
// buttons.
func (s *Server) inbox(w http.ResponseWriter, r request) error {
	body := inboxBody{Kinds: election.TaskKinds(), Notice: noticeOf(r)}
	q, err := parseTaskQuery(r.URL.Query())
	if err != nil {
		body.Error = err.Error()
	}
	body.Query = q
	page, err := s.myTasks(r.Context(), r.User, q)
	if err != nil {
		return err
	}
	tasks := page.Tasks
	body.Total = page.Total
	if len(tasks) > 0 {
		body.First = (q.Page-1)*q.PerPage + 1
		body.Last = body.First + len(tasks) - 1
	}
	if q.Page > 1 {
		body.Prev = q.inboxURL(q.Page - 1)
	}
	if q.Page*q.PerPage < page.Total {
		body.Next = q.inboxURL(q.Page + 1)
	}
	ids := make([]election.TaskID, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	claims, err := s.Store.Claims(r.Context(), ids)
	if err != nil {
		return err
	}
	titles, err := s.taskTitles(r.Context(), r.L, tasks)
	if err != nil {
		return err
	}
	now := s.now()
	for _, t := range tasks {
		c := claims[t.ID]
		body.Rows = append(body.Rows, inboxRow{InboxTask: t, Claim: c, Mine: c.By == r.User.Username,
			CanClaim: r.User.Can(auth.ActClaimTask, placeOf(t)),
			Title:    titles[t.ID], DueIn: dueIn(r.L, t.Due, now), DueState: dueState(t.Due, now)})
	}
	for _, o := range []store.InboxSort{store.SortDue, store.SortCouncil, store.SortKind} {
		sq := q
		sq.Sort = o
		body.SortLinks = append(body.SortLinks, sortLink{Sort: o, Href: sq.inboxURL(1),
			Current: o == q.Sort || q.Sort == "" && o == store.SortDue})
	}
	return s.show(w, r, "inbox", "inbox", body)
}

// noticeOf is the translated notice a redirect asked for with ?notice=,
// among known ones only.
func noticeOf(r request) string {
	switch n := r.URL.Query().Get("notice"); n {
	case "completed", "claim.refused":
		return r.L.T(n)
	}
	return ""
}

// changeClaim claims, releases or assigns a task (action claim, release,
// assign), or claims every task selected in the inbox (claim with several
// task values). Every task is checked first: one out of the user's reach
// refuses the whole request and changes nothing. A claim the store
// refuses (taken by someone else, closed, an assignee who may not take it)
// comes back as a notice, the others still made.
func (s *Server) changeClaim(w http.ResponseWriter, r request) error {
	action := r.PostFormValue("action")
	raw := r.PostForm["task"]
	if len(raw) == 0 || len(raw) > maxPerPage || len(raw) > 1 && action != "claim" {
		return errNotFound
	}
	tasks := make([]store.InboxTask, len(raw))
	for i, v := range raw {
		id, err := election.ParseTaskID(v)
		if err != nil {
			return errNotFound
		}
		if tasks[i], err = s.claimableTask(r, id, action); err != nil {
			return err
		}
	}
	notice := ""
	for _, t := range tasks {
		err := s.changeClaimOf(r, t, action)
		var claimed *store.ClaimedError
		switch {
		case errors.As(err, &claimed), errors.Is(err, store.ErrTaskClosed), errors.Is(err, errRefusedClaim):
			notice = "?notice=claim.refused"
		case err != nil:
			return err
		}
	}
	back := "/inbox"
	if r.PostFormValue("back") == "task" {
		back = taskURL(tasks[0].ID)
	}
	http.Redirect(w, r.Request, back+notice, http.StatusSeeOther)
	return nil
}

// claimableTask reads a task and checks that the user may do action on
// it; an unknown task is refused as one out of reach.
func (s *Server) claimableTask(r request, id election.TaskID, action string) (store.InboxTask, error) {
	t, err := s.Store.Task(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return t, errForbidden
	}
	if err != nil {
		return t, err
	}
	p := placeOf(t)
	if !r.User.CanViewTask(t.Role, p) {
		return t, errForbidden
	}
	var may bool
	switch action {
	case "claim":
		may = r.User.Can(auth.ActClaimTask, p) && r.User.CanCompleteAs(t.Role, p)
	case "release":
		may = r.User.Can(auth.ActClaimTask, p)
	case "assign":
		may = r.User.CanAssignTask(t.Role, p)
	default:
		return t, errNotFound
	}
	if !may {
		return t, errForbidden
	}
	return t, nil
}

// changeClaimOf does one claim action on a task claimableTask allowed.
func (s *Server) changeClaimOf(r request, t store.InboxTask, action string) error {
	by := store.Actor{Name: r.User.Username, Role: t.Role, Source: "web " + r.RemoteAddr}
	switch action {
	case "claim":
		return s.Store.ClaimTask(r.Context(), t.ID, by)
	case "release":
		return s.Store.ReleaseTask(r.Context(), t.ID, by)
	}
	return s.assign(r, t, by)
}

// assign gives task t to the user named in the form, or to nobody when the
// name is empty; someone who may not complete it is refused.
func (s *Server) assign(r request, t store.InboxTask, by store.Actor) error {
	to := strings.TrimSpace(r.PostFormValue("to"))
	if to != "" {
		assignee, err := s.Store.UserByName(r.Context(), to)
		switch {
		case errors.Is(err, store.ErrNotFound):
			return fmt.Errorf("no user %q: %w", to, errRefusedClaim)
		case err != nil:
			return err
		case assignee.Disabled || !assignee.CanCompleteAs(t.Role, placeOf(t)):
			return fmt.Errorf("%s may not complete %s: %w", to, t.ID, errRefusedClaim)
		}
		to = assignee.Username
	}
	return s.Store.AssignTask(r.Context(), t.ID, to, by)
}

// errRefusedClaim is an assignment to someone who may not take the task.
var errRefusedClaim = errors.New("assignment refused")

// taskURL is the path of a task's page.
func taskURL(id election.TaskID) string { return "/tasks/" + string(id) }
