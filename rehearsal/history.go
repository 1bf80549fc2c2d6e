package rehearsal

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	enumspb "go.temporal.io/api/enums/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/workflowservice/v1"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/converter"

	"electionflow/checklist"
	"electionflow/election"
)

// describeConcurrency is how many Temporal calls the history count has in
// flight at once.
const describeConcurrency = 16

// execution is one workflow run of the term.
type execution struct {
	id, runID string
}

// histories is what the Temporal API says of the workflows of a term.
type histories struct {
	runs int
	// events sums the history length of every run.
	events int
	// checklistsCompleted counts councils whose checklist completed.
	checklistsCompleted int
	// notClosed names runs still running or closed otherwise than
	// completed or continued as new (at most a few, then a count).
	notClosed      []string
	notClosedCount int
	// workflowTasks counts WORKFLOW_TASK_COMPLETED events over the runs
	// of the sampled councils.
	workflowTasks int
	// retries are the retries the full histories of the sampled councils
	// record.
	retries Retries
}

// Retries are what Temporal did again, as the full histories record it:
// the work a killed worker, a restarted server or an unreachable database
// cost. Every field is zero in a run without faults, or nearly so.
type Retries struct {
	// Activities sums attempt − 1 over ACTIVITY_TASK_STARTED events.
	Activities int `json:"activities"`
	// LocalActivities sums attempt − 1 over local-activity markers: the
	// database writes of the lean generation retried inside the worker.
	LocalActivities int `json:"local_activities"`
	// WorkflowTaskTimeouts and WorkflowTaskFailures count workflow tasks
	// that timed out (a worker died holding them) or failed, and were
	// therefore run again.
	WorkflowTaskTimeouts int `json:"workflow_task_timeouts"`
	WorkflowTaskFailures int `json:"workflow_task_failures"`
}

func (r *Retries) add(o Retries) {
	r.Activities += o.Activities
	r.LocalActivities += o.LocalActivities
	r.WorkflowTaskTimeouts += o.WorkflowTaskTimeouts
	r.WorkflowTaskFailures += o.WorkflowTaskFailures
}

// termPrefix is the start of every workflow ID of a term's checklists.
func termPrefix(term election.Term) string {
	return checklist.WorkflowID(term, "")
}

// listRuns lists every run whose workflow ID starts with the term's prefix,
// through visibility, which lags closes a little: it lists again until
// every checklist is there or wait has passed.
func listRuns(ctx context.Context, c client.Client, term election.Term, councils int, wait time.Duration) ([]execution, error) {
	deadline := time.Now().Add(wait)
	for {
		runs, err := listRunsOnce(ctx, c, term)
		if err != nil {
			return nil, err
		}
		n := 0
		for _, r := range runs {
			if isChecklist(term, r.id) {
				n++
			}
		}
		if n >= councils || time.Now().After(deadline) {
			return runs, nil
		}
		select {
		case <-ctx.Done():
			return runs, ctx.Err()
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func listRunsOnce(ctx context.Context, c client.Client, term election.Term) ([]execution, error) {
	query := fmt.Sprintf("WorkflowId STARTS_WITH '%s'", termPrefix(term))
	var runs []execution
	var token []byte
	for {
		resp, err := c.ListWorkflow(ctx, &workflowservice.ListWorkflowExecutionsRequest{Query: query, PageSize: 1000, NextPageToken: token})
		if err != nil {
			return nil, fmt.Errorf("rehearsal: list the workflows of %s: %w", term, err)
		}
		for _, e := range resp.GetExecutions() {
			runs = append(runs, execution{id: e.GetExecution().GetWorkflowId(), runID: e.GetExecution().GetRunId()})
		}
		if token = resp.GetNextPageToken(); len(token) == 0 {
			return runs, nil
		}
	}
}

// councilOf returns the council a workflow ID of the term belongs to.
func councilOf(term election.Term, id string) election.CouncilCode {
	rest := strings.TrimPrefix(id, termPrefix(term))
	code, _, _ := strings.Cut(rest, "/")
	return election.CouncilCode(code)
}

// isChecklist says whether a workflow ID of the term is a council's
// checklist (checklist/<term>/<council>), not one of its children; by ID,
// so any generation of the checklist's workflow type counts.
func isChecklist(term election.Term, id string) bool {
	rest, ok := strings.CutPrefix(id, termPrefix(term))
	return ok && rest != "" && !strings.Contains(rest, "/")
}

// sampleCouncils picks n of the councils, spread evenly over their codes
// in order, so a sample mixes levels and provinces.
func sampleCouncils(councils []election.CouncilCode, n int) []election.CouncilCode {
	sorted := slices.Clone(councils)
	slices.Sort(sorted)
	if n >= len(sorted) {
		return sorted
	}
	out := make([]election.CouncilCode, 0, n)
	for i := range n {
		out = append(out, sorted[i*len(sorted)/n])
	}
	return out
}

// readHistories describes every run (history length, status) and reads
// the full histories of the runs of the sampled councils to count their
// workflow tasks.
func readHistories(ctx context.Context, c client.Client, term election.Term, runs []execution, sample map[election.CouncilCode]bool) (histories, error) {
	var (
		mu    sync.Mutex
		h     histories
		first error
		wg    sync.WaitGroup
		sem   = make(chan struct{}, describeConcurrency)
	)
	fail := func(err error) {
		mu.Lock()
		defer mu.Unlock()
		if first == nil {
			first = err
		}
	}
	h.runs = len(runs)
	for _, r := range runs {
		sem <- struct{}{}
		wg.Go(func() {
			defer func() { <-sem }()
			if ctx.Err() != nil {
				fail(ctx.Err())
				return
			}
			d, err := c.DescribeWorkflowExecution(ctx, r.id, r.runID)
			if err != nil {
				fail(fmt.Errorf("rehearsal: describe %s: %w", r.id, err))
				return
			}
			info := d.GetWorkflowExecutionInfo()
			var counts historyCounts
			if sample[councilOf(term, r.id)] {
				if counts, err = countHistory(ctx, c, r); err != nil {
					fail(err)
					return
				}
			}
			mu.Lock()
			defer mu.Unlock()
			h.events += int(info.GetHistoryLength())
			h.workflowTasks += counts.workflowTasks
			h.retries.add(counts.retries)
			switch status := info.GetStatus(); {
			case status == enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED && isChecklist(term, r.id):
				h.checklistsCompleted++
			case status == enumspb.WORKFLOW_EXECUTION_STATUS_COMPLETED, status == enumspb.WORKFLOW_EXECUTION_STATUS_CONTINUED_AS_NEW:
			default:
				h.notClosedCount++
				if len(h.notClosed) < 5 {
					h.notClosed = append(h.notClosed, fmt.Sprintf("%s (%s)", r.id, strings.ToLower(strings.TrimPrefix(status.String(), "WORKFLOW_EXECUTION_STATUS_"))))
				}
			}
		})
	}
	wg.Wait()
	slices.Sort(h.notClosed)
	return h, first
}

// historyCounts is what one full history says: its completed workflow
// tasks and what was retried.
type historyCounts struct {
	workflowTasks int
	retries       Retries
}

// countHistory reads a run's full history and counts its completed
// workflow tasks and its retries.
func countHistory(ctx context.Context, c client.Client, r execution) (historyCounts, error) {
	it := c.GetWorkflowHistory(ctx, r.id, r.runID, false, enumspb.HISTORY_EVENT_FILTER_TYPE_ALL_EVENT)
	var n historyCounts
	for it.HasNext() {
		e, err := it.Next()
		if err != nil {
			return n, fmt.Errorf("rehearsal: history of %s: %w", r.id, err)
		}
		switch e.GetEventType() {
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_COMPLETED:
			n.workflowTasks++
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT:
			n.retries.WorkflowTaskTimeouts++
		case enumspb.EVENT_TYPE_WORKFLOW_TASK_FAILED:
			n.retries.WorkflowTaskFailures++
		case enumspb.EVENT_TYPE_ACTIVITY_TASK_STARTED:
			n.retries.Activities += max(int(e.GetActivityTaskStartedEventAttributes().GetAttempt())-1, 0)
		case enumspb.EVENT_TYPE_MARKER_RECORDED:
			n.retries.LocalActivities += localActivityRetries(e.GetMarkerRecordedEventAttributes())
		}
	}
	return n, nil
}

// localActivityMarker is the Go SDK's name of a local activity's marker,
// and the key and fields of its data that matter here.
const (
	localActivityMarker     = "LocalActivity"
	localActivityMarkerData = "data"
)

// localActivityRetries is attempt − 1 of a local activity's marker (the
// Go SDK records the attempt that ended it), 0 for other markers or data
// it cannot read.
func localActivityRetries(m *historypb.MarkerRecordedEventAttributes) int {
	if m.GetMarkerName() != localActivityMarker {
		return 0
	}
	var data struct{ Attempt int32 }
	if err := converter.GetDefaultDataConverter().FromPayloads(m.GetDetails()[localActivityMarkerData], &data); err != nil {
		return 0
	}
	return max(int(data.Attempt)-1, 0)
}
