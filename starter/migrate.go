package main

import (
	"context"
	"flag"
	"fmt"

	"electionflow/internal/config"
	"electionflow/store"
)

func migrateCommand() command {
	return command{
		name:    "migrate",
		summary: "apply the database schema (every binary also does this at start)",
		help: `Applies the embedded schema migrations that the database of DATABASE_URL
lacks, and prints them. Safe to run twice, and from two processes at once.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("migrate takes no arguments")
				}
				url, err := cfg.RequireDatabaseURL()
				if err != nil {
					return err
				}
				s, err := store.Open(ctx, url)
				if err != nil {
					return err
				}
				defer s.Close()
				applied, err := s.Migrate(ctx)
				if err != nil {
					return err
				}
				for _, m := range applied {
					fmt.Fprintf(e.stdout, "applied %s\n", m)
				}
				v, err := s.SchemaVersion(ctx)
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "schema is at version %d (%d applied now)\n", v, len(applied))
				return nil
			}
		},
	}
}
