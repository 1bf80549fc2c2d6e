package workflows

import (
	"time"

	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/workflow"
)

// dbRetry retries a database write with backoff for as long as the
// database is away: every write is keyed, so a retry is always safe.
func dbRetry() *temporal.RetryPolicy {
	return &temporal.RetryPolicy{InitialInterval: time.Second, BackoffCoefficient: 2, MaximumInterval: time.Minute}
}

// withDBActivity sets the options of activities that write to Postgres:
// short attempts, retried by dbRetry.
func withDBActivity(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 30 * time.Second,
		RetryPolicy:         dbRetry(),
	})
}

// withLocalDB sets the options of the local activities that read and write
// Postgres (lean generation): short attempts, retried by dbRetry.
func withLocalDB(ctx workflow.Context) workflow.Context {
	return workflow.WithLocalActivityOptions(ctx, workflow.LocalActivityOptions{
		StartToCloseTimeout: 10 * time.Second,
		RetryPolicy:         dbRetry(),
	})
}

// withBatchActivity is for activities over a whole council (certificates
// for up to 500 delegates): longer, with heartbeats. The activity
// heartbeats after each batch of 50 certificates, which takes well under a
// second, so a worker killed mid-batch is noticed after HeartbeatTimeout:
// the chaos rehearsal saw a minute of standstill with a one-minute timeout.
func withBatchActivity(ctx workflow.Context) workflow.Context {
	return workflow.WithActivityOptions(ctx, workflow.ActivityOptions{
		StartToCloseTimeout: 10 * time.Minute,
		HeartbeatTimeout:    15 * time.Second,
		RetryPolicy:         dbRetry(),
	})
}
