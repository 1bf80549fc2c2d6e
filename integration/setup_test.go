package integration

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/server/temporaltest"

	"electionflow/activities"
	"electionflow/demo"
	"electionflow/election"
	"electionflow/internal/importer"
	"electionflow/internal/pgtest"
	"electionflow/ops"
	"electionflow/roster"
	"electionflow/simstaff"
	"electionflow/store"
	"electionflow/workflows"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

const taskQueue = "integration"

// stack is one test's electionflow: Temporal in process, a fresh database
// with a generated election imported, and the client path.
type stack struct {
	t      *testing.T
	ts     *temporaltest.TestServer
	store  *store.Store
	db     *pgxpool.Pool // for checks only; the code under test goes through store
	ops    *ops.Ops
	roster election.Roster
}

// newStack imports a generated election of one province and communes
// communes, with election day twenty days ago: complaints have closed,
// so the resolution can be adopted today, and the later deadlines lie ahead.
func newStack(t *testing.T, seed int64, communes int) *stack {
	t.Helper()
	ctx := context.Background()
	ts := temporaltest.NewServer(temporaltest.WithT(t))
	_, err := ts.GetDefaultClient().OperatorService().AddSearchAttributes(ctx, &operatorservice.AddSearchAttributesRequest{
		SearchAttributes: workflows.SearchAttributeTypes(), Namespace: ts.GetDefaultNamespace(),
	})
	if err != nil {
		t.Fatal(err)
	}
	url := pgtest.NewDatabase(t)
	s, err := store.OpenMigrated(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.Close)
	db, err := pgxpool.New(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(db.Close)

	p := demo.DefaultParams()
	p.Seed, p.Provinces, p.CommunesPerProvince, p.ComplaintShare = seed, 1, communes, 0.1
	p.ElectionDay = election.Today(time.Now()).AddDays(-20)
	p.Term = election.Term(fmt.Sprintf("%d-%d", p.ElectionDay.Time().Year(), p.ElectionDay.Time().Year()+5))
	r, err := demo.Generate(p)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "roster")
	if err := roster.WriteDir(dir, r); err != nil {
		t.Fatal(err)
	}
	if _, err := importer.Import(ctx, io.Discard, s, dir, store.Actor{Name: "test", Role: election.RoleAdministrator}); err != nil {
		t.Fatal(err)
	}
	return &stack{t: t, ts: ts, store: s, db: db, roster: r,
		ops: &ops.Ops{Temporal: ts.GetDefaultClient(), Store: s, TaskQueue: taskQueue}}
}

// startWorker starts a worker with every workflow and activity, as the
// worker binary registers them.
func (st *stack) startWorker() worker.Worker {
	st.t.Helper()
	w := st.ts.NewWorkerWithOptions(taskQueue, func(r worker.Registry) {
		workflows.Register(r)
		(&activities.Activities{Store: st.store}).Register(r)
	}, worker.Options{})
	return w
}

func (st *stack) term() election.Term { return st.roster.Election.Term }

// count runs a counting query for a check.
func (st *stack) count(query string, args ...any) int {
	st.t.Helper()
	var n int
	if err := st.db.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		st.t.Fatalf("%s: %v", query, err)
	}
	return n
}

// waitChecklistsClosed waits until every checklist of the election has
// finished, and fails if one did not complete.
// simulateUntil runs simulated staff until done says the work so far is
// enough: one run stops once nothing has moved for sim.Idle, which a
// starved worker on a loaded machine can exceed between two tasks, so a
// run that ends early is followed by another. sim.MaxTasks, when set,
// bounds the runs together. The counts are summed.
func (st *stack) simulateUntil(ctx context.Context, sim simstaff.Options, each func(store.InboxTask, error), done func(simstaff.Report) bool) simstaff.Report {
	st.t.Helper()
	total := simstaff.Report{ByKind: map[election.TaskKind]int{}}
	limit := sim.MaxTasks
	for {
		if limit > 0 {
			sim.MaxTasks = limit - total.Completed
		}
		r, err := simstaff.Simulate(ctx, st.ops, sim, each)
		if err != nil {
			st.t.Fatalf("simulate: %v", err)
		}
		total.Completed += r.Completed
		total.Refused += r.Refused
		for k, n := range r.ByKind {
			total.ByKind[k] += n
		}
		if done(total) {
			return total
		}
		if ctx.Err() != nil {
			st.t.Fatalf("simulated staff had not finished when the test's time ran out: %+v", total)
		}
		st.t.Logf("simulated staff stopped after %d tasks, before the end; again", total.Completed)
	}
}

// checklistsClosed says whether every council's checklist has closed.
func (st *stack) checklistsClosed(ctx context.Context) bool {
	return st.runningChecklists(ctx) == 0
}

// runningChecklists counts the councils whose checklist is still running.
func (st *stack) runningChecklists(ctx context.Context) int {
	st.t.Helper()
	c := st.ts.GetDefaultClient()
	n := 0
	for _, council := range st.roster.Councils {
		desc, err := c.DescribeWorkflowExecution(ctx, "checklist/"+string(st.term())+"/"+string(council.Code), "")
		if err != nil {
			st.t.Fatalf("describe the checklist of %s: %v", council.Code, err)
		}
		if desc.GetWorkflowExecutionInfo().GetStatus() == enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
			n++
		}
	}
	return n
}

func (st *stack) waitChecklistsClosed(ctx context.Context) {
	st.t.Helper()
	c := st.ts.GetDefaultClient()
	for _, council := range st.roster.Councils {
		run := c.GetWorkflow(ctx, "checklist/"+string(st.term())+"/"+string(council.Code), "")
		if err := run.Get(ctx, nil); err != nil {
			st.t.Fatalf("checklist of %s: %v", council.Code, err)
		}
		desc, err := c.DescribeWorkflowExecution(ctx, run.GetID(), "")
		if err != nil {
			st.t.Fatal(err)
		}
		if s := desc.GetWorkflowExecutionInfo().GetStatus(); s != enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED {
			st.t.Errorf("checklist of %s is %s", council.Code, s)
		}
	}
}
