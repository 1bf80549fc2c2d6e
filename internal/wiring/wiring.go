// Package wiring connects what the mains share: the Temporal client from
// envconfig with the zerolog logger, and the worker with every workflow and
// activity registered. The worker main and devstack call it, so the worker
// that runs in devstack is exactly the one that runs in production.
package wiring

import (
	"context"
	"fmt"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/worker"

	"electionflow/activities"
	"electionflow/internal/config"
	"electionflow/internal/logging"
	"electionflow/store"
	"electionflow/workflows"
)

// Dial connects to Temporal with the options of cfg (TEMPORAL_* variables,
// temporal.toml), logging through log, and checks the server answers.
func Dial(ctx context.Context, cfg config.Config, log zerolog.Logger) (client.Client, error) {
	opts, err := cfg.TemporalClientOptions()
	if err != nil {
		return nil, err
	}
	return DialOptions(ctx, opts, log)
}

// DialOptions connects with explicit options, e.g. to an in-process server.
func DialOptions(ctx context.Context, opts client.Options, log zerolog.Logger) (client.Client, error) {
	opts.Logger = logging.SDKLogger(log)
	c, err := client.DialContext(ctx, opts)
	if err != nil {
		addr := opts.HostPort
		if addr == "" {
			addr = client.DefaultHostPort
		}
		return nil, fmt.Errorf("connect to Temporal at %s (namespace %q): %w", addr, opts.Namespace, err)
	}
	return c, nil
}

// DefaultWorkflowPollers is how many workflow task pollers a worker runs
// unless ELECTIONFLOW_WORKFLOW_POLLERS says otherwise.
const DefaultWorkflowPollers = 2

// NewWorker returns a worker on taskQueue with every checklist workflow
// and activity registered; activities reach Postgres through s and send
// notice mail through mail (nil: none; see MailFromEnv). pollers is its
// workflow task pollers (0: DefaultWorkflowPollers).
func NewWorker(c client.Client, taskQueue string, s *store.Store, pollers int, mail *activities.NoticeMail) worker.Worker {
	if pollers == 0 {
		pollers = DefaultWorkflowPollers
	}
	w := worker.New(c, taskQueue, worker.Options{
		// Let running activities finish their database writes on Ctrl-C.
		WorkerStopTimeout:                10 * time.Second,
		MaxConcurrentWorkflowTaskPollers: pollers,
	})
	workflows.Register(w)
	(&activities.Activities{Store: s, Mail: mail}).Register(w)
	return w
}
