package workflows

import (
	"fmt"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// The steps of the commendations area, as shown in its stage
// ("commendations/council-review").
const (
	stepNominations          = "nominations"
	stepAppraisal            = "appraisal"
	stepCouncilReview        = "council-review"
	stepCommendationDecision = "decision"
)

// The subjects of the area's one-per-council tasks, in their task IDs.
const (
	nominationsSubject          = "nominations"
	councilReviewSubject        = "council-review"
	commendationDecisionSubject = "decision"
)

// RegisterCommendations adds the commendations area workflow to a worker
// under its contract name.
func RegisterCommendations(r worker.WorkflowRegistry) {
	r.RegisterWorkflowWithOptions(Commendations, workflow.RegisterOptions{Name: checklist.WorkflowCommendations})
}

// commendationTerms are the level's rules the area works by, read once
// at start and kept in history so a later change to the defaults never
// changes a running area's deadlines on replay.
type commendationTerms struct {
	Award string `json:"award"`
	Days  int    `json:"days"`
}

// Commendations runs the commendations area of one council: the council
// office submits the nominations before the window closes; the emulation
// and commendation board appraises each; the emulation and commendation
// council (Hội đồng Thi đua – Khen thưởng) reviews those that passed; the
// People's Committee chair decides on those the council approved, with the
// level's form of award (Bằng khen at province, Giấy khen at commune). A
// level that gives no award itself (the National Assembly) stops after the
// nominations are recorded.
func Commendations(ctx workflow.Context, in checklist.CommendationsInput) (checklist.CommendationsResult, error) {
	facts := in.Facts
	var result checklist.CommendationsResult
	if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
		return result, fmt.Errorf("search attributes: %w", err)
	}
	rep, err := newAreaReporter(ctx, facts, checklist.AreaCommendations)
	if err != nil {
		return result, err
	}

	var level commendationTerms
	if err := workflow.SideEffect(ctx, func(workflow.Context) any {
		spec := election.DefaultLevels()[facts.Level]
		return commendationTerms{Award: spec.Award, Days: spec.CommendationDays}
	}).Get(&level); err != nil {
		return result, fmt.Errorf("level rules: %w", err)
	}

	// passed lists the nominations awaiting the council's review; set
	// before the review task opens, so its validator can check coverage.
	var passed []election.NominationID
	checks := map[election.TaskKind]outcomeCheck{
		election.KindSubmitNominations: check(func(_ workflow.Context, o election.NominationsOutcome) error {
			return o.Validate()
		}),
		election.KindAppraiseNomination: check(func(_ workflow.Context, o election.AppraisalOutcome) error {
			return o.Validate()
		}),
		election.KindReviewCommendations: check(func(_ workflow.Context, o election.CouncilReviewOutcome) error {
			return o.Validate(passed)
		}),
		election.KindDecideCommendations: check(func(ctx workflow.Context, o election.DecisionOutcome) error {
			return o.Validate(facts.ElectionDay, today(ctx))
		}),
	}
	board, err := newTaskBoard(ctx, facts.Term, facts.Council, checks, rep.publish)
	if err != nil {
		return result, err
	}
	rep.board = board
	closes := nominationsClose(facts)
	task := func(kind election.TaskKind, subject, about string, role election.Role, dueDays int) election.Task {
		return election.Task{
			ID:   election.NewTaskID(facts.Term, facts.Council, kind, subject),
			Kind: kind, Subject: about, Role: role, Due: closes.AddDays(dueDays).EndOfOfficeDay(),
		}
	}
	done := func() (checklist.CommendationsResult, error) {
		return result, rep.close(ctx)
	}

	// 1. The council office submits the nominations by the window's close.
	rep.step(ctx, stepNominations)
	submit := task(election.KindSubmitNominations, nominationsSubject,
		checklist.Subject(election.KindSubmitNominations, facts.Council), election.RoleCouncilOffice, 0)
	if err := board.open(ctx, submit); err != nil {
		return result, err
	}
	if err := board.await(ctx, submit.ID); err != nil {
		return result, err
	}
	var submitted election.NominationsOutcome
	if err := board.outcome(submit.ID, &submitted); err != nil {
		return result, err
	}
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordNominations, checklist.NominationsRecord{
		Term: facts.Term, Council: facts.Council, Nominations: submitted.Nominations,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("record nominations: %w", err)
	}
	result.Nominated = len(submitted.Nominations)

	// 2. Nothing more to do without nominations, or where the level
	// decides no award itself.
	if level.Award == "" {
		result.NoAwardAtLevel = true
		return done()
	}
	if len(submitted.Nominations) == 0 {
		return done()
	}

	// 3. The emulation and commendation board appraises each nomination.
	rep.step(ctx, stepAppraisal)
	appraisals := make([]election.Task, len(submitted.Nominations))
	for i, n := range submitted.Nominations {
		appraisals[i] = task(election.KindAppraiseNomination, string(n.ID), checklist.Subject(election.KindAppraiseNomination, n.ID),
			election.RoleEmulationBoard, level.Days/2)
	}
	if err := board.open(ctx, appraisals...); err != nil {
		return result, err
	}
	if err := board.await(ctx, taskIDs(appraisals)...); err != nil {
		return result, err
	}
	appraised := make([]election.NominationAppraisal, len(submitted.Nominations))
	for i, n := range submitted.Nominations {
		var o election.AppraisalOutcome
		if err := board.outcome(appraisals[i].ID, &o); err != nil {
			return result, err
		}
		appraised[i] = election.NominationAppraisal{Nomination: n.ID, Decision: o.Decision, Reason: o.Reason}
		if o.Decision == election.AppraisalApprove {
			passed = append(passed, n.ID)
		} else {
			result.Rejected++
		}
	}
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordAppraisals, checklist.AppraisalsRecord{
		Term: facts.Term, Council: facts.Council, Appraisals: appraised,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("record appraisals: %w", err)
	}
	if len(passed) == 0 {
		return done()
	}

	// 4. The emulation and commendation council reviews those that passed.
	rep.step(ctx, stepCouncilReview)
	review := task(election.KindReviewCommendations, councilReviewSubject,
		checklist.Subject(election.KindReviewCommendations, len(passed)), election.RoleEmulationBoard, level.Days*3/4)
	if err := board.open(ctx, review); err != nil {
		return result, err
	}
	if err := board.await(ctx, review.ID); err != nil {
		return result, err
	}
	var reviewed election.CouncilReviewOutcome
	if err := board.outcome(review.ID, &reviewed); err != nil {
		return result, err
	}
	verdicts := reviewed.Verdicts()
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordCouncilReview, checklist.CouncilReviewRecord{
		Term: facts.Term, Council: facts.Council, Verdicts: verdicts,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("record council review: %w", err)
	}
	approvedByID := make(map[election.NominationID]bool, len(verdicts))
	for _, v := range verdicts {
		approvedByID[v.Nomination] = v.Approved
	}
	var approved []election.NominationID
	for _, id := range passed { // in the order nominated
		if approvedByID[id] {
			approved = append(approved, id)
		} else {
			result.Rejected++
		}
	}
	result.Approved = len(approved)
	if len(approved) == 0 {
		return done()
	}

	// 5. The People's Committee chair decides on the approved ones.
	rep.step(ctx, stepCommendationDecision)
	decide := task(election.KindDecideCommendations, commendationDecisionSubject,
		checklist.Subject(election.KindDecideCommendations, level.Award, len(approved)), election.RoleApprovingOfficial, level.Days)
	if err := board.open(ctx, decide); err != nil {
		return result, err
	}
	if err := board.await(ctx, decide.ID); err != nil {
		return result, err
	}
	var decided election.DecisionOutcome
	if err := board.outcome(decide.ID, &decided); err != nil {
		return result, err
	}
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordCommendationDecision, checklist.CommendationDecisionRecord{
		Term: facts.Term, Council: facts.Council, DecisionNo: decided.DecisionNo, DecidedOn: decided.DecidedOn,
		Award: level.Award, Approved: approved,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("record commendation decision: %w", err)
	}
	result.DecisionNo, result.DecidedOn, result.Award = decided.DecisionNo, decided.DecidedOn, level.Award
	return done()
}

// nominationsClose is the end of the council's nomination window; facts
// read before the window was part of them fall back to the calendar's
// default.
func nominationsClose(f checklist.CouncilFacts) election.Date {
	if !f.NominationsClose.IsZero() {
		return f.NominationsClose
	}
	for _, r := range election.DefaultDeadlineRules() {
		if r.Kind == election.DeadlineNominationsClose {
			return f.ElectionDay.AddDays(r.Days)
		}
	}
	return f.ElectionDay
}
