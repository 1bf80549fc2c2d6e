package devserver_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/rs/zerolog"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"electionflow/devserver"
)

// newPostgresStore returns a PostgresStore on DATABASE_URL's server with
// database names of this test's own, dropped when the test ends.
func newPostgresStore(t *testing.T) *devserver.PostgresStore {
	t.Helper()
	base := os.Getenv("DATABASE_URL")
	p, err := devserver.PostgresFromURL(base)
	if err != nil {
		t.Fatal(err)
	}
	random := make([]byte, 6)
	_, _ = rand.Read(random)
	p.Database = "t_temporal_" + hex.EncodeToString(random)
	p.VisibilityDatabase = p.Database + "_visibility"
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop Temporal's databases: %v", err)
			return
		}
		defer conn.Close(ctx)
		for _, db := range []string{p.Database, p.VisibilityDatabase} {
			if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+pgx.Identifier{db}.Sanitize()+" WITH (FORCE)"); err != nil {
				t.Errorf("drop database %s: %v", db, err)
			}
		}
	})
	return p
}

// councilWorkflow stands for a checklist: it runs until cancelled and
// answers the "stage" query.
func councilWorkflow(ctx workflow.Context, stage string) error {
	if err := workflow.SetQueryHandler(ctx, "stage", func() (string, error) { return stage, nil }); err != nil {
		return err
	}
	return workflow.Await(ctx, func() bool { return false })
}

// queryStage runs a worker for councilWorkflow on c until the query of
// workflow id answers, and returns the answer.
func queryStage(ctx context.Context, t *testing.T, c client.Client, id string) string {
	t.Helper()
	w := worker.New(c, "devserver-pg-test", worker.Options{})
	w.RegisterWorkflow(councilWorkflow)
	if err := w.Start(); err != nil {
		t.Fatalf("worker start: %v", err)
	}
	defer w.Stop()
	resp, err := c.QueryWorkflow(ctx, id, "", "stage")
	if err != nil {
		t.Fatalf("query %s: %v", id, err)
	}
	var stage string
	if err := resp.Get(&stage); err != nil {
		t.Fatalf("query result: %v", err)
	}
	return stage
}

// listBy waits until listing workflows by query finds exactly the workflow
// id (visibility is written asynchronously) or ctx ends.
func listBy(ctx context.Context, t *testing.T, c client.Client, query, id string) {
	t.Helper()
	var last []string
	for {
		resp, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Query: query})
		if err != nil {
			t.Fatalf("list by %s: %v", query, err)
		}
		last = last[:0]
		for _, e := range resp.GetExecutions() {
			last = append(last, e.GetExecution().GetWorkflowId())
		}
		if len(last) == 1 && last[0] == id {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("list by %s found %v, want [%s]", query, last, id)
		case <-time.After(200 * time.Millisecond):
		}
	}
}

// On Postgres the server starts from nothing (databases, schema, namespace,
// search attributes), lists a workflow by a custom search attribute, keeps
// it running across a restart, and refuses another shard count.
func TestPostgresStartRestartAndShards(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real Temporal server")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	pg := newPostgresStore(t)
	opts := devserver.Options{
		Postgres:         pg,
		HistoryShards:    2,
		UIPort:           -1,
		Namespace:        testNamespace,
		SearchAttributes: testSearchAttributes,
		Logger:           zerolog.New(zerolog.NewTestWriter(t)),
	}

	srv := startServerWith(t, opts)
	if got := srv.HistoryShards(); got != 2 {
		t.Errorf("HistoryShards() = %d, want 2", got)
	}
	c := dial(t, srv)
	assertSearchAttributes(ctx, t, c)
	ns, err := c.WorkflowService().DescribeNamespace(ctx, &workflowservice.DescribeNamespaceRequest{Namespace: testNamespace})
	if err != nil {
		t.Fatalf("DescribeNamespace: %v", err)
	}
	if got := ns.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(); got != 30*24*time.Hour {
		t.Errorf("namespace retention = %v, want 720h", got)
	}
	code := temporal.NewSearchAttributeKeyKeyword("ElectionCouncilCode")
	opens := temporal.NewSearchAttributeKeyInt64("ElectionOpenTasks")
	const id = "checklist/2026-2031/pg-council"
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID:                    id,
		TaskQueue:             "devserver-pg-test",
		TypedSearchAttributes: temporal.NewSearchAttributes(code.ValueSet("20003"), opens.ValueSet(4)),
	}, councilWorkflow, "credentials/review")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	// A decoy, so that the list must filter.
	if _, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID: "checklist/2026-2031/other", TaskQueue: "devserver-pg-test",
		TypedSearchAttributes: temporal.NewSearchAttributes(code.ValueSet("20004")),
	}, councilWorkflow, "first-session"); err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	listBy(ctx, t, c, `ElectionCouncilCode = "20003"`, id)
	listBy(ctx, t, c, `ElectionOpenTasks > 3`, id)
	if got := queryStage(ctx, t, c, id); got != "credentials/review" {
		t.Errorf("query before restart = %q", got)
	}
	c.Close()
	if err := srv.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}

	// Another shard count is refused before the server starts, naming both.
	bad := opts
	bad.HistoryShards = 8
	_, err = devserver.Start(ctx, bad)
	var mismatch *devserver.ShardMismatchError
	if !errors.As(err, &mismatch) || mismatch.Recorded != 2 || mismatch.Wanted != 8 ||
		!strings.Contains(err.Error(), "created with 2 history shards, and 8 were asked for") {
		t.Fatalf("Start with 8 shards on a 2-shard database: %v; want a ShardMismatchError naming 2 and 8", err)
	}
	t.Logf("mismatch: %v", err)

	// Again on the same databases, with the default count: the recorded
	// one is used, and the workflow is still running and answers.
	again := opts
	again.HistoryShards = 0
	srv2 := startServerWith(t, again)
	if got := srv2.HistoryShards(); got != 2 {
		t.Errorf("HistoryShards() after restart = %d, want the recorded 2", got)
	}
	c2 := dial(t, srv2)
	defer c2.Close()
	assertSearchAttributes(ctx, t, c2)
	desc, err := c2.DescribeWorkflowExecution(ctx, id, run.GetRunID())
	if err != nil {
		t.Fatalf("DescribeWorkflowExecution after restart: %v", err)
	}
	if got := desc.GetWorkflowExecutionInfo().GetStatus(); got != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		t.Errorf("status after restart = %s, want RUNNING", got)
	}
	if got := queryStage(ctx, t, c2, id); got != "credentials/review" {
		t.Errorf("query after restart = %q", got)
	}
	listBy(ctx, t, c2, `ElectionCouncilCode = "20003"`, id)
}

// PostgresFromURL reads DATABASE_URL-style strings of both forms.
func TestPostgresFromURL(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"postgres://ef:s3cret@db.example:6543/electionflow?sslmode=disable", "db.example:6543 ef s3cret disable"},
		{"host=127.0.0.1 port=15432 user=postgres dbname=electionflow sslmode=disable", "127.0.0.1:15432 postgres  disable"},
	} {
		p, err := devserver.PostgresFromURL(tt.in)
		if err != nil {
			t.Fatalf("%s: %v", tt.in, err)
		}
		got := fmt.Sprintf("%s:%d %s %s %s", p.Host, p.Port, p.User, p.Password, p.SSLMode)
		if got != tt.want || p.Database != "" {
			t.Errorf("PostgresFromURL(%q) = %q (database %q), want %q and Temporal's default names", tt.in, got, p.Database, tt.want)
		}
	}
}
