package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"electionflow/demo"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/internal/importer"
	"electionflow/roster"
)

func demoCommand() command {
	return command{
		name:    "demo",
		args:    "",
		summary: "generate a demo election as roster CSV files, and optionally import it",
		help: `Generates a realistic but fake election, deterministic from --seed: provinces
and communes with council sizes in their legal ranges, Vietnamese names, a
share of elected persons facing complaints, and outgoing cadres. It writes the
same CSV files "starter import" reads into --out; with --load it then imports
them through that same path into DATABASE_URL.

--national generates the national rehearsal: the National Assembly, 34
provinces and 98 communes each (about 3,400 councils, 75,000 persons).

--election-day sets election day (default 15/03/2026, the 2026 general
election, whose deadlines have passed: every task opens overdue); "-20d"
means 20 days ago, as devstack does, so that the deadlines lie ahead. The
term runs five years from election day's year unless --term says otherwise.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			def := demo.DefaultParams()
			seed := fs.Int64("seed", 1, "seed; the same seed and flags give the same election")
			provinces := fs.Int("provinces", def.Provinces, "number of provinces (1..34)")
			communes := fs.Int("communes", def.CommunesPerProvince, "communes per province")
			na := fs.Bool("national-assembly", def.NationalAssembly, "include the National Assembly")
			complaints := fs.Float64("complaint-share", def.ComplaintShare, "share of elected persons facing a complaint (0..1)")
			national := fs.Bool("national", false, "generate the national rehearsal (overrides --provinces, --communes, --national-assembly)")
			out := fs.String("out", "demo-roster", "folder to write the CSV files into")
			load := fs.Bool("load", false, "import the generated files into DATABASE_URL")
			actor := fs.String("actor", defaultActor(), "who is importing, for the audit log")
			day := fs.String("election-day", def.ElectionDay.String(), "election day: YYYY-MM-DD, DD/MM/YYYY, or -Nd for N days ago")
			term := fs.String("term", "", "the term elected (default: five years from election day's year)")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("demo takes no arguments")
				}
				p := def
				p.Seed, p.Provinces, p.CommunesPerProvince, p.NationalAssembly, p.ComplaintShare = *seed, *provinces, *communes, *na, *complaints
				if *national {
					p = demo.NationalRehearsal(*seed)
					p.ComplaintShare = *complaints
				}
				var err error
				if p.ElectionDay, p.Term, err = demoElection(*day, *term, election.Today(time.Now())); err != nil {
					return usageError("%v", err)
				}
				if err := p.Validate(); err != nil {
					return usageError("%v", err)
				}
				r, err := demo.Generate(p)
				if err != nil {
					return err
				}
				if err := roster.WriteDir(*out, r); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "wrote %s: %d councils, %d elected persons, %d complaints, %d outgoing cadres\n",
					*out, len(r.Councils), len(r.Persons), len(r.Complaints), len(r.Cadres))
				if !*load {
					fmt.Fprintf(e.stdout, "import it with: starter import %s\n", *out)
					return nil
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				_, err = importer.Import(ctx, e.stdout, s, *out, adminActor(*actor))
				return err
			}
		},
	}
}

// demoElection reads the demo's --election-day (a date, or -Nd for N days
// before today) and --term (empty: five years from election day's year).
func demoElection(day, term string, today election.Date) (election.Date, election.Term, error) {
	var d election.Date
	if n, ok := strings.CutPrefix(day, "-"); ok && strings.HasSuffix(n, "d") {
		days, err := strconv.Atoi(strings.TrimSuffix(n, "d"))
		if err != nil || days < 0 {
			return d, "", fmt.Errorf("--election-day %q: want -Nd with N a number of days", day)
		}
		d = today.AddDays(-days)
	} else {
		var err error
		if d, err = election.ParseDate(day); err != nil {
			return d, "", fmt.Errorf("--election-day: %w", err)
		}
	}
	if term == "" {
		y := d.Time().Year()
		return d, election.Term(fmt.Sprintf("%d-%d", y, y+5)), nil
	}
	t, err := election.ParseTerm(term)
	if err != nil {
		return d, "", fmt.Errorf("--term: %w", err)
	}
	return d, t, nil
}
