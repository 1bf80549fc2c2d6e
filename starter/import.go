package main

import (
	"context"
	"flag"
	"fmt"

	"electionflow/internal/config"
	"electionflow/internal/importer"
)

func importCommand() command {
	return command{
		name:    "import",
		args:    "<folder>",
		summary: "import an election's roster from CSV files",
		help: `Imports the roster in <folder>: election.csv, councils.csv and persons.csv
(required), complaints.csv and cadres.csv (optional). The README describes the
columns. Files are UTF-8 with or without a byte-order mark.

Every row is checked first; if any is wrong, every problem is listed as
file:line: field: reason and nothing is imported. The import is one
transaction, and importing the same files again changes nothing; a corrected
file updates just the rows that changed. The import is written to the audit log.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			dryRun := fs.Bool("check", false, "only check the files; import nothing")
			actor := fs.String("actor", defaultActor(), "who is importing, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("import takes one folder")
				}
				if *dryRun {
					if _, err := importer.Check(e.stdout, args[0]); err != nil {
						return err
					}
					fmt.Fprintln(e.stdout, "check only: nothing imported")
					return nil
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				_, err = importer.Import(ctx, e.stdout, s, args[0], adminActor(*actor))
				return err
			}
		},
	}
}
