package workflows

import (
	"fmt"

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

// commendationsSteps says in Vietnamese what the commendations area waits for at each step.
func commendationsSteps() map[string]string {
	return map[string]string{
		stepNominations:          "chờ đề nghị khen thưởng",
		stepAppraisal:            "đang thẩm định hồ sơ khen thưởng",
		stepCouncilReview:        "chờ Hội đồng Thi đua – Khen thưởng xét",
		stepCommendationDecision: "chờ quyết định khen thưởng",
	}
}

// The subjects of the area's one-per-council tasks, in their task IDs.
const (
	nominationsSubject          = "nominations"
	councilReviewSubject        = "council-review"
	commendationDecisionSubject = "decision"
)

// commendationTerms are the level's rules the area works by, read once
// at start and kept in history so a later change to the defaults never
// changes a running area's deadlines on replay.
type commendationTerms struct {
	Award string `json:"award"`
	Days  int    `json:"days"`
}

// CommendationsV2 runs the commendations area of one council: the council
// office submits the nominations before the window closes; the emulation
// and commendation board appraises each; the emulation and commendation
// council (Hội đồng Thi đua – Khen thưởng) reviews those that passed; the
// People's Committee chair decides on those the council approved, with the
// level's form of award (Bằng khen at province, Giấy khen at commune). A
// level that gives no award itself (the National Assembly) stops after the
// nominations are recorded.
func CommendationsV2(ctx workflow.Context, in checklist.CommendationsInput) (checklist.CommendationsResult, error) {
	return commendations(ctx, in, true)
}

// commendationsV1 is CommendationsV2's first generation, for the areas
// started under it.
func commendationsV1(ctx workflow.Context, in checklist.CommendationsInput) (checklist.CommendationsResult, error) {
	return commendations(ctx, in, false)
}

// commending is what the commendations area knows as it goes.
type commending struct {
	*areaRun
	level  commendationTerms
	closes election.Date
	// passed lists the nominations awaiting the council's review; set
	// before the review task opens, so its validator can check coverage.
	passed []election.NominationID
	result checklist.CommendationsResult
}

// task is one of the area's tasks, due dueDays after the nomination
// window closes.
func (c *commending) task(kind election.TaskKind, subject, about string, role election.Role, dueDays int) election.Task {
	return c.newTask(kind, subject, role, c.closes.AddDays(dueDays), about)
}

func commendations(ctx workflow.Context, in checklist.CommendationsInput, lean bool) (checklist.CommendationsResult, error) {
	facts := in.Facts
	c := &commending{closes: nominationsClose(facts)}
	checks := map[election.TaskKind]outcomeCheck{
		election.KindSubmitNominations: check(func(_ workflow.Context, o election.NominationsOutcome) error {
			return o.Validate()
		}),
		election.KindAppraiseNomination: check(func(_ workflow.Context, o election.AppraisalOutcome) error {
			return o.Validate()
		}),
		election.KindReviewCommendations: check(func(_ workflow.Context, o election.CouncilReviewOutcome) error {
			return o.Validate(c.passed)
		}),
		election.KindDecideCommendations: check(func(ctx workflow.Context, o election.DecisionOutcome) error {
			return o.Validate(facts.ElectionDay, today(ctx))
		}),
	}
	var err error
	if c.areaRun, err = startArea(ctx, facts, checklist.AreaCommendations, lean, checks); err != nil {
		return c.result, err
	}
	if err := workflow.SideEffect(ctx, func(workflow.Context) any {
		spec := election.DefaultLevels()[facts.Level]
		return commendationTerms{Award: spec.Award, Days: spec.CommendationDays}
	}).Get(&c.level); err != nil {
		return c.result, fmt.Errorf("level rules: %w", err)
	}
	if err := c.run(ctx); err != nil {
		return c.result, err
	}
	return c.result, c.rep.close(ctx)
}

// run takes the nominations through each stage, stopping early when none
// is left to decide on.
func (c *commending) run(ctx workflow.Context) error {
	facts := c.facts
	// 1. The council office submits the nominations by the window's close.
	c.rep.step(ctx, stepNominations)
	var submitted election.NominationsOutcome
	if err := c.areaRun.task(ctx, c.task(election.KindSubmitNominations, nominationsSubject,
		checklist.Subject(election.KindSubmitNominations, facts.Council), election.RoleCouncilOffice, 0), &submitted); err != nil {
		return err
	}
	if err := c.w.record(ctx, checklist.ActivityRecordNominations, checklist.NominationsRecord{
		Term: facts.Term, Council: facts.Council, Nominations: submitted.Nominations,
	}); err != nil {
		return fmt.Errorf("record nominations: %w", err)
	}
	c.result.Nominated = len(submitted.Nominations)

	// 2. Nothing more to do without nominations, or where the level
	// decides no award itself.
	if c.level.Award == "" {
		c.result.NoAwardAtLevel = true
		return nil
	}
	if len(submitted.Nominations) == 0 {
		return nil
	}
	// 3. The emulation and commendation board appraises each nomination.
	if err := c.appraise(ctx, submitted.Nominations); err != nil || len(c.passed) == 0 {
		return err
	}
	// 4. The emulation and commendation council reviews those that passed.
	approved, err := c.review(ctx)
	if err != nil || len(approved) == 0 {
		return err
	}
	// 5. The People's Committee chair decides on the approved ones.
	c.rep.step(ctx, stepCommendationDecision)
	var decided election.DecisionOutcome
	if err := c.areaRun.task(ctx, c.task(election.KindDecideCommendations, commendationDecisionSubject,
		checklist.Subject(election.KindDecideCommendations, c.level.Award, len(approved)), election.RoleApprovingOfficial, c.level.Days), &decided); err != nil {
		return err
	}
	if err := c.w.record(ctx, checklist.ActivityRecordCommendationDecision, checklist.CommendationDecisionRecord{
		Term: facts.Term, Council: facts.Council, DecisionNo: decided.DecisionNo, DecidedOn: decided.DecidedOn,
		Award: c.level.Award, Approved: approved,
	}); err != nil {
		return fmt.Errorf("record commendation decision: %w", err)
	}
	c.result.DecisionNo, c.result.DecidedOn, c.result.Award = decided.DecisionNo, decided.DecidedOn, c.level.Award
	return nil
}

// appraise has the emulation and commendation board appraise every
// nomination, and keeps those that passed.
func (c *commending) appraise(ctx workflow.Context, nominations []election.Nomination) error {
	c.rep.step(ctx, stepAppraisal)
	appraisals := make([]election.Task, len(nominations))
	for i, n := range nominations {
		appraisals[i] = c.task(election.KindAppraiseNomination, string(n.ID), checklist.Subject(election.KindAppraiseNomination, n.ID),
			election.RoleEmulationBoard, c.level.Days/2)
	}
	if err := c.board.open(ctx, appraisals...); err != nil {
		return err
	}
	if err := c.board.await(ctx, taskIDs(appraisals)...); err != nil {
		return err
	}
	appraised := make([]election.NominationAppraisal, len(nominations))
	for i, n := range nominations {
		var o election.AppraisalOutcome
		if err := c.board.outcome(appraisals[i].ID, &o); err != nil {
			return err
		}
		appraised[i] = election.NominationAppraisal{Nomination: n.ID, Decision: o.Decision, Reason: o.Reason}
		if o.Decision == election.AppraisalApprove {
			c.passed = append(c.passed, n.ID)
		} else {
			c.result.Rejected++
		}
	}
	if err := c.w.record(ctx, checklist.ActivityRecordAppraisals, checklist.AppraisalsRecord{
		Term: c.facts.Term, Council: c.facts.Council, Appraisals: appraised,
	}); err != nil {
		return fmt.Errorf("record appraisals: %w", err)
	}
	return nil
}

// review has the emulation and commendation council review the
// nominations that passed appraisal, and returns those it approved, in
// the order nominated.
func (c *commending) review(ctx workflow.Context) ([]election.NominationID, error) {
	c.rep.step(ctx, stepCouncilReview)
	var reviewed election.CouncilReviewOutcome
	if err := c.areaRun.task(ctx, c.task(election.KindReviewCommendations, councilReviewSubject,
		checklist.Subject(election.KindReviewCommendations, len(c.passed)), election.RoleEmulationBoard, c.level.Days*3/4), &reviewed); err != nil {
		return nil, err
	}
	verdicts := reviewed.Verdicts()
	if err := c.w.record(ctx, checklist.ActivityRecordCouncilReview, checklist.CouncilReviewRecord{
		Term: c.facts.Term, Council: c.facts.Council, Verdicts: verdicts,
	}); err != nil {
		return nil, fmt.Errorf("record council review: %w", err)
	}
	approvedByID := make(map[election.NominationID]bool, len(verdicts))
	for _, v := range verdicts {
		approvedByID[v.Nomination] = v.Approved
	}
	var approved []election.NominationID
	for _, id := range c.passed {
		if approvedByID[id] {
			approved = append(approved, id)
		} else {
			c.result.Rejected++
		}
	}
	c.result.Approved = len(approved)
	return approved, nil
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
