package main

import (
	"context"
	"flag"
	"fmt"
	"text/tabwriter"

	"electionflow/internal/config"
)

func electionsCommand() command {
	return command{
		name:    "elections",
		summary: "list the imported elections and the size of their rosters",
		help:    `Lists every election imported into DATABASE_URL, newest first, with its councils, elected persons, complaints and outgoing cadres.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("elections takes no arguments")
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				list, err := s.ListElections(ctx)
				if err != nil {
					return err
				}
				if len(list) == 0 {
					fmt.Fprintln(e.stdout, "no election imported yet: see starter help import")
					return nil
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "term\telection day\tcouncils\tpersons\tcomplaints\tcadres\tname")
				for _, el := range list {
					fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%d\t%d\t%s\n", el.Term, el.ElectionDay.Vietnamese(),
						el.Councils, el.Persons, el.Complaints, el.Cadres, el.Name)
				}
				return tw.Flush()
			}
		},
	}
}
