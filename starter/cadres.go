package main

import (
	"context"
	"flag"
	"fmt"

	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

func correctCadreCommand() command {
	return command{
		name:    "correct-cadre",
		args:    "<cadre-id>",
		summary: "correct an outgoing cadre's insurance record and salary (HR)",
		help: `Saves a corrected insurance record and monthly salary of an outgoing cadre,
with an audit row naming who changed them (not the figures). Then complete
the cadre's verify-cadre-record task with --result corrected: the case
computes the benefits again and asks for the verification once more.

The figures stay in the database; the workflow never sees them.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(fs)
			months := fs.Int("insurance-months", -1, "months of social insurance (0..600), required")
			salary := fs.Int64("salary", 0, "monthly salary in đồng, required")
			actor := fs.String("actor", defaultActor(), "who corrects the record, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("correct-cadre takes one cadre ID")
				}
				id, err := election.ParseCadreID(args[0])
				if err != nil {
					return usageError("%v", err)
				}
				if *months < 0 || *months > 600 {
					return usageError("--insurance-months is required, 0..600")
				}
				if *salary <= 0 {
					return usageError("--salary is required, in đồng")
				}
				s, t, err := openElection(ctx, cfg, *term)
				if err != nil {
					return err
				}
				defer s.Close()
				err = s.CorrectCadre(ctx, t, id, *months, election.VND(*salary),
					store.Actor{Name: *actor, Role: election.RoleHR, Source: hostSource()})
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "corrected cadre %s; now complete its verify-cadre-record task with --result corrected\n", id)
				return nil
			}
		},
	}
}
