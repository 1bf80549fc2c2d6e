package workflows

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"

	"electionflow/checklist"
	"electionflow/election"
)

// fakeStore stands in for the Postgres activities in workflow unit tests,
// recording what the workflows asked for.
type fakeStore struct {
	mu          sync.Mutex
	facts       checklist.CouncilFacts
	credentials checklist.CredentialFacts
	opened      []election.Task
	completed   []checklist.TaskCompletion
	notices     []checklist.TaskNotice
	progress    []checklist.AreaProgress
	draft       []election.CredentialDecision
	adopted     []checklist.ResolutionAdoption
	handovers   []checklist.CertificateHandover
	sessions    []checklist.SessionRecord
	leadership  []checklist.LeadershipRecord
	approvals   []checklist.ApprovalsRecord
	cadres      []election.CadreID
	assessment  checklist.CadreAssessment
	assessed    []checklist.CadreAssessmentRequest
	decisions   []checklist.BenefitDecisionRecord
	// handlers are the fakes by activity name; batches are the lean
	// generation's ApplyWrites calls.
	handlers map[string]any
	batches  []checklist.Writes
	// refuse, when set, fails the batches it returns an error for.
	refuse func(checklist.Writes) error
}

// add registers a fake activity and keeps it for the lean generation's
// batches, which ApplyWrites routes to the same fakes.
func (f *fakeStore) add(env *testsuite.TestWorkflowEnvironment, fn any, name string) {
	env.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.handlers == nil {
		f.handlers = map[string]any{}
	}
	f.handlers[name] = fn
}

// call runs the fake activity name with the JSON-encoded input raw.
func (f *fakeStore) call(ctx context.Context, name string, raw any) error {
	f.mu.Lock()
	fn, ok := f.handlers[name]
	f.mu.Unlock()
	if !ok {
		return fmt.Errorf("no fake activity %q", name)
	}
	v := reflect.ValueOf(fn)
	in := reflect.New(v.Type().In(1))
	data, err := json.Marshal(raw)
	if err == nil {
		err = json.Unmarshal(data, in.Interface())
	}
	if err != nil {
		return fmt.Errorf("input of %s: %w", name, err)
	}
	out := v.Call([]reflect.Value{reflect.ValueOf(ctx), in.Elem()})
	if err, _ := out[len(out)-1].Interface().(error); err != nil {
		return err
	}
	return nil
}

// applyWrites is the fake ApplyWrites: each part of the batch goes to the
// fake of the activity that writes it alone, in the real one's order.
func (f *fakeStore) applyWrites(ctx context.Context, w checklist.Writes) error {
	f.mu.Lock()
	f.batches = append(f.batches, w)
	refuse := f.refuse
	f.mu.Unlock()
	if refuse != nil {
		if err := refuse(w); err != nil {
			return err
		}
	}
	if len(w.Opened) > 0 {
		if err := f.call(ctx, checklist.ActivityOpenTasks, w.Opened); err != nil {
			return err
		}
	}
	for _, c := range w.Completed {
		if err := f.call(ctx, checklist.ActivityCompleteTask, c); err != nil {
			return err
		}
	}
	for _, r := range w.Records {
		if err := f.call(ctx, r.Activity, r.Input); err != nil {
			return err
		}
	}
	for _, n := range w.Notices {
		if err := f.call(ctx, checklist.ActivityNotifyTask, n); err != nil {
			return err
		}
	}
	if w.Progress != nil {
		return f.call(ctx, checklist.ActivityRecordProgress, *w.Progress)
	}
	return nil
}

func (f *fakeStore) register(env *testsuite.TestWorkflowEnvironment) {
	reg := func(fn any, name string) { f.add(env, fn, name) }
	reg(f.applyWrites, checklist.ActivityApplyWrites)
	reg(func(_ context.Context, in checklist.Input) (checklist.CouncilFacts, error) {
		if in.Council != f.facts.Council {
			// As the real LoadCouncil: an unknown council is not retried.
			return checklist.CouncilFacts{}, temporal.NewNonRetryableApplicationError(
				fmt.Sprintf("unknown council %s", in.Council), "UnknownCouncil", nil)
		}
		return f.facts, nil
	}, checklist.ActivityLoadCouncil)
	reg(func(context.Context, checklist.Input) (checklist.CredentialFacts, error) {
		return f.credentials, nil
	}, checklist.ActivityLoadCredentialFacts)
	reg(func(_ context.Context, tasks []election.Task) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.opened = append(f.opened, tasks...)
		return nil
	}, checklist.ActivityOpenTasks)
	reg(func(_ context.Context, c checklist.TaskCompletion) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.completed = append(f.completed, c)
		return nil
	}, checklist.ActivityCompleteTask)
	reg(func(_ context.Context, n checklist.TaskNotice) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.notices = append(f.notices, n)
		return nil
	}, checklist.ActivityNotifyTask)
	reg(func(_ context.Context, p checklist.AreaProgress) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.progress = append(f.progress, p)
		return nil
	}, checklist.ActivityRecordProgress)
	reg(func(_ context.Context, d checklist.ResolutionDraft) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.draft = d.Decisions
		return nil
	}, checklist.ActivityDraftResolution)
	reg(func(_ context.Context, a checklist.ResolutionAdoption) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.adopted = append(f.adopted, a)
		return nil
	}, checklist.ActivityAdoptResolution)
	reg(func(context.Context, checklist.CertificateIssue) (int, error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		n := 0
		for _, d := range f.draft {
			if d.Confirmed {
				n++
			}
		}
		return n, nil
	}, checklist.ActivityIssueCertificates)
	reg(func(_ context.Context, h checklist.CertificateHandover) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.handovers = append(f.handovers, h)
		return nil
	}, checklist.ActivityHandOverCertificates)
	reg(func(_ context.Context, r checklist.SessionRecord) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.sessions = append(f.sessions, r)
		return nil
	}, checklist.ActivityRecordSession)
	reg(func(_ context.Context, r checklist.LeadershipRecord) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.leadership = append(f.leadership, r)
		return nil
	}, checklist.ActivityRecordLeadership)
	reg(func(_ context.Context, r checklist.ApprovalsRecord) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.approvals = append(f.approvals, r)
		return nil
	}, checklist.ActivityRecordApprovals)
	reg(func(context.Context, checklist.Input) ([]election.CadreID, error) {
		return f.cadres, nil
	}, checklist.ActivityLoadCadres)
	reg(func(_ context.Context, r checklist.CadreAssessmentRequest) (checklist.CadreAssessment, error) {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.assessed = append(f.assessed, r)
		return f.assessment, nil
	}, checklist.ActivityAssessCadre)
	reg(func(_ context.Context, d checklist.BenefitDecisionRecord) error {
		f.mu.Lock()
		defer f.mu.Unlock()
		f.decisions = append(f.decisions, d)
		return nil
	}, checklist.ActivityRecordBenefitDecision)
}

func (f *fakeStore) completions() []checklist.TaskCompletion {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]checklist.TaskCompletion(nil), f.completed...)
}

// lastProgress is the newest progress report (reports may complete out of
// order; their sequence numbers do not).
func (f *fakeStore) lastProgress() checklist.AreaProgress {
	f.mu.Lock()
	defer f.mu.Unlock()
	var last checklist.AreaProgress
	for _, p := range f.progress {
		if p.Seq >= last.Seq {
			last = p
		}
	}
	return last
}
