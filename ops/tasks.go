package ops

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"electionflow/checklist"
	"electionflow/election"
)

// RefusedError is a task completion the workflow refused: unknown or
// closed task, wrong role, malformed outcome. Nothing was recorded.
type RefusedError struct {
	TaskID election.TaskID
	Reason string
}

func (e *RefusedError) Error() string {
	return fmt.Sprintf("task %s: refused: %s", e.TaskID, e.Reason)
}

// CompleteTask sends a completion to the workflow that owns the task and
// waits until it is recorded. An outcome its kind's form refuses (malformed,
// over its limits) is refused here, before Temporal; a refusal by the
// workflow's validator comes back as *RefusedError too.
func (o *Ops) CompleteTask(ctx context.Context, req checklist.CompleteTaskRequest) (checklist.CompleteTaskResult, error) {
	t, err := o.Store.Task(ctx, req.TaskID)
	if err != nil {
		return checklist.CompleteTaskResult{}, err
	}
	if t.State != election.TaskOpen {
		return checklist.CompleteTaskResult{}, &RefusedError{TaskID: req.TaskID, Reason: fmt.Sprintf("task is %s (by %s)", t.State, t.ClosedBy)}
	}
	// The outcome's form and limits, before Temporal: an oversized payload
	// would otherwise fail there, slowly, for the whole workflow.
	if form, ok := election.FormOf(t.Kind); ok {
		if _, err := form.Decode(req.Outcome); err != nil {
			return checklist.CompleteTaskResult{}, &RefusedError{TaskID: req.TaskID, Reason: fmt.Sprintf("outcome of %s: %v", t.Kind, err)}
		}
	}
	handle, err := o.Temporal.UpdateWorkflow(ctx, client.UpdateWorkflowOptions{
		UpdateID:     uuid.NewString(),
		WorkflowID:   t.WorkflowID,
		UpdateName:   checklist.UpdateCompleteTask,
		Args:         []any{req},
		WaitForStage: client.WorkflowUpdateStageCompleted,
	})
	var res checklist.CompleteTaskResult
	if err == nil {
		err = handle.Get(ctx, &res)
	}
	var appErr *temporal.ApplicationError
	if errors.As(err, &appErr) {
		return res, &RefusedError{TaskID: req.TaskID, Reason: appErr.Message()}
	}
	if err != nil {
		return res, fmt.Errorf("complete task %s: %w", req.TaskID, err)
	}
	return res, nil
}

// Progress queries a council's checklist for its progress record. A lean
// checklist knows which areas run but not their steps and tasks, which
// each area keeps: those are asked of the running areas themselves, so the
// record is as fresh as the areas' own.
func (o *Ops) Progress(ctx context.Context, term election.Term, council election.CouncilCode) (checklist.Progress, error) {
	var p checklist.Progress
	if err := o.query(ctx, checklist.WorkflowID(term, council), &p); err != nil {
		return p, fmt.Errorf("progress of %s: %w", council, err)
	}
	for i, a := range p.Areas {
		if a.State != checklist.AreaRunning || a.Step != "" {
			continue
		}
		var ap checklist.AreaProgress
		if err := o.query(ctx, checklist.AreaWorkflowID(term, council, a.Area), &ap); err != nil {
			return p, fmt.Errorf("progress of %s, area %s: %w", council, a.Area, err)
		}
		if ap.State == checklist.AreaRunning { // else it finished since
			p.Areas[i] = ap
		}
	}
	p.Summarize()
	return p, nil
}

// query asks a workflow for its progress record.
func (o *Ops) query(ctx context.Context, workflowID string, into any) error {
	v, err := o.Temporal.QueryWorkflow(ctx, workflowID, "", checklist.QueryProgress)
	if err == nil {
		err = v.Get(into)
	}
	return err
}
