package workflows

import (
	"fmt"

	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// cadreRun is one outgoing cadre's case as it goes: in the lean generation
// a coroutine of the area's workflow, in the first its own CadreCase child
// workflow.
type cadreRun struct {
	*areaRun
	cadre      election.CadreID
	assessment checklist.CadreAssessment
	round      int
	// owner, for a case run inside its area (lean), is told which task is
	// the case's; the area's progress stays at its own step, "cases".
	owner map[election.TaskID]*cadreRun
}

// cadreChecks are the outcome rules of a case's tasks; of finds the case
// a task belongs to.
func cadreChecks(facts checklist.CouncilFacts, of func(election.Task) *cadreRun) map[election.TaskKind]outcomeCheck {
	return map[election.TaskKind]outcomeCheck{
		election.KindVerifyCadreRecord: check(func(_ workflow.Context, o election.VerifyRecordOutcome) error {
			return o.Validate()
		}),
		election.KindRecordCadreChoice: checkTask(func(_ workflow.Context, t election.Task, o election.CadreChoiceOutcome) error {
			c := of(t)
			if c == nil {
				return fmt.Errorf("task %s belongs to no case", t.ID)
			}
			return o.Validate(c.assessment.Eligible)
		}),
		election.KindApproveCadreBenefits: check(func(_ workflow.Context, o election.CadreApprovalOutcome) error {
			return o.Validate()
		}),
		election.KindDecideCadreBenefits: check(func(ctx workflow.Context, o election.DecisionOutcome) error {
			return o.Validate(facts.ElectionDay, today(ctx))
		}),
	}
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
	if c.owner == nil {
		c.rep.step(ctx, name)
	}
	t := c.newTask(kind, fmt.Sprintf("%s/%d", c.cadre, n), role,
		c.facts.CadreDecisions.AddDays(-leadDays), checklist.Subject(kind, c.cadre))
	if c.owner != nil {
		c.owner[t.ID] = c
	}
	return c.task(ctx, t, v)
}

// settle runs the case: the benefits computed under the rule set in force
// at election day (the figures stay in Postgres); HR verifies the insurance
// record and salary (a correction computes them again); the cadre chooses
// among the open options; the competent official approves (a rejection
// returns to the choice); the decision is recorded with its number. A
// cadre with no option open retires normally: the case ends after the
// verification.
func (c *cadreRun) settle(ctx workflow.Context, result *checklist.CadreCaseResult) error {
	if err := c.assess(ctx); err != nil {
		return fmt.Errorf("assess cadre %s: %w", c.cadre, err)
	}
	for {
		var verify election.VerifyRecordOutcome
		if err := c.step(ctx, stepVerify, election.KindVerifyCadreRecord, election.RoleHR, verifyLeadDays, c.round, &verify); err != nil {
			return err
		}
		if verify.Result == election.RecordVerified {
			break
		}
		if err := c.assess(ctx); err != nil {
			return fmt.Errorf("assess cadre %s again: %w", c.cadre, err)
		}
	}
	result.RuleSet, result.NeedsHRConfirmation = c.assessment.RuleSet, c.assessment.NeedsHRConfirmation
	if len(c.assessment.Eligible) == 0 {
		if c.owner == nil {
			c.rep.step(ctx, stepNoOption)
		}
		return nil
	}
	return c.decide(ctx, result)
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
			result.Option = string(choice.Option)
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

// cadreCaseV1 is one cadre's case as a child workflow of the first
// generation's outgoing cadres area (workflow type CadreCase), for the
// cases started under it.
func cadreCaseV1(ctx workflow.Context, in checklist.CadreCaseInput) (checklist.CadreCaseResult, error) {
	result := checklist.CadreCaseResult{Cadre: in.Cadre}
	c := &cadreRun{cadre: in.Cadre}
	var err error
	if c.areaRun, err = startArea(ctx, in.Facts, caseArea(in.Cadre), false,
		cadreChecks(in.Facts, func(election.Task) *cadreRun { return c })); err != nil {
		return result, err
	}
	c.rep.persist = false // a case reports to its area only
	if err := c.settle(ctx, &result); err != nil {
		return result, err
	}
	return result, c.rep.close(ctx)
}
