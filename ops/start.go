package ops

import (
	"context"
	"errors"
	"fmt"
	"sync"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/temporal"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/store"
	"electionflow/workflows"
)

// startConcurrency is how many starts are in flight at once.
const startConcurrency = 16

// StartReport counts what a start of many checklists did.
type StartReport struct {
	Started int
	// Already counts councils whose checklist was started before (running
	// or finished); they are not started again.
	Already int
	Failed  []error
}

// StartChecklists starts the checklist of every council matching f,
// idempotently: a council already started is counted, not started twice.
// progress, if not nil, is called after each council.
func (o *Ops) StartChecklists(ctx context.Context, f store.CouncilFilter, progress func(done, total int)) (StartReport, error) {
	councils, err := o.Store.Councils(ctx, f)
	if err != nil {
		return StartReport{}, err
	}
	if len(councils) == 0 {
		return StartReport{}, fmt.Errorf("no council of election %s matches (province %q, council %q)", f.Term, f.Province, f.Council)
	}
	// One election, one calendar, read once.
	_, e, err := o.Store.Council(ctx, f.Term, councils[0].Code)
	if err != nil {
		return StartReport{}, err
	}
	cal, err := e.Calendar()
	if err != nil {
		return StartReport{}, err
	}

	var (
		mu     sync.Mutex
		report StartReport
		done   int
		wg     sync.WaitGroup
		sem    = make(chan struct{}, startConcurrency)
	)
	for _, c := range councils {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			started, err := o.StartChecklist(ctx, f.Term, c, cal)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err != nil:
				report.Failed = append(report.Failed, fmt.Errorf("council %s: %w", c.Code, err))
			case started:
				report.Started++
			default:
				report.Already++
			}
			done++
			if progress != nil {
				progress(done, len(councils))
			}
		}()
	}
	wg.Wait()
	return report, nil
}

// StartChecklist starts one council's checklist and reports whether it
// started it (false: it had been started before).
func (o *Ops) StartChecklist(ctx context.Context, term election.Term, c election.Council, cal election.Calendar) (bool, error) {
	_, err := o.Temporal.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID:        checklist.WorkflowID(term, c.Code),
		TaskQueue: o.TaskQueue,
		// A checklist runs once per council and term: never a second run,
		// even after the first finished.
		WorkflowIDReusePolicy:                    enumspb.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
		WorkflowIDConflictPolicy:                 enumspb.WORKFLOW_ID_CONFLICT_POLICY_FAIL,
		WorkflowExecutionErrorWhenAlreadyStarted: true,
		WorkflowTaskTimeout:                      checklist.WorkflowTaskTimeout,
		TypedSearchAttributes: temporal.NewSearchAttributes(
			workflows.AttrTerm.ValueSet(string(term)),
			workflows.AttrLevel.ValueSet(string(c.Level)),
			workflows.AttrProvince.ValueSet(string(c.Province)),
			workflows.AttrCouncil.ValueSet(string(c.Code)),
			workflows.AttrStage.ValueSet("starting"),
		),
		StaticSummary: workflows.StaticSummary(c),
		StaticDetails: workflows.StaticDetails(term, c, cal),
	}, o.checklistType(), checklist.Input{Term: term, Council: c.Code})
	var already *serviceerror.WorkflowExecutionAlreadyStarted
	if errors.As(err, &already) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("start checklist: %w", err)
	}
	return true, nil
}

// checklistType is the workflow type new checklists start as.
func (o *Ops) checklistType() string {
	if o.ChecklistType == "" {
		return checklist.WorkflowChecklist
	}
	return o.ChecklistType
}
