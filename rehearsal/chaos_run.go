package rehearsal

import (
	"context"
	"fmt"
	"strings"
	"time"

	"electionflow/election"
)

// chaosRetryPause is how long simulated staff wait, in a chaos
// rehearsal, before reading their inbox again after an error.
const chaosRetryPause = 500 * time.Millisecond

// startFaults prints the plan and injects its faults on a goroutine until
// every one is done or ctx ends; the function returned waits for it, so
// no fault is left half done (a restart under way finishes) when the
// rehearsal goes on to read the end state.
func (r *run) startFaults(ctx context.Context) func() {
	plan := r.opts.Chaos.Plan.Schedule()
	steps := make([]string, len(plan))
	for i, p := range plan {
		steps[i] = fmt.Sprintf("%v, %s", p.Gap, p.Kind)
	}
	r.logf("\nchaos plan (seed %d; each pause from the recovery of the fault before): %s",
		r.opts.Chaos.Plan.Seed, strings.Join(steps, "; "))
	done := make(chan struct{})
	go func() {
		defer close(done)
		r.injectFaults(ctx, plan)
	}()
	return func() { <-done }
}

// injectFaults does the faults of plan one after another, each after its
// pause, from the recovery of the one before.
func (r *run) injectFaults(ctx context.Context, plan []PlannedFault) {
	var prev time.Time
	for _, p := range plan {
		if !prev.IsZero() && !r.waitRecovered(ctx, prev) {
			return
		}
		select {
		case <-ctx.Done():
			return
		case <-time.After(p.Gap):
		}
		start := time.Now()
		r.mu.Lock()
		at := seconds(start.Sub(r.started))
		r.chaos.fig.Faults = append(r.chaos.fig.Faults, FaultFigure{Kind: p.Kind, AtS: at, start: start})
		i := len(r.chaos.fig.Faults) - 1
		r.mu.Unlock()
		// Not cancelled with the run: a restart under way must finish.
		target, err := inject(context.WithoutCancel(ctx), r.opts.Chaos.Injector, p.Kind)
		down := time.Since(start)
		r.mu.Lock()
		f := &r.chaos.fig.Faults[i]
		f.Target, f.DownS = target, seconds(down)
		if err != nil {
			f.Error = err.Error()
		}
		r.mu.Unlock()
		if err != nil {
			r.logf("\nchaos: %s at %.1f s failed: %v", p.Kind, at, err)
			return
		}
		r.logf("\nchaos: %s of %s at %.1f s; serving again after %.1f s", p.Kind, target, at, down.Seconds())
		prev = start
	}
}

// waitRecovered waits until a completion sent after since is accepted;
// false when ctx ended first.
func (r *run) waitRecovered(ctx context.Context, since time.Time) bool {
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		r.mu.Lock()
		ok := r.chaos.recoveredSince(since)
		r.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-tick.C:
		}
	}
}

// staffFailedInChaos notes the error simulated staff stopped with and
// lets them carry on after a pause, as people would, unless no completion
// has been accepted for opts.Idle: then the rehearsal has stalled.
func (r *run) staffFailedInChaos(ctx context.Context, err error) error {
	r.mu.Lock()
	r.chaos.staffStopped(err)
	last := r.chaos.lastAccepted
	if last.IsZero() {
		last = r.started
	}
	// Said once per outage, not twice a second.
	quiet := last.Before(r.chaos.lastLogged)
	r.chaos.lastLogged = time.Now()
	r.mu.Unlock()
	if time.Since(last) > r.opts.Idle {
		return fmt.Errorf("rehearsal: no completion accepted for %v despite retries, the last error: %w", r.opts.Idle, err)
	}
	if !quiet {
		r.logf("\nsimulated staff: %v; trying again every %v", err, chaosRetryPause)
	}
	select {
	case <-ctx.Done():
	case <-time.After(chaosRetryPause):
	}
	return nil
}

// settleChaos closes the ledger once staff have stopped: failed tasks
// that were never retried are looked up in the inbox (done means their
// failed attempt had gone through), then stalls, idle time, time lost,
// and the problems that fail the run.
func (r *run) settleChaos(ctx context.Context) {
	r.mu.Lock()
	ids := r.chaos.unresolved()
	end := r.doneAt
	r.mu.Unlock()
	if end.IsZero() {
		end = time.Now()
	}
	for _, id := range ids {
		t, err := r.o.Store.Task(ctx, id)
		if err == nil && t.State == election.TaskDone {
			r.mu.Lock()
			r.chaos.foundDone(id)
			r.mu.Unlock()
		}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.chaos.finish(end)
	fig := r.chaos.fig
	fig.Faults = append([]FaultFigure(nil), fig.Faults...)
	r.fig.Chaos = &fig
	r.fig.Problems = append(r.fig.Problems, r.chaos.problems()...)
}
