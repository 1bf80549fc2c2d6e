package workflows

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// The steps of the outgoing cadres area and of one case.
const (
	stepCases    = "cases"
	stepVerify   = "verify"
	stepChoice   = "choice"
	stepApproval = "approval"
	stepDecision = "benefit-decision"
	stepNoOption = "no-option"
)

// cadresSteps says in Vietnamese what the outgoing cadres area and a case waits for at each step.
func cadresSteps() map[string]string {
	return map[string]string{
		stepCases:    "đang giải quyết từng trường hợp",
		stepVerify:   "chờ xác minh quá trình đóng BHXH và tiền lương",
		stepChoice:   "chờ cán bộ lựa chọn chế độ",
		stepApproval: "chờ phê duyệt",
		stepDecision: "chờ quyết định",
		stepNoOption: "nghỉ hưu theo quy định, không có chế độ lựa chọn",
	}
}

// Lead times of a case's tasks, counted back from the decisions deadline.
const (
	verifyLeadDays   = 45
	choiceLeadDays   = 30
	approvalLeadDays = 15
)

// OutgoingCadresV2 runs the benefits of a council's outgoing cadres (Decree
// 26/2015/NĐ-CP and its successors): one CadreCase child per cadre, few and
// long-lived, each with its own history; this area sums their progress.
func OutgoingCadresV2(ctx workflow.Context, in checklist.CadresInput) (checklist.CadresResult, error) {
	return outgoingCadres(ctx, in, true)
}

// outgoingCadresV1 is OutgoingCadresV2's first generation, for the
// areas started under it.
func outgoingCadresV1(ctx workflow.Context, in checklist.CadresInput) (checklist.CadresResult, error) {
	return outgoingCadres(ctx, in, false)
}

func outgoingCadres(ctx workflow.Context, in checklist.CadresInput, lean bool) (checklist.CadresResult, error) {
	facts := in.Facts
	var result checklist.CadresResult
	a, err := startArea(ctx, facts, checklist.AreaCadres, lean, nil)
	if err != nil {
		return result, err
	}
	var cadres []election.CadreID
	if err := a.w.read(ctx, checklist.ActivityLoadCadres, checklist.Input{Term: facts.Term, Council: facts.Council}, &cadres); err != nil {
		return result, fmt.Errorf("load cadres: %w", err)
	}
	result.Cases = len(cadres)
	// cases holds what each case last reported: in v1 its every change, in
	// the lean generation its overdue count, and its end.
	cases := map[checklist.Area]checklist.AreaProgress{}
	a.rep.counts = func() (open, overdue int, next time.Time) {
		for _, id := range cadres {
			p, ok := cases[caseArea(id)]
			if lean && (!ok || p.State != checklist.AreaDone) {
				open++ // a running case has one task open at a time
			}
			open += p.OpenTasks
			overdue += p.OverdueTasks
			if !p.NextDeadline.IsZero() && (next.IsZero() || p.NextDeadline.Before(next)) {
				next = p.NextDeadline
			}
		}
		return open, overdue, next
	}
	a.rep.step(ctx, stepCases)

	fan := newFanOut(ctx)
	fan.receive(workflow.GetSignalChannel(ctx, checklist.SignalAreaProgress), func(c workflow.ReceiveChannel) {
		var p checklist.AreaProgress
		c.Receive(ctx, &p)
		if cur, ok := cases[p.Area]; !ok || p.Seq > cur.Seq {
			if lean {
				p.OpenTasks, p.NextDeadline = 0, time.Time{} // counted by the case's state
			}
			cases[p.Area] = p
		}
		a.rep.publish(ctx)
	})
	var failed error
	for _, id := range cadres {
		childCtx := workflow.WithChildOptions(ctx, childOptions(facts,
			checklist.AreaWorkflowID(facts.Term, facts.Council, checklist.AreaCadres)+"/"+string(id),
			"Chế độ cán bộ "+string(id)+" — "+facts.Name, caseArea(id), lean))
		f := workflow.ExecuteChildWorkflow(childCtx, caseWorkflow(lean), checklist.CadreCaseInput{Facts: facts, Cadre: id})
		fan.follow(f, func(f workflow.Future) {
			var r checklist.CadreCaseResult
			if err := f.Get(ctx, &r); err != nil {
				failed = fmt.Errorf("case of cadre %s: %w", id, err)
				return
			}
			cases[caseArea(id)] = checklist.AreaProgress{Area: caseArea(id), State: checklist.AreaDone, Seq: 1 << 30}
			countCase(&result, r)
			a.rep.publish(ctx)
		})
	}
	fan.wait(ctx)
	if failed != nil {
		return result, failed
	}
	return result, a.rep.close(ctx)
}

// caseWorkflow is the case workflow type of a generation.
func caseWorkflow(lean bool) string {
	if lean {
		return checklist.WorkflowCadreCase
	}
	return checklist.WorkflowCadreCaseV1
}

// countCase adds a finished case to the area's result.
func countCase(result *checklist.CadresResult, r checklist.CadreCaseResult) {
	switch {
	case r.DecisionNo != "":
		result.Decisions++
		if r.NeedsHRConfirmation {
			result.NeedHRConfirmation++
		}
	default:
		result.NoOption++
	}
}

// caseArea names a cadre's case in its area's progress.
func caseArea(id election.CadreID) checklist.Area {
	return checklist.Area(string(checklist.AreaCadres) + "/" + string(id))
}

// CadreCaseV2 settles one outgoing cadre's benefits: the benefits are
// computed under the rule set in force at election day (the figures stay
// in Postgres); HR verifies the insurance record and salary (a correction
// computes them again); the cadre chooses among the open options; the
// competent official approves (a rejection returns to the choice); the
// decision is recorded with its number. A cadre with no option open
// retires normally and the case ends after the verification.
func CadreCaseV2(ctx workflow.Context, in checklist.CadreCaseInput) (checklist.CadreCaseResult, error) {
	return cadreCase(ctx, in, true)
}

// cadreCaseV1 is CadreCaseV2's first generation, for the cases started
// under it.
func cadreCaseV1(ctx workflow.Context, in checklist.CadreCaseInput) (checklist.CadreCaseResult, error) {
	return cadreCase(ctx, in, false)
}

// cadreRun is one cadre's case as it goes.
type cadreRun struct {
	*areaRun
	cadre      election.CadreID
	assessment checklist.CadreAssessment
	round      int
}

// assess computes the cadre's benefits (again, after a correction).
func (c *cadreRun) assess(ctx workflow.Context) error {
	c.round++
	return c.w.read(ctx, checklist.ActivityAssessCadre, checklist.CadreAssessmentRequest{
		Term: c.facts.Term, Council: c.facts.Council, Cadre: c.cadre, ElectionDay: c.facts.ElectionDay, Round: c.round,
	}, &c.assessment)
}

// step opens one task of the case and waits for its outcome; n numbers
// repeated tasks (after a correction or a rejection).
func (c *cadreRun) step(ctx workflow.Context, name string, kind election.TaskKind, role election.Role, leadDays, n int, v any) error {
	c.rep.step(ctx, name)
	return c.task(ctx, c.newTask(kind, fmt.Sprintf("%s/%d", c.cadre, n), role,
		c.facts.CadreDecisions.AddDays(-leadDays), checklist.Subject(kind, c.cadre)), v)
}

func cadreCase(ctx workflow.Context, in checklist.CadreCaseInput, lean bool) (checklist.CadreCaseResult, error) {
	facts := in.Facts
	result := checklist.CadreCaseResult{Cadre: in.Cadre}
	c := &cadreRun{cadre: in.Cadre}
	checks := map[election.TaskKind]outcomeCheck{
		election.KindVerifyCadreRecord: check(func(_ workflow.Context, o election.VerifyRecordOutcome) error {
			return o.Validate()
		}),
		election.KindRecordCadreChoice: check(func(_ workflow.Context, o election.CadreChoiceOutcome) error {
			return o.Validate(c.assessment.Eligible)
		}),
		election.KindApproveCadreBenefits: check(func(_ workflow.Context, o election.CadreApprovalOutcome) error {
			return o.Validate()
		}),
		election.KindDecideCadreBenefits: check(func(ctx workflow.Context, o election.DecisionOutcome) error {
			return o.Validate(facts.ElectionDay, today(ctx))
		}),
	}
	var err error
	if c.areaRun, err = startArea(ctx, facts, caseArea(in.Cadre), lean, checks); err != nil {
		return result, err
	}
	c.rep.persist, c.w.persist = false, false // a case reports to its area only

	// 1. Compute, then HR verifies; each correction computes again.
	if err := c.assess(ctx); err != nil {
		return result, fmt.Errorf("assess cadre %s: %w", in.Cadre, err)
	}
	for {
		var verify election.VerifyRecordOutcome
		if err := c.step(ctx, stepVerify, election.KindVerifyCadreRecord, election.RoleHR, verifyLeadDays, c.round, &verify); err != nil {
			return result, err
		}
		if verify.Result == election.RecordVerified {
			break
		}
		if err := c.assess(ctx); err != nil {
			return result, fmt.Errorf("assess cadre %s again: %w", in.Cadre, err)
		}
	}
	result.RuleSet, result.NeedsHRConfirmation = c.assessment.RuleSet, c.assessment.NeedsHRConfirmation
	if len(c.assessment.Eligible) == 0 {
		c.rep.step(ctx, stepNoOption)
		return result, c.rep.close(ctx)
	}
	if err := c.decide(ctx, &result); err != nil {
		return result, err
	}
	return result, c.rep.close(ctx)
}

// decide takes the cadre's choice until the competent official approves
// one, then records the decision with the figures of the last computation.
func (c *cadreRun) decide(ctx workflow.Context, result *checklist.CadreCaseResult) error {
	for attempt := 1; ; attempt++ {
		var choice election.CadreChoiceOutcome
		if err := c.step(ctx, stepChoice, election.KindRecordCadreChoice, election.RoleHR, choiceLeadDays, attempt, &choice); err != nil {
			return err
		}
		var approval election.CadreApprovalOutcome
		if err := c.step(ctx, stepApproval, election.KindApproveCadreBenefits, election.RoleApprovingOfficial, approvalLeadDays, attempt, &approval); err != nil {
			return err
		}
		if approval.Decision == election.Approve {
			result.Option = choice.Option
			break
		}
	}
	var decision election.DecisionOutcome
	if err := c.step(ctx, stepDecision, election.KindDecideCadreBenefits, election.RoleHR, 0, 1, &decision); err != nil {
		return err
	}
	if err := c.w.record(ctx, checklist.ActivityRecordBenefitDecision, checklist.BenefitDecisionRecord{
		Term: c.facts.Term, Council: c.facts.Council, Cadre: c.cadre, Round: c.round, Option: result.Option,
		DecisionNo: decision.DecisionNo, DecidedOn: decision.DecidedOn,
	}); err != nil {
		return fmt.Errorf("record the decision on cadre %s: %w", c.cadre, err)
	}
	result.DecisionNo, result.DecidedOn = decision.DecisionNo, decision.DecidedOn
	return nil
}
