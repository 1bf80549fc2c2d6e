package main

import (
	"context"
	"flag"
	"fmt"

	"electionflow/demo"
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
provinces and 98 communes each (about 3,400 councils, 75,000 persons).`,
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
