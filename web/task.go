package web

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"electionflow/auth"
	"electionflow/checklist"
	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// field is one input of an outcome form.
type field struct {
	Name string
	// Type is "text", "date", "number", "checkbox" or "select".
	Type    string
	Options []string
}

// outcomeFields are the inputs each single-value task kind builds its
// outcome from, as starter's field flags; list kinds take JSON.
func outcomeFields() map[election.TaskKind][]field {
	text := func(n string) field { return field{Name: n, Type: "text"} }
	date := field{Name: "date", Type: "date"}
	sel := func(n string, opts ...string) field { return field{Name: n, Type: "select", Options: opts} }
	check := func(n string) field { return field{Name: n, Type: "checkbox"} }
	approve := sel("decision", election.Approve, election.Reject)
	return map[election.TaskKind][]field{
		election.KindReviewComplaint:      {sel("decision", string(election.Dismissed), string(election.Upheld)), text("reason"), check("ineligible")},
		election.KindAdoptResolution:      {text("resolution-no"), date},
		election.KindHandOverCertificates: {date, text("note")},
		election.KindSetSessionDate:       {date},
		election.KindSendSessionDocuments: {date, {Name: "recipients", Type: "number"}},
		election.KindOpenSession:          {date, check("credential-report")},
		election.KindAppraiseNomination:   {approve, text("reason")},
		election.KindDecideCommendations:  {text("decision-no"), date},
		election.KindVerifyCadreRecord:    {sel("result", election.RecordVerified, election.RecordCorrected), text("note")},
		election.KindRecordCadreChoice:    {sel("option", "early-retirement", "reassignment", "await-retirement")},
		election.KindApproveCadreBenefits: {approve, text("reason")},
		election.KindDecideCadreBenefits:  {text("decision-no"), date},
	}
}

// jsonExamples show the shape of the list kinds' outcomes.
func jsonExamples() map[election.TaskKind]string {
	return map[election.TaskKind]string{
		election.KindRecordLeadership:    `{"results":[{"position":"hdnd-chair","person":"<person-id>"},{"position":"ubnd-vice-chair","name":"<holder from outside>"}]}`,
		election.KindRecordApprovals:     `{"approvals":[{"position":"hdnd-chair","person":"...","body":"...","decision_no":"5/NQ-UBTVQH","approved_on":"DD/MM/YYYY"}]}`,
		election.KindSubmitNominations:   `{"nominations":[{"id":"N1","nominee_kind":"collective","nominee":"...","achievement":"..."}]}`,
		election.KindReviewCommendations: `{"decisions":[{"nomination":"N1","approve":true}]}`,
	}
}

// buildOutcome turns the form values of a task's kind into its outcome
// JSON; the workflow validates the values themselves. A list kind's
// outcome is the "outcome" textarea. The error is a translation key.
func buildOutcome(kind election.TaskKind, v map[string]string) (json.RawMessage, string) {
	if _, ok := outcomeFields()[kind]; !ok {
		raw := strings.TrimSpace(v["outcome"])
		if !json.Valid([]byte(raw)) {
			return nil, "bad.json"
		}
		return json.RawMessage(raw), ""
	}
	var day election.Date
	if d := strings.TrimSpace(v["date"]); d != "" {
		var err error
		if day, err = election.ParseDate(d); err != nil {
			return nil, "bad.date"
		}
	}
	recipients := 0
	if n := strings.TrimSpace(v["recipients"]); n != "" {
		var err error
		if recipients, err = strconv.Atoi(n); err != nil {
			return nil, "bad.number"
		}
	}
	var o any
	switch kind {
	case election.KindReviewComplaint:
		o = election.ReviewOutcome{Decision: election.ReviewDecision(v["decision"]), Reason: v["reason"], Ineligible: v["ineligible"] != ""}
	case election.KindAdoptResolution:
		o = election.ResolutionOutcome{ResolutionNo: v["resolution-no"], AdoptedOn: day}
	case election.KindHandOverCertificates:
		o = election.HandoverOutcome{HandedOverOn: day, Note: v["note"]}
	case election.KindSetSessionDate:
		o = election.SessionDateOutcome{SessionDate: day}
	case election.KindSendSessionDocuments:
		o = election.DocumentsOutcome{SentOn: day, Recipients: recipients}
	case election.KindOpenSession:
		o = election.OpeningOutcome{OpenedOn: day, CredentialReportPresented: v["credential-report"] != ""}
	case election.KindAppraiseNomination:
		o = election.AppraisalOutcome{Decision: election.AppraisalDecision(v["decision"]), Reason: v["reason"]}
	case election.KindDecideCommendations, election.KindDecideCadreBenefits:
		o = election.DecisionOutcome{DecisionNo: v["decision-no"], DecidedOn: day}
	case election.KindVerifyCadreRecord:
		o = election.VerifyRecordOutcome{Result: v["result"], Note: v["note"]}
	case election.KindRecordCadreChoice:
		o = election.CadreChoiceOutcome{Option: v["option"]}
	case election.KindApproveCadreBenefits:
		o = election.CadreApprovalOutcome{Decision: v["decision"], Reason: v["reason"]}
	}
	raw, err := json.Marshal(o)
	if err != nil {
		return nil, "bad.json"
	}
	return raw, ""
}

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
	Fields      []field
	Example     string
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
	b := taskBody{Task: t, Values: values, Fields: outcomeFields()[t.Kind], Example: jsonExamples()[t.Kind],
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
	return b, nil
}

// completeForm completes a task from its form: after checking the user
// may complete it in the task's role, it sends the outcome to the
// workflow with the user as actor; a refusal shows the validator's reason
// above the form, filled in with what was typed.
func (s *Server) completeForm(w http.ResponseWriter, r request) error {
	t, err := s.loadTask(r.Context(), r)
	if err != nil {
		return err
	}
	if !r.User.CanCompleteAs(t.Role, placeOf(t)) {
		return errForbidden
	}
	if err := r.ParseForm(); err != nil {
		return fmt.Errorf("web: form of %s: %w", t.ID, err)
	}
	values := map[string]string{}
	for k := range r.PostForm {
		values[k] = r.PostForm.Get(k)
	}
	holder, err := s.claimedByOther(r.Context(), t.ID, r.User.Username)
	if err != nil {
		return err
	}
	status, refusal, fromWorkflow := http.StatusUnprocessableEntity, "", false
	raw, bad := buildOutcome(t.Kind, values)
	switch {
	case holder != "":
		status, refusal = http.StatusConflict, r.L.F("claimed.other", holder)
	case bad != "":
		refusal = r.L.T(bad)
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
	s.render(w, status, "task", pageData{L: r.L, User: &r.User, Title: r.L.T("task"), Path: r.URL.Path, Body: body})
	return nil
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
