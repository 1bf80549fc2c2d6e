package workflows

import (
	"fmt"
	"time"

	"go.temporal.io/api/enums/v1"
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

// Lead times of a case's tasks, counted back from the decisions deadline.
const (
	verifyLeadDays   = 45
	choiceLeadDays   = 30
	approvalLeadDays = 15
)

// OutgoingCadres runs the benefits of a council's outgoing cadres (Decree
// 26/2015/NĐ-CP and its successors): one CadreCase child per cadre, few and
// long-lived, each with its own history; this area sums their progress.
func OutgoingCadres(ctx workflow.Context, in checklist.CadresInput) (checklist.CadresResult, error) {
	facts := in.Facts
	var result checklist.CadresResult
	if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
		return result, fmt.Errorf("search attributes: %w", err)
	}
	rep, err := newAreaReporter(ctx, facts, checklist.AreaCadres)
	if err != nil {
		return result, err
	}
	var cadres []election.CadreID
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityLoadCadres,
		checklist.Input{Term: facts.Term, Council: facts.Council}).Get(ctx, &cadres); err != nil {
		return result, fmt.Errorf("load cadres: %w", err)
	}
	result.Cases = len(cadres)

	cases := map[checklist.Area]checklist.AreaProgress{}
	rep.counts = func() (open, overdue int, next time.Time) {
		for _, id := range cadres {
			p := cases[caseArea(id)]
			open += p.OpenTasks
			overdue += p.OverdueTasks
			if !p.NextDeadline.IsZero() && (next.IsZero() || p.NextDeadline.Before(next)) {
				next = p.NextDeadline
			}
		}
		return open, overdue, next
	}
	rep.step(ctx, stepCases)

	signals := workflow.GetSignalChannel(ctx, checklist.SignalAreaProgress)
	sel := workflow.NewSelector(ctx)
	sel.AddReceive(signals, func(c workflow.ReceiveChannel, _ bool) {
		var p checklist.AreaProgress
		c.Receive(ctx, &p)
		if cur, ok := cases[p.Area]; !ok || p.Seq > cur.Seq {
			cases[p.Area] = p
		}
		rep.publish(ctx)
	})
	running := 0
	var failed error
	for _, id := range cadres {
		childCtx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
			WorkflowID:        checklist.AreaWorkflowID(facts.Term, facts.Council, checklist.AreaCadres) + "/" + string(id),
			ParentClosePolicy: enums.PARENT_CLOSE_POLICY_TERMINATE,
			StaticSummary:     "Chế độ cán bộ " + string(id) + " — " + facts.Name,
		})
		f := workflow.ExecuteChildWorkflow(childCtx, checklist.WorkflowCadreCase, checklist.CadreCaseInput{Facts: facts, Cadre: id})
		running++
		sel.AddFuture(f, func(f workflow.Future) {
			running--
			var r checklist.CadreCaseResult
			if err := f.Get(ctx, &r); err != nil {
				failed = fmt.Errorf("case of cadre %s: %w", id, err)
				return
			}
			cases[caseArea(id)] = checklist.AreaProgress{Area: caseArea(id), State: checklist.AreaDone, Seq: 1 << 30}
			switch {
			case r.DecisionNo != "":
				result.Decisions++
				if r.NeedsHRConfirmation {
					result.NeedHRConfirmation++
				}
			default:
				result.NoOption++
			}
			rep.publish(ctx)
		})
	}
	for running > 0 {
		sel.Select(ctx)
	}
	if failed != nil {
		return result, failed
	}
	rep.finish(ctx)
	return result, nil
}

// caseArea names a cadre's case in its area's progress.
func caseArea(id election.CadreID) checklist.Area {
	return checklist.Area(string(checklist.AreaCadres) + "/" + string(id))
}

// CadreCase settles one outgoing cadre's benefits: the benefits are
// computed under the rule set in force at election day (the figures stay
// in Postgres); HR verifies the insurance record and salary (a correction
// computes them again); the cadre chooses among the open options; the
// competent official approves (a rejection returns to the choice); the
// decision is recorded with its number. A cadre with no option open
// retires normally and the case ends after the verification.
func CadreCase(ctx workflow.Context, in checklist.CadreCaseInput) (checklist.CadreCaseResult, error) {
	facts := in.Facts
	result := checklist.CadreCaseResult{Cadre: in.Cadre}
	if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
		return result, fmt.Errorf("search attributes: %w", err)
	}
	rep, err := newAreaReporter(ctx, facts, caseArea(in.Cadre))
	if err != nil {
		return result, err
	}
	rep.persist = false

	var assessment checklist.CadreAssessment
	round := 0
	assess := func() error {
		round++
		return workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityAssessCadre, checklist.CadreAssessmentRequest{
			Term: facts.Term, Council: facts.Council, Cadre: in.Cadre, ElectionDay: facts.ElectionDay, Round: round,
		}).Get(ctx, &assessment)
	}
	checks := map[election.TaskKind]outcomeCheck{
		election.KindVerifyCadreRecord: check(func(_ workflow.Context, o election.VerifyRecordOutcome) error {
			return o.Validate()
		}),
		election.KindRecordCadreChoice: check(func(_ workflow.Context, o election.CadreChoiceOutcome) error {
			return o.Validate(assessment.Eligible)
		}),
		election.KindApproveCadreBenefits: check(func(_ workflow.Context, o election.CadreApprovalOutcome) error {
			return o.Validate()
		}),
		election.KindDecideCadreBenefits: check(func(ctx workflow.Context, o election.DecisionOutcome) error {
			return o.Validate(facts.ElectionDay, today(ctx))
		}),
	}
	board, err := newTaskBoard(ctx, facts.Term, facts.Council, checks, rep.publish)
	if err != nil {
		return result, err
	}
	rep.board = board

	decided := facts.CadreDecisions
	// step opens one task of this case and waits for its outcome; n
	// numbers repeated tasks (after a correction or a rejection).
	step := func(name string, kind election.TaskKind, role election.Role, leadDays, n int, v any) error {
		rep.step(ctx, name)
		t := election.Task{
			ID:   election.NewTaskID(facts.Term, facts.Council, kind, fmt.Sprintf("%s/%d", in.Cadre, n)),
			Kind: kind, Role: role, Due: decided.AddDays(-leadDays).EndOfOfficeDay(),
			Subject: checklist.Subject(kind, in.Cadre),
		}
		if err := board.open(ctx, t); err != nil {
			return err
		}
		if err := board.await(ctx, t.ID); err != nil {
			return err
		}
		return board.outcome(t.ID, v)
	}

	// 1. Compute, then HR verifies; each correction computes again.
	if err := assess(); err != nil {
		return result, fmt.Errorf("assess cadre %s: %w", in.Cadre, err)
	}
	for {
		var verify election.VerifyRecordOutcome
		if err := step(stepVerify, election.KindVerifyCadreRecord, election.RoleHR, verifyLeadDays, round, &verify); err != nil {
			return result, err
		}
		if verify.Result == election.RecordVerified {
			break
		}
		if err := assess(); err != nil {
			return result, fmt.Errorf("assess cadre %s again: %w", in.Cadre, err)
		}
	}
	result.RuleSet, result.NeedsHRConfirmation = assessment.RuleSet, assessment.NeedsHRConfirmation
	if len(assessment.Eligible) == 0 {
		rep.step(ctx, stepNoOption)
		return result, rep.close(ctx)
	}

	// 2. The cadre's choice, until the competent official approves one.
	for attempt := 1; ; attempt++ {
		var choice election.CadreChoiceOutcome
		if err := step(stepChoice, election.KindRecordCadreChoice, election.RoleHR, choiceLeadDays, attempt, &choice); err != nil {
			return result, err
		}
		var approval election.CadreApprovalOutcome
		if err := step(stepApproval, election.KindApproveCadreBenefits, election.RoleApprovingOfficial, approvalLeadDays, attempt, &approval); err != nil {
			return result, err
		}
		if approval.Decision == election.Approve {
			result.Option = choice.Option
			break
		}
	}

	// 3. The decision, with the figures of the last computation.
	var decision election.DecisionOutcome
	if err := step(stepDecision, election.KindDecideCadreBenefits, election.RoleHR, 0, 1, &decision); err != nil {
		return result, err
	}
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordBenefitDecision, checklist.BenefitDecisionRecord{
		Term: facts.Term, Council: facts.Council, Cadre: in.Cadre, Round: round, Option: result.Option,
		DecisionNo: decision.DecisionNo, DecidedOn: decision.DecidedOn,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("record the decision on cadre %s: %w", in.Cadre, err)
	}
	result.DecisionNo, result.DecidedOn = decision.DecisionNo, decision.DecidedOn
	return result, rep.close(ctx)
}
