package main

import (
	"context"
	"flag"
	"fmt"

	"electionflow/checklist"
	"electionflow/internal/config"
	"electionflow/rehearsal"
)

func rehearseCommand() command {
	def := rehearsal.DefaultOptions()
	return command{
		name:    "rehearse",
		summary: "run a rehearsal: a demo election end to end with simulated staff, measured",
		help: fmt.Sprintf(`Runs electionflow's benchmark against the Temporal server and database of
TEMPORAL_* and DATABASE_URL, whose workers (devstack's, or worker processes)
serve ELECTIONFLOW_TASK_QUEUE:

 1. generates a demo election of the size asked (--provinces × --communes,
    or --national: the National Assembly and 34 provinces × 98 communes)
    under a term of its own (first year election day's, which is %d days
    back so no deadline or reminder falls in the run; the last year chosen
    from the clock and unused by any election or workflow), and imports it
    as "starter import" does;
 2. starts every checklist, then lets --workers simulated staff complete
    every task until every checklist is done, with a progress line on
    stderr;
 3. reads every workflow of the term (checklist/<term>/...) through the
    Temporal API: history events (DescribeWorkflowExecution), and workflow
    tasks in the full histories of every council (above 400 councils, of a
    sample: --history-sample);
 4. checks the end state: every checklist completed, every task closed,
    one audit row per completion, one certificate per confirmed person, no
    certificate number twice;
 5. runs the bare baseline on the same server for --baseline each: a tiny
    workflow on a task queue of its own, served by a worker inside this
    command, whose update handler runs one activity that does nothing
    (then, a second time, one local activity), with as many senders as
    --workers.

It prints a table of the figures (with --json, writes them to a file, each
key naming its unit: _s, _ms, _per_s, _per_task) and issue 9's targets,
each met or not: information, never a failure. The exit code is 1 when the
end state is not clean (the problems are listed), when the checklists
stall (nothing moves for --idle) or on Ctrl-C, which stops the run and
prints the figures so far.

With --chaos it needs no DATABASE_URL nor Temporal: it starts processes of
its own that it may harm (two private Postgres clusters, one for
electionflow and one for Temporal; the Temporal server as a child devstack
process, --devstack-bin; --worker-processes worker processes,
--worker-bin; both found next to starter or on PATH by default) and,
while simulated staff work, kills a worker process --worker-kills times,
restarts electionflow's Postgres --postgres-restarts times (immediate
shutdown, down for --postgres-down) and the Temporal server
--temporal-restarts times (SIGKILL), in an order and at moments drawn from
--chaos-seed (printed): each fault after a pause of up to --chaos-gap
from the recovery of the one before. No baseline runs. Below the table it
prints each fault, the time lost (from each fault until a completion sent
after it went through, summed), every error staff saw (refused, failed by
cause, retried) and what Temporal retried (from the full histories). It
exits 1 on any loss or duplicate, a fault not injected, or a failed
completion never retried to the end.`, rehearsal.ElectionDayAge),
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			provinces := fs.Int("provinces", def.Provinces, "number of provinces (1..34)")
			communes := fs.Int("communes", def.Communes, "communes per province (0..200)")
			national := fs.Bool("national", false, "rehearse the whole country with the National Assembly (no --provinces or --communes)")
			workers := fs.Int("workers", def.Workers, "simulated staff at work at once, and senders of the baseline")
			baseline := fs.Duration("baseline", def.Baseline, "how long each bare baseline runs (0: skip it)")
			seed := fs.Int64("seed", def.Seed, "seed of the demo election and of the simulated outcomes")
			idle := fs.Duration("idle", def.Idle, "call the rehearsal stalled when nothing moves for this long")
			sample := fs.Int("history-sample", 0, "councils whose full histories are read to count workflow tasks (0: all up to 400 councils, else 200)")
			jsonPath := fs.String("json", "", "also write the figures to this JSON file")
			generation := fs.String("generation", "current", "generation of the checklist workflows to start: current, or first (the workflow types before the lean tasks), to compare them on one server")
			chaos := chaosFlags(fs)
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("rehearse takes no arguments")
				}
				opts, err := rehearseOptions(fs, *provinces, *communes, *national)
				if err != nil {
					return err
				}
				opts.Workers, opts.Baseline, opts.Seed, opts.Idle, opts.HistorySample, opts.JSONPath =
					*workers, *baseline, *seed, *idle, *sample, *jsonPath
				switch *generation {
				case "current":
				case "first":
					opts.ChecklistType = checklist.WorkflowChecklistV1
				default:
					return usageError("--generation %q: want current or first", *generation)
				}
				if *idle <= 0 {
					return usageError("--idle %v: want more than 0", *idle)
				}
				if err := opts.Validate(); err != nil {
					return usageError("%v", err)
				}
				if *chaos.on {
					return rehearseChaos(ctx, e, opts, chaos)
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				o, closeTemporal, err := withTemporal(ctx, e, cfg, s)
				if err != nil {
					return err
				}
				defer closeTemporal()
				_, err = rehearsal.Run(ctx, o, opts, rehearsal.Output{Table: e.stdout, Log: e.stderr})
				if err == nil && opts.JSONPath != "" {
					fmt.Fprintf(e.stderr, "figures written to %s\n", opts.JSONPath)
				}
				return err
			}
		},
	}
}

// rehearseOptions sizes the rehearsal from the flags: --national excludes
// --provinces and --communes given explicitly.
func rehearseOptions(fs *flag.FlagSet, provinces, communes int, national bool) (rehearsal.Options, error) {
	opts := rehearsal.DefaultOptions()
	if !national {
		opts.Provinces, opts.Communes = provinces, communes
		return opts, nil
	}
	var sized []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "provinces" || f.Name == "communes" {
			sized = append(sized, "--"+f.Name)
		}
	})
	if len(sized) > 0 {
		return opts, usageError("--national sets the size of the election: drop %v", sized)
	}
	opts.National, opts.Provinces, opts.Communes = true, 0, 0
	return opts, nil
}
