package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"

	"go.temporal.io/api/serviceerror"

	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

func progressCommand() command {
	return command{
		name:    "progress",
		args:    "<council>",
		summary: "show the live progress of one council's checklist",
		help: `Asks the checklist workflow of a council for its progress, live: its stage,
each area (state, step, open and overdue tasks, next deadline) and the
totals. Times are Viet Nam time. The checklist must have been started
("starter start --council <council>").`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(fs)
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("progress takes one council code")
				}
				code, err := election.ParseCouncilCode(args[0])
				if err != nil {
					return usageError("%v", err)
				}
				s, t, err := openElection(ctx, cfg, *term)
				if err != nil {
					return err
				}
				defer s.Close()
				c, _, err := s.Council(ctx, t, code)
				if errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("council %s is not in election %s", code, t)
				}
				if err != nil {
					return err
				}
				o, closeTemporal, err := withTemporal(ctx, e, cfg, s)
				if err != nil {
					return err
				}
				defer closeTemporal()
				p, err := o.Progress(ctx, t, code)
				var notFound *serviceerror.NotFound
				if errors.As(err, &notFound) {
					return fmt.Errorf("the checklist of council %s has not been started (start it with: starter start --council %s)", code, code)
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "Council:       %s %s\n", c.Code, c.Name)
				fmt.Fprintf(e.stdout, "Term:          %s\n", t)
				fmt.Fprintf(e.stdout, "Stage:         %s\n", p.Stage)
				fmt.Fprintf(e.stdout, "Open tasks:    %d (%d overdue)\n", p.OpenTasks, p.OverdueTasks)
				fmt.Fprintf(e.stdout, "Next deadline: %s\n\n", officeTime(p.NextDeadline))
				tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "AREA\tSTATE\tSTEP\tOPEN\tOVERDUE\tNEXT DEADLINE")
				for _, a := range p.Areas {
					fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", a.Area, a.State, a.Step, a.OpenTasks, a.OverdueTasks, officeTime(a.NextDeadline))
				}
				fmt.Fprintf(tw, "TOTAL\t\t\t%d\t%d\t%s\n", p.OpenTasks, p.OverdueTasks, officeTime(p.NextDeadline))
				return tw.Flush()
			}
		},
	}
}

func summaryCommand() command {
	return command{
		name:    "summary",
		summary: "summarise an election's checklists by province, or a province council by council",
		help: `Prints the summary report of an election from Postgres: for each province
(or, with --province, each council of that province) the councils, how many
checklists started and are done, the open and overdue tasks, the elected
persons, how many were confirmed and not confirmed by the credential
resolutions, the certificates issued and handed over; then the totals.
With --province, STAGE says where a council's checklist stands.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(fs)
			province := fs.String("province", "", "summarise the councils of this province code one by one")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("summary takes no arguments")
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
				rows, err := s.Summary(ctx, t, p)
				if err != nil {
					return err
				}
				if len(rows) == 0 {
					if p != "" {
						return fmt.Errorf("election %s has no council in province %s", t, p)
					}
					return fmt.Errorf("election %s has no council", t)
				}
				key := "PROVINCE"
				if p != "" {
					key = "COUNCIL"
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				header := key + "\tCOUNCILS\tSTARTED\tDONE\tOPEN\tOVERDUE\tPERSONS\tCONFIRMED\tNOT CONFIRMED\tCERTIFICATES\tHANDED OVER"
				if p != "" {
					header += "\tSTAGE"
				}
				fmt.Fprintln(tw, header+"\tNAME")
				var total store.SummaryRow
				for _, r := range rows {
					k, name := r.Key, r.Name
					if k == "" {
						k, name = "-", "(national)"
					}
					if p != "" {
						stage := r.Stage
						switch {
						case r.Done > 0:
							stage = "done"
						case r.Started == 0:
							stage = "not started"
						}
						name = stage + "\t" + name
					}
					fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%s\n", k, r.Councils, r.Started, r.Done,
						r.OpenTasks, r.OverdueTasks, r.Persons, r.Confirmed, r.NotConfirmed, r.Certificates, r.HandedOver, name)
					total.Councils += r.Councils
					total.Started += r.Started
					total.Done += r.Done
					total.OpenTasks += r.OpenTasks
					total.OverdueTasks += r.OverdueTasks
					total.Persons += r.Persons
					total.Confirmed += r.Confirmed
					total.NotConfirmed += r.NotConfirmed
					total.Certificates += r.Certificates
					total.HandedOver += r.HandedOver
				}
				fmt.Fprintf(tw, "TOTAL\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n", total.Councils, total.Started, total.Done,
					total.OpenTasks, total.OverdueTasks, total.Persons, total.Confirmed, total.NotConfirmed, total.Certificates, total.HandedOver)
				return tw.Flush()
			}
		},
	}
}
