package workflows

import (
	"fmt"
	"strings"
	"time"

	"go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// Checklist is the post-election checklist of one council: it reads the
// council and its legal calendar once, runs each area as a child workflow
// (its own history and page in the Temporal UI), and keeps the progress
// record managers see: the progress query, search attributes and current
// details. Later areas plug in as more children in areas().
func Checklist(ctx workflow.Context, in checklist.Input) (checklist.Result, error) {
	var result checklist.Result
	var facts checklist.CouncilFacts
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityLoadCouncil, in).Get(ctx, &facts); err != nil {
		return result, fmt.Errorf("load council %s: %w", in.Council, err)
	}
	if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
		return result, fmt.Errorf("search attributes: %w", err)
	}

	progress := checklist.Progress{Term: facts.Term, Council: facts.Council}
	for _, a := range areas() {
		progress.Areas = append(progress.Areas, checklist.AreaProgress{
			Term: facts.Term, Council: facts.Council, Area: a, State: checklist.AreaPending})
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
	childCtx := workflow.WithChildOptions(ctx, workflow.ChildWorkflowOptions{
		WorkflowID:        checklist.AreaWorkflowID(facts.Term, facts.Council, checklist.AreaCredentials),
		ParentClosePolicy: enums.PARENT_CLOSE_POLICY_TERMINATE,
		StaticSummary:     areaTitle(checklist.AreaCredentials) + " — " + facts.Name,
	})
	credentials := workflow.ExecuteChildWorkflow(childCtx, checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: facts})
	setAreaState(&progress, checklist.AreaCredentials, checklist.AreaRunning, "starting")
	publish()

	signals := workflow.GetSignalChannel(ctx, checklist.SignalAreaProgress)
	running := 1
	var childErr error
	sel := workflow.NewSelector(ctx)
	sel.AddReceive(signals, func(c workflow.ReceiveChannel, _ bool) {
		var p checklist.AreaProgress
		c.Receive(ctx, &p)
		markArea(&progress, p)
		publish()
	})
	sel.AddFuture(credentials, func(f workflow.Future) {
		running--
		if err := f.Get(ctx, &result.Credentials); err != nil {
			childErr = fmt.Errorf("credentials area: %w", err)
			setAreaState(&progress, checklist.AreaCredentials, checklist.AreaFailed, "failed")
		} else {
			setAreaState(&progress, checklist.AreaCredentials, checklist.AreaDone, "done")
		}
		publish()
	})
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

// areas lists the checklist areas in the order they are shown.
func areas() []checklist.Area {
	return []checklist.Area{checklist.AreaCredentials}
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
