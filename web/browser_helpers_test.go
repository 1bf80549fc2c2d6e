package web

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"electionflow/activities"
	"electionflow/checklist"
	"electionflow/devserver"
	"electionflow/election"
	"electionflow/internal/logging"
	"electionflow/ops"
	"electionflow/store"
	"electionflow/workflows"
)

// noChromium is why the browser tests skip, naming the package to install.
const noChromium = "web browser tests: no Chromium found; install the Debian package chromium (apt-get install chromium)"

// findChromium returns the path of Chromium or Chrome. Without one the
// test fails on CI (CI=true), which must run the browser tests, and skips
// elsewhere.
func findChromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if path, err := exec.LookPath(name); err == nil {
			return path
		}
	}
	if os.Getenv("CI") == "true" {
		t.Fatal(noChromium)
	}
	t.Skip(noChromium)
	return ""
}

// startBrowser starts headless Chromium at path with a fresh profile for
// the rest of the test and returns the context of its first tab.
func startBrowser(t *testing.T, path string) context.Context {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancel()
		cancelAlloc()
	})
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start Chromium %s: %v", path, err)
	}
	return ctx
}

// newTab opens a tab in a browser context of its own: its cookies are its
// own, as a second person's browser. It closes when the test ends.
func newTab(t *testing.T, browser context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("open a tab: %v", err)
	}
	return ctx
}

// within runs f with a context of tab that ends after d, so a step that
// waits for an element that never comes fails instead of hanging.
func within(tab context.Context, d time.Duration, f func(ctx context.Context) error) error {
	ctx, cancel := context.WithTimeout(tab, d)
	defer cancel()
	return f(ctx)
}

// visit navigates tab to u and returns the HTTP status of the page.
func visit(t *testing.T, tab context.Context, u string) int64 {
	t.Helper()
	var status int64
	err := within(tab, 15*time.Second, func(ctx context.Context) error {
		res, err := chromedp.Run(ctx, chromedp.NavigateResponse(u))
		if err == nil && res != nil {
			status = res.Status
		}
		return err
	})
	if err != nil {
		t.Fatalf("open %s: %v", u, err)
	}
	return status
}

// submit runs the steps (typing into a form) and clicks the button sel,
// waits for the page the form leads to and returns its HTTP status and
// URL.
func submit(t *testing.T, tab context.Context, button string, steps ...chromedp.Action[chromedp.Void]) (int64, string) {
	t.Helper()
	var status int64
	var loc string
	err := within(tab, 15*time.Second, func(ctx context.Context) error {
		if err := chromedp.Do(ctx, steps...); err != nil {
			return err
		}
		res, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(button)))
		if err != nil {
			return err
		}
		if res != nil {
			status = res.Status
		}
		loc, err = chromedp.Run(ctx, chromedp.Location())
		return err
	})
	if err != nil {
		t.Fatalf("submit with %s: %v", button, err)
	}
	return status, loc
}

// evaluate runs a JavaScript expression in tab's page and returns its
// value; a promise is awaited.
func evaluate[T any](t *testing.T, tab context.Context, expr string) T {
	t.Helper()
	var v T
	err := within(tab, 15*time.Second, func(ctx context.Context) error {
		var err error
		v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
		return err
	})
	if err != nil {
		t.Fatalf("evaluate %s: %v", expr, err)
	}
	return v
}

// pageText is the text of tab's page as a person reads it.
func pageText(t *testing.T, tab context.Context) string {
	t.Helper()
	return evaluate[string](t, tab, `document.body.innerText`)
}

// screenshotDir is where screenshots go: $ELECTIONFLOW_SCREENSHOTS, else
// screenshots/ at the root of the repository (ignored by git).
func screenshotDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("ELECTIONFLOW_SCREENSHOTS")
	if dir == "" {
		root, err := filepath.Abs("..")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
			t.Fatalf("screenshots: %s is not the repository root: %v", root, err)
		}
		dir = filepath.Join(root, "screenshots")
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshots: %v", err)
	}
	return dir
}

// screenshot writes a PNG of tab's whole page to name in screenshotDir.
func screenshot(t *testing.T, tab context.Context, name string) {
	t.Helper()
	var png []byte
	err := within(tab, 15*time.Second, func(ctx context.Context) error {
		var err error
		png, err = chromedp.Run(ctx, chromedp.FullScreenshot(100))
		return err
	})
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	path := filepath.Join(screenshotDir(t), name)
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	t.Logf("screenshot: %s", path)
}

// startWorkflows starts an in-process Temporal server and a worker of the
// workflows and activities over s until the test ends, and returns the
// operations on them.
func startWorkflows(t *testing.T, ctx context.Context, s *store.Store) *ops.Ops {
	t.Helper()
	return startWorkflowsMailing(t, ctx, s, nil)
}

// startWorkflowsMailing is startWorkflows with a worker that sends notice
// mail through mail (nil: none).
func startWorkflowsMailing(t *testing.T, ctx context.Context, s *store.Store, mail *activities.NoticeMail) *ops.Ops {
	t.Helper()
	srv, err := devserver.Start(ctx, devserver.Options{
		DataDir: t.TempDir(), UIPort: -1, SearchAttributes: workflows.SearchAttributeTypes(), Logger: zerolog.Nop(),
	})
	if err != nil {
		t.Fatalf("start Temporal: %v", err)
	}
	t.Cleanup(func() { _ = srv.Stop() })
	c, err := client.Dial(client.Options{HostPort: srv.FrontendAddress(), Namespace: srv.Namespace(), Logger: logging.SDKLogger(zerolog.Nop())})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(c.Close)
	const queue = "web-browser"
	w := worker.New(c, queue, worker.Options{})
	workflows.Register(w)
	(&activities.Activities{Store: s, Mail: mail}).Register(w)
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(w.Stop)
	return &ops.Ops{Temporal: c, Store: s, TaskQueue: queue}
}

// waitOpen waits until task id is open in the inbox.
func waitOpen(t *testing.T, ctx context.Context, s *store.Store, id election.TaskID) {
	t.Helper()
	eventually(t, "task "+string(id)+" open", func() bool {
		got, err := s.Task(ctx, id)
		return err == nil && got.State == election.TaskOpen
	})
}

// completeByOps completes an open task through the workflow as actor in
// the task's role, retrying while the workflow has not registered the
// task yet (it may reach the inbox first).
func completeByOps(t *testing.T, ctx context.Context, o *ops.Ops, s *store.Store, id election.TaskID, actor, outcome string) {
	t.Helper()
	waitOpen(t, ctx, s, id)
	task, err := s.Task(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	var refused *ops.RefusedError
	for deadline := time.Now().Add(90 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		_, err := o.CompleteTask(ctx, checklist.CompleteTaskRequest{TaskID: id, Actor: actor, Role: task.Role,
			Source: "test", Outcome: []byte(outcome)})
		if err == nil {
			return
		}
		if !errors.As(err, &refused) || time.Now().After(deadline) {
			t.Fatalf("complete %s: %v", id, err)
		}
	}
}

// openTasksOf lists the IDs of a council's open tasks.
func openTasksOf(t *testing.T, ctx context.Context, s *store.Store, council election.CouncilCode) []string {
	t.Helper()
	list, err := s.ListTasks(ctx, store.TaskFilter{Term: term, Council: council, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, task := range list {
		if task.State == election.TaskOpen {
			ids = append(ids, string(task.ID)+" ("+string(task.Role)+")")
		}
	}
	return ids
}

// hasAll says whether s contains every one of subs.
func hasAll(s string, subs ...string) bool {
	for _, sub := range subs {
		if !strings.Contains(s, sub) {
			return false
		}
	}
	return true
}
