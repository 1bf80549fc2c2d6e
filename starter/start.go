package main

import (
	"context"
	"flag"
	"fmt"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

func startCommand() command {
	return command{
		name:    "start",
		args:    "(--council C | --province P | --all)",
		summary: "start the checklists of one council, a province or every council",
		help: `Starts the post-election checklist workflow (checklist/<term>/<council>) of
one council (--council), of every council of a province (--province) or of
every council of the election (--all): exactly one of them.

Starting is idempotent: a council whose checklist was started before, running
or finished, is counted as "already started" and not started again, so the
command is safe to run twice or after a partial failure. Starting many
councils shows a progress bar on stderr; the result is one line on stdout:
"started N, already started M, failed K", followed by the failures. The exit
code is 1 if any council failed.

The checklists run on the workers of ELECTIONFLOW_TASK_QUEUE on the Temporal
server of TEMPORAL_ADDRESS.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(fs)
			council := fs.String("council", "", "start the checklist of this council code")
			province := fs.String("province", "", "start the checklists of every council of this province code")
			all := fs.Bool("all", false, "start the checklists of every council of the election")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("start takes no arguments (did you mean --council %s?)", args[0])
				}
				scopes := 0
				for _, set := range []bool{*council != "", *province != "", *all} {
					if set {
						scopes++
					}
				}
				if scopes != 1 {
					return usageError("give exactly one of --council, --province and --all")
				}
				f := store.CouncilFilter{}
				if *council != "" {
					c, err := election.ParseCouncilCode(*council)
					if err != nil {
						return usageError("--council: %v", err)
					}
					f.Council = c
				}
				if *province != "" {
					p, err := election.ParseProvinceCode(*province)
					if err != nil {
						return usageError("--province: %v", err)
					}
					f.Province = p
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				if f.Term, err = resolveTerm(ctx, s, *term); err != nil {
					return err
				}
				o, closeTemporal, err := withTemporal(ctx, e, cfg, s)
				if err != nil {
					return err
				}
				defer closeTemporal()
				bar := &progressBar{w: e.stderr, label: "starting checklists"}
				report, err := o.StartChecklists(ctx, f, bar.update)
				bar.finish()
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "started %d, already started %d, failed %d\n", report.Started, report.Already, len(report.Failed))
				for _, err := range report.Failed {
					fmt.Fprintf(e.stdout, "  failed: %v\n", err)
				}
				if f.Council != "" && len(report.Failed) == 0 {
					fmt.Fprintf(e.stdout, "workflow %s\n", checklist.WorkflowID(f.Term, f.Council))
				}
				if len(report.Failed) > 0 {
					return fmt.Errorf("%d of %d checklists failed to start", len(report.Failed),
						report.Started+report.Already+len(report.Failed))
				}
				return nil
			}
		},
	}
}
