// Command devstack runs everything a newcomer needs in one process: a
// private PostgreSQL (unless DATABASE_URL is set), a Temporal server
// persisting to that same PostgreSQL, in databases of its own, as
// production does (several history shards; SQLite under the data folder
// with -temporal-db sqlite), with electionflow's search attributes
// registered, the Temporal Web UI, the electionflow worker, and a demo
// election imported through the real CSV import path. It prints where the
// UI is and the variables that let starter, more worker processes and the
// temporal CLI connect from another terminal. With -worker=false (and
// -web-port -1) it runs Temporal and Postgres only, so that separately
// started worker processes do the work, as on a cluster. Ctrl-C stops it
// cleanly; started again on the same data folder, it carries on where it
// stopped.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"electionflow/devserver"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts, err := parseFlags(os.Args[1:], os.Stderr)
	if errors.Is(err, flag.ErrHelp) {
		os.Exit(0)
	}
	if err != nil {
		os.Exit(2)
	}
	if err := run(ctx, opts, os.Stdout, nil); err != nil {
		fmt.Fprintf(os.Stderr, "devstack: %v\n", err)
		os.Exit(1)
	}
}

// parseFlags reads the command line into options, printing usage to w on
// error or -h.
func parseFlags(args []string, w io.Writer) (options, error) {
	o := defaultOptions()
	fs := flag.NewFlagSet("devstack", flag.ContinueOnError)
	fs.SetOutput(w)
	fs.Usage = func() {
		fmt.Fprint(w, `Usage: devstack [flags]

Runs electionflow on a laptop in one process: a private PostgreSQL (unless
DATABASE_URL is set), a Temporal server persisting to that PostgreSQL (its
own databases temporal and temporal_visibility) with the Web UI, the worker,
the web inbox and board with demo users, and a demo election whose
checklists are started and worked through by simulated staff
(-simulate=false leaves the tasks to you). Data lives in the data folder
(or on DATABASE_URL's server) and survives restarts.

Notices are mailed too: devstack catches the mail in a local SMTP server
and shows it on a page whose address it prints (-mail=false: no mail);
each demo user's address is <username>@electionflow.example.

To scale out, run it with -worker=false (and -web-port -1 if you like) and
start "go run ./worker" in as many terminals as you want, with the
variables it prints.

Flags:
`)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.dataDir, "data", o.dataDir, "data folder for Postgres, Temporal's SQLite file (-temporal-db sqlite) and the demo roster (env ELECTIONFLOW_DATA_DIR)")
	fs.StringVar(&o.host, "host", o.host, "address the Temporal server and UI listen on")
	fs.IntVar(&o.temporalPort, "port", o.temporalPort, "Temporal frontend port (0 = any free port)")
	fs.IntVar(&o.uiPort, "ui-port", o.uiPort, "Temporal Web UI port (0 = any free port, -1 = no UI)")
	fs.IntVar(&o.pgPort, "pg-port", o.pgPort, "port of the private Postgres when DATABASE_URL is unset (0 = any free port)")
	fs.IntVar(&o.webPort, "web-port", o.webPort, "port of the web inbox and board (0 = any free port, -1 = none)")
	fs.StringVar(&o.namespace, "namespace", o.namespace, "Temporal namespace")
	fs.BoolVar(&o.demo, "demo", o.demo, "generate and import a demo election (the same files twice change nothing)")
	fs.Int64Var(&o.demoSeed, "demo-seed", o.demoSeed, "seed of the demo election")
	fs.IntVar(&o.demoProvinces, "demo-provinces", o.demoProvinces, "provinces in the demo election (1..34)")
	fs.IntVar(&o.demoCommunes, "demo-communes", o.demoCommunes, "communes per province in the demo election")
	fs.IntVar(&o.demoDaysAgo, "demo-days-ago", o.demoDaysAgo, "days since election day of a new demo election (0..3650); past about 35 its first deadlines have passed, so overdue tasks and their escalations show at once")
	fs.BoolVar(&o.start, "start", o.start, "start the checklist of every council of the demo election")
	fs.BoolVar(&o.simulate, "simulate", o.simulate, "run simulated staff completing the demo's tasks (false: complete them yourself with starter)")
	fs.DurationVar(&o.simulatePace, "simulate-pace", o.simulatePace, "pause of the simulated staff after each task")
	fs.Float64Var(&o.upheldShare, "upheld-share", o.upheldShare, "share of complaints the simulated election committee upholds (0..1)")
	fs.BoolVar(&o.mail, "mail", o.mail, "catch notice mail in a local SMTP server and show it on a page (needs the web front end)")
	fs.IntVar(&o.smtpPort, "smtp-port", o.smtpPort, "port of the local SMTP server that catches mail (0 = any free port)")
	fs.IntVar(&o.mailPort, "mail-port", o.mailPort, "port of the page that shows the caught mail (0 = any free port)")
	fs.BoolVar(&o.worker, "worker", o.worker, "run the electionflow worker in this process (false: start worker processes yourself)")
	fs.StringVar(&o.temporalDB, "temporal-db", o.temporalDB, "where Temporal persists: postgres (beside electionflow's data) or sqlite (a file in the data folder)")
	fs.IntVar(&o.temporalShards, "temporal-shards", o.temporalShards, fmt.Sprintf(
		"history shards of a new Temporal database (0 = %d on postgres, 1 on sqlite); an existing database keeps its own, another count is refused",
		devserver.DefaultHistoryShards))
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	fs.Visit(func(f *flag.Flag) { o.temporalDBSet = o.temporalDBSet || f.Name == "temporal-db" })
	if o.temporalDB != temporalPostgres && o.temporalDB != temporalSQLite {
		fmt.Fprintf(w, "-temporal-db %q: want postgres or sqlite\n", o.temporalDB)
		return o, fmt.Errorf("temporal-db %q", o.temporalDB)
	}
	if o.demoDaysAgo < 0 || o.demoDaysAgo > 3650 {
		fmt.Fprintf(w, "-demo-days-ago %d: want 0 to 3650\n", o.demoDaysAgo)
		return o, fmt.Errorf("demo-days-ago %d", o.demoDaysAgo)
	}
	if o.temporalShards < 0 {
		fmt.Fprintf(w, "-temporal-shards %d: want 0 or more\n", o.temporalShards)
		return o, fmt.Errorf("temporal-shards %d", o.temporalShards)
	}
	if o.upheldShare < 0 || o.upheldShare > 1 {
		fmt.Fprintf(w, "-upheld-share %v: want 0..1\n", o.upheldShare)
		return o, fmt.Errorf("upheld share %v out of range", o.upheldShare)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(w, "devstack takes no arguments, got %q\n", fs.Args())
		fs.Usage()
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	return o, nil
}
