// Package simstaff plays the staff of every council (cán bộ giả lập): it
// completes open tasks through the same client path as people do
// (ops.CompleteTask), filling in each task kind's outcome as its outcome
// form says (election.OutcomeForms), with data read from the database, for
// demos, rehearsals and tests.
package simstaff

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// Options say how simulated staff work.
type Options struct {
	Term     election.Term
	Province election.ProvinceCode // empty: every province
	// UpheldShare is the share of complaints the committee upholds (0..1).
	UpheldShare float64
	// Pace is the pause after each completed task, so a demo shows
	// progress moving; zero works flat out.
	Pace time.Duration
	// Idle is how long to wait, once no checklist in scope moves (no task
	// opened, no progress reported), before stopping; zero means 10 s.
	Idle time.Duration
	// MaxTasks stops after that many tasks; zero means no limit.
	MaxTasks int
	// Workers is how many staff work at once, for rehearsals of a whole
	// election; zero means one.
	Workers int
	// Seed makes the outcomes repeatable: each task's outcome depends on
	// the seed and the task alone, not on the order tasks are done in.
	Seed uint64
	// Now gives today's date for outcomes; nil means time.Now.
	Now func() time.Time
	// Clock tells the time the Idle window is measured by; nil means
	// time.Now.
	Clock func() time.Time
	// RoundTrip, if not nil, is told how long each completion took as
	// staff see it, from sending it to its answer (accepted, refused or
	// failed), one call at a time; a rehearsal measures latency with it.
	RoundTrip func(t store.InboxTask, took time.Duration, err error)
}

// Report counts what simulated staff did.
type Report struct {
	Completed int
	Refused   int
	ByKind    map[election.TaskKind]int
}

// Simulate completes open tasks as staff would, through CompleteTask, with
// realistic outcomes, until the checklists in scope have not moved for
// opts.Idle, MaxTasks are done or ctx ends. Moving counts any progress
// the workflows report, not only new tasks, so a slow step between two
// tasks (certificates being written, a busy worker) does not end it early.
// each, if not nil, is told of every task done or refused, one call at a
// time.
func Simulate(ctx context.Context, o *ops.Ops, opts Options, each func(t store.InboxTask, err error)) (Report, error) {
	if opts.UpheldShare < 0 || opts.UpheldShare > 1 {
		return Report{}, fmt.Errorf("upheld share %v: want 0..1", opts.UpheldShare)
	}
	if opts.Workers < 0 {
		return Report{}, fmt.Errorf("%d workers: want 1 or more", opts.Workers)
	}
	if opts.Idle <= 0 {
		opts.Idle = 10 * time.Second
	}
	if opts.Workers == 0 {
		opts.Workers = 1
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Clock == nil {
		opts.Clock = time.Now
	}
	sim := &simulation{o: o, opts: opts, each: each, report: Report{ByKind: map[election.TaskKind]int{}},
		refused: map[election.TaskID]bool{}}
	lastWork := opts.Clock()
	var lastSeen time.Time // the store's last activity, as last read
	for {
		if ctx.Err() != nil {
			return sim.report, nil
		}
		tasks, err := o.Store.ListTasks(ctx, store.TaskFilter{Term: opts.Term, Province: opts.Province, Limit: 500})
		if err != nil {
			return sim.report, err
		}
		worked, err := sim.round(ctx, tasks)
		if err != nil || sim.full() {
			return sim.report, err
		}
		if worked {
			lastWork = opts.Clock()
			continue
		}
		now := opts.Clock()
		// Compared for change only, so the database's clock need not
		// agree with ours.
		moved, err := o.Store.LastActivity(ctx, opts.Term, opts.Province)
		if err != nil && ctx.Err() != nil {
			return sim.report, nil
		} else if err != nil {
			return sim.report, err
		}
		if !moved.Equal(lastSeen) {
			lastSeen, lastWork = moved, now
		}
		if now.Sub(lastWork) >= opts.Idle {
			return sim.report, nil
		}
		select {
		case <-ctx.Done():
			return sim.report, nil
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// simulation is one run of simulated staff: what they have done so far.
type simulation struct {
	o    *ops.Ops
	opts Options
	each func(store.InboxTask, error)

	mu     sync.Mutex
	report Report
	// refused remembers tasks the workflow refused, so they are not tried
	// in a loop; a person would look at them.
	refused map[election.TaskID]bool
}

// full says whether MaxTasks are done.
func (s *simulation) full() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.MaxTasks > 0 && s.report.Completed >= s.opts.MaxTasks
}

// round completes the listed tasks not refused before, opts.Workers at a
// time, and says whether any was completed. An error other than a refusal
// stops the round and is returned (none when ctx ended).
func (s *simulation) round(ctx context.Context, tasks []store.InboxTask) (bool, error) {
	s.mu.Lock()
	todo := slices.DeleteFunc(slices.Clone(tasks), func(t store.InboxTask) bool { return s.refused[t.ID] })
	if s.opts.MaxTasks > 0 {
		todo = todo[:min(len(todo), s.opts.MaxTasks-s.report.Completed)]
	}
	s.mu.Unlock()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan store.InboxTask)
	var wg sync.WaitGroup
	worked := false
	for range min(s.opts.Workers, len(todo)) {
		wg.Go(func() {
			for t := range next {
				done, err := s.complete(ctx, t)
				if err != nil {
					cancel(err)
					return
				}
				if done {
					s.mu.Lock()
					worked = true
					s.mu.Unlock()
				}
				if s.opts.Pace > 0 {
					select {
					case <-ctx.Done():
						return
					case <-time.After(s.opts.Pace):
					}
				}
			}
		})
	}
feed:
	for _, t := range todo {
		select {
		case next <- t:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return worked, err
	}
	return worked, nil
}

// complete does one task; true when the workflow accepted it. A refusal
// is counted and remembered, not returned.
func (s *simulation) complete(ctx context.Context, t store.InboxTask) (bool, error) {
	f := filler{store: s.o.Store, task: t.Task, rng: taskRand(s.opts.Seed, t.ID), upheldShare: s.opts.UpheldShare,
		today: election.Today(s.opts.Now())}
	outcome, err := f.outcome(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return false, nil
		}
		return false, err
	}
	sent := time.Now()
	_, err = s.o.CompleteTask(ctx, checklist.CompleteTaskRequest{
		TaskID: t.ID, Actor: "sim-" + string(t.Role), Role: t.Role, Source: "simulated-staff", Outcome: outcome,
	})
	took := time.Since(sent)
	var refusal *ops.RefusedError
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.RoundTrip != nil && (err == nil || ctx.Err() == nil) {
		s.opts.RoundTrip(t, took, err)
	}
	switch {
	case errors.As(err, &refusal):
		s.refused[t.ID] = true
		s.report.Refused++
	case err != nil && ctx.Err() != nil:
		return false, nil
	case err != nil:
		return false, err
	default:
		s.report.Completed++
		s.report.ByKind[t.Kind]++
	}
	if s.each != nil {
		s.each(t, err)
	}
	return err == nil, nil
}
