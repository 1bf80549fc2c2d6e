package devserver_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"
	"go.temporal.io/server/common/config"

	"electionflow/devserver"
	"electionflow/pglocal"
)

// loadWorkflow owns human tasks as electionflow's areas do: each "task"
// update runs one activity and answers with its result.
func loadWorkflow(ctx workflow.Context) error {
	if err := workflow.SetUpdateHandler(ctx, "task", func(ctx workflow.Context, n int) (int, error) {
		ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{StartToCloseTimeout: 10 * time.Second})
		var r int
		err := workflow.ExecuteActivity(ctx, loadActivity, n).Get(ctx, &r)
		return r, err
	}); err != nil {
		return err
	}
	return workflow.Await(ctx, func() bool { return false })
}

// loadActivity stands for an activity that records a completion.
func loadActivity(_ context.Context, n int) (int, error) { return n + 1, nil }

// loadConfig is one server configuration the load test measures.
type loadConfig struct {
	name      string
	sqlite    bool
	shards    int32
	async     bool
	dbDefault bool // database/sql's pool defaults instead of devserver's
	dynamic   map[string]any
	workflows int
}

// loadConfigs are the configurations by name: the shard counts on the
// settings devserver uses, and each setting against its alternative.
var loadConfigs = []loadConfig{
	{name: "sqlite", sqlite: true, shards: 1, workflows: 64},
	{name: "pg-s1", shards: 1, async: true, workflows: 64},
	{name: "pg-s2", shards: 2, async: true, workflows: 64},
	{name: "pg-s4", shards: 4, async: true, workflows: 64},
	{name: "pg-s8", shards: 8, async: true, workflows: 64},
	{name: "pg-s4-sync", shards: 4, workflows: 64},
	{name: "pg-s4-pooldefault", shards: 4, async: true, dbDefault: true, workflows: 64},
	{name: "pg-s4-part1", shards: 4, async: true, workflows: 64, dynamic: map[string]any{
		"matching.numTaskqueueReadPartitions": 1, "matching.numTaskqueueWritePartitions": 1}},
	// More open workflows than the cache holds (as 20,000 open workflows
	// of a national rehearsal against a cache of 8,096), scaled down.
	{name: "pg-s4-cache256-wf1024", shards: 4, async: true, workflows: 1024, dynamic: map[string]any{
		"history.hostLevelCacheMaxSize": 256}},
	{name: "pg-s4-cache8096-wf1024", shards: 4, async: true, workflows: 1024, dynamic: map[string]any{
		"history.hostLevelCacheMaxSize": 8096}},
}

// loadResult is one measurement.
type loadResult struct {
	updates  int
	errors   int
	perSec   float64
	p50, p99 time.Duration
}

// TestLoad measures updates per second and their latency on the server
// configurations named in DEVSERVER_LOAD (comma-separated, or "all"), each
// DEVSERVER_LOAD_ROUNDS times (default 1) interleaved, with 8 concurrent
// senders for DEVSERVER_LOAD_SECONDS (default 20) after a 3 s warm-up. Its
// Postgres is a private cluster with fsync on, as devstack's. It is skipped
// unless DEVSERVER_LOAD is set:
//
//	DEVSERVER_LOAD=all go test -run TestLoad -v -timeout 60m ./devserver
func TestLoad(t *testing.T) {
	which := os.Getenv("DEVSERVER_LOAD")
	if which == "" {
		t.Skip("set DEVSERVER_LOAD=all (or config names) to measure")
	}
	seconds, rounds := envInt("DEVSERVER_LOAD_SECONDS", 20), envInt("DEVSERVER_LOAD_ROUNDS", 1)
	var configs []loadConfig
	for _, c := range loadConfigs {
		if which == "all" || slices.Contains(strings.Split(which, ","), c.name) {
			configs = append(configs, c)
		}
	}
	dir, err := os.MkdirTemp("", "devserver-load-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o711); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	pg, err := pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(dir, "pg")})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = pg.Stop(context.Background()) })

	results := map[string][]loadResult{}
	for round := 0; round < rounds; round++ {
		for i, c := range configs {
			r := runLoad(t, c, pg.URL(), filepath.Join(dir, fmt.Sprintf("sqlite-%d-%d", round, i)), time.Duration(seconds)*time.Second)
			t.Logf("round %d %-24s %7.1f updates/s  p50 %4d ms  p99 %4d ms  (%d updates, %d errors)",
				round+1, c.name, r.perSec, r.p50.Milliseconds(), r.p99.Milliseconds(), r.updates, r.errors)
			results[c.name] = append(results[c.name], r)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n| configuration | updates/s (each round) | p50 ms | p99 ms |\n|---|---|---|---|\n")
	for _, c := range configs {
		var rates, p50s, p99s []string
		for _, r := range results[c.name] {
			rates = append(rates, fmt.Sprintf("%.1f", r.perSec))
			p50s = append(p50s, strconv.FormatInt(r.p50.Milliseconds(), 10))
			p99s = append(p99s, strconv.FormatInt(r.p99.Milliseconds(), 10))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", c.name, strings.Join(rates, ", "), strings.Join(p50s, ", "), strings.Join(p99s, ", "))
	}
	t.Log(b.String())
}

// runLoad starts a server with c on fresh databases and measures it.
func runLoad(t *testing.T, c loadConfig, databaseURL, sqliteDir string, measure time.Duration) loadResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), measure+5*time.Minute)
	defer cancel()
	opts := devserver.Options{HistoryShards: c.shards, UIPort: -1, Logger: zerolog.New(zerolog.NewTestWriter(t)).Level(zerolog.ErrorLevel)}
	if c.sqlite {
		opts.DataDir = sqliteDir
	} else {
		p, err := devserver.PostgresFromURL(databaseURL)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.ReplaceAll(c.name, "-", "_") + "_" + strconv.FormatInt(time.Now().UnixNano(), 36)
		p.Database, p.VisibilityDatabase, p.AsyncCommit = "load_"+name, "load_"+name+"_vis", c.async
		opts.Postgres = p
	}
	var tweak func(*config.SQL)
	if c.dbDefault {
		tweak = func(s *config.SQL) { s.MaxConns, s.MaxIdleConns = 0, 0 }
	}
	srv, err := devserver.StartTuned(ctx, opts, c.dynamic, tweak)
	if err != nil {
		t.Fatalf("%s: %v", c.name, err)
	}
	defer srv.Stop()
	cl, err := client.Dial(client.Options{HostPort: srv.FrontendAddress(), Namespace: srv.Namespace()})
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	const taskQueue = "load"
	w := worker.New(cl, taskQueue, worker.Options{})
	w.RegisterWorkflow(loadWorkflow)
	w.RegisterActivity(loadActivity)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()

	ids := make([]string, c.workflows)
	for i := range ids {
		ids[i] = fmt.Sprintf("load/%d", i)
		if _, err := cl.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: ids[i], TaskQueue: taskQueue}, loadWorkflow); err != nil {
			t.Fatalf("%s: start %s: %v", c.name, ids[i], err)
		}
	}

	const senders = 8
	warm := time.Now().Add(3 * time.Second)
	end := warm.Add(measure)
	var mu sync.Mutex
	var lat []time.Duration
	var errs int
	var wg sync.WaitGroup
	for s := 0; s < senders; s++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := s; time.Now().Before(end); k += senders {
				began := time.Now()
				h, err := cl.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
					WorkflowID: ids[k%len(ids)], UpdateName: "task", Args: []any{k},
					WaitForStage: client.WorkflowUpdateStageCompleted,
				})
				var r int
				if err == nil {
					err = h.Get(ctx, &r)
				}
				done := time.Now()
				if began.Before(warm) || done.After(end) {
					continue
				}
				mu.Lock()
				if err != nil {
					if errs == 0 {
						t.Logf("%s: first error: %v", c.name, err)
					}
					errs++
				} else {
					lat = append(lat, done.Sub(began))
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	r := loadResult{updates: len(lat), errors: errs, perSec: float64(len(lat)) / measure.Seconds()}
	if len(lat) > 0 {
		r.p50, r.p99 = lat[len(lat)/2], lat[len(lat)*99/100]
	}
	return r
}

// envInt reads a positive integer from the environment, or def.
func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}
