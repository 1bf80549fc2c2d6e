package web

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/store"
)

// taskQuery is the filter of the inbox and of GET /api/tasks.
type taskQuery struct {
	Council election.CouncilCode
	Kind    election.TaskKind
	Overdue bool
}

// parseTaskQuery reads ?council=&kind=&overdue=; a bad value is an error.
func parseTaskQuery(q url.Values) (taskQuery, error) {
	var f taskQuery
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
	f.Overdue = q.Get("overdue") != ""
	return f, nil
}

// placeOf is where a task is, for authorization.
func placeOf(t store.InboxTask) auth.Place {
	return auth.Place{Term: t.Term, Province: t.Province, Council: t.Council}
}

// myTasks returns the open tasks u may complete that match q, soonest due
// first: one query per grant, narrowed by its role and scope, and every
// task checked with auth.User.CanCompleteAs.
func (s *Server) myTasks(ctx context.Context, u auth.User, q taskQuery) ([]store.InboxTask, error) {
	seen := map[election.TaskID]bool{}
	var out []store.InboxTask
	for _, g := range u.Grants {
		f := store.TaskFilter{Term: g.Scope.Term, Role: g.Role, Council: q.Council, Kind: q.Kind, OverdueOnly: q.Overdue, Limit: 1000}
		switch g.Scope.Kind {
		case auth.ScopeProvince:
			f.Province = g.Scope.Province
		case auth.ScopeCouncil:
			if q.Council != "" && q.Council != g.Scope.Council {
				continue
			}
			f.Council = g.Scope.Council
		}
		list, err := s.Store.ListTasks(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("web: tasks of %s: %w", u.Username, err)
		}
		for _, t := range list {
			if !seen[t.ID] && u.CanCompleteAs(t.Role, placeOf(t)) {
				seen[t.ID] = true
				out = append(out, t)
			}
		}
	}
	slices.SortFunc(out, func(a, b store.InboxTask) int {
		switch {
		case a.Due.IsZero() && !b.Due.IsZero():
			return 1
		case !a.Due.IsZero() && b.Due.IsZero():
			return -1
		}
		return cmp.Or(a.Due.Compare(b.Due), cmp.Compare(a.ID, b.ID))
	})
	return out, nil
}

// inboxRow is a task of the inbox with what the user may do with it.
type inboxRow struct {
	store.InboxTask
	Claim     store.Claim
	Mine      bool
	CanClaim  bool
	CanAssign bool
}

// inboxBody is the inbox page's data.
type inboxBody struct {
	Query  taskQuery
	Kinds  []election.TaskKind
	Rows   []inboxRow
	Notice string
	Error  string
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
	tasks, err := s.myTasks(r.Context(), r.User, q)
	if err != nil {
		return err
	}
	ids := make([]election.TaskID, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	claims, err := s.Store.Claims(r.Context(), ids)
	if err != nil {
		return err
	}
	for _, t := range tasks {
		c := claims[t.ID]
		body.Rows = append(body.Rows, inboxRow{InboxTask: t, Claim: c, Mine: c.By == r.User.Username,
			CanClaim:  r.User.Can(auth.ActClaimTask, placeOf(t)),
			CanAssign: r.User.CanAssignTask(t.Role, placeOf(t))})
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

// changeClaim claims, releases or assigns a task (POST /claims: task,
// action, to, back), then goes back to the inbox or the task's page.
func (s *Server) changeClaim(w http.ResponseWriter, r request) error {
	id, err := election.ParseTaskID(r.PostFormValue("task"))
	if err != nil {
		return errNotFound
	}
	t, err := s.Store.Task(r.Context(), id)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return errForbidden
		}
		return err
	}
	p := placeOf(t)
	if !r.User.CanViewTask(t.Role, p) {
		return errForbidden
	}
	by := store.Actor{Name: r.User.Username, Role: t.Role, Source: "web " + r.RemoteAddr}
	switch r.PostFormValue("action") {
	case "claim":
		if !r.User.Can(auth.ActClaimTask, p) || !r.User.CanCompleteAs(t.Role, p) {
			return errForbidden
		}
		err = s.Store.ClaimTask(r.Context(), id, by)
	case "release":
		if !r.User.Can(auth.ActClaimTask, p) {
			return errForbidden
		}
		err = s.Store.ReleaseTask(r.Context(), id, by)
	case "assign":
		if !r.User.CanAssignTask(t.Role, p) {
			return errForbidden
		}
		to := strings.TrimSpace(r.PostFormValue("to"))
		if to != "" {
			assignee, uerr := s.Store.UserByName(r.Context(), to)
			switch {
			case errors.Is(uerr, store.ErrNotFound):
				err = fmt.Errorf("no user %q: %w", to, errRefusedClaim)
			case uerr != nil:
				return uerr
			case assignee.Disabled || !assignee.CanCompleteAs(t.Role, p):
				err = fmt.Errorf("%s may not complete %s: %w", to, t.ID, errRefusedClaim)
			default:
				to = assignee.Username
			}
		}
		if err == nil {
			err = s.Store.AssignTask(r.Context(), id, to, by)
		}
	default:
		return errNotFound
	}
	var claimed *store.ClaimedError
	notice := ""
	switch {
	case errors.As(err, &claimed), errors.Is(err, store.ErrTaskClosed), errors.Is(err, errRefusedClaim):
		notice = "?notice=claim.refused"
	case err != nil:
		return err
	}
	back := "/inbox"
	if r.PostFormValue("back") == "task" {
		back = taskURL(id)
	}
	http.Redirect(w, r.Request, back+notice, http.StatusSeeOther)
	return nil
}

// errRefusedClaim is an assignment to someone who may not take the task.
var errRefusedClaim = errors.New("assignment refused")

// taskURL is the path of a task's page.
func taskURL(id election.TaskID) string { return "/tasks/" + string(id) }
