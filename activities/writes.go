package activities

import (
	"context"
	"encoding/json"
	"fmt"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"

	"electionflow/checklist"
	"electionflow/store"
)

// recorder writes one area record from its JSON input.
type recorder func(ctx context.Context, a *Activities, input json.RawMessage) error

// recorderOf adapts a record activity to the batch: the same code writes a
// record alone (first-generation workflows) and within a batch.
func recorderOf[T any](fn func(*Activities, context.Context, T) error) recorder {
	return func(ctx context.Context, a *Activities, input json.RawMessage) error {
		var in T
		if err := json.Unmarshal(input, &in); err != nil {
			return temporal.NewNonRetryableApplicationError(fmt.Sprintf("decode record: %v", err), "BadRecord", err)
		}
		return fn(a, ctx, in)
	}
}

// recorders are the area records a batch may carry, by activity name.
func recorders() map[string]recorder {
	return map[string]recorder{
		checklist.ActivityDraftResolution:            recorderOf((*Activities).DraftResolution),
		checklist.ActivityAdoptResolution:            recorderOf((*Activities).AdoptResolution),
		checklist.ActivityHandOverCertificates:       recorderOf((*Activities).HandOverCertificates),
		checklist.ActivityRecordSession:              recorderOf((*Activities).RecordSession),
		checklist.ActivityRecordLeadership:           recorderOf((*Activities).RecordLeadership),
		checklist.ActivityRecordApprovals:            recorderOf((*Activities).RecordApprovals),
		checklist.ActivityRecordNominations:          recorderOf((*Activities).RecordNominations),
		checklist.ActivityRecordAppraisals:           recorderOf((*Activities).RecordAppraisals),
		checklist.ActivityRecordCouncilReview:        recorderOf((*Activities).RecordCouncilReview),
		checklist.ActivityRecordCommendationDecision: recorderOf((*Activities).RecordCommendationDecision),
		checklist.ActivityRecordBenefitDecision:      recorderOf((*Activities).RecordBenefitDecision),
	}
}

// ApplyWrites applies one workflow task's writes in one transaction, in
// this order: tasks opened, tasks completed (inbox row and audit row),
// the area's records in the order the workflow made them, notices, and
// the progress row. All of it lands or none does, and each part is keyed,
// so a retry after a crash changes nothing already written.
func (a *Activities) ApplyWrites(ctx context.Context, w checklist.Writes) error {
	workflowID := activity.GetInfo(ctx).WorkflowExecution.ID
	byName := recorders()
	for _, r := range w.Records {
		if byName[r.Activity] == nil {
			err := fmt.Errorf("no record named %q", r.Activity)
			return temporal.NewNonRetryableApplicationError(err.Error(), "BadRecord", err)
		}
	}
	return a.Store.InTx(ctx, func(tx *store.Store) error {
		in := &Activities{Store: tx}
		if len(w.Opened) > 0 {
			if err := tx.OpenTasks(ctx, workflowID, w.Opened); err != nil {
				return err
			}
		}
		for _, c := range w.Completed {
			if err := in.CompleteTask(ctx, c); err != nil {
				return err
			}
		}
		for _, r := range w.Records {
			if err := byName[r.Activity](ctx, in, r.Input); err != nil {
				return fmt.Errorf("record %s: %w", r.Activity, err)
			}
		}
		for _, n := range w.Notices {
			if err := in.NotifyTask(ctx, n); err != nil {
				return err
			}
		}
		if w.Progress != nil {
			return in.RecordProgress(ctx, *w.Progress)
		}
		return nil
	})
}
