package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
)

// MailOutbox sends the notice mail queued in the outbox (thư báo): it runs
// the send activity until a round finds less than a full batch, then waits
// in.Every, and so on. A round that could not send everything (the SMTP
// server away, a mailbox full for now) fails and Temporal retries it, from
// 5 seconds up to every 5 minutes, while the notices stay in the web app.
// After in.Rounds rounds it continues as new, which keeps its history
// short.
func MailOutbox(ctx workflow.Context, in checklist.MailOutboxInput) error {
	in = in.WithDefaults()
	ctx = workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: checklist.MailSendTimeout,
		RetryPolicy:         &temporal.RetryPolicy{InitialInterval: 5 * time.Second, BackoffCoefficient: 2, MaximumInterval: 5 * time.Minute},
	})
	for range in.Rounds {
		var b checklist.MailBatch
		if err := workflow.ExecuteActivity(ctx, checklist.ActivitySendQueuedMail, in.Batch).Get(ctx, &b); err != nil {
			return err
		}
		if b.Claimed < in.Batch {
			if err := workflow.Sleep(ctx, in.Every); err != nil {
				return err
			}
		}
	}
	return workflow.NewContinueAsNewError(ctx, checklist.WorkflowMailOutbox, in)
}
