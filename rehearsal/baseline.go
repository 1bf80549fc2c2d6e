package rehearsal

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
)

// Names of the bare baseline's workflow, update, activity and signal, on a
// task queue of each rehearsal's own, served by a worker in the rehearsing
// process.
const (
	bareWorkflowName = "electionflow.RehearsalBare"
	bareUpdateName   = "bare"
	bareActivityName = "electionflow.RehearsalNoop"
	bareStopSignal   = "stop"
	// bareUpdatesPerRun bounds one bare run's history (about 10 events
	// an update with an activity); a sender then starts the next run.
	bareUpdatesPerRun = 1000
)

// bareInput says what the update handler of a bare run does.
type bareInput struct {
	// Local runs a local activity instead of an activity.
	Local bool
}

// bareWorkflow waits for updates, each of which runs one activity (or
// local activity) that does nothing, until it is told to stop.
func bareWorkflow(ctx workflow.Context, in bareInput) error {
	err := workflow.SetUpdateHandler(ctx, bareUpdateName, func(ctx workflow.Context, n int) (int, error) {
		var f workflow.Future
		if in.Local {
			ctx = workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{StartToCloseTimeout: 30 * time.Second})
			f = workflow.ExecuteLocalActivity(ctx, bareNoop, n)
		} else {
			ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 30 * time.Second})
			f = workflow.ExecuteActivity(ctx, bareActivityName, n)
		}
		var out int
		err := f.Get(ctx, &out)
		return out, err
	})
	if err != nil {
		return err
	}
	stop := false
	workflow.Go(ctx, func(ctx workflow.Context) {
		workflow.GetSignalChannel(ctx, bareStopSignal).Receive(ctx, nil)
		stop = true
	})
	return workflow.Await(ctx, func() bool { return stop && workflow.AllHandlersFinished(ctx) })
}

// bareNoop is the activity that does nothing.
func bareNoop(_ context.Context, n int) (int, error) { return n, nil }

// startBareWorker runs the baseline's worker on queue until the returned
// function is called.
func startBareWorker(c client.Client, queue string) (func(), error) {
	w := worker.New(c, queue, worker.Options{})
	w.RegisterWorkflowWithOptions(bareWorkflow, workflow.RegisterOptions{Name: bareWorkflowName})
	w.RegisterActivityWithOptions(bareNoop, activity.RegisterOptions{Name: bareActivityName})
	if err := w.Start(); err != nil {
		return nil, fmt.Errorf("rehearsal: start the baseline worker: %w", err)
	}
	return w.Stop, nil
}

// bareResult is what one bare baseline measured.
type bareResult struct {
	updates    int
	elapsed    time.Duration
	roundTrips []time.Duration
}

// runBare runs senders concurrent senders for d, each sending updates one
// after another to a bare run of its own, and measures them. Workflow IDs
// start with prefix.
func runBare(ctx context.Context, c client.Client, queue, prefix string, local bool, senders int, d time.Duration) (bareResult, error) {
	var (
		mu  sync.Mutex
		res bareResult
		wg  sync.WaitGroup
	)
	errs := make([]error, senders)
	start := time.Now()
	until := start.Add(d)
	for i := range senders {
		wg.Go(func() {
			errs[i] = sendBare(ctx, c, queue, fmt.Sprintf("%s/%d", prefix, i), local, until, func(took time.Duration) {
				mu.Lock()
				defer mu.Unlock()
				res.updates++
				res.roundTrips = append(res.roundTrips, took)
			})
		})
	}
	wg.Wait()
	res.elapsed = time.Since(start)
	return res, errors.Join(errs...)
}

// sendBare is one sender of a bare baseline: it starts a run, sends it
// updates until the time is up (starting a new run every
// bareUpdatesPerRun updates) and stops its runs.
func sendBare(ctx context.Context, c client.Client, queue, prefix string, local bool, until time.Time, record func(time.Duration)) error {
	for gen := 0; ; gen++ {
		id := fmt.Sprintf("%s/%d", prefix, gen)
		run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
			ID: id, TaskQueue: queue,
			// A safety net should this process die: a bare run never
			// outlives its baseline by much.
			WorkflowExecutionTimeout: time.Until(until) + 10*time.Minute,
		}, bareWorkflowName, bareInput{Local: local})
		if err != nil {
			return fmt.Errorf("rehearsal: start bare run %s: %w", id, err)
		}
		full := false
		for n := 0; n < bareUpdatesPerRun; n++ {
			if ctx.Err() != nil || time.Now().After(until) {
				break
			}
			sent := time.Now()
			h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
				WorkflowID: id, RunID: run.GetRunID(), UpdateName: bareUpdateName, Args: []any{n},
				WaitForStage: client.WorkflowUpdateStageCompleted,
			})
			if err == nil {
				err = h.Get(ctx, nil)
			}
			if err != nil {
				if ctx.Err() != nil {
					break
				}
				stopBare(c, id, run.GetRunID())
				return fmt.Errorf("rehearsal: bare update to %s: %w", id, err)
			}
			record(time.Since(sent))
			full = n == bareUpdatesPerRun-1
		}
		stopBare(c, id, run.GetRunID())
		if !full {
			return nil
		}
	}
}

// stopBare tells a bare run to finish; it does not wait for it.
func stopBare(c client.Client, id, runID string) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	// A run that cannot be told stops at its execution timeout.
	_ = c.SignalWorkflow(ctx, id, runID, bareStopSignal, nil)
}
