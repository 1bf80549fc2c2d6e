package devserver_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"electionflow/devserver"
)

// taskWorkflow owns one human task, completed through the "complete" update;
// its validator refuses empty outcomes, as electionflow's task validators do.
func taskWorkflow(ctx workflow.Context) (string, error) {
	var outcome string
	err := workflow.SetUpdateHandlerWithOptions(ctx, "complete",
		func(ctx workflow.Context, o string) (string, error) {
			outcome = o
			return "accepted:" + o, nil
		},
		workflow.UpdateHandlerOptions{Validator: func(ctx workflow.Context, o string) error {
			if o == "" {
				return errors.New("empty outcome")
			}
			return nil
		}})
	if err != nil {
		return "", err
	}
	if err := workflow.Await(ctx, func() bool { return outcome != "" }); err != nil {
		return "", err
	}
	return outcome, nil
}

// TestWorkflowUpdates checks that the dev server accepts Workflow Updates
// (with validators) and update-with-start, which electionflow's human tasks
// rely on.
func TestWorkflowUpdates(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a real Temporal server")
	}
	srv := startServerWith(t, devserver.Options{DataDir: t.TempDir(), UIPort: -1})
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	c := dial(t, srv)
	defer c.Close()

	const taskQueue = "devserver-test"
	w := worker.New(c, taskQueue, worker.Options{})
	w.RegisterWorkflow(taskWorkflow)
	if err := w.Start(); err != nil {
		t.Fatalf("worker start: %v", err)
	}
	defer w.Stop()

	// Update-with-start: starts the workflow and delivers the update at once.
	startOp := c.NewWithStartWorkflowOperation(client.StartWorkflowOptions{
		ID:                       "task/uws",
		TaskQueue:                taskQueue,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
	}, taskWorkflow)
	h, err := c.UpdateWithStartWorkflow(ctx, client.UpdateWithStartWorkflowOptions{
		StartWorkflowOperation: startOp,
		UpdateOptions: client.UpdateWorkflowOptions{
			UpdateName:   "complete",
			Args:         []any{"approved"},
			WaitForStage: client.WorkflowUpdateStageCompleted,
		},
	})
	if err != nil {
		t.Fatalf("UpdateWithStartWorkflow: %v", err)
	}
	var res string
	if err := h.Get(ctx, &res); err != nil || res != "accepted:approved" {
		t.Fatalf("update-with-start result = %q, %v; want accepted:approved", res, err)
	}

	// Plain update on a running workflow: the validator refuses a bad
	// outcome, then a good one completes the workflow.
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{ID: "task/update", TaskQueue: taskQueue}, taskWorkflow)
	if err != nil {
		t.Fatalf("ExecuteWorkflow: %v", err)
	}
	update := func(outcome string) (string, error) {
		h, err := c.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
			WorkflowID:   run.GetID(),
			RunID:        run.GetRunID(),
			UpdateName:   "complete",
			Args:         []any{outcome},
			WaitForStage: client.WorkflowUpdateStageCompleted,
		})
		if err != nil {
			return "", err
		}
		var r string
		err = h.Get(ctx, &r)
		return r, err
	}
	if _, err := update(""); err == nil || !strings.Contains(err.Error(), "empty outcome") {
		t.Fatalf("update with empty outcome: err = %v, want validator rejection", err)
	}
	if r, err := update("adopted"); err != nil || r != "accepted:adopted" {
		t.Fatalf("update = %q, %v; want accepted:adopted", r, err)
	}
	var final string
	if err := run.Get(ctx, &final); err != nil || final != "adopted" {
		t.Fatalf("workflow result = %q, %v; want adopted", final, err)
	}
}
