package workflows

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// versionAllAreas gates the areas after credentials: checklists started
// before them run the credentials area only.
const versionAllAreas = "all-areas"

// areaChild is one area as the checklist runs it: its child workflow and
// where its result goes.
type areaChild struct {
	area     checklist.Area
	workflow string
	input    any
	result   any // pointer the child's result is decoded into
	future   workflow.ChildWorkflowFuture
}

// ChecklistV2 is the post-election checklist of one council: it reads the
// council and its legal calendar once, runs each area as a child workflow
// (its own history and page in the Temporal UI), and keeps the progress
// record managers see: the progress query, search attributes and current
// details.
//
// In the lean generation no area signals the checklist: it sees each area
// start and finish for itself; the area's step, task counts and deadline
// are on the area's own workflow (its search attributes and progress
// query) and in the Postgres progress table.
func ChecklistV2(ctx workflow.Context, in checklist.Input) (checklist.Result, error) {
	return runChecklist(ctx, in, true)
}

// checklistV1 is ChecklistV2's first generation, for the checklists
// started under it.
func checklistV1(ctx workflow.Context, in checklist.Input) (checklist.Result, error) {
	return runChecklist(ctx, in, false)
}

// checklistRun is a checklist as it runs: its areas and what it shows.
type checklistRun struct {
	facts    checklist.CouncilFacts
	lean     bool
	children []areaChild
	progress checklist.Progress
	// shownStage is the stage in the search attributes (lean generation).
	shownStage string
}

// publish shows the checklist's progress: search attributes and current
// details. A lean checklist knows which areas run, not their tasks (their
// own workflows carry those), so it sets only its stage, when it moves.
func (c *checklistRun) publish(ctx workflow.Context) {
	c.progress.Summarize()
	workflow.SetCurrentDetails(ctx, checklistDetails(c.facts, c.progress))
	if !c.lean {
		upsertProgressAttributes(ctx, c.progress.Stage, c.progress.OpenTasks, c.progress.OverdueTasks, c.progress.NextDeadline)
		return
	}
	if c.progress.Stage == c.shownStage {
		return
	}
	c.shownStage = c.progress.Stage
	if err := workflow.UpsertTypedSearchAttributes(ctx, AttrStage.ValueSet(c.progress.Stage)); err != nil {
		workflow.GetLogger(ctx).Error("search attributes not updated", "error", err)
	}
}

func runChecklist(ctx workflow.Context, in checklist.Input, lean bool) (checklist.Result, error) {
	var result checklist.Result
	c := &checklistRun{lean: lean}
	if err := loadCouncil(ctx, in, lean, &c.facts); err != nil {
		return result, fmt.Errorf("load council %s: %w", in.Council, err)
	}
	version := workflow.Version(1) // the lean generation runs every area
	if !lean {
		if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(c.facts)...); err != nil {
			return result, fmt.Errorf("search attributes: %w", err)
		}
		version = workflow.GetVersion(ctx, versionAllAreas, workflow.DefaultVersion, 1)
	}
	c.children = areaChildren(c.facts, &result, version, lean)
	c.progress = checklist.Progress{Term: c.facts.Term, Council: c.facts.Council}
	for _, ch := range c.children {
		c.progress.Areas = append(c.progress.Areas, checklist.AreaProgress{
			Term: c.facts.Term, Council: c.facts.Council, Area: ch.area, State: checklist.AreaPending})
	}
	if err := workflow.SetQueryHandler(ctx, checklist.QueryProgress, func() (checklist.Progress, error) {
		return c.progress, nil
	}); err != nil {
		return result, fmt.Errorf("register %s query: %w", checklist.QueryProgress, err)
	}
	if !lean {
		c.publish(ctx)
	}
	c.startAreas(ctx)
	return result, c.awaitAreas(ctx)
}

// loadCouncil reads the council's facts: by a local activity in the lean
// generation, in the checklist's first workflow task.
func loadCouncil(ctx workflow.Context, in checklist.Input, lean bool, facts *checklist.CouncilFacts) error {
	if lean {
		return workflow.ExecuteLocalActivity(withLocalDB(ctx), checklist.ActivityLoadCouncil, in).Get(ctx, facts)
	}
	return workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityLoadCouncil, in).Get(ctx, facts)
}

// startAreas starts every area as a child workflow; v1 publishes after
// each start, the lean generation once for all.
func (c *checklistRun) startAreas(ctx workflow.Context) {
	for i := range c.children {
		ch := &c.children[i]
		childCtx := workflow.WithChildOptions(ctx, childOptions(c.facts,
			checklist.AreaWorkflowID(c.facts.Term, c.facts.Council, ch.area),
			areaTitle(ch.area)+" — "+c.facts.Name, ch.area, c.lean))
		ch.future = workflow.ExecuteChildWorkflow(childCtx, ch.workflow, ch.input)
		step := "starting"
		if c.lean {
			step = "" // the area's own workflow shows its step
		}
		setAreaState(&c.progress, ch.area, checklist.AreaRunning, step)
		if !c.lean {
			c.publish(ctx)
		}
	}
	if c.lean {
		c.publish(ctx)
	}
}

// awaitAreas follows the areas until every one has finished: their
// progress reports, the credential resolution passed on (v1), and their
// ends.
func (c *checklistRun) awaitAreas(ctx workflow.Context) error {
	signals := workflow.GetSignalChannel(ctx, checklist.SignalAreaProgress)
	var childErr error
	fan := newFanOut(ctx)
	fan.receive(signals, func(ch workflow.ReceiveChannel) {
		var p checklist.AreaProgress
		ch.Receive(ctx, &p)
		markArea(&c.progress, p)
		c.publish(ctx)
	})
	fan.receive(workflow.GetSignalChannel(ctx, checklist.SignalCredentialsAdopted), func(ch workflow.ReceiveChannel) {
		var a checklist.CredentialsAdoption
		ch.Receive(ctx, &a)
		forwardAdoption(ctx, c.children, a)
	})
	for i := range c.children {
		ch := &c.children[i]
		fan.follow(ch.future, func(f workflow.Future) {
			if err := f.Get(ctx, ch.result); err != nil {
				childErr = errors.Join(childErr, fmt.Errorf("%s area: %w", ch.area, err))
				setAreaState(&c.progress, ch.area, checklist.AreaFailed, "failed")
			} else {
				setAreaState(&c.progress, ch.area, checklist.AreaDone, "done")
			}
			c.publish(ctx)
		})
	}
	fan.wait(ctx)
	// Progress signals sent just before a child finished are stale now.
	for {
		var p checklist.AreaProgress
		if !signals.ReceiveAsync(&p) {
			break
		}
	}
	return childErr
}

// childOptions are the options of an area's or a case's child workflow.
// The lean generation passes the identity search attributes and the first
// stage at start, so the child upserts none of its own.
func childOptions(facts checklist.CouncilFacts, id, summary string, area checklist.Area, lean bool) workflow.ChildWorkflowOptions {
	o := workflow.ChildWorkflowOptions{
		WorkflowID:        id,
		ParentClosePolicy: enums.PARENT_CLOSE_POLICY_TERMINATE,
		StaticSummary:     summary,
	}
	if lean {
		o.WorkflowTaskTimeout = checklist.WorkflowTaskTimeout
		o.TypedSearchAttributes = temporal.NewSearchAttributes(
			append(identityAttributes(facts), AttrStage.ValueSet(string(area)+"/starting"))...)
	}
	return o
}

// areaChildren lists the areas a checklist of this version runs, in the
// order they are shown, with the workflow type of the generation.
func areaChildren(facts checklist.CouncilFacts, result *checklist.Result, version workflow.Version, lean bool) []areaChild {
	types := []string{checklist.WorkflowCredentialsV1, checklist.WorkflowFirstSessionV1, checklist.WorkflowCommendationsV1, checklist.WorkflowCadresV1}
	if lean {
		types = []string{checklist.WorkflowCredentials, checklist.WorkflowFirstSession, checklist.WorkflowCommendations, checklist.WorkflowCadres}
	}
	children := []areaChild{{area: checklist.AreaCredentials, workflow: types[0],
		input: checklist.CredentialsInput{Facts: facts}, result: &result.Credentials}}
	if version == workflow.DefaultVersion {
		return children
	}
	result.FirstSession = &checklist.FirstSessionResult{}
	result.Commendations = &checklist.CommendationsResult{}
	result.Cadres = &checklist.CadresResult{}
	children = append(children,
		areaChild{area: checklist.AreaFirstSession, workflow: types[1],
			input: checklist.FirstSessionInput{Facts: facts}, result: result.FirstSession},
		areaChild{area: checklist.AreaCommendations, workflow: types[2],
			input: checklist.CommendationsInput{Facts: facts}, result: result.Commendations},
		areaChild{area: checklist.AreaCadres, workflow: types[3],
			input: checklist.CadresInput{Facts: facts}, result: result.Cadres})
	return children
}

// forwardAdoption passes the credential resolution to the first-session
// area, once that child has started.
func forwardAdoption(ctx workflow.Context, children []areaChild, a checklist.CredentialsAdoption) {
	for _, c := range children {
		if c.area != checklist.AreaFirstSession {
			continue
		}
		workflow.Go(ctx, func(ctx workflow.Context) {
			if err := c.future.GetChildWorkflowExecution().Get(ctx, nil); err != nil {
				return // the child never started; its failure is reported with its result
			}
			if err := c.future.SignalChildWorkflow(ctx, checklist.SignalCredentialsAdopted, a).Get(ctx, nil); err != nil {
				workflow.GetLogger(ctx).Error("credential resolution not passed to the first session", "error", err)
			}
		})
	}
}

// markArea records an area's progress unless it is older than what the
// record already holds.
func markArea(p *checklist.Progress, a checklist.AreaProgress) {
	for i := range p.Areas {
		if p.Areas[i].Area != a.Area {
			continue
		}
		if cur := p.Areas[i]; cur.State == checklist.AreaDone || cur.State == checklist.AreaFailed || a.Seq < cur.Seq {
			return
		}
		p.Areas[i] = a
	}
}

// setAreaState moves an area through its life as the checklist sees it:
// started, then done or failed, which no later report can undo.
func setAreaState(p *checklist.Progress, area checklist.Area, state checklist.AreaState, step string) {
	for i := range p.Areas {
		if p.Areas[i].Area == area {
			a := &p.Areas[i]
			a.State, a.Step = state, step
			if state != checklist.AreaRunning {
				a.OpenTasks, a.OverdueTasks, a.NextDeadline = 0, 0, time.Time{}
			}
		}
	}
}

// checklistDetails writes the checklist's progress as markdown for the
// Temporal UI.
func checklistDetails(f checklist.CouncilFacts, p checklist.Progress) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (%s), nhiệm kỳ %s\n\n", f.Name, f.Council, f.Term)
	for _, a := range p.Areas {
		fmt.Fprintf(&b, "- %s: %s", areaTitle(a.Area), stepTitle(a.Step))
		if a.State == checklist.AreaPending {
			b.WriteString("chưa bắt đầu")
		}
		if a.OpenTasks > 0 {
			fmt.Fprintf(&b, " — %d nhiệm vụ mở, %d quá hạn", a.OpenTasks, a.OverdueTasks)
		}
		b.WriteString("\n")
	}
	if !p.NextDeadline.IsZero() {
		fmt.Fprintf(&b, "\nHạn gần nhất: %s\n", p.NextDeadline.In(election.OfficeZone()).Format("15:04 02/01/2006"))
	}
	return b.String()
}

// StaticSummary is the one-line summary a checklist carries from its start,
// shown in the Temporal UI's workflow list.
func StaticSummary(c election.Council) string {
	return fmt.Sprintf("%s — %s, nhiệm kỳ sau bầu cử", c.Name, c.Code)
}

// StaticDetails is the markdown a checklist carries from its start: what
// the council is and its legal deadlines.
func StaticDetails(term election.Term, c election.Council, cal election.Calendar) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s** (mã %s, cấp %s", c.Name, c.Code, c.Level)
	if c.Province != "" {
		fmt.Fprintf(&b, ", tỉnh/thành %s", c.Province)
	}
	fmt.Fprintf(&b, ")\n\nNhiệm kỳ %s, %d đại biểu. Ngày bầu cử %s.\n\n", term, c.Seats, cal.ElectionDay.Vietnamese())
	fmt.Fprintf(&b, "| Hạn | Ngày | Căn cứ |\n|---|---|---|\n")
	d := cal.For(c)
	for _, dl := range []election.Deadline{d.ComplaintsSettled, d.CredentialResolution, d.FirstSession} {
		fmt.Fprintf(&b, "| %s | %s | %s |\n", dl.Description, dl.Due.Vietnamese(), dl.Citation)
	}
	return b.String()
}
