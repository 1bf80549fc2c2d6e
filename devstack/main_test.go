package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/operatorservice/v1"
	"go.temporal.io/sdk/client"

	"electionflow/devserver"
	"electionflow/store"
	"electionflow/workflows"
)

// syncBuffer is a bytes.Buffer safe to write from run's goroutine while the
// test reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startStack runs devstack on dataDir with free ports and no DATABASE_URL
// (so it starts its own Postgres), and returns where it is and a function
// that stops it and returns run's error.
func startStack(t *testing.T, dataDir string, out io.Writer) (Ready, func() error) {
	t.Helper()
	return startStackWith(t, dataDir, out, nil)
}

// startStackWith is startStack with the options changed by change (if not
// nil) after the test's defaults are set.
func startStackWith(t *testing.T, dataDir string, out io.Writer, change func(*options)) (Ready, func() error) {
	t.Helper()
	o := testOptions(dataDir)
	if change != nil {
		change(&o)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan Ready, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, o, out, func(r Ready) { ready <- r }) }()
	select {
	case r := <-ready:
		return r, func() error { cancel(); return <-done }
	case err := <-done:
		cancel()
		t.Fatalf("devstack stopped before it was ready: %v", err)
	case <-time.After(2 * time.Minute):
		cancel()
		t.Fatal("devstack not ready after 2 minutes")
	}
	return Ready{}, nil
}

// testOptions are devstack's options for a test on dataDir: free ports, a
// one-province demo, no DATABASE_URL (so it starts its own Postgres).
func testOptions(dataDir string) options {
	o := defaultOptions()
	o.dataDir, o.temporalPort, o.uiPort, o.pgPort, o.webPort = dataDir, 0, 0, 0, 0
	o.smtpPort, o.mailPort = 0, 0
	o.demoProvinces, o.demoCommunes = 1, 1
	o.simulatePace, o.simulateIdle = 0, 3*time.Second
	o.lookup = func(k string) (string, bool) {
		if k == "TEMPORAL_CONFIG_FILE" {
			return filepath.Join(dataDir, "none.toml"), true
		}
		return "", false
	}
	return o
}

// pollers returns how many workers poll the electionflow task queue for
// workflow tasks, as Temporal sees them.
func pollers(ctx context.Context, t *testing.T, c client.Client, taskQueue string) int {
	t.Helper()
	resp, err := c.DescribeTaskQueue(ctx, taskQueue, enumspb.TASK_QUEUE_TYPE_WORKFLOW)
	if err != nil {
		t.Fatalf("describe task queue %s: %v", taskQueue, err)
	}
	return len(resp.GetPollers())
}

// tempDataDir makes a data folder the private Postgres can reach when it
// runs as another user, removed when the test ends.
func tempDataDir(t *testing.T) string {
	t.Helper()
	dataDir, err := os.MkdirTemp("", "devstack-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dataDir) })
	if err := os.Chmod(dataDir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dataDir
}

// The README's first command: the stack comes up with the demo election
// imported, search attributes registered and the UI served, and a restart on
// the same data folder keeps what was there.
func TestDevstackStartsAndRestarts(t *testing.T) {
	ctx := context.Background()
	dataDir := tempDataDir(t)

	var out syncBuffer
	r, stop := startStack(t, dataDir, &out)
	for _, want := range []string{"Temporal Web UI   " + r.UIURL, "export DATABASE_URL='" + r.DatabaseURL + "'", "imported election ", "started 2, already started 0",
		"Temporal store    Postgres databases temporal and temporal_visibility", "history shards", "go run ./worker "} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	resp, err := http.Get(r.UIURL)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(string(page)), "<html") {
		t.Errorf("UI GET %s = %d, %.100q", r.UIURL, resp.StatusCode, page)
	}

	// The web front end serves its sign-in page, and the demo users are
	// printed with how to sign in.
	resp, err = http.Get(r.WebURL + "/signin")
	if err != nil {
		t.Fatal(err)
	}
	page, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(page), "<form") {
		t.Errorf("web GET /signin = %d, %.200q", resp.StatusCode, page)
	}
	if len(r.DemoUsers) < 7 || !strings.Contains(out.String(), `Sign in with password "demo-electionflow"`) {
		t.Errorf("demo users %v; output:\n%s", r.DemoUsers, out.String())
	}
	// The caught mail's page answers, and its address and the catcher's
	// SMTP_URL are printed for workers started apart.
	resp, err = http.Get(r.MailURL)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(out.String(), "Caught mail       "+r.MailURL) ||
		!strings.Contains(out.String(), "export SMTP_URL='"+r.SMTPURL+"'") {
		t.Errorf("caught mail page %s = %d; output:\n%s", r.MailURL, resp.StatusCode, out.String())
	}

	c, err := client.Dial(client.Options{HostPort: r.TemporalAddress, Namespace: r.Namespace})
	if err != nil {
		t.Fatal(err)
	}
	attrs, err := c.OperatorService().ListSearchAttributes(ctx, &operatorservice.ListSearchAttributesRequest{Namespace: r.Namespace})
	if err != nil {
		t.Fatal(err)
	}
	for name, typ := range workflows.SearchAttributeTypes() {
		if got, ok := attrs.GetCustomAttributes()[name]; !ok || got != typ {
			t.Errorf("search attribute %s = %v, %v; want %v", name, got, ok, typ)
		}
	}
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "devstack-test/probe", TaskQueue: "devstack-test-nobody"}, "Probe")
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	s, err := store.Open(ctx, r.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.ListElections(ctx)
	s.Close()
	if err != nil || len(list) != 1 || list[0].Councils != 2 {
		t.Errorf("elections after start: %+v, %v", list, err)
	}
	// Simulated staff take the demo through every task.
	deadline := time.Now().Add(90 * time.Second)
	for !strings.Contains(out.String(), "simulated staff: no task left after") {
		if time.Now().After(deadline) {
			t.Fatalf("simulated staff did not finish:\n%s", out.String())
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !strings.Contains(out.String(), "; 2 of 2 checklists of "+string(list[0].Term)+" done") {
		t.Errorf("simulated staff did not say every checklist is done:\n%s", out.String())
	}
	s, err = store.Open(ctx, r.DatabaseURL)
	if err != nil {
		t.Fatal(err)
	}
	summary, err := s.Summary(ctx, list[0].Term, "")
	s.Close()
	if err != nil || len(summary) != 1 || summary[0].Done != 2 || summary[0].Certificates == 0 || summary[0].Certificates != summary[0].HandedOver {
		t.Errorf("summary after the simulated staff: %+v, %v", summary, err)
	}
	if err := stop(); err != nil {
		t.Fatalf("devstack run: %v", err)
	}

	// Again on the same folder: the workflow is still there and the demo
	// import changes nothing.
	var again syncBuffer
	r2, stop2 := startStack(t, dataDir, &again)
	defer func() {
		if err := stop2(); err != nil {
			t.Errorf("devstack run after restart: %v", err)
		}
	}()
	if !strings.Contains(again.String(), "nothing changed") || !strings.Contains(again.String(), "started 0, already started 2") {
		t.Errorf("restart re-imported the demo:\n%s", again.String())
	}
	c2, err := client.Dial(client.Options{HostPort: r2.TemporalAddress, Namespace: r2.Namespace})
	if err != nil {
		t.Fatal(err)
	}
	defer c2.Close()
	desc, err := c2.DescribeWorkflowExecution(ctx, "devstack-test/probe", run.GetRunID())
	if err != nil {
		t.Fatalf("workflow from before the restart: %v", err)
	}
	if desc.GetWorkflowExecutionInfo().GetType().GetName() != "Probe" {
		t.Errorf("described %v", desc.GetWorkflowExecutionInfo())
	}
	// The in-process worker polls (the test without it expects none).
	deadline = time.Now().Add(30 * time.Second)
	for pollers(ctx, t, c2, r2.TaskQueue) == 0 {
		if time.Now().After(deadline) {
			t.Fatal("no worker polls the task queue of devstack with its worker")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// -worker=false (and -web-port -1) runs Temporal and Postgres only: nothing
// polls the task queue, the output says how to start workers, and a
// restart asking for another shard count is refused.
func TestDevstackWithoutWorker(t *testing.T) {
	ctx := context.Background()
	dataDir := tempDataDir(t)
	var out syncBuffer
	r, stop := startStackWith(t, dataDir, &out, func(o *options) {
		o.worker, o.webPort, o.uiPort, o.demo = false, -1, -1, false
	})
	for _, want := range []string{"Worker            none in this process (-worker=false)", "go run ./worker          # a worker process",
		"Web inbox, board  (disabled)", "export TEMPORAL_ADDRESS=" + r.TemporalAddress} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	c, err := client.Dial(client.Options{HostPort: r.TemporalAddress, Namespace: r.Namespace})
	if err != nil {
		t.Fatal(err)
	}
	// Give a worker, were there one, the time to poll.
	time.Sleep(2 * time.Second)
	if n := pollers(ctx, t, c, r.TaskQueue); n != 0 {
		t.Errorf("%d pollers on %s with -worker=false, want none", n, r.TaskQueue)
	}
	c.Close()
	if err := stop(); err != nil {
		t.Fatalf("devstack run: %v", err)
	}

	o := testOptions(dataDir)
	o.worker, o.webPort, o.uiPort, o.demo, o.temporalShards = false, -1, -1, false, devserver.DefaultHistoryShards+1
	err = run(ctx, o, io.Discard, func(Ready) { t.Error("devstack started with another shard count") })
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("created with %d history shards, and %d were asked for", devserver.DefaultHistoryShards, devserver.DefaultHistoryShards+1)) {
		t.Errorf("restart with another shard count: %v", err)
	}
}

func TestParseFlags(t *testing.T) {
	tests := []struct {
		args    []string
		wantErr bool
		check   func(options) bool
	}{
		{nil, false, func(o options) bool { return o.temporalPort == 7233 && o.uiPort == 8233 && o.demo }},
		{[]string{"--port", "0", "--demo=false", "--data", "x"}, false, func(o options) bool { return o.temporalPort == 0 && !o.demo && o.dataDir == "x" }},
		{nil, false, func(o options) bool {
			return o.worker && o.temporalDB == "postgres" && !o.temporalDBSet && o.temporalShards == 0
		}},
		{[]string{"-worker=false", "-temporal-db", "sqlite", "-temporal-shards", "2"}, false, func(o options) bool {
			return !o.worker && o.temporalDB == "sqlite" && o.temporalDBSet && o.temporalShards == 2
		}},
		{[]string{"-demo-days-ago", "40"}, false, func(o options) bool { return o.demoDaysAgo == 40 }},
		{nil, false, func(o options) bool { return o.demoDaysAgo == 20 && o.mail && o.smtpPort == 1025 && o.mailPort == 8025 }},
		{[]string{"-demo-days-ago", "-1"}, true, nil},
		{[]string{"-mail=false", "-smtp-port", "0", "-mail-port", "0"}, false, func(o options) bool { return !o.mail && o.smtpPort == 0 && o.mailPort == 0 }},
		{[]string{"-temporal-db", "mysql"}, true, nil},
		{[]string{"-temporal-shards", "-1"}, true, nil},
		{[]string{"--bogus"}, true, nil},
		{[]string{"extra"}, true, nil},
	}
	for _, tt := range tests {
		o, err := parseFlags(tt.args, io.Discard)
		if (err != nil) != tt.wantErr {
			t.Errorf("parseFlags(%q) error %v", tt.args, err)
			continue
		}
		if tt.check != nil && !tt.check(o) {
			t.Errorf("parseFlags(%q) = %+v", tt.args, o)
		}
	}
}

// A port the catcher cannot take stops devstack with a message that says
// how to go on.
func TestCatchMailPortTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	port := taken.Addr().(*net.TCPAddr).Port
	o := defaultOptions()
	o.smtpPort, o.mailPort = port, 0
	if _, err := catchMail(o, "http://127.0.0.1:8090"); err == nil || !strings.Contains(err.Error(), "-smtp-port") {
		t.Errorf("SMTP port taken: %v", err)
	}
	o.smtpPort, o.mailPort = 0, port
	if _, err := catchMail(o, "http://127.0.0.1:8090"); err == nil || !strings.Contains(err.Error(), "-mail-port") {
		t.Errorf("page port taken: %v", err)
	}
	o.mailPort = 0
	m, err := catchMail(o, "http://127.0.0.1:8090")
	if err != nil {
		t.Fatal(err)
	}
	defer m.stop()
	if m.Notice.WebURL != "http://127.0.0.1:8090" || !strings.HasPrefix(m.SMTPURL, "smtp://127.0.0.1:") || !strings.HasSuffix(m.SMTPURL, "?tls=none") {
		t.Errorf("caught mail %+v", m)
	}
}
