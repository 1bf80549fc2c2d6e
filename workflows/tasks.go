package workflows

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"time"

	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// reminderLeads are how long before a task's due time reminders go out.
func reminderLeads() []time.Duration { return []time.Duration{3 * 24 * time.Hour, 24 * time.Hour} }

// outcomeCheck validates the outcome of one task. It runs in the update
// validator, so it must only read workflow state.
type outcomeCheck func(ctx workflow.Context, t election.Task, raw json.RawMessage) error

// check builds the outcomeCheck of a task kind from its outcome type:
// the outcome is decoded strictly into T (unknown fields refused), then
// validated.
func check[T any](validate func(ctx workflow.Context, o T) error) outcomeCheck {
	return checkTask(func(ctx workflow.Context, _ election.Task, o T) error { return validate(ctx, o) })
}

// checkTask is check for outcomes whose rules depend on the task: an
// area that runs several cases finds the case by the task.
func checkTask[T any](validate func(ctx workflow.Context, t election.Task, o T) error) outcomeCheck {
	return func(ctx workflow.Context, t election.Task, raw json.RawMessage) error {
		var o T
		if err := election.DecodeOutcomeOf(t.Kind, raw, &o); err != nil {
			return err
		}
		return validate(ctx, t, o)
	}
}

// boardTask is one human task and what became of it.
type boardTask struct {
	task election.Task
	// completing is set when an accepted update starts closing the task, so
	// a second update for it is refused even before the first finishes.
	completing bool
	done       bool
	overdue    bool
	outcome    json.RawMessage
	// noticed counts the notices of the task sent or skipped so far
	// (lean generation): its reminders, then its escalation.
	noticed int
}

// taskBoard is the human-task machinery every area workflow shares: tasks
// opened in the Postgres inbox, completed through the complete-task update
// (its validator refusing unknown or closed tasks, wrong roles and
// malformed outcomes), reminded before and escalated at their due time.
type taskBoard struct {
	term     election.Term
	council  election.CouncilCode
	checks   map[election.TaskKind]outcomeCheck
	tasks    map[election.TaskID]*boardTask
	order    []election.TaskID
	onChange func(ctx workflow.Context)
	w        *writer
	// opened and ticks change when a task opens or a notice timer fires,
	// to wake the lean generation's one watcher.
	opened, ticks int
}

// newTaskBoard registers the complete-task update on the calling workflow.
// checks says which task kinds the workflow has and how their outcomes are
// validated; onChange runs whenever a task opens, closes or turns overdue;
// w writes to Postgres.
func newTaskBoard(ctx workflow.Context, term election.Term, council election.CouncilCode,
	checks map[election.TaskKind]outcomeCheck, onChange func(workflow.Context), w *writer) (*taskBoard, error) {
	b := &taskBoard{term: term, council: council, checks: checks,
		tasks: make(map[election.TaskID]*boardTask), onChange: onChange, w: w}
	err := workflow.SetUpdateHandlerWithOptions(ctx, checklist.UpdateCompleteTask, b.complete,
		workflow.UpdateHandlerOptions{Validator: b.validate})
	if err != nil {
		return nil, fmt.Errorf("register %s: %w", checklist.UpdateCompleteTask, err)
	}
	if w.lean {
		workflow.Go(ctx, b.watchAll)
	}
	return b, nil
}

// validate refuses a completion that must not happen, leaving no trace in
// history.
func (b *taskBoard) validate(ctx workflow.Context, req checklist.CompleteTaskRequest) error {
	t, ok := b.tasks[req.TaskID]
	switch {
	case !ok:
		return fmt.Errorf("unknown task %q", req.TaskID)
	case t.done || t.completing:
		return fmt.Errorf("task %s is already completed", req.TaskID)
	case req.Actor == "":
		return errors.New("actor is required")
	case req.Role != t.task.Role:
		return fmt.Errorf("role %q may not complete task %s: it needs role %q", req.Role, req.TaskID, t.task.Role)
	}
	check, ok := b.checks[t.task.Kind]
	if !ok {
		return fmt.Errorf("task kind %q has no outcome rules", t.task.Kind)
	}
	if len(req.Outcome) == 0 {
		return fmt.Errorf("outcome is required for a %s task", t.task.Kind)
	}
	if err := check(ctx, t.task, req.Outcome); err != nil {
		return fmt.Errorf("outcome of %s: %w", t.task.Kind, err)
	}
	return nil
}

// complete closes an accepted task: the inbox row and the audit row are
// written by an activity, then the area workflow sees the outcome.
func (b *taskBoard) complete(ctx workflow.Context, req checklist.CompleteTaskRequest) (checklist.CompleteTaskResult, error) {
	t := b.tasks[req.TaskID]
	if t == nil || t.done || t.completing {
		// Two updates passed validation before either closed the task.
		return checklist.CompleteTaskResult{}, fmt.Errorf("task %s is already completed", req.TaskID)
	}
	now := workflow.Now(ctx)
	if b.w.lean {
		return b.completeLean(ctx, req, t, now)
	}
	t.completing = true
	err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityCompleteTask, checklist.TaskCompletion{
		Task: t.task, Actor: req.Actor, Role: req.Role, Source: req.Source, Outcome: req.Outcome, At: now,
	}).Get(ctx, nil)
	if err != nil {
		t.completing = false
		return checklist.CompleteTaskResult{}, fmt.Errorf("record completion of %s: %w", req.TaskID, err)
	}
	t.done, t.completing, t.outcome = true, false, req.Outcome
	b.onChange(ctx)
	return checklist.CompleteTaskResult{TaskID: req.TaskID, CompletedAt: now}, nil
}

// completeLean closes an accepted task in the lean generation: the task
// is done at once, so the area's code runs on in this workflow task, and
// the update answers once the batch holding its inbox and audit rows is
// written.
func (b *taskBoard) completeLean(ctx workflow.Context, req checklist.CompleteTaskRequest, t *boardTask, now time.Time) (checklist.CompleteTaskResult, error) {
	t.done, t.outcome = true, req.Outcome
	b.w.pending.Completed = append(b.w.pending.Completed, checklist.TaskCompletion{
		Task: t.task, Actor: req.Actor, Role: req.Role, Source: req.Source, Outcome: req.Outcome, At: now,
	})
	batch := b.w.batch
	b.onChange(ctx)
	if err := b.w.wait(ctx, batch); err != nil {
		return checklist.CompleteTaskResult{}, fmt.Errorf("record completion of %s: %w", req.TaskID, err)
	}
	return checklist.CompleteTaskResult{TaskID: req.TaskID, CompletedAt: now}, nil
}

// open mirrors tasks into the inbox, then tracks them and starts their
// reminder and escalation timers. Opening a task already open is a no-op.
func (b *taskBoard) open(ctx workflow.Context, tasks ...election.Task) error {
	var fresh []election.Task
	for _, t := range tasks {
		if _, ok := b.tasks[t.ID]; !ok {
			t.Term, t.Council, t.State = b.term, b.council, election.TaskOpen
			fresh = append(fresh, t)
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	// The board knows the tasks before the inbox shows them, so staff who
	// see a task in the inbox can always complete it. A completion that
	// arrives before the inbox row is written just retries its activity
	// until the row is there.
	added := make([]*boardTask, len(fresh))
	for i, t := range fresh {
		added[i] = &boardTask{task: t}
		b.tasks[t.ID] = added[i]
		b.order = append(b.order, t.ID)
	}
	if b.w.lean {
		now := workflow.Now(ctx)
		for _, bt := range added {
			// Reminders already due when the task opens are too late.
			for bt.noticed < len(reminderLeads()) && !noticeAt(bt, bt.noticed).After(now) {
				bt.noticed++
			}
		}
		b.w.pending.Opened = append(b.w.pending.Opened, fresh...)
		b.opened++
		b.onChange(ctx)
		return nil
	}
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityOpenTasks, fresh).Get(ctx, nil); err != nil {
		return fmt.Errorf("open tasks: %w", err)
	}
	for _, bt := range added {
		workflow.Go(ctx, func(ctx workflow.Context) { b.watch(ctx, bt) })
	}
	b.onChange(ctx)
	return nil
}

// watch sends the reminders of an open task and escalates it when it is
// still open at its due time.
func (b *taskBoard) watch(ctx workflow.Context, t *boardTask) {
	closed := func() bool { return t.done }
	for _, lead := range reminderLeads() {
		wait := t.task.Due.Add(-lead).Sub(workflow.Now(ctx))
		if wait <= 0 {
			continue // too late for this reminder
		}
		if ok, _ := workflow.AwaitWithTimeout(ctx, wait, closed); ok {
			return
		}
		b.notify(ctx, t, election.NoticeReminder, lead)
	}
	if wait := t.task.Due.Sub(workflow.Now(ctx)); wait > 0 {
		if ok, _ := workflow.AwaitWithTimeout(ctx, wait, closed); ok {
			return
		}
	}
	if t.done {
		return
	}
	b.notify(ctx, t, election.NoticeEscalation, 0)
	t.overdue = true
	t.task.Overdue = true
	b.onChange(ctx)
}

// noticeAt is when the i-th notice of a task is due: its reminders, then
// its escalation at the due time.
func noticeAt(t *boardTask, i int) time.Time {
	if leads := reminderLeads(); i < len(leads) {
		return t.task.Due.Add(-leads[i])
	}
	return t.task.Due
}

// watchAll sends the reminders and escalations of every open task of the
// lean generation with one timer, armed for the earliest notice ahead. A
// task that closes leaves the timer running: when it fires, nothing is
// due and it is armed again, which costs one event where cancelling would
// cost one every time.
func (b *taskBoard) watchAll(ctx workflow.Context) {
	leads := reminderLeads()
	var armed time.Time
	for {
		now := workflow.Now(ctx)
		var next time.Time
		escalated := false
		for _, id := range b.order {
			t := b.tasks[id]
			for !t.done && t.noticed <= len(leads) {
				at := noticeAt(t, t.noticed)
				if at.After(now) {
					if next.IsZero() || at.Before(next) {
						next = at
					}
					break
				}
				if t.noticed < len(leads) {
					b.notify(ctx, t, election.NoticeReminder, leads[t.noticed])
				} else {
					b.notify(ctx, t, election.NoticeEscalation, 0)
					t.overdue, t.task.Overdue, escalated = true, true, true
				}
				t.noticed++
			}
		}
		if escalated {
			b.onChange(ctx)
		}
		if !next.IsZero() && (armed.IsZero() || !armed.After(now) || next.Before(armed)) {
			armed = next
			timer := workflow.NewTimer(ctx, next.Sub(now))
			workflow.Go(ctx, func(ctx workflow.Context) {
				if timer.Get(ctx, nil) == nil {
					b.ticks++
				}
			})
		}
		opened, ticks := b.opened, b.ticks
		if err := workflow.Await(ctx, func() bool { return b.opened != opened || b.ticks != ticks }); err != nil {
			return
		}
	}
}

// notify records a reminder or escalation. A failure is logged, not fatal:
// the task itself stays open and visible in the inbox.
func (b *taskBoard) notify(ctx workflow.Context, t *boardTask, kind election.NoticeKind, lead time.Duration) {
	notice := checklist.TaskNotice{Task: t.task, Kind: kind, Lead: lead, At: workflow.Now(ctx)}
	if b.w.lean {
		b.w.pending.Notices = append(b.w.pending.Notices, notice)
		return
	}
	err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityNotifyTask, notice).Get(ctx, nil)
	if err != nil {
		workflow.GetLogger(ctx).Error("task notice failed", "task", t.task.ID, "kind", kind, "error", err)
	}
}

// await blocks until every given task is done, or a write failed for good.
func (b *taskBoard) await(ctx workflow.Context, ids ...election.TaskID) error {
	err := workflow.Await(ctx, func() bool {
		if b.w.err != nil {
			return true
		}
		for _, id := range ids {
			if t := b.tasks[id]; t == nil || !t.done {
				return false
			}
		}
		return true
	})
	if err != nil {
		return err
	}
	return b.w.err
}

// outcome decodes the outcome of a done task into v.
func (b *taskBoard) outcome(id election.TaskID, v any) error {
	t := b.tasks[id]
	if t == nil || !t.done {
		return fmt.Errorf("task %s is not done", id)
	}
	return election.DecodeOutcome(t.outcome, v)
}

// counts returns the open and overdue tasks and the earliest due time of
// an open task.
func (b *taskBoard) counts() (open, overdue int, next time.Time) {
	for _, id := range b.order {
		t := b.tasks[id]
		if t.done {
			continue
		}
		open++
		if t.overdue {
			overdue++
		}
		if next.IsZero() || t.task.Due.Before(next) {
			next = t.task.Due
		}
	}
	return open, overdue, next
}

// openTasks lists the open tasks in the order they were opened.
func (b *taskBoard) openTasks() []election.Task {
	var out []election.Task
	for _, id := range b.order {
		if t := b.tasks[id]; !t.done {
			out = append(out, t.task)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Due.Before(out[j].Due) })
	return out
}

// deadlineMissed records that a legal deadline passed with these tasks
// still open: each gets a deadline-missed notice and counts as overdue.
func (b *taskBoard) deadlineMissed(ctx workflow.Context) {
	for _, id := range b.order {
		t := b.tasks[id]
		if t.done {
			continue
		}
		b.notify(ctx, t, election.NoticeDeadlineMissed, 0)
		t.overdue, t.task.Overdue = true, true
	}
	b.onChange(ctx)
}

// today is the workflow's today in Viet Nam, for validating dates staff enter.
func today(ctx workflow.Context) election.Date { return election.Today(workflow.Now(ctx)) }
