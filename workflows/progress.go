package workflows

import (
	"fmt"
	"strings"
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// areaReporter publishes an area's progress wherever people look: its own
// search attributes and current details in the Temporal UI, its progress
// query, the parent checklist (by signal) and the Postgres progress table.
type areaReporter struct {
	progress checklist.AreaProgress
	board    *taskBoard
	// counts, when set, replaces the board's task counts: an area made of
	// child cases sums theirs.
	counts func() (open, overdue int, next time.Time)
	// persist records the progress in Postgres; a per-item case reports
	// only to its area.
	persist bool
	// published is the last progress sent, to skip reports that change
	// nothing.
	published checklist.AreaProgress
	// w writes the progress in the lean generation, with the batch of the
	// workflow task that changed it: published once per workflow task.
	w *writer
}

// newAreaReporter registers the progress query of an area; in the lean
// generation its writer publishes the progress with each batch.
func newAreaReporter(ctx workflow.Context, facts checklist.CouncilFacts, area checklist.Area, w *writer) (*areaReporter, error) {
	r := &areaReporter{persist: true, w: w, progress: checklist.AreaProgress{
		Term: facts.Term, Council: facts.Council, Area: area, State: checklist.AreaRunning, Step: "starting",
	}}
	if w.lean {
		w.progress, w.published = r.change, r.announce
		// The parent started the area with its first stage: only a
		// change from there is worth a write.
		r.published = r.progress
	}
	if err := workflow.SetQueryHandler(ctx, checklist.QueryProgress, func() (checklist.AreaProgress, error) {
		return r.progress, nil
	}); err != nil {
		return nil, fmt.Errorf("register %s query: %w", checklist.QueryProgress, err)
	}
	return r, nil
}

// step moves the area to a new step and publishes.
func (r *areaReporter) step(ctx workflow.Context, step string) {
	r.progress.Step = step
	r.publish(ctx)
}

// finish marks the area done and publishes.
func (r *areaReporter) finish(ctx workflow.Context) {
	r.progress.State, r.progress.Step = checklist.AreaDone, "done"
	r.publish(ctx)
}

// close reports the area done and lets any update still being handled
// finish before the run ends, so a completion in flight is not cut off.
func (r *areaReporter) close(ctx workflow.Context) error {
	r.finish(ctx)
	if err := r.w.flush(ctx); err != nil {
		return err
	}
	return workflow.Await(ctx, func() bool { return workflow.AllHandlersFinished(ctx) })
}

// recount refreshes the task counts of the progress.
func (r *areaReporter) recount() {
	switch {
	case r.counts != nil:
		r.progress.OpenTasks, r.progress.OverdueTasks, r.progress.NextDeadline = r.counts()
	case r.board != nil:
		r.progress.OpenTasks, r.progress.OverdueTasks, r.progress.NextDeadline = r.board.counts()
	}
}

// change returns the progress, numbered, when it changed since last
// published (lean generation); with take it counts it as published, as
// the writer does when it writes it with the batch it flushes.
func (r *areaReporter) change(take bool) (checklist.AreaProgress, bool) {
	r.recount()
	p := r.progress
	p.Seq = r.published.Seq
	if p == r.published {
		return p, false
	}
	p.Seq++
	if take {
		r.progress.Seq = p.Seq
		r.published = p
	}
	return p, true
}

// announce shows progress once written (lean generation): the area's
// search attributes and current details, once per workflow task. The
// parent hears nothing: it sees its areas start and finish, and each area
// carries its own step, tasks and deadline where managers look.
func (r *areaReporter) announce(ctx workflow.Context, p checklist.AreaProgress) {
	upsertProgressAttributes(ctx, string(p.Area)+"/"+p.Step, p.OpenTasks, p.OverdueTasks, p.NextDeadline)
	workflow.SetCurrentDetails(ctx, areaDetails(p))
}

// publish recomputes the task counts and reports the progress if it
// changed. In the lean generation the writer does it once per workflow
// task, so publish has nothing to do.
func (r *areaReporter) publish(ctx workflow.Context) {
	if r.w.lean {
		return
	}
	r.recount()
	p := r.progress
	p.Seq = r.published.Seq
	if p == r.published {
		return
	}
	r.progress.Seq = r.published.Seq + 1
	p = r.progress
	r.published = p

	upsertProgressAttributes(ctx, string(p.Area)+"/"+p.Step, p.OpenTasks, p.OverdueTasks, p.NextDeadline)
	workflow.SetCurrentDetails(ctx, areaDetails(p))
	if parent := workflow.GetInfo(ctx).ParentWorkflowExecution; parent != nil {
		err := workflow.SignalExternalWorkflow(ctx, parent.ID, "", checklist.SignalAreaProgress, p).Get(ctx, nil)
		if err != nil {
			workflow.GetLogger(ctx).Warn("progress not sent to the checklist", "error", err)
		}
	}
	if !r.persist {
		return
	}
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordProgress, p).Get(ctx, nil); err != nil {
		workflow.GetLogger(ctx).Error("progress not recorded", "error", err)
	}
}

// upsertProgressAttributes sets the moving search attributes of a
// checklist or area workflow.
func upsertProgressAttributes(ctx workflow.Context, stage string, open, overdue int, next time.Time) {
	updates := []temporal.SearchAttributeUpdate{
		AttrStage.ValueSet(stage),
		AttrOpenTasks.ValueSet(int64(open)),
		AttrOverdueTasks.ValueSet(int64(overdue)),
	}
	if next.IsZero() {
		updates = append(updates, AttrNextDeadline.ValueUnset())
	} else {
		updates = append(updates, AttrNextDeadline.ValueSet(next))
	}
	if err := workflow.UpsertTypedSearchAttributes(ctx, updates...); err != nil {
		workflow.GetLogger(ctx).Error("search attributes not updated", "error", err)
	}
}

// identityAttributes are the search attributes that never change: they
// are also set by the starter, and upserted again in case a run was started
// by other means.
func identityAttributes(facts checklist.CouncilFacts) []temporal.SearchAttributeUpdate {
	return []temporal.SearchAttributeUpdate{
		AttrTerm.ValueSet(string(facts.Term)),
		AttrLevel.ValueSet(string(facts.Level)),
		AttrProvince.ValueSet(string(facts.Province)),
		AttrCouncil.ValueSet(string(facts.Council)),
	}
}

// areaTitle is the Vietnamese name of the areas, for the UI.
func areaTitle(a checklist.Area) string {
	switch a {
	case checklist.AreaCredentials:
		return "Xác nhận tư cách và cấp giấy chứng nhận"
	case checklist.AreaFirstSession:
		return "Kỳ họp thứ nhất"
	case checklist.AreaCommendations:
		return "Khen thưởng tổng kết công tác bầu cử"
	case checklist.AreaCadres:
		return "Chế độ cho cán bộ không đủ tuổi tái cử"
	}
	return string(a)
}

// stepTitle says in Vietnamese what an area is waiting for; each area
// names its own steps beside its code.
func stepTitle(step string) string {
	for _, titles := range []map[string]string{commonSteps(), credentialsSteps(), firstSessionSteps(), commendationsSteps(), cadresSteps()} {
		if t, ok := titles[step]; ok {
			return t
		}
	}
	return step
}

// commonSteps are the steps every area goes through.
func commonSteps() map[string]string {
	return map[string]string{
		"starting": "đang khởi động",
		"done":     "đã hoàn thành",
		"":         "đang thực hiện", // lean checklist: the step is on the area's workflow
	}
}

// areaDetails writes an area's progress as the markdown the Temporal UI
// shows as current details.
func areaDetails(p checklist.AreaProgress) string {
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**: %s\n\n", areaTitle(p.Area), stepTitle(p.Step))
	fmt.Fprintf(&b, "- Nhiệm vụ đang mở: %d (quá hạn: %d)\n", p.OpenTasks, p.OverdueTasks)
	if !p.NextDeadline.IsZero() {
		fmt.Fprintf(&b, "- Hạn gần nhất: %s\n", p.NextDeadline.In(election.OfficeZone()).Format("15:04 02/01/2006"))
	}
	return b.String()
}
