package devserver_test

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"

	"electionflow/devserver"
)

var testSearchAttributes = map[string]enumspb.IndexedValueType{
	"ElectionCouncilCode": enumspb.INDEXED_VALUE_TYPE_KEYWORD,
	"ElectionOpenTasks":   enumspb.INDEXED_VALUE_TYPE_INT,
	"ElectionDeadline":    enumspb.INDEXED_VALUE_TYPE_DATETIME,
}

const testNamespace = "electionflow-test"

// startServer starts a server on dataDir with the test namespace and
// search attributes, stopped when the test ends.
func startServer(t *testing.T, dataDir string) *devserver.Server {
	t.Helper()
	return startServerWith(t, devserver.Options{
		DataDir:          dataDir,
		Namespace:        testNamespace,
		SearchAttributes: testSearchAttributes,
		Logger:           zerolog.New(zerolog.NewTestWriter(t)),
	})
}

// startServerWith starts a server with opts, stopped when the test ends.
func startServerWith(t *testing.T, opts devserver.Options) *devserver.Server {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	began := time.Now()
	srv, err := devserver.Start(ctx, opts)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Logf("started in %v: frontend %s, UI %s", time.Since(began), srv.FrontendAddress(), srv.UIURL())
	t.Cleanup(func() {
		if err := srv.Stop(); err != nil {
			t.Errorf("Stop in cleanup: %v", err)
		}
	})
	return srv
}

func dial(t *testing.T, srv *devserver.Server) client.Client {
	t.Helper()
	c, err := client.Dial(client.Options{HostPort: srv.FrontendAddress(), Namespace: srv.Namespace()})
	if err != nil {
		t.Fatalf("client.Dial(%s): %v", srv.FrontendAddress(), err)
	}
	return c
}

func TestStartPersistsAcrossRestart(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real Temporal server")
	}
	ctx := context.Background()
	dataDir := t.TempDir()

	// First run.
	srv := startServer(t, dataDir)
	if got := srv.Namespace(); got != testNamespace {
		t.Errorf("Namespace() = %q, want %q", got, testNamespace)
	}
	if _, err := os.Stat(filepath.Join(dataDir, devserver.DBFileName)); err != nil {
		t.Fatalf("database file not created: %v", err)
	}
	c := dial(t, srv)
	if _, err := c.CheckHealth(ctx, &client.CheckHealthRequest{}); err != nil {
		t.Fatalf("CheckHealth: %v", err)
	}
	assertSearchAttributes(ctx, t, c)
	assertUI(t, srv.UIURL())
	ns, err := c.WorkflowService().DescribeNamespace(ctx,
		&workflowservice.DescribeNamespaceRequest{Namespace: testNamespace})
	if err != nil {
		t.Fatalf("DescribeNamespace: %v", err)
	}
	if got := ns.GetConfig().GetWorkflowExecutionRetentionTtl().AsDuration(); got != 30*24*time.Hour {
		t.Errorf("namespace retention = %v, want 720h", got)
	}

	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID:        "checklist/2026-2031/test-council",
		TaskQueue: "nobody",
	}, "ChecklistWorkflow")
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	c.Close()
	if err := srv.Stop(); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if err := srv.Stop(); err != nil {
		t.Fatalf("second Stop: %v", err)
	}

	// Second run on the same data: same search attributes must not fail,
	// and the workflow started before is still there and running.
	srv2 := startServer(t, dataDir)
	c2 := dial(t, srv2)
	defer c2.Close()
	assertSearchAttributes(ctx, t, c2)
	desc, err := c2.DescribeWorkflowExecution(ctx, run.GetID(), run.GetRunID())
	if err != nil {
		t.Fatalf("DescribeWorkflowExecution after restart: %v", err)
	}
	info := desc.GetWorkflowExecutionInfo()
	if got := info.GetStatus(); got != enumspb.WORKFLOW_EXECUTION_STATUS_RUNNING {
		t.Errorf("status after restart = %s, want RUNNING", got)
	}
	if got := info.GetType().GetName(); got != "ChecklistWorkflow" {
		t.Errorf("workflow type after restart = %q, want ChecklistWorkflow", got)
	}
}

func assertSearchAttributes(ctx context.Context, t *testing.T, c client.Client) {
	t.Helper()
	resp, err := c.OperatorService().ListSearchAttributes(ctx,
		&operatorservice.ListSearchAttributesRequest{Namespace: testNamespace})
	if err != nil {
		t.Fatalf("ListSearchAttributes: %v", err)
	}
	for name, want := range testSearchAttributes {
		got, ok := resp.GetCustomAttributes()[name]
		switch {
		case !ok:
			t.Errorf("search attribute %s not registered (custom: %v)", name, resp.GetCustomAttributes())
		case got != want:
			t.Errorf("search attribute %s has type %s, want %s", name, got, want)
		}
	}
}

func assertUI(t *testing.T, url string) {
	t.Helper()
	if !strings.HasPrefix(url, "http://127.0.0.1:") {
		t.Fatalf("UIURL() = %q, want http://127.0.0.1:PORT", url)
	}
	resp, err := http.Get(url + "/")
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read UI page: %v", err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: status %s", url, resp.Status)
	}
	if !strings.Contains(strings.ToLower(string(body)), "<html") {
		t.Errorf("GET %s: not an HTML page: %.200q", url, body)
	}
}

func TestStartRequiresDataDir(t *testing.T) {
	_, err := devserver.Start(context.Background(), devserver.Options{})
	if err == nil {
		t.Fatal("Start without DataDir succeeded, want error")
	}
	if !strings.Contains(err.Error(), "DataDir") {
		t.Errorf("error %q does not name DataDir", err)
	}
}

func TestStartRejectsHostName(t *testing.T) {
	_, err := devserver.Start(context.Background(), devserver.Options{DataDir: t.TempDir(), Host: "example.org"})
	if err == nil || !strings.Contains(err.Error(), "not an IP address") {
		t.Fatalf("Start with host name: err = %v, want 'not an IP address'", err)
	}
}

func TestStartWithoutUI(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real Temporal server")
	}
	srv := startServerWith(t, devserver.Options{DataDir: t.TempDir(), UIPort: -1})
	if got := srv.UIURL(); got != "" {
		t.Errorf("UIURL() = %q without UI, want empty", got)
	}
	if got := srv.Namespace(); got != devserver.DefaultNamespace {
		t.Errorf("Namespace() = %q, want %q", got, devserver.DefaultNamespace)
	}
}
