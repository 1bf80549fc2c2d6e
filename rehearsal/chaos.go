package rehearsal

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// Chaos turns a rehearsal into a chaos rehearsal: while simulated staff
// work, Injector does the faults of Plan, one after another, each at a
// random moment (seeded) once the one before has recovered, and the run
// accounts for every error staff saw and every retry (see ChaosFigures).
// The end-state checks are the same as a plain rehearsal's, so a lost or
// duplicated record fails the run.
type Chaos struct {
	Plan     ChaosPlan
	Injector Injector
}

// Injector does faults to processes a chaos rehearsal owns (see Stack).
// Each call returns once the faulted part serves again, or with the
// error that kept it from coming back.
type Injector interface {
	// KillWorker sends SIGKILL to one worker process and starts another
	// in its place; it returns which one it killed.
	KillWorker(ctx context.Context) (string, error)
	// RestartPostgres takes electionflow's database away at once
	// (immediate shutdown) and starts it again.
	RestartPostgres(ctx context.Context) error
	// RestartTemporal kills the Temporal server and starts it again on
	// the same database and port.
	RestartTemporal(ctx context.Context) error
}

// FaultKind names a fault.
type FaultKind string

// The faults a chaos rehearsal injects.
const (
	FaultWorkerKill      FaultKind = "worker SIGKILL"
	FaultPostgresRestart FaultKind = "Postgres restart"
	FaultTemporalRestart FaultKind = "Temporal restart"
)

// ChaosPlan says which faults to inject and how they are spaced.
type ChaosPlan struct {
	// Seed orders the faults and draws the pauses; the same seed gives
	// the same plan.
	Seed int64
	// WorkerKills, PostgresRestarts and TemporalRestarts count the faults
	// of each kind. All zero is the control run: the same processes, no
	// fault, to compare a chaos run's end to end with.
	WorkerKills, PostgresRestarts, TemporalRestarts int
	// MinGap and MaxGap bound the pause before each fault, drawn
	// uniformly: before the first, from the moment staff start; before
	// the others, from the moment the previous fault has recovered (a
	// completion sent after it was accepted), so each fault is measured
	// on its own.
	MinGap, MaxGap time.Duration
}

// Defaults of a chaos plan, as the issue asks for a full chaos rehearsal.
const (
	DefaultWorkerKills      = 5
	DefaultPostgresRestarts = 1
	DefaultTemporalRestarts = 1
	DefaultChaosMinGap      = 2 * time.Second
	DefaultChaosMaxGap      = 6 * time.Second
)

// DefaultChaosPlan is the plan of `starter rehearse --chaos` without
// flags, seeded from the clock (the seed is printed, to run it again).
func DefaultChaosPlan(now time.Time) ChaosPlan {
	return ChaosPlan{Seed: now.UnixNano() % 1_000_000, WorkerKills: DefaultWorkerKills, PostgresRestarts: DefaultPostgresRestarts,
		TemporalRestarts: DefaultTemporalRestarts, MinGap: DefaultChaosMinGap, MaxGap: DefaultChaosMaxGap}
}

// Validate reports the first problem of the plan, wrapping ErrOptions.
func (p ChaosPlan) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrOptions, fmt.Sprintf(format, args...))
	}
	switch {
	case p.WorkerKills < 0 || p.PostgresRestarts < 0 || p.TemporalRestarts < 0:
		return bad("fault counts %d/%d/%d: want 0 or more of each", p.WorkerKills, p.PostgresRestarts, p.TemporalRestarts)
	case p.MinGap < 0 || p.MaxGap < p.MinGap:
		return bad("gap between faults %v..%v: want 0 ≤ min ≤ max", p.MinGap, p.MaxGap)
	}
	return nil
}

// PlannedFault is one fault of a schedule: what, and the pause before it.
type PlannedFault struct {
	Kind FaultKind
	Gap  time.Duration
}

// Schedule returns the faults in the order they are injected, with their
// pauses: the kinds shuffled and the pauses drawn from Seed.
func (p ChaosPlan) Schedule() []PlannedFault {
	rng := rand.New(rand.NewPCG(uint64(p.Seed), 0x63686130))
	var kinds []FaultKind
	add := func(k FaultKind, n int) {
		for range n {
			kinds = append(kinds, k)
		}
	}
	add(FaultWorkerKill, p.WorkerKills)
	add(FaultPostgresRestart, p.PostgresRestarts)
	add(FaultTemporalRestart, p.TemporalRestarts)
	rng.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	out := make([]PlannedFault, len(kinds))
	for i, k := range kinds {
		gap := p.MinGap
		if span := p.MaxGap - p.MinGap; span > 0 {
			gap += time.Duration(rng.Int64N(int64(span)))
		}
		out[i] = PlannedFault{Kind: k, Gap: gap.Round(100 * time.Millisecond)}
	}
	return out
}

// inject does a fault through injector and says which process it hit.
func inject(ctx context.Context, injector Injector, kind FaultKind) (string, error) {
	switch kind {
	case FaultWorkerKill:
		return injector.KillWorker(ctx)
	case FaultPostgresRestart:
		return "electionflow's database", injector.RestartPostgres(ctx)
	case FaultTemporalRestart:
		return "Temporal server", injector.RestartTemporal(ctx)
	}
	return "", errors.New("rehearsal: unknown fault " + string(kind))
}
