package workflows

import (
	"encoding/json"
	"fmt"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
)

// writer is how an area's workflow code reaches Postgres.
//
// The first generation (v1) runs one activity per write and waits for it:
// every write costs a round trip through the task queue and about four
// history events. The lean generation batches every write of a workflow
// task (tasks opened and completed, audit rows, the area's records,
// notices, the progress row) into one ApplyWrites local activity, flushed
// once the workflow code has nothing left to do in that task. A
// completion's update waits for the batch that holds it, so it answers
// only once its audit row is committed, in the workflow task that accepted
// it.
type writer struct {
	lean    bool
	pending checklist.Writes
	// batch numbers the batch being filled; flushed is the last one
	// written.
	batch, flushed int
	// err is a write that failed for good (after the retry policy): the
	// area fails with it.
	err error
	// progress, when set, returns the area's progress if it changed since
	// last written.
	progress func(take bool) (checklist.AreaProgress, bool)
	// published is told of progress once it is written.
	published func(ctx workflow.Context, p checklist.AreaProgress)
}

// newWriter returns an area's writer; start starts flushing.
func newWriter(lean bool) *writer {
	return &writer{lean: lean, batch: 1}
}

// start starts the lean generation's coroutine that flushes batches. It is
// started once the area's handlers are registered: registering the update
// handler yields, and a flush then would write a batch of its own.
func (w *writer) start(ctx workflow.Context) {
	if w.lean {
		workflow.Go(ctx, w.run)
	}
}

// run flushes a batch whenever there is something to write. The workflow's
// main coroutine runs before this one in every pass of the workflow task
// (it was created first; update handlers run before both), so what it
// writes after a completion joins the completion's batch.
func (w *writer) run(ctx workflow.Context) {
	for {
		if err := workflow.Await(ctx, w.due); err != nil {
			return
		}
		w.flushBatch(ctx)
	}
}

// due says whether a batch waits to be flushed.
func (w *writer) due() bool {
	if w.err != nil {
		return false
	}
	if !w.pending.Empty() {
		return true
	}
	_, changed := w.progressChange(false)
	return changed
}

// progressChange asks the area whether its progress changed; with take,
// the change counts as published.
func (w *writer) progressChange(take bool) (checklist.AreaProgress, bool) {
	if w.progress == nil {
		return checklist.AreaProgress{}, false
	}
	return w.progress(take)
}

// flushBatch writes the pending batch, with the progress if it changed,
// and then publishes that progress.
func (w *writer) flushBatch(ctx workflow.Context) {
	b := w.pending
	w.pending = checklist.Writes{}
	n := w.batch
	w.batch++
	p, changed := w.progressChange(true)
	if changed {
		b.Progress = &p
	}
	if !b.Empty() {
		if err := workflow.ExecuteLocalActivity(withLocalDB(ctx), checklist.ActivityApplyWrites, b).Get(ctx, nil); err != nil {
			w.err = fmt.Errorf("write to the database: %w", err)
			return
		}
	}
	w.flushed = n
	if changed && w.published != nil {
		w.published(ctx, p)
	}
}

// flush waits until everything written so far, a change of progress
// included, is in Postgres, as an area must before it ends.
func (w *writer) flush(ctx workflow.Context) error { return w.flushUntil(ctx, w.due()) }

// flushWrites waits until the writes made so far are in Postgres, as the
// lean generation must before it calls an activity that reads them; a
// change of progress alone waits for the next batch.
func (w *writer) flushWrites(ctx workflow.Context) error {
	return w.flushUntil(ctx, !w.pending.Empty())
}

// flushUntil waits for the batches already taken (perhaps still being
// written) and, when pending, for the one being filled.
func (w *writer) flushUntil(ctx workflow.Context, pending bool) error {
	if !w.lean {
		return nil
	}
	last := w.batch - 1
	if pending {
		last = w.batch
	}
	return w.wait(ctx, last)
}

// wait blocks until batch n is written, or a write failed for good.
func (w *writer) wait(ctx workflow.Context, n int) error {
	if err := workflow.Await(ctx, func() bool { return w.flushed >= n || w.err != nil }); err != nil {
		return err
	}
	return w.err
}

// record writes one of the area's records: in the lean generation with the
// batch, in v1 by its own activity.
func (w *writer) record(ctx workflow.Context, activity string, in any) error {
	if !w.lean {
		return workflow.ExecuteActivity(withDBActivity(ctx), activity, in).Get(ctx, nil)
	}
	raw, err := json.Marshal(in)
	if err != nil {
		return fmt.Errorf("encode %s: %w", activity, err)
	}
	w.pending.Records = append(w.pending.Records, checklist.Record{Activity: activity, Input: raw})
	return nil
}

// read runs an activity that reads (or computes and saves) what the
// workflow needs next: a local activity in the lean generation, once the
// writes before it are in.
func (w *writer) read(ctx workflow.Context, activity string, in, out any) error {
	if !w.lean {
		return workflow.ExecuteActivity(withDBActivity(ctx), activity, in).Get(ctx, out)
	}
	if err := w.flushWrites(ctx); err != nil {
		return err
	}
	return workflow.ExecuteLocalActivity(withLocalDB(ctx), activity, in).Get(ctx, out)
}

// call runs a long activity (certificates for a whole council) once the
// writes before it are in.
func (w *writer) call(ctx workflow.Context, activity string, in, out any) error {
	if err := w.flushWrites(ctx); err != nil {
		return err
	}
	return workflow.ExecuteActivity(withBatchActivity(ctx), activity, in).Get(ctx, out)
}
