package rehearsal

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"electionflow/checklist"
	"electionflow/devserver"
	"electionflow/internal/pgtest"
	"electionflow/internal/wiring"
	"electionflow/ops"
	"electionflow/store"
	"electionflow/workflows"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// figureKeys are the figures every complete rehearsal writes, each
// positive.
func figureKeys() []string {
	return []string{
		"councils", "persons", "tasks", "start_s", "first_tasks_open_s", "end_to_end_s", "tasks_per_s",
		"round_trip_p50_ms", "round_trip_p95_ms", "round_trip_p99_ms",
		"workflows", "history_events", "history_events_per_task", "workflow_tasks_per_task", "workflow_tasks_councils",
		"baseline_s",
		"bare_activity_updates", "bare_activity_updates_per_s", "bare_activity_p50_ms", "bare_activity_p95_ms", "bare_activity_p99_ms",
		"bare_local_activity_updates", "bare_local_activity_updates_per_s", "bare_local_activity_p50_ms",
		"bare_local_activity_p95_ms", "bare_local_activity_p99_ms",
		"tasks_per_s_to_bare_activity", "tasks_per_s_to_bare_local_activity",
	}
}

// A small rehearsal runs end to end through Run, as `starter rehearse`
// does, on an in-process Temporal server with the production worker and
// a real Postgres: a clean end state, and every figure present and
// positive in the JSON.
func TestRunSmallRehearsal(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Temporal server")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	srv, err := devserver.Start(ctx, devserver.Options{
		DataDir: t.TempDir(), UIPort: -1, SearchAttributes: workflows.SearchAttributeTypes(), Logger: zerolog.Nop(),
	})
	if err != nil {
		t.Fatalf("start Temporal: %v", err)
	}
	t.Cleanup(func() { _ = srv.Stop() })
	s, err := store.OpenMigrated(ctx, pgtest.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	c, err := wiring.DialOptions(ctx, clientOptions(srv), zerolog.Nop())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	const queue = "rehearsal-test"
	w := wiring.NewWorker(c, queue, s, 0, nil)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)

	jsonPath := filepath.Join(t.TempDir(), "figures.json")
	var table, log bytes.Buffer
	opts := Options{Provinces: 1, Communes: 2, Workers: 4, Baseline: 2 * time.Second, Seed: 3, Idle: time.Minute, JSONPath: jsonPath}
	fig, err := Run(ctx, &ops.Ops{Temporal: c, Store: s, TaskQueue: queue}, opts, Output{Table: &table, Log: &log})
	if err != nil {
		t.Fatalf("Run: %v\n%s\n%s", err, table.String(), log.String())
	}
	t.Logf("table:\n%s", table.String())
	if !fig.EndStateOK || len(fig.Problems) > 0 || fig.Interrupted {
		t.Errorf("end state: ok %v, problems %v, interrupted %v", fig.EndStateOK, fig.Problems, fig.Interrupted)
	}
	if fig.Councils != 3 || fig.WorkflowTasksSampled {
		t.Errorf("councils %d (want 3), sampled %v (want every council read)", fig.Councils, fig.WorkflowTasksSampled)
	}

	b, err := os.ReadFile(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	for _, k := range figureKeys() {
		v, ok := got[k].(float64)
		if !ok || v <= 0 {
			t.Errorf("figure %s = %v, want a positive number", k, got[k])
		}
	}
	if got["end_state_ok"] != true || got["term"] != fig.Term {
		t.Errorf("JSON end_state_ok %v, term %v (want true, %s)", got["end_state_ok"], got["term"], fig.Term)
	}
	if !strings.HasPrefix(fig.Term, time.Now().AddDate(0, 0, -ElectionDayAge).Format("2006")+"-") {
		t.Errorf("term %s does not start with election day's year", fig.Term)
	}
	for _, want := range []string{"end state: clean", "update + local activity", "history events per task", "targets of issue 9"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q", want)
		}
	}
	if !strings.Contains(log.String(), "councils done 3/3") {
		t.Errorf("progress line never showed every council done:\n%s", log.String())
	}

	// The first generation of checklist workflows runs on the same
	// server, to compare before and after: recognised as checklists by
	// their IDs, whatever their type.
	t.Run("first generation", func(t *testing.T) {
		var table, log bytes.Buffer
		first := opts
		first.Baseline, first.JSONPath, first.ChecklistType = 0, "", checklist.WorkflowChecklistV1
		fig, err := Run(ctx, &ops.Ops{Temporal: c, Store: s, TaskQueue: queue}, first, Output{Table: &table, Log: &log})
		if err != nil {
			t.Fatalf("Run: %v\n%s\n%s", err, table.String(), log.String())
		}
		if !fig.EndStateOK || fig.HistoryEventsPerTask <= 0 || !strings.Contains(table.String(), "checklists of type "+checklist.WorkflowChecklistV1) {
			t.Errorf("first generation: end state ok %v, %v events per task:\n%s", fig.EndStateOK, fig.HistoryEventsPerTask, table.String())
		}
		t.Logf("first generation:\n%s", table.String())
	})

	// A second rehearsal on the same server and database picks a term of
	// its own.
	t.Run("own term", func(t *testing.T) {
		r := &run{o: &ops.Ops{Temporal: c, Store: s}, opts: opts.withDefaults()}
		term, err := r.chooseTerm(ctx, electionDay(opts.withDefaults()))
		if err != nil {
			t.Fatal(err)
		}
		if string(term) == fig.Term {
			t.Errorf("second rehearsal in the same minute chose the first one's term %s", term)
		}
	})
}

// clientOptions reach the in-process server.
func clientOptions(srv *devserver.Server) client.Options {
	return client.Options{HostPort: srv.FrontendAddress(), Namespace: srv.Namespace()}
}
