package workflows

import "go.temporal.io/sdk/workflow"

// fanOut follows child workflows until every one has finished, while
// receiving the signals their parent listens to: the one selector loop
// that the checklist (over its areas) and the first generation's
// outgoing-cadres area (over its cases) share. Handlers run in the order events arrive, one at a
// time, as a selector runs them.
type fanOut struct {
	sel     workflow.Selector
	running int
}

func newFanOut(ctx workflow.Context) *fanOut {
	return &fanOut{sel: workflow.NewSelector(ctx)}
}

// receive hands every signal on ch to fn, which must receive it.
func (f *fanOut) receive(ch workflow.ReceiveChannel, fn func(c workflow.ReceiveChannel)) {
	f.sel.AddReceive(ch, func(c workflow.ReceiveChannel, _ bool) { fn(c) })
}

// follow counts a started child as running and hands its end to done.
func (f *fanOut) follow(child workflow.ChildWorkflowFuture, done func(workflow.Future)) {
	f.running++
	f.sel.AddFuture(child, func(end workflow.Future) {
		f.running--
		done(end)
	})
}

// wait handles signals and ends until no child runs.
func (f *fanOut) wait(ctx workflow.Context) {
	for f.running > 0 {
		f.sel.Select(ctx)
	}
}
