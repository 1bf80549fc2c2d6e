package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/ops"
)

func completeCommand() command {
	return command{
		name:    "complete",
		args:    "<task-id>",
		summary: "complete a task with its outcome",
		help: `Completes an open task: the checklist workflow that owns it checks the
completion and records it, with who did it (--actor, in --role) from this
host, in the audit log. The workflow refuses an unknown or closed task, a
role that is not the task's, and an incomplete or invalid outcome; then
nothing is recorded, "refused: <why>" is printed and the exit code is 1.
Claims made in the web inbox do not bind this command: it is the
administrators' path, for a task whose holder is away.

` + outcomeHelp() + `

"starter task <task-id>" shows the task and an example of this command.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			actor := fs.String("actor", defaultActor(), "who completes the task, for the audit log")
			role := fs.String("role", "", "the role you act in (required): "+roleNames())
			outcome := fs.String("outcome", "", "the outcome as JSON, instead of the field flags")
			fields := outcomeFlags(fs)
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("complete takes one task ID")
				}
				id, err := election.ParseTaskID(args[0])
				if err != nil {
					return usageError("%v", err)
				}
				if *role == "" {
					return usageError("--role is required: the role you act in (%s)", roleNames())
				}
				r, err := election.ParseRole(*role)
				if err != nil {
					return usageError("--role: %v", err)
				}
				if strings.TrimSpace(*actor) == "" {
					return usageError("--actor is required: who completes the task")
				}
				given := fields.given(fs)
				if *outcome != "" && len(given) > 0 {
					return usageError("give the outcome either as --outcome JSON or with field flags, not both (got --outcome and --%s)", slices.Sorted(maps.Keys(given))[0])
				}
				if len(*outcome) > election.MaxListOutcomeBytes {
					return fmt.Errorf("--outcome: %d bytes: at most %d", len(*outcome), election.MaxListOutcomeBytes)
				}
				if err := precheck(*outcome, given); err != nil {
					return err
				}

				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				t, err := findTask(ctx, s, id)
				if err != nil {
					return err
				}
				raw, err := outcomeOf(t.Kind, *outcome, given)
				if err != nil {
					return err
				}
				o, closeTemporal, err := withTemporal(ctx, e, cfg, s)
				if err != nil {
					return err
				}
				defer closeTemporal()
				res, err := o.CompleteTask(ctx, checklist.CompleteTaskRequest{
					TaskID: id, Actor: strings.TrimSpace(*actor), Role: r, Source: hostSource(), Outcome: raw,
				})
				var refusal *ops.RefusedError
				if errors.As(err, &refusal) {
					return fmt.Errorf("refused: %s", refusal.Reason)
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "completed %s at %s\n", res.TaskID, officeTime(res.CompletedAt))
				return nil
			}
		},
	}
}
