package workflows

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"go.temporal.io/api/enums/v1"
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

// Checklist is the post-election checklist of one council: it reads the
// council and its legal calendar once, runs each area as a child workflow
// (its own history and page in the Temporal UI), passes the credential
// resolution on to the first session, and keeps the progress record
// managers see: the progress query, search attributes and current details.
func Checklist(ctx workflow.Context, in checklist.Input) (checklist.Result, error) {
	var result checklist.Result
	var facts checklist.CouncilFacts
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityLoadCouncil, in).Get(ctx, &facts); err != nil {
		return result, fmt.Errorf("load council %s: %w", in.Council, err)
	}
	if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
		return result, fmt.Errorf("search attributes: %w", err)
	}
	children := areaChildren(facts, &result, workflow.GetVersion(ctx, versionAllAreas, workflow.DefaultVersion, 1))

	progress := checklist.Progress{Term: facts.Term, Council: facts.Council}
	for _, c := range children {
		progress.Areas = append(progress.Areas, checklist.AreaProgress{
			Term: facts.Term, Council: facts.Council, Area: c.area, State: checklist.AreaPending})
	}
	if err := workflow.SetQueryHandler(ctx, checklist.QueryProgress, func() (checklist.Progress, error) {
		return progress, nil
	}); err != nil {
		return result, fmt.Errorf("register %s query: %w", checklist.QueryProgress, err)
	}
	publish := func() {
		summarize(&progress)
		upsertProgressAttributes(ctx, progress.Stage, progress.OpenTasks, progress.OverdueTasks, progress.NextDeadline)
		workflow.SetCurrentDetails(ctx, checklistDetails(facts, progress))
	}
	publish()

	// Start every area; each reports its progress by signal.
	for i := range children {
		c := &children[i]
		childCtx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
			WorkflowID:        checklist.AreaWorkflowID(facts.Term, facts.Council, c.area),
			ParentClosePolicy: enums.PARENT_CLOSE_POLICY_TERMINATE,
			StaticSummary:     areaTitle(c.area) + " — " + facts.Name,
		})
		c.future = workflow.ExecuteChildWorkflow(childCtx, c.workflow, c.input)
		setAreaState(&progress, c.area, checklist.AreaRunning, "starting")
		publish()
	}

	signals := workflow.GetSignalChannel(ctx, checklist.SignalAreaProgress)
	adoptions := workflow.GetSignalChannel(ctx, checklist.SignalCredentialsAdopted)
	running := len(children)
	var childErr error
	sel := workflow.NewSelector(ctx)
	sel.AddReceive(signals, func(c workflow.ReceiveChannel, _ bool) {
		var p checklist.AreaProgress
		c.Receive(ctx, &p)
		markArea(&progress, p)
		publish()
	})
	sel.AddReceive(adoptions, func(c workflow.ReceiveChannel, _ bool) {
		var a checklist.CredentialsAdoption
		c.Receive(ctx, &a)
		forwardAdoption(ctx, children, a)
	})
	for i := range children {
		c := &children[i]
		sel.AddFuture(c.future, func(f workflow.Future) {
			running--
			if err := f.Get(ctx, c.result); err != nil {
				childErr = errors.Join(childErr, fmt.Errorf("%s area: %w", c.area, err))
				setAreaState(&progress, c.area, checklist.AreaFailed, "failed")
			} else {
				setAreaState(&progress, c.area, checklist.AreaDone, "done")
			}
			publish()
		})
	}
	for running > 0 {
		sel.Select(ctx)
	}
	// Progress signals sent just before a child finished are stale now.
	for {
		var p checklist.AreaProgress
		if !signals.ReceiveAsync(&p) {
			break
		}
	}
	if childErr != nil {
		return result, childErr
	}
	return result, nil
}

// areaChildren lists the areas a checklist of this version runs, in the
// order they are shown.
func areaChildren(facts checklist.CouncilFacts, result *checklist.Result, version workflow.Version) []areaChild {
	children := []areaChild{{area: checklist.AreaCredentials, workflow: checklist.WorkflowCredentials,
		input: checklist.CredentialsInput{Facts: facts}, result: &result.Credentials}}
	if version == workflow.DefaultVersion {
		return children
	}
	result.FirstSession = &checklist.FirstSessionResult{}
	result.Commendations = &checklist.CommendationsResult{}
	result.Cadres = &checklist.CadresResult{}
	children = append(children,
		areaChild{area: checklist.AreaFirstSession, workflow: checklist.WorkflowFirstSession,
			input: checklist.FirstSessionInput{Facts: facts}, result: result.FirstSession},
		areaChild{area: checklist.AreaCommendations, workflow: checklist.WorkflowCommendations,
			input: checklist.CommendationsInput{Facts: facts}, result: result.Commendations},
		areaChild{area: checklist.AreaCadres, workflow: checklist.WorkflowCadres,
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

// summarize derives the checklist's stage and totals from its areas: the
// stage is the first area not done, with its step.
func summarize(p *checklist.Progress) {
	p.OpenTasks, p.OverdueTasks, p.NextDeadline = 0, 0, time.Time{}
	p.Stage = "done"
	for _, a := range p.Areas {
		p.OpenTasks += a.OpenTasks
		p.OverdueTasks += a.OverdueTasks
		if !a.NextDeadline.IsZero() && (p.NextDeadline.IsZero() || a.NextDeadline.Before(p.NextDeadline)) {
			p.NextDeadline = a.NextDeadline
		}
		if p.Stage == "done" && a.State != checklist.AreaDone {
			p.Stage = string(a.Area) + "/" + a.Step
			if a.State == checklist.AreaPending {
				p.Stage = string(a.Area) + "/pending"
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
	fmt.Fprintf(&b, "| %s | %s | %s |\n", "Giải quyết khiếu nại", cal.Due(election.DeadlineComplaintsSettled).Vietnamese(), cal.Deadlines[election.DeadlineComplaintsSettled].Citation)
	fmt.Fprintf(&b, "| %s | %s | %s |\n", "Nghị quyết xác nhận tư cách", cal.Due(election.DeadlineCredentialResolution).Vietnamese(), cal.Deadlines[election.DeadlineCredentialResolution].Citation)
	first := election.DeadlineFirstSession
	if c.Level == election.LevelNational {
		first = election.DeadlineFirstSessionNational
	}
	fmt.Fprintf(&b, "| %s | %s | %s |\n", "Kỳ họp thứ nhất", cal.FirstSessionDue(c).Vietnamese(), cal.Deadlines[first].Citation)
	return b.String()
}
