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

// cadresSteps says in Vietnamese what the outgoing cadres area and a
// case wait for at each step.
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

// OutgoingCadresV2 runs the benefits of a council's outgoing cadres
// (Decree 26/2015/NĐ-CP and its successors), one case per cadre, all in
// this workflow: each case is a coroutine with its own tasks on the area's
// one task board, timer and writer. The first generation ran each case as
// a child workflow (CadreCase) that reported to the area by signal; a case
// costs about 15 history events less this way, and the area's open and
// overdue tasks are its own.
func OutgoingCadresV2(ctx workflow.Context, in checklist.CadresInput) (checklist.CadresResult, error) {
	facts := in.Facts
	var result checklist.CadresResult
	// owner says which case a task belongs to, for the outcome checks.
	owner := map[election.TaskID]*cadreRun{}
	a, err := startArea(ctx, facts, checklist.AreaCadres, true, cadreChecks(facts, func(t election.Task) *cadreRun { return owner[t.ID] }))
	if err != nil {
		return result, err
	}
	var cadres []election.CadreID
	if err := a.w.read(ctx, checklist.ActivityLoadCadres, checklist.Input{Term: facts.Term, Council: facts.Council}, &cadres); err != nil {
		return result, fmt.Errorf("load cadres: %w", err)
	}
	result.Cases = len(cadres)
	a.rep.step(ctx, stepCases)
	ends := make([]checklist.CadreCaseResult, len(cadres))
	errs := make([]error, len(cadres))
	finished := 0
	for i, id := range cadres {
		c := &cadreRun{areaRun: a, cadre: id, owner: owner}
		ends[i].Cadre = id
		workflow.Go(ctx, func(ctx workflow.Context) {
			errs[i] = c.settle(ctx, &ends[i])
			finished++
		})
	}
	if err := workflow.Await(ctx, func() bool { return finished == len(cadres) || a.w.err != nil }); err != nil {
		return result, err
	}
	for i, id := range cadres {
		if errs[i] != nil {
			return result, fmt.Errorf("case of cadre %s: %w", id, errs[i])
		}
		countCase(&result, ends[i])
	}
	return result, a.rep.close(ctx)
}

// outgoingCadresV1 is the outgoing cadres area of the first generation,
// for the areas started under it: one CadreCase child per cadre, whose
// progress this area sums.
func outgoingCadresV1(ctx workflow.Context, in checklist.CadresInput) (checklist.CadresResult, error) {
	facts := in.Facts
	var result checklist.CadresResult
	a, err := startArea(ctx, facts, checklist.AreaCadres, false, nil)
	if err != nil {
		return result, err
	}
	var cadres []election.CadreID
	if err := a.w.read(ctx, checklist.ActivityLoadCadres, checklist.Input{Term: facts.Term, Council: facts.Council}, &cadres); err != nil {
		return result, fmt.Errorf("load cadres: %w", err)
	}
	result.Cases = len(cadres)
	cases := map[checklist.Area]checklist.AreaProgress{}
	a.rep.counts = func() (open, overdue int, next time.Time) {
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
	a.rep.step(ctx, stepCases)

	fan := newFanOut(ctx)
	fan.receive(workflow.GetSignalChannel(ctx, checklist.SignalAreaProgress), func(c workflow.ReceiveChannel) {
		var p checklist.AreaProgress
		c.Receive(ctx, &p)
		if cur, ok := cases[p.Area]; !ok || p.Seq > cur.Seq {
			cases[p.Area] = p
		}
		a.rep.publish(ctx)
	})
	var failed error
	for _, id := range cadres {
		childCtx := workflow.WithChildOptions(ctx, childOptions(facts,
			checklist.AreaWorkflowID(facts.Term, facts.Council, checklist.AreaCadres)+"/"+string(id),
			"Chế độ cán bộ "+string(id)+" — "+facts.Name, caseArea(id), false))
		f := workflow.ExecuteChildWorkflow(childCtx, checklist.WorkflowCadreCaseV1, checklist.CadreCaseInput{Facts: facts, Cadre: id})
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

// caseArea names a cadre's case in its area's progress (first generation).
func caseArea(id election.CadreID) checklist.Area {
	return checklist.Area(string(checklist.AreaCadres) + "/" + string(id))
}
