package workflows

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/mock"
	"go.temporal.io/sdk/temporal"
	"go.temporal.io/sdk/testsuite"

	"electionflow/checklist"
	"electionflow/election"
)

// completeChildAt sends a complete-task update to the credentials child.
func completeChildAt(env *testsuite.TestWorkflowEnvironment, after time.Duration, id election.TaskID, role election.Role, outcome string) *updateOutcome {
	return completeAreaAt(env, checklist.AreaCredentials, after, id, role, outcome)
}

// completeAreaAt sends a complete-task update to an area's child workflow.
func completeAreaAt(env *testsuite.TestWorkflowEnvironment, area checklist.Area, after time.Duration, id election.TaskID, role election.Role, outcome string) *updateOutcome {
	u := &updateOutcome{}
	child := checklist.AreaWorkflowID(testTerm, "00004", area)
	env.RegisterDelayedCallback(func() {
		err := env.UpdateWorkflowByID(child, checklist.UpdateCompleteTask, string(id), &testsuite.TestUpdateCallback{
			OnAccept:   func() { u.accepted = true },
			OnReject:   func(err error) { u.rejected = err },
			OnComplete: func(_ interface{}, err error) { u.completed, u.failed = err == nil, err },
		}, checklist.CompleteTaskRequest{TaskID: id, Actor: "ubbc.hn", Role: role, Outcome: json.RawMessage(outcome)})
		if err != nil {
			u.failed = err
		}
	}, after)
	return u
}

// queryAreaAt queries an area's own progress at a moment of the test.
func queryAreaAt(t *testing.T, env *testsuite.TestWorkflowEnvironment, area checklist.Area, after time.Duration, into *checklist.AreaProgress) {
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflowByID(checklist.AreaWorkflowID(testTerm, "00004", area), checklist.QueryProgress)
		if err == nil {
			err = v.Get(into)
		}
		if err != nil {
			t.Error(err)
		}
	}, after)
}

func queryAt(t *testing.T, env *testsuite.TestWorkflowEnvironment, after time.Duration, into *checklist.Progress) {
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflow(checklist.QueryProgress)
		if err == nil {
			err = v.Get(into)
		}
		if err != nil {
			t.Error(err)
		}
	}, after)
}

func TestChecklistRunsCredentialsAndTracksProgress(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	var atStart, afterReview, atEnd checklist.Progress
	queryAt(t, env, 30*time.Minute, &atStart)
	queryAt(t, env, 3*time.Hour, &afterReview)
	var credsAtStart, credsAfterReview, sessionAfterReview checklist.AreaProgress
	queryAreaAt(t, env, checklist.AreaCredentials, 30*time.Minute, &credsAtStart)
	queryAreaAt(t, env, checklist.AreaCredentials, 3*time.Hour, &credsAfterReview)
	queryAreaAt(t, env, checklist.AreaFirstSession, 3*time.Hour, &sessionAfterReview)
	steps := []*updateOutcome{
		completeChildAt(env, time.Hour, reviewKN1, election.RoleElectionCommittee, upheld),
		completeChildAt(env, 26*time.Hour, resolution, election.RoleElectionCommittee, adopted),
		completeChildAt(env, 50*time.Hour, handover, election.RoleCouncilOffice, handedOver),
	}
	// The first session: its date is set before the resolution, the rest after.
	office := election.RoleCouncilOffice
	steps = append(steps,
		completeAreaAt(env, checklist.AreaFirstSession, 2*time.Hour, sessionTask(election.KindSetSessionDate), office, `{"session_date":"2026-03-25"}`),
		completeAreaAt(env, checklist.AreaFirstSession, 52*time.Hour, sessionTask(election.KindSendSessionDocuments), office, `{"sent_on":"2026-03-22","recipients":2}`),
		completeAreaAt(env, checklist.AreaFirstSession, 5*24*time.Hour+2*time.Hour, sessionTask(election.KindOpenSession), office, `{"opened_on":"2026-03-25","credential_report_presented":true}`),
		completeAreaAt(env, checklist.AreaFirstSession, 5*24*time.Hour+3*time.Hour, sessionTask(election.KindRecordLeadership), office, `{"results":[{"position":"hdnd-chair","person":"00004-P001"}]}`),
		completeAreaAt(env, checklist.AreaFirstSession, 6*24*time.Hour, sessionTask(election.KindRecordApprovals), office, `{"approvals":[{"position":"hdnd-chair","person":"00004-P001","body":"Thường trực HĐND thành phố","decision_no":"5/NQ-TTHĐND","approved_on":"2026-03-26"}]}`),
	)
	// No nominations: the commendations area ends after its first task.
	steps = append(steps, completeAreaAt(env, checklist.AreaCommendations, 4*time.Hour,
		taskID(election.KindSubmitNominations, "nominations"), office, `{"nominations":[]}`))
	var stages []string
	env.OnUpsertTypedSearchAttributes(mock.Anything).Return(nil).Run(func(args mock.Arguments) {
		sa := args.Get(0).(temporal.SearchAttributes)
		if v, ok := sa.GetKeyword(AttrStage); ok && (len(stages) == 0 || stages[len(stages)-1] != v) {
			stages = append(stages, v)
		}
	})
	env.ExecuteWorkflow(checklist.WorkflowChecklist, checklist.Input{Term: testTerm, Council: "00004"})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	for i, s := range steps {
		if !s.completed {
			t.Errorf("update %d: %+v (%v)", i, s, s.rejected)
		}
	}
	var res checklist.Result
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	if res.Credentials.Confirmed != 2 || res.Credentials.NotConfirmed != 1 || res.Credentials.Certificates != 2 {
		t.Errorf("result %+v", res)
	}
	if fs := res.FirstSession; fs == nil || !fs.OnTime || fs.Results != 1 || fs.Approvals != 1 || fs.SessionDate.String() != "2026-03-25" {
		t.Errorf("first session result %+v", fs)
	}
	// The checklist shows which areas run and which are done; each area
	// shows its own step and tasks.
	if atStart.Stage != "credentials" || atStart.Areas[0].State != checklist.AreaRunning || atStart.Areas[3].State != checklist.AreaDone {
		t.Errorf("progress at start %+v", atStart)
	}
	if credsAtStart.Step != stepReview || credsAtStart.OpenTasks != 1 || credsAtStart.NextDeadline.IsZero() {
		t.Errorf("credentials at start %+v", credsAtStart)
	}
	if afterReview.Stage != "credentials" || credsAfterReview.Step != stepResolution || credsAfterReview.OpenTasks != 1 ||
		sessionAfterReview.Step != stepAwaitCreds {
		t.Errorf("progress after the review %+v, credentials %+v, first session %+v", afterReview, credsAfterReview, sessionAfterReview)
	}
	v, err := env.QueryWorkflow(checklist.QueryProgress)
	if err == nil {
		err = v.Get(&atEnd)
	}
	if err != nil || atEnd.Stage != "done" || atEnd.OpenTasks != 0 || atEnd.Areas[0].State != checklist.AreaDone || atEnd.Areas[1].State != checklist.AreaDone || atEnd.Areas[2].State != checklist.AreaDone {
		t.Errorf("progress at the end %+v (%v)", atEnd, err)
	}
	joined := strings.Join(stages, " > ")
	for _, want := range []string{"credentials/complaint-review", "credentials/resolution", "credentials/certificates", "credentials/handover", "first-session/opening", "done"} {
		if !strings.Contains(joined, want) {
			t.Errorf("stage search attribute never was %s: %s", want, joined)
		}
	}
}

func TestChecklistUnknownCouncilFails(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	env.ExecuteWorkflow(checklist.WorkflowChecklist, checklist.Input{Term: testTerm, Council: "99999"})
	if err := env.GetWorkflowError(); err == nil || !strings.Contains(err.Error(), "unknown council 99999") {
		t.Errorf("err = %v", err)
	}
}

func TestMarkAreaKeepsNewerReports(t *testing.T) {
	p := checklist.Progress{Areas: []checklist.AreaProgress{
		{Area: "credentials", State: checklist.AreaDone},
		{Area: "first-session", State: checklist.AreaRunning, Step: "date", OpenTasks: 2},
	}}
	// A stale report (lower sequence) does not overwrite a newer one.
	markArea(&p, checklist.AreaProgress{Area: "first-session", State: checklist.AreaRunning, Step: "old", Seq: -1})
	if p.Areas[1].Step != "date" {
		t.Errorf("stale report applied: %+v", p.Areas[1])
	}
}

func sessionTask(kind election.TaskKind) election.TaskID { return taskID(kind, "session") }

// Every step an area names has a Vietnamese title.
func TestEveryStepHasATitle(t *testing.T) {
	steps := []string{stepReview, stepResolution, stepCertificates, stepHandover, stepSessionDate, stepAwaitCreds,
		stepDocuments, stepOpening, stepLeadership, stepApprovals, stepNominations, stepAppraisal, stepCouncilReview,
		stepCommendationDecision, stepCases, stepVerify, stepChoice, stepApproval, stepDecision, stepNoOption, "starting", "done", ""}
	for _, s := range steps {
		if title := stepTitle(s); title == s || title == "" {
			t.Errorf("step %q has no title", s)
		}
	}
}
