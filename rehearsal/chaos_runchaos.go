package rehearsal

import (
	"context"
	"errors"
	"fmt"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"electionflow/internal/wiring"
	"electionflow/ops"
)

// RunChaos runs a chaos rehearsal: it starts a Stack of its own (two
// private Postgres clusters, the Temporal server as a devstack child,
// worker processes), rehearses opts on it while injecting the faults of
// plan, prints the rehearsal's table with the chaos table below it, and
// stops the stack. The bare baseline is skipped: a chaos rehearsal
// measures what faults cost, against a plain rehearsal run separately.
// Like Run, it fails (ErrEndState) on any loss or duplicate, and also
// when a fault was not injected or a failed completion never went
// through.
func RunChaos(ctx context.Context, opts Options, plan ChaosPlan, stackOpts StackOptions, out Output) (Figures, error) {
	opts.Baseline, opts.Chaos = 0, nil
	if err := errors.Join(opts.Validate(), plan.Validate()); err != nil {
		return Figures{}, err
	}
	if stackOpts.Log == nil {
		stackOpts.Log = out.Log
	}
	if stackOpts.Seed == 0 {
		stackOpts.Seed = plan.Seed
	}
	fmt.Fprintf(out.Log, "chaos rehearsal: starting two private Postgres clusters, the Temporal server (%s) and %d worker processes (%s) ...\n",
		stackOpts.DevstackBin, max(stackOpts.Workers, 1), stackOpts.WorkerBin)
	stack, err := StartStack(ctx, stackOpts)
	if err != nil {
		return Figures{}, err
	}
	c, err := wiring.DialOptions(ctx, client.Options{HostPort: stack.TemporalAddress(), Namespace: stack.Namespace()}, zerolog.Nop())
	if err != nil {
		return Figures{}, errors.Join(err, stack.Stop())
	}
	opts.Chaos = &Chaos{Plan: plan, Injector: stack}
	fig, err := Run(ctx, &ops.Ops{Temporal: c, Store: stack.Store(), TaskQueue: stack.TaskQueue()}, opts, out)
	c.Close()
	if n := stack.UnplannedExits(); n > 0 {
		fmt.Fprintf(out.Table, "worker processes that exited by themselves and were started again: %d\n", n)
	}
	if stackOpts.Keep || stackOpts.Dir != "" {
		fmt.Fprintf(out.Log, "logs and clusters kept in %s\n", stack.Dir())
	}
	return fig, errors.Join(err, stack.Stop())
}
