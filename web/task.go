package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// taskBody is the task page's data.
type taskBody struct {
	Task        store.InboxTask
	Claim       store.Claim
	Context     taskContext
	Trail       []store.AuditRecord
	Outcome     string
	CanComplete bool
	CanClaim    bool
	CanAssign   bool
	// Fields and Example are the task kind's outcome form.
	Fields  []election.OutcomeField
	Example string
	// Values are what was typed, shown again after a refusal.
	Values  map[string]string
	Refusal string
	// HeldBy is the colleague who has claimed the task, when it is not the
	// user: only they may complete it.
	HeldBy string
	// FromWorkflow marks a refusal given by the workflow's validator, in
	// its own (English) words, not translated.
	FromWorkflow bool
	Notice       string
	// ResolutionHref links the council's credential resolution PDF once
	// it is adopted.
	ResolutionHref string
}

// loadTask reads the task of the request's path and checks that the user
// may see it: an unknown task and one outside the user's roles or scope
// are both 403, so IDs cannot be probed.
func (s *Server) loadTask(ctx context.Context, r request) (store.InboxTask, error) {
	id, err := election.ParseTaskID(r.PathValue("id"))
	if err != nil {
		return store.InboxTask{}, errForbidden
	}
	t, err := s.Store.Task(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return t, errForbidden
	}
	if err != nil {
		return t, err
	}
	if !r.User.CanViewTask(t.Role, placeOf(t)) {
		return t, errForbidden
	}
	return t, nil
}

// taskPage shows a task: what it is about, its audit trail and, for one
// the user may complete, the outcome form.
func (s *Server) taskPage(w http.ResponseWriter, r request) error {
	t, err := s.loadTask(r.Context(), r)
	if err != nil {
		return err
	}
	body, err := s.taskBody(r, t, map[string]string{})
	if err != nil {
		return err
	}
	body.Notice = noticeOf(r)
	return s.show(w, r, "task", "task", body)
}

// taskBody gathers the task page's data.
func (s *Server) taskBody(r request, t store.InboxTask, values map[string]string) (taskBody, error) {
	ctx := r.Context()
	p := placeOf(t)
	form, _ := election.FormOf(t.Kind)
	b := taskBody{Task: t, Values: values, Fields: form.Fields, Example: form.Example,
		CanComplete: t.State == election.TaskOpen && r.User.CanCompleteAs(t.Role, p)}
	b.CanClaim = b.CanComplete && r.User.Can(auth.ActClaimTask, p)
	b.CanAssign = t.State == election.TaskOpen && r.User.CanAssignTask(t.Role, p)
	if len(t.Outcome) > 0 {
		b.Outcome = string(t.Outcome)
	}
	claims, err := s.Store.Claims(ctx, []election.TaskID{t.ID})
	if err != nil {
		return b, err
	}
	b.Claim = claims[t.ID]
	if b.Claim.By != "" && b.Claim.By != r.User.Username {
		b.HeldBy, b.CanComplete = b.Claim.By, false
	}
	if b.Context, err = s.contextOf(ctx, r.L, t); err != nil {
		return b, err
	}
	if b.Trail, err = s.Store.AuditTrail(ctx, string(t.ID)); err != nil {
		return b, err
	}
	if _, _, adopted, err := s.Store.Resolution(ctx, t.Term, t.Council); err != nil {
		return b, err
	} else if adopted {
		b.ResolutionHref = resolutionHref(t.Term, t.Council)
	}
	return b, nil
}

// completeForm completes a task from its form: after checking the user
// may complete it in the task's role, it builds the outcome by the kind's
// outcome form and sends it to the workflow with the user as actor. A body
// over maxFormBytes is refused with 413, a value the form refuses (not a
// date, over its limit) with 422 naming the field, both before the
// workflow hears of it; a refusal shows above the form, filled in with
// what was typed.
func (s *Server) completeForm(w http.ResponseWriter, r request) error {
	t, err := s.loadTask(r.Context(), r)
	if err != nil {
		return err
	}
	if !r.User.CanCompleteAs(t.Role, placeOf(t)) {
		return errForbidden
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBytes)
	values := map[string]string{}
	status, refusal, fromWorkflow := http.StatusUnprocessableEntity, "", false
	var tooLarge *http.MaxBytesError
	if err := r.ParseForm(); errors.As(err, &tooLarge) {
		status, refusal = http.StatusRequestEntityTooLarge, r.L.F("bad.form-too-large", maxFormBytes>>10)
	} else if err != nil {
		return fmt.Errorf("web: form of %s: %w", t.ID, err)
	}
	for k := range r.PostForm {
		values[k] = r.PostForm.Get(k)
	}
	holder, err := s.claimedByOther(r.Context(), t.ID, r.User.Username)
	if err != nil {
		return err
	}
	form, known := election.FormOf(t.Kind)
	var raw json.RawMessage
	var bad error
	if known && refusal == "" {
		raw, bad = form.Build(values)
	}
	switch {
	case refusal != "":
	case holder != "":
		status, refusal = http.StatusConflict, r.L.F("claimed.other", holder)
	case !known:
		return fmt.Errorf("web: task %s: no outcome form for kind %s", t.ID, t.Kind)
	case bad != nil:
		status, refusal = outcomeRefusal(r.L, form, bad)
	default:
		_, err = s.Ops.CompleteTask(r.Context(), checklist.CompleteTaskRequest{
			TaskID: t.ID, Actor: r.User.Username, Role: t.Role, Source: "web " + r.RemoteAddr, Outcome: raw,
		})
		var refused *ops.RefusedError
		switch {
		case errors.As(err, &refused):
			refusal, fromWorkflow = refused.Reason, true
		case err != nil:
			return err
		default:
			http.Redirect(w, r.Request, "/inbox?notice=completed", http.StatusSeeOther)
			return nil
		}
	}
	if t, err = s.Store.Task(r.Context(), t.ID); err != nil {
		return err
	}
	body, err := s.taskBody(r, t, values)
	if err != nil {
		return err
	}
	body.Refusal, body.FromWorkflow = refusal, fromWorkflow
	if status == http.StatusConflict {
		body.HeldBy = "" // the refusal says it
	}
	return s.showStatus(w, r, status, "task", "task", body)
}

// claimedByOther names the colleague holding a claim on task id, or ""
// when it is unclaimed or claimed by username. Only the holder of a claim
// completes the task, as in Camunda Tasklist, so two clerks working the
// same inbox do not both enter an outcome; an unclaimed task may be
// completed by anyone allowed to. ("starter complete" is the
// administrators' path and does not look at claims.)
func (s *Server) claimedByOther(ctx context.Context, id election.TaskID, username string) (string, error) {
	claims, err := s.Store.Claims(ctx, []election.TaskID{id})
	if err != nil {
		return "", err
	}
	if by := claims[id].By; by != "" && by != username {
		return by, nil
	}
	return "", nil
}
