package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"slices"
	"time"

	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/ops"
	"electionflow/simstaff"
	"electionflow/store"
)

func simulateCommand() command {
	return command{
		name:    "simulate",
		summary: "simulate staff completing every open task, for demos and rehearsals",
		help: `Plays the staff of every council: completes the open tasks of the election
(or of one province) through the same path as "starter complete", with
realistic outcomes: a share of complaints upheld, resolutions numbered and
dated today, certificates handed over today. It prints one line per task
done or refused and stops when the checklists have not moved (no task
opened, no progress reported) for --idle, after --max tasks, or on Ctrl-C; then it prints the count per task kind.

--pace slows it down so the progress of a demo can be watched in the
Temporal UI; --seed makes the outcomes repeatable (each task's outcome
depends on the seed and the task only); --workers lets several simulated
staff work at once, for a rehearsal of a whole election.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(fs)
			province := fs.String("province", "", "only the councils of this province code")
			upheld := fs.Float64("upheld-share", 0.1, "share of complaints the committee upholds (0..1)")
			pace := fs.Duration("pace", 300*time.Millisecond, "pause after each task (0: flat out)")
			idle := fs.Duration("idle", 10*time.Second, "stop when no checklist has moved for this long")
			maxTasks := fs.Int("max", 0, "stop after completing this many tasks (0: no limit)")
			seed := fs.Uint64("seed", 1, "seed of the simulated decisions")
			workers := fs.Int("workers", 1, "staff working at once (a rehearsal of a whole election wants several)")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("simulate takes no arguments")
				}
				if *upheld < 0 || *upheld > 1 || *upheld != *upheld {
					return usageError("--upheld-share %v: want a share between 0 and 1", *upheld)
				}
				if *pace < 0 {
					return usageError("--pace %v: want 0 or more", *pace)
				}
				if *idle <= 0 {
					return usageError("--idle %v: want more than 0", *idle)
				}
				if *workers < 1 {
					return usageError("--workers %d: want 1 or more", *workers)
				}
				if *maxTasks < 0 {
					return usageError("--max %d: want 0 (no limit) or more", *maxTasks)
				}
				p, err := election.ParseProvinceCode(*province)
				if err != nil {
					return usageError("--province: %v", err)
				}
				s, t, err := openElection(ctx, cfg, *term)
				if err != nil {
					return err
				}
				defer s.Close()
				o, closeTemporal, err := withTemporal(ctx, e, cfg, s)
				if err != nil {
					return err
				}
				defer closeTemporal()
				where := "every province"
				if p != "" {
					where = "province " + string(p)
				}
				fmt.Fprintf(e.stderr, "simulating staff of election %s, %s; stops after %v without any checklist moving\n", t, where, *idle)
				report, err := simstaff.Simulate(ctx, o, simstaff.Options{
					Term: t, Province: p, UpheldShare: *upheld, Pace: *pace, Idle: *idle, MaxTasks: *maxTasks, Seed: *seed, Workers: *workers,
				}, func(task store.InboxTask, err error) {
					var refusal *ops.RefusedError
					switch {
					case errors.As(err, &refusal):
						fmt.Fprintf(e.stdout, "refused %s: %s\n", task.ID, refusal.Reason)
					case err != nil:
						fmt.Fprintf(e.stdout, "failed  %s: %v\n", task.ID, err)
					default:
						fmt.Fprintf(e.stdout, "done    %s (%s)\n", task.ID, task.Role)
					}
				})
				printSimReport(e, report)
				return err
			}
		},
	}
}

func printSimReport(e env, r simstaff.Report) {
	fmt.Fprintf(e.stdout, "completed %d, refused %d\n", r.Completed, r.Refused)
	kinds := make([]election.TaskKind, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		fmt.Fprintf(e.stdout, "  %-28s %d\n", k, r.ByKind[k])
	}
}
