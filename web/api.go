package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"time"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// apiTask is a task as the JSON API shows it.
type apiTask struct {
	ID          election.TaskID       `json:"id"`
	Term        election.Term         `json:"term"`
	Council     election.CouncilCode  `json:"council"`
	CouncilName string                `json:"council_name"`
	Province    election.ProvinceCode `json:"province"`
	Kind        election.TaskKind     `json:"kind"`
	Subject     string                `json:"subject"`
	Role        election.Role         `json:"role"`
	Due         *time.Time            `json:"due,omitempty"`
	State       election.TaskState    `json:"state"`
	Overdue     bool                  `json:"overdue"`
	ClaimedBy   string                `json:"claimed_by,omitempty"`
	ClosedBy    string                `json:"closed_by,omitempty"`
	Outcome     json.RawMessage       `json:"outcome,omitempty"`
}

func toAPI(t store.InboxTask, c store.Claim) apiTask {
	a := apiTask{ID: t.ID, Term: t.Term, Council: t.Council, CouncilName: t.CouncilName, Province: t.Province,
		Kind: t.Kind, Subject: t.Subject, Role: t.Role, State: t.State, Overdue: t.Overdue, ClaimedBy: c.By,
		ClosedBy: t.ClosedBy, Outcome: t.Outcome}
	if !t.Due.IsZero() {
		a.Due = &t.Due
	}
	return a
}

// api wraps a JSON handler: the request must carry an API token
// (Authorization: Bearer efw_...) of an enabled user; errors become JSON
// with their status.
func (s *Server) api(h func(w http.ResponseWriter, r request) error) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		plain, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if !ok || !auth.LooksLikeToken(plain) {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "an API token is required (Authorization: Bearer efw_...)"})
			return
		}
		u, err := s.Store.UserByToken(r.Context(), auth.TokenHash(plain))
		if errors.Is(err, store.ErrNotFound) {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unknown or revoked API token"})
			return
		}
		if err == nil {
			err = h(w, request{Request: r, User: u, L: "en"})
		}
		switch {
		case err == nil:
		case errors.Is(err, errForbidden):
			writeJSON(w, http.StatusForbidden, map[string]string{"error": "forbidden"})
		case errors.Is(err, errNotFound), errors.Is(err, store.ErrNotFound):
			writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
		case databaseUnavailable(err):
			w.Header().Set("Retry-After", "5")
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"error": "database unavailable"})
		default:
			s.Log.Error().Err(err).Str("path", r.URL.Path).Msg("web: API request failed")
			writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
		}
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// apiTasks lists the open tasks the token's user may complete, with the
// inbox's filters (?council=&kind=&overdue=1&claim=mine|unclaimed), a page at a time
// (?page=&per_page=, 100 by default, at most 1000), with the total.
func (s *Server) apiTasks(w http.ResponseWriter, r request) error {
	q, err := parseTaskQuery(r.URL.Query())
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": err.Error()})
		return nil
	}
	page, err := s.myTasks(r.Context(), r.User, q)
	if err != nil {
		return err
	}
	tasks := page.Tasks
	ids := make([]election.TaskID, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	claims, err := s.Store.Claims(r.Context(), ids)
	if err != nil {
		return err
	}
	out := make([]apiTask, len(tasks))
	for i, t := range tasks {
		out[i] = toAPI(t, claims[t.ID])
	}
	writeJSON(w, http.StatusOK, map[string]any{"tasks": out, "total": page.Total, "page": q.Page, "per_page": q.PerPage})
	return nil
}

// apiTask shows one task the user may see.
func (s *Server) apiTask(w http.ResponseWriter, r request) error {
	t, err := s.loadTask(r.Context(), r)
	if err != nil {
		return err
	}
	claims, err := s.Store.Claims(r.Context(), []election.TaskID{t.ID})
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, toAPI(t, claims[t.ID]))
	return nil
}

// apiComplete completes a task: POST /api/tasks/{id}/complete with
// {"outcome": {...}}. A body that is not that is 400, one or an outcome
// over its size limit 413, an outcome its kind's form refuses 422 naming
// the field, all before the workflow hears of it; a refusal by the
// workflow is 422 with its reason; a task a colleague has claimed is 409.
func (s *Server) apiComplete(w http.ResponseWriter, r request) error {
	id, ok := strings.CutSuffix(r.PathValue("id"), "/complete")
	if !ok {
		return errNotFound
	}
	r.SetPathValue("id", id)
	r.Body = http.MaxBytesReader(w, r.Body, maxAPIBytes+1)
	t, err := s.loadTask(r.Context(), r)
	if err != nil {
		return err
	}
	if !r.User.CanCompleteAs(t.Role, placeOf(t)) {
		return errForbidden
	}
	holder, err := s.claimedByOther(r.Context(), t.ID, r.User.Username)
	if err != nil {
		return err
	}
	if holder != "" {
		writeJSON(w, http.StatusConflict, map[string]string{"error": "task " + string(t.ID) + " is claimed by " + holder})
		return nil
	}
	outcome, bad := decodeCompleteBody(t.Kind, r.Body)
	if bad != nil {
		writeJSON(w, bad.Status, bad)
		return nil
	}
	res, err := s.Ops.CompleteTask(r.Context(), checklist.CompleteTaskRequest{
		TaskID: t.ID, Actor: r.User.Username, Role: t.Role, Source: "web " + r.RemoteAddr, Outcome: outcome,
	})
	var refused *ops.RefusedError
	if errors.As(err, &refused) {
		writeJSON(w, http.StatusUnprocessableEntity, map[string]string{"error": refused.Reason})
		return nil
	}
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, res)
	return nil
}

// apiProgress returns a council's progress from its workflow.
func (s *Server) apiProgress(w http.ResponseWriter, r request) error {
	code, err := election.ParseCouncilCode(r.PathValue("council"))
	if err != nil {
		return errNotFound
	}
	term, err := s.termOf(r.Context(), r.URL.Query())
	if err != nil {
		return err
	}
	if err := s.mayViewCouncil(r, term, code); err != nil {
		return err
	}
	p, err := s.Ops.Progress(r.Context(), term, code)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusOK, p)
	return nil
}
