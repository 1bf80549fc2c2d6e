package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"electionflow/checklist"
	"electionflow/demo"
	"electionflow/devserver"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/internal/importer"
	"electionflow/internal/logging"
	"electionflow/internal/wiring"
	"electionflow/ops"
	"electionflow/pglocal"
	"electionflow/roster"
	"electionflow/simstaff"
	"electionflow/store"
	"electionflow/workflows"
)

// options are devstack's settings.
type options struct {
	dataDir       string
	host          string
	temporalPort  int
	uiPort        int
	pgPort        int
	namespace     string
	demo          bool
	demoSeed      int64
	demoProvinces int
	demoCommunes  int
	// demoDaysAgo is how long ago a new demo election was held.
	demoDaysAgo int
	// start starts the checklist of every council of the demo election.
	start bool
	// webPort serves the web front end; negative: none.
	webPort int
	// simulate runs simulated staff completing tasks at simulatePace.
	simulate     bool
	simulatePace time.Duration
	// simulateIdle is how long simulated staff wait for new tasks before
	// they stop.
	simulateIdle time.Duration
	upheldShare  float64
	// worker runs the electionflow worker in this process; without it,
	// separately started worker processes do the work.
	worker bool
	// temporalDB is where the embedded Temporal persists: "postgres" (the
	// same server as electionflow's data) or "sqlite" (a file in the data
	// folder); temporalDBSet says the flag was given.
	temporalDB    string
	temporalDBSet bool
	// temporalShards is the history shard count of a new Temporal
	// database; 0: devserver's default (SQLite: 1), or what an existing
	// database was created with.
	temporalShards int
	// mail catches notice mail in a local SMTP server on smtpPort, shown
	// on a page on mailPort (0: any free port).
	mail               bool
	smtpPort, mailPort int
	// lookup reads the environment; nil means os.LookupEnv.
	lookup config.Lookup
}

func defaultOptions() options {
	dataDir := ".devstack"
	if v := os.Getenv(config.EnvDataDir); v != "" {
		dataDir = v
	}
	d := demo.DefaultParams()
	return options{
		dataDir: dataDir, host: "127.0.0.1", temporalPort: 7233, uiPort: 8233, pgPort: 15432, webPort: 8090,
		namespace: "default", demo: true, demoSeed: 1,
		demoProvinces: d.Provinces, demoCommunes: d.CommunesPerProvince, demoDaysAgo: defaultDemoDaysAgo,
		start: true, simulate: true, simulatePace: 2 * time.Second, simulateIdle: time.Minute, upheldShare: 0.2,
		worker: true, temporalDB: temporalPostgres,
		mail: true, smtpPort: 1025, mailPort: 8025,
	}
}

// defaultDemoDaysAgo is how long ago a new demo election is held:
// complaints are being reviewed and the credential deadline is two weeks
// ahead, so no deadline passes (and no reminder comes due) for days.
const defaultDemoDaysAgo = 20

// Where the embedded Temporal persists (-temporal-db).
const (
	temporalPostgres = "postgres"
	temporalSQLite   = "sqlite"
)

// Ready is what a started stack tells its caller: where everything is.
type Ready struct {
	DatabaseURL     string
	TemporalAddress string
	Namespace       string
	UIURL           string
	TaskQueue       string
	// WebURL is the web front end; empty when not served.
	WebURL string
	// DemoUsers are the demo accounts, by user name, with their password.
	DemoUsers []DemoUser
	// Worker says an electionflow worker runs in this process.
	Worker bool
	// TemporalStore says where Temporal persists, for people.
	TemporalStore string
	// MailURL is the page of caught mail and SMTPURL the catcher's
	// SMTP_URL; both empty without mail.
	MailURL, SMTPURL string
}

// run starts the stack, prints where it is, calls ready (if not nil) and
// serves until ctx ends, then stops everything in reverse order.
func run(ctx context.Context, o options, out io.Writer, ready func(Ready)) (err error) {
	cfg, err := config.FromEnv(o.lookup)
	if err != nil {
		return err
	}
	log := logging.New(os.Stderr, cfg.LogLevel)
	if err := os.MkdirAll(o.dataDir, 0o755); err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	dataDir, err := filepath.Abs(o.dataDir)
	if err != nil {
		return fmt.Errorf("data folder: %w", err)
	}
	// Stop whatever started, whatever fails later.
	var stops []func()
	defer func() {
		for i := len(stops) - 1; i >= 0; i-- {
			stops[i]()
		}
	}()

	dbURL := cfg.DatabaseURL
	if dbURL == "" {
		fmt.Fprintf(out, "starting a private PostgreSQL in %s ...\n", filepath.Join(dataDir, "postgres"))
		pg, err := pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(dataDir, "postgres"), Port: o.pgPort})
		if err != nil {
			return err
		}
		stops = append(stops, func() {
			if err := pg.Stop(context.Background()); err != nil {
				log.Error().Err(err).Msg("stop postgres")
			}
		})
		dbURL = pg.URL()
	}
	s, err := store.OpenMigrated(ctx, dbURL)
	if err != nil {
		return err
	}
	stops = append(stops, s.Close)

	temporalOpts, storeText, err := temporalStore(o, dataDir, dbURL)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "starting the Temporal server (%s) and Web UI ...\n", storeText)
	temporalOpts.Host, temporalOpts.FrontendPort, temporalOpts.UIPort = o.host, o.temporalPort, o.uiPort
	temporalOpts.Namespace, temporalOpts.SearchAttributes = o.namespace, workflows.SearchAttributeTypes()
	temporalOpts.Logger = log.Level(maxLevel(cfg.LogLevel, zerolog.WarnLevel))
	srv, err := devserver.Start(ctx, temporalOpts)
	if err != nil {
		return err
	}
	stops = append(stops, func() {
		if err := srv.Stop(); err != nil {
			log.Error().Err(err).Msg("stop temporal")
		}
	})
	storeText = fmt.Sprintf("%s, %d history shards", storeText, srv.HistoryShards())

	c, err := wiring.DialOptions(ctx, client.Options{HostPort: srv.FrontendAddress(), Namespace: srv.Namespace()}, log)
	if err != nil {
		return err
	}
	stops = append(stops, c.Close)
	fe, err := openFrontEnds(o)
	if err != nil {
		return err
	}
	stops = append(stops, fe.close)
	if o.worker {
		w := wiring.NewWorker(c, cfg.TaskQueue, s, cfg.WorkflowPollers, fe.notices())
		if err := w.Start(); err != nil {
			return fmt.Errorf("start worker: %w", err)
		}
		stops = append(stops, w.Stop)
	}

	var term election.Term
	if o.demo {
		if term, err = loadDemo(ctx, out, s, filepath.Join(dataDir, "demo-roster"), o); err != nil {
			return err
		}
	}
	staff := &ops.Ops{Temporal: c, Store: s, TaskQueue: cfg.TaskQueue}
	if o.demo && o.start {
		report, err := staff.StartChecklists(ctx, store.CouncilFilter{Term: term}, nil)
		if err != nil {
			return err
		}
		fmt.Fprintf(out, "checklists of %s: started %d, already started %d, failed %d\n", term, report.Started, report.Already, len(report.Failed))
		for _, f := range report.Failed {
			fmt.Fprintf(out, "  %v\n", f)
		}
	}

	r := Ready{DatabaseURL: dbURL, TemporalAddress: srv.FrontendAddress(), Namespace: srv.Namespace(),
		UIURL: srv.UIURL(), TaskQueue: cfg.TaskQueue, Worker: o.worker, TemporalStore: storeText}
	if o.webPort >= 0 {
		uiBase := ""
		if srv.UIURL() != "" {
			uiBase = srv.UIURL() + "/namespaces/" + srv.Namespace()
		}
		ws, closeWeb, err := wiring.WebServer(ctx, s, staff, wiring.WebOptions{DatabaseURL: dbURL, TemporalUIURL: uiBase}, log)
		if err != nil {
			return err
		}
		stops = append(stops, closeWeb, serve(fe.webLn, ws.Handler()))
		r.WebURL = fe.webURL
		if o.demo {
			if r.DemoUsers, err = createDemoUsers(ctx, s, term); err != nil {
				return err
			}
		}
	}
	if fe.mail != nil {
		r.MailURL, r.SMTPURL = fe.mail.PageURL, fe.mail.SMTPURL
		if o.worker {
			if _, err := wiring.StartMailOutbox(ctx, c, cfg.TaskQueue, checklist.MailOutboxInput{Every: 2 * time.Second}); err != nil {
				return err
			}
		}
	}
	printReady(out, r)
	if ready != nil {
		ready(r)
	}
	if o.demo && o.start && o.simulate {
		go simulateStaff(ctx, out, staff, term, o)
	}
	<-ctx.Done()
	fmt.Fprintln(out, "stopping ...")
	return nil
}

// loadDemo imports the demo election of the data folder through the same
// path as "starter import". The first time it generates one whose election
// day lies a few days back, so its deadlines are ahead; later starts
// re-import the same files, which changes nothing.
func loadDemo(ctx context.Context, out io.Writer, s *store.Store, dir string, o options) (election.Term, error) {
	if _, err := os.Stat(filepath.Join(dir, roster.ElectionFile)); errors.Is(err, os.ErrNotExist) {
		r, err := demo.Generate(demoParams(o, time.Now()))
		if err != nil {
			return "", fmt.Errorf("demo election: %w", err)
		}
		if err := roster.WriteDir(dir, r); err != nil {
			return "", fmt.Errorf("demo election: %w", err)
		}
	}
	actor := store.Actor{Name: "devstack", Role: election.RoleAdministrator, Source: "devstack"}
	report, err := importer.Import(ctx, out, s, dir, actor)
	if errors.Is(err, importer.ErrProblems) {
		return "", fmt.Errorf("the demo election in %s does not import (remove the folder to generate a new one): %w", dir, err)
	}
	return report.Term, err
}

// demoParams is the demo election of a stack started at now.
func demoParams(o options, now time.Time) demo.Params {
	p := demo.DefaultParams()
	p.Seed, p.Provinces, p.CommunesPerProvince = o.demoSeed, o.demoProvinces, o.demoCommunes
	p.ElectionDay = election.Today(now).AddDays(-o.demoDaysAgo)
	y := p.ElectionDay.Time().Year()
	p.Term = election.Term(fmt.Sprintf("%d-%d", y, y+5))
	return p
}

// simulateStaff completes the demo's tasks as staff would, at a pace a
// person can watch in the Temporal UI, until the stack stops.
func simulateStaff(ctx context.Context, out io.Writer, staff *ops.Ops, term election.Term, o options) {
	report, err := simstaff.Simulate(ctx, staff, simstaff.Options{
		Term: term, UpheldShare: o.upheldShare, Pace: o.simulatePace, Idle: o.simulateIdle, Seed: uint64(o.demoSeed),
	}, func(t store.InboxTask, err error) {
		if err != nil {
			fmt.Fprintf(out, "simulated staff: %s refused: %v\n", t.ID, err)
			return
		}
		fmt.Fprintf(out, "simulated staff: %-14s completed %s\n", t.Role, t.ID)
	})
	if err != nil {
		fmt.Fprintf(out, "simulated staff stopped: %v\n", err)
		return
	}
	if ctx.Err() != nil {
		return
	}
	rows, err := staff.Store.Summary(ctx, term, "")
	if err != nil {
		fmt.Fprintf(out, "simulated staff: no task left after %d completed (summary: %v)\n", report.Completed, err)
		return
	}
	var councils, done int
	for _, r := range rows {
		councils, done = councils+r.Councils, done+r.Done
	}
	fmt.Fprintf(out, "simulated staff: no task left after %d completed; %d of %d checklists of %s done (starter summary shows where the rest stand)\n",
		report.Completed, done, councils, term)
}

func printReady(w io.Writer, r Ready) {
	ui := r.UIURL
	if ui == "" {
		ui = "(disabled)"
	}
	worker := "one in this process, on task queue " + r.TaskQueue
	workers := "  go run ./worker          # one more worker process (as many as you like)\n"
	if r.TaskQueue != config.DefaultTaskQueue {
		workers = "  export " + config.EnvTaskQueue + "=" + r.TaskQueue + "\n" + workers
	}
	if !r.Worker {
		worker = "none in this process (-worker=false): start them as below; nothing moves until one runs"
		workers = strings.Replace(workers, "go run ./worker          # one more worker process (as many as you like)",
			"go run ./worker          # a worker process; run it in two terminals for two", 1)
	}
	fmt.Fprintf(w, `
electionflow devstack is running (%s). Ctrl-C stops it.

  Temporal Web UI   %s
  Temporal address  %s   namespace %s, task queue %s
  Temporal store    %s
  Worker            %s
  Postgres          %s
  Web inbox, board  %s
%s  Caught mail       %s

From another terminal:
  export DATABASE_URL='%s'
  export TEMPORAL_ADDRESS=%s TEMPORAL_NAMESPACE=%s
%s%s  go run ./starter help
  temporal workflow list --address %s --namespace %s
`, time.Now().Format(time.DateTime), ui, r.TemporalAddress, r.Namespace, r.TaskQueue, r.TemporalStore, worker, r.DatabaseURL,
		orDisabled(r.WebURL), demoUsersText(r.DemoUsers), caughtText(r),
		r.DatabaseURL, r.TemporalAddress, r.Namespace, mailEnv(r), workers, r.TemporalAddress, r.Namespace)
}

// caughtText says where devstack shows the notice mail it caught.
func caughtText(r Ready) string {
	if r.MailURL == "" {
		return "(disabled)"
	}
	return r.MailURL + "   (SMTP " + strings.TrimPrefix(strings.TrimSuffix(r.SMTPURL, "?tls=none"), "smtp://") +
		"; demo users' notices go to <username>@electionflow.example)"
}

// mailEnv is what a worker started apart needs to mail notices to
// devstack's catcher.
func mailEnv(r Ready) string {
	if r.MailURL == "" {
		return ""
	}
	return fmt.Sprintf("  export SMTP_URL='%s' MAIL_FROM='%s' WEB_URL=%s\n", r.SMTPURL, demoMailFrom, r.WebURL)
}

func orDisabled(s string) string {
	if s == "" {
		return "(disabled)"
	}
	return s
}

func maxLevel(a, b zerolog.Level) zerolog.Level {
	if a > b {
		return a
	}
	return b
}
