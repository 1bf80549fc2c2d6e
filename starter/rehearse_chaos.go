package main

import (
	"context"
	"flag"
	"fmt"
	"time"

	"electionflow/rehearsal"
)

// chaosOptions are the flags of `starter rehearse --chaos`.
type chaosOptions struct {
	on                                    *bool
	workerBin, devstackBin, dir           *string
	workers, kills, pgRestarts, tRestarts *int
	seed                                  *int64
	gap, pgDown                           *time.Duration
}

// chaosFlags adds the chaos flags of rehearse to fs.
func chaosFlags(fs *flag.FlagSet) chaosOptions {
	return chaosOptions{
		on:          fs.Bool("chaos", false, "inject faults while staff work, on processes of its own (see above)"),
		workerBin:   fs.String("worker-bin", "", "with --chaos: the worker binary (default: next to starter, else on PATH)"),
		devstackBin: fs.String("devstack-bin", "", "with --chaos: the devstack binary that runs the Temporal server (default: next to starter, else on PATH)"),
		dir:         fs.String("chaos-dir", "", "with --chaos: keep the clusters and the processes' logs in this folder (default: a temporary folder, removed)"),
		workers:     fs.Int("worker-processes", rehearsal.DefaultWorkerProcesses, "with --chaos: worker processes"),
		kills:       fs.Int("worker-kills", rehearsal.DefaultWorkerKills, "with --chaos: worker processes killed (SIGKILL)"),
		pgRestarts:  fs.Int("postgres-restarts", rehearsal.DefaultPostgresRestarts, "with --chaos: restarts of electionflow's Postgres (immediate shutdown)"),
		tRestarts:   fs.Int("temporal-restarts", rehearsal.DefaultTemporalRestarts, "with --chaos: restarts of the Temporal server (SIGKILL)"),
		seed:        fs.Int64("chaos-seed", 0, "with --chaos: seed of the faults' order and moments (0: from the clock; printed)"),
		gap:         fs.Duration("chaos-gap", rehearsal.DefaultChaosMaxGap, "with --chaos: longest pause before a fault, from the recovery of the one before"),
		pgDown:      fs.Duration("postgres-down", rehearsal.DefaultPostgresDown, "with --chaos: how long electionflow's Postgres stays down"),
	}
}

// rehearseChaos runs `starter rehearse --chaos`.
func rehearseChaos(ctx context.Context, e env, opts rehearsal.Options, c chaosOptions) error {
	plan := rehearsal.DefaultChaosPlan(time.Now())
	if *c.seed != 0 {
		plan.Seed = *c.seed
	}
	plan.WorkerKills, plan.PostgresRestarts, plan.TemporalRestarts = *c.kills, *c.pgRestarts, *c.tRestarts
	plan.MaxGap = *c.gap
	plan.MinGap = min(plan.MinGap, plan.MaxGap)
	if *c.workers < 1 {
		return usageError("--worker-processes %d: want 1 or more", *c.workers)
	}
	if *c.pgDown < 0 {
		return usageError("--postgres-down %v: want 0 or more", *c.pgDown)
	}
	if err := plan.Validate(); err != nil {
		return usageError("%v", err)
	}
	workerBin, err := rehearsal.FindBinary("worker", *c.workerBin)
	if err != nil {
		return err
	}
	devstackBin, err := rehearsal.FindBinary("devstack", *c.devstackBin)
	if err != nil {
		return err
	}
	stack := rehearsal.StackOptions{WorkerBin: workerBin, DevstackBin: devstackBin, Workers: *c.workers, Dir: *c.dir,
		PostgresDown: *c.pgDown}
	_, err = rehearsal.RunChaos(ctx, opts, plan, stack, rehearsal.Output{Table: e.stdout, Log: e.stderr})
	if err == nil && opts.JSONPath != "" {
		fmt.Fprintf(e.stderr, "figures written to %s\n", opts.JSONPath)
	}
	return err
}
