package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"electionflow/demo"
	"electionflow/devserver"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/internal/importer"
	"electionflow/internal/logging"
	"electionflow/internal/wiring"
	"electionflow/pglocal"
	"electionflow/roster"
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
		dataDir: dataDir, host: "127.0.0.1", temporalPort: 7233, uiPort: 8233, pgPort: 15432,
		namespace: "default", demo: true, demoSeed: 1,
		demoProvinces: d.Provinces, demoCommunes: d.CommunesPerProvince,
	}
}

// Ready is what a started stack tells its caller: where everything is.
type Ready struct {
	DatabaseURL     string
	TemporalAddress string
	Namespace       string
	UIURL           string
	TaskQueue       string
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

	fmt.Fprintln(out, "starting the Temporal dev server and Web UI ...")
	srv, err := devserver.Start(ctx, devserver.Options{
		DataDir: filepath.Join(dataDir, "temporal"), Host: o.host,
		FrontendPort: o.temporalPort, UIPort: o.uiPort, Namespace: o.namespace,
		SearchAttributes: workflows.SearchAttributeTypes(),
		Logger:           log.Level(maxLevel(cfg.LogLevel, zerolog.WarnLevel)),
	})
	if err != nil {
		return err
	}
	stops = append(stops, func() {
		if err := srv.Stop(); err != nil {
			log.Error().Err(err).Msg("stop temporal")
		}
	})

	c, err := wiring.DialOptions(ctx, client.Options{HostPort: srv.FrontendAddress(), Namespace: srv.Namespace()}, log)
	if err != nil {
		return err
	}
	stops = append(stops, c.Close)
	w := wiring.NewWorker(c, cfg.TaskQueue, s)
	if err := w.Start(); err != nil {
		return fmt.Errorf("start worker: %w", err)
	}
	stops = append(stops, w.Stop)

	if o.demo {
		if err := loadDemo(ctx, out, s, filepath.Join(dataDir, "demo-roster"), o); err != nil {
			return err
		}
	}

	r := Ready{DatabaseURL: dbURL, TemporalAddress: srv.FrontendAddress(), Namespace: srv.Namespace(),
		UIURL: srv.UIURL(), TaskQueue: cfg.TaskQueue}
	printReady(out, r)
	if ready != nil {
		ready(r)
	}
	<-ctx.Done()
	fmt.Fprintln(out, "stopping ...")
	return nil
}

// loadDemo generates the demo election into dir and imports it through the
// same path as "starter import"; on a restart the import changes nothing.
func loadDemo(ctx context.Context, out io.Writer, s *store.Store, dir string, o options) error {
	p := demo.DefaultParams()
	p.Seed, p.Provinces, p.CommunesPerProvince = o.demoSeed, o.demoProvinces, o.demoCommunes
	r, err := demo.Generate(p)
	if err != nil {
		return fmt.Errorf("demo election: %w", err)
	}
	if err := roster.WriteDir(dir, r); err != nil {
		return fmt.Errorf("demo election: %w", err)
	}
	actor := store.Actor{Name: "devstack", Role: election.RoleAdministrator, Source: "devstack"}
	if _, err := importer.Import(ctx, out, s, dir, actor); err != nil {
		if errors.Is(err, importer.ErrProblems) {
			return fmt.Errorf("demo election does not import (a generator bug): %w", err)
		}
		return err
	}
	return nil
}

func printReady(w io.Writer, r Ready) {
	ui := r.UIURL
	if ui == "" {
		ui = "(disabled)"
	}
	fmt.Fprintf(w, `
electionflow devstack is running (%s). Ctrl-C stops it.

  Temporal Web UI   %s
  Temporal address  %s   namespace %s, task queue %s
  Postgres          %s

From another terminal:
  export DATABASE_URL='%s'
  export TEMPORAL_ADDRESS=%s TEMPORAL_NAMESPACE=%s
  go run ./starter help
  temporal workflow list --address %s --namespace %s
`, time.Now().Format(time.DateTime), ui, r.TemporalAddress, r.Namespace, r.TaskQueue, r.DatabaseURL,
		r.DatabaseURL, r.TemporalAddress, r.Namespace, r.TemporalAddress, r.Namespace)
}

func maxLevel(a, b zerolog.Level) zerolog.Level {
	if a > b {
		return a
	}
	return b
}
