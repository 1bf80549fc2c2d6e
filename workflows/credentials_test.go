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

const testTerm election.Term = "2026-2031"

// start is 09:00 on 20 March 2026 in Viet Nam, five days after election day.
var start = time.Date(2026, 3, 20, 9, 0, 0, 0, election.OfficeZone())

func testFacts() checklist.CouncilFacts {
	e := election.MustParseDate("2026-03-15")
	return checklist.CouncilFacts{
		Term: testTerm, Council: "00004", Name: "Hội đồng nhân dân phường Ba Đình",
		Level: election.LevelCommune, Province: "01", Seats: 15, ElectionDay: e,
		ComplaintsSettled: e.AddDays(35), CredentialResolution: e.AddDays(35), FirstSession: e.AddDays(45),
		// Complaints close early in these tests so the resolution can be
		// adopted a few days after the start.
		ComplaintsFiled: e.AddDays(5), NominationsClose: e.AddDays(30), CadreDecisions: e.AddDays(90),
	}
}

func newFake() *fakeStore {
	return &fakeStore{
		facts: testFacts(),
		credentials: checklist.CredentialFacts{
			Persons:    []election.PersonID{"00004-P001", "00004-P002", "00004-P003"},
			Complaints: []checklist.ComplaintRef{{ID: "KN-1", Person: "00004-P002", Kind: election.KindComplaint}},
		},
	}
}

func newEnv(t *testing.T, f *fakeStore) *testsuite.TestWorkflowEnvironment {
	t.Helper()
	var s testsuite.WorkflowTestSuite
	env := s.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	Register(env)
	f.register(env)
	(&fakeCommendations{}).register(env, f)
	return env
}

func taskID(kind election.TaskKind, subject string) election.TaskID {
	return election.NewTaskID(testTerm, "00004", kind, subject)
}

var (
	reviewKN1  = taskID(election.KindReviewComplaint, "KN-1")
	resolution = taskID(election.KindAdoptResolution, "resolution")
	handover   = taskID(election.KindHandOverCertificates, "certificates")
)

// updateOutcome is what became of one complete-task update.
type updateOutcome struct {
	accepted, completed bool
	rejected, failed    error
}

// completeAt sends a complete-task update at start+after.
func completeAt(env *testsuite.TestWorkflowEnvironment, after time.Duration, id election.TaskID, role election.Role, outcome string) *updateOutcome {
	return completeAs(env, after, "ubbc.hn", id, role, outcome)
}

// completeAs is completeAt by a given actor; an empty outcome sends none.
func completeAs(env *testsuite.TestWorkflowEnvironment, after time.Duration, actor string, id election.TaskID, role election.Role, outcome string) *updateOutcome {
	u := &updateOutcome{}
	var raw json.RawMessage
	if outcome != "" {
		raw = json.RawMessage(outcome)
	}
	env.RegisterDelayedCallback(func() {
		env.UpdateWorkflow(checklist.UpdateCompleteTask, string(id)+after.String(), &testsuite.TestUpdateCallback{
			OnAccept: func() { u.accepted = true },
			OnReject: func(err error) { u.rejected = err },
			OnComplete: func(_ interface{}, err error) {
				u.completed, u.failed = err == nil, err
			},
		}, checklist.CompleteTaskRequest{TaskID: id, Actor: actor, Role: role, Outcome: raw})
	}, after)
	return u
}

const (
	dismissed  = `{"decision":"dismissed","reason":"Không có cơ sở"}`
	upheld     = `{"decision":"upheld","reason":"Kê khai tài sản không trung thực"}`
	adopted    = `{"resolution_no":"12/NQ-UBBC","adopted_on":"2026-03-21"}`
	handedOver = `{"handed_over_on":"2026-03-22"}`
)

func TestCredentialsHappyPath(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	steps := []*updateOutcome{
		completeAt(env, time.Hour, reviewKN1, election.RoleElectionCommittee, dismissed),
		completeAt(env, 26*time.Hour, resolution, election.RoleElectionCommittee, adopted),
		completeAt(env, 50*time.Hour, handover, election.RoleCouncilOffice, handedOver),
	}
	env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
	if !env.IsWorkflowCompleted() {
		t.Fatal("workflow did not complete")
	}
	var res checklist.CredentialsResult
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	want := checklist.CredentialsResult{ResolutionNo: "12/NQ-UBBC", AdoptedOn: election.MustParseDate("2026-03-21"),
		Confirmed: 3, NotConfirmed: 0, Certificates: 3}
	if res != want {
		t.Errorf("result %+v, want %+v", res, want)
	}
	for i, s := range steps {
		if !s.accepted || !s.completed {
			t.Errorf("update %d: %+v", i, s)
		}
	}
	if got := len(f.opened); got != 3 {
		t.Errorf("%d tasks opened, want 3", got)
	}
	comp := f.completions()
	if len(comp) != 3 || comp[0].Task.ID != reviewKN1 || comp[1].Task.ID != resolution || comp[2].Task.ID != handover {
		t.Errorf("completions %+v", comp)
	}
	if comp[2].Role != election.RoleCouncilOffice || comp[2].Actor != "ubbc.hn" {
		t.Errorf("handover recorded as %+v", comp[2])
	}
	if len(f.adopted) != 1 || f.adopted[0].ResolutionNo != "12/NQ-UBBC" || len(f.handovers) != 1 {
		t.Errorf("adopted %+v handovers %+v", f.adopted, f.handovers)
	}
	// Due times come from the calendar: reviews and the resolution at
	// E+35, the handover the day before the first session (E+45).
	for _, task := range f.opened {
		want := map[election.TaskKind]string{
			election.KindReviewComplaint:      "2026-04-19T17:00:00+07:00",
			election.KindAdoptResolution:      "2026-04-19T17:00:00+07:00",
			election.KindHandOverCertificates: "2026-04-28T17:00:00+07:00",
		}[task.Kind]
		if got := task.Due.In(election.OfficeZone()).Format(time.RFC3339); got != want {
			t.Errorf("%s due %s, want %s", task.Kind, got, want)
		}
	}
	last := f.lastProgress()
	if last.State != checklist.AreaDone || last.OpenTasks != 0 {
		t.Errorf("last progress %+v", last)
	}
}

func TestCredentialsUpheldComplaintIsNotConfirmed(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	completeAt(env, time.Hour, reviewKN1, election.RoleElectionCommittee, upheld)
	completeAt(env, 26*time.Hour, resolution, election.RoleElectionCommittee, adopted)
	completeAt(env, 50*time.Hour, handover, election.RoleCouncilOffice, handedOver)
	env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
	var res checklist.CredentialsResult
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	if res.Confirmed != 2 || res.NotConfirmed != 1 || res.Certificates != 2 {
		t.Errorf("result %+v, want 2 confirmed, 1 not, 2 certificates", res)
	}
	if d := f.draft[1]; d.Person != "00004-P002" || d.Confirmed || !strings.Contains(d.Reason, "Kê khai") {
		t.Errorf("decision for the person complained about: %+v", d)
	}
}

func TestCompleteTaskValidator(t *testing.T) {
	tests := []struct {
		name    string
		id      election.TaskID
		role    election.Role
		outcome string
		want    string
		noActor bool // send the update without an actor
	}{
		{"unknown task", taskID(election.KindReviewComplaint, "KN-404"), election.RoleElectionCommittee, dismissed, "unknown task", false},
		{"empty actor", reviewKN1, election.RoleElectionCommittee, dismissed, "actor is required", true},
		// No outcome reaches the workflow as JSON null.
		{"no outcome", reviewKN1, election.RoleElectionCommittee, "", "outcome: want one JSON object", false},
		{"null outcome", reviewKN1, election.RoleElectionCommittee, `null`, "outcome: want one JSON object", false},
		{"empty object", reviewKN1, election.RoleElectionCommittee, `{}`, `decision "": want upheld or dismissed`, false},
		{"wrong role", reviewKN1, election.RoleCouncilOffice, dismissed, `needs role "election-committee"`, false},
		{"bad decision", reviewKN1, election.RoleElectionCommittee, `{"decision":"perhaps","reason":"x"}`, "decision", false},
		{"no reason", reviewKN1, election.RoleElectionCommittee, `{"decision":"upheld"}`, "reason is required", false},
		{"unknown field", reviewKN1, election.RoleElectionCommittee, `{"decision":"upheld","reason":"x","verdict":1}`, "unknown field", false},
		{"not an object", reviewKN1, election.RoleElectionCommittee, `"upheld"`, "want one JSON object", false},
		{"task not open yet", resolution, election.RoleElectionCommittee, adopted, "unknown task", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			env := newEnv(t, f)
			actor := "ubbc.hn"
			if tt.noActor {
				actor = ""
			}
			bad := completeAs(env, time.Hour, actor, tt.id, tt.role, tt.outcome)
			good := completeAt(env, 2*time.Hour, reviewKN1, election.RoleElectionCommittee, dismissed)
			env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
			if bad.rejected == nil || !strings.Contains(bad.rejected.Error(), tt.want) || bad.accepted {
				t.Errorf("bad update: %+v (%v), want rejection %q", bad, bad.rejected, tt.want)
			}
			if !good.completed {
				t.Errorf("good update after the rejection: %+v", good)
			}
			if n := len(f.completions()); n != 1 {
				t.Errorf("%d completions recorded, want only the good one", n)
			}
		})
	}

	t.Run("closed task", func(t *testing.T) {
		f := newFake()
		env := newEnv(t, f)
		first := completeAt(env, time.Hour, reviewKN1, election.RoleElectionCommittee, dismissed)
		again := completeAt(env, 2*time.Hour, reviewKN1, election.RoleElectionCommittee, upheld)
		env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
		if !first.completed || again.rejected == nil || !strings.Contains(again.rejected.Error(), "already completed") {
			t.Errorf("first %+v, again %+v", first, again)
		}
		if n := len(f.completions()); n != 1 {
			t.Errorf("%d completions recorded, want 1", n)
		}
	})

	t.Run("resolution dated in the future", func(t *testing.T) {
		f := newFake()
		env := newEnv(t, f)
		completeAt(env, time.Hour, reviewKN1, election.RoleElectionCommittee, dismissed)
		future := completeAt(env, 2*time.Hour, resolution, election.RoleElectionCommittee, `{"resolution_no":"12/NQ-UBBC","adopted_on":"2026-03-30"}`)
		env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
		if future.rejected == nil || !strings.Contains(future.rejected.Error(), "in the future") {
			t.Errorf("future resolution: %+v", future)
		}
	})
}

// Nobody reviews the complaint: reminders go out three days and one day
// before it is due, and at the due time it is escalated and counted overdue.
func TestRemindersAndEscalation(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	due := time.Date(2026, 4, 19, 17, 0, 0, 0, election.OfficeZone())
	var before, after checklist.AreaProgress
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflow(checklist.QueryProgress)
		if err == nil {
			err = v.Get(&before)
		}
		if err != nil {
			t.Error(err)
		}
	}, due.Sub(start)-time.Minute)
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflow(checklist.QueryProgress)
		if err == nil {
			err = v.Get(&after)
		}
		if err != nil {
			t.Error(err)
		}
	}, due.Sub(start)+time.Minute)
	// Late, but it still closes the area.
	completeAt(env, due.Sub(start)+time.Hour, reviewKN1, election.RoleElectionCommittee, dismissed)
	completeAt(env, due.Sub(start)+2*time.Hour, resolution, election.RoleElectionCommittee, `{"resolution_no":"12/NQ-UBBC","adopted_on":"2026-04-19"}`)
	completeAt(env, due.Sub(start)+3*time.Hour, handover, election.RoleCouncilOffice, `{"handed_over_on":"2026-04-19"}`)

	var saOverdue []int64
	env.OnUpsertTypedSearchAttributes(mock.Anything).Return(nil).Run(func(args mock.Arguments) {
		sa := args.Get(0).(temporal.SearchAttributes)
		if v, ok := sa.GetInt64(AttrOverdueTasks); ok {
			saOverdue = append(saOverdue, v)
		}
	})
	env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}

	var got []string
	for _, n := range f.notices {
		got = append(got, string(n.Kind)+"@"+n.At.In(election.OfficeZone()).Format("01-02 15:04"))
	}
	// The resolution task opens after its own due time (the review was
	// late), so it is escalated as soon as it opens.
	want := []string{"reminder@04-16 17:00", "reminder@04-18 17:00", "escalation@04-19 17:00", "escalation@04-19 18:00"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("notices %v, want %v", got, want)
	}
	if before.OpenTasks != 1 || before.OverdueTasks != 0 || before.Step != stepReview {
		t.Errorf("progress before the due time %+v", before)
	}
	if after.OpenTasks != 1 || after.OverdueTasks != 1 || !after.NextDeadline.Equal(due) {
		t.Errorf("progress after the due time %+v", after)
	}
	if !containsInt(saOverdue, 1) || saOverdue[len(saOverdue)-1] != 0 {
		t.Errorf("OverdueTasks search attribute went %v, want through 1 back to 0", saOverdue)
	}
}

func containsInt(xs []int64, x int64) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// A task is known to its workflow before the inbox shows it, so a
// completion sent as soon as the task appears is never refused as unknown.
func TestCompletionWhileTaskIsBeingOpened(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	// The inbox write of the review task takes 20 s of workflow time.
	env.OnActivity(checklist.ActivityOpenTasks, mock.Anything, mock.Anything).After(20 * time.Second).Return(nil).Once()
	env.OnActivity(checklist.ActivityOpenTasks, mock.Anything, mock.Anything).Return(nil)
	early := completeAt(env, 10*time.Second, reviewKN1, election.RoleElectionCommittee, dismissed)
	completeAt(env, 26*time.Hour, resolution, election.RoleElectionCommittee, adopted)
	completeAt(env, 50*time.Hour, handover, election.RoleCouncilOffice, handedOver)
	env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
	if err := env.GetWorkflowError(); err != nil {
		t.Fatal(err)
	}
	if early.rejected != nil || !early.completed {
		t.Errorf("completion during the inbox write: %+v", early)
	}
}

// A write that fails for good (here a completion the database refuses)
// fails the update that waited for it and the area, instead of leaving a
// task done in the workflow and open in the inbox.
func TestLeanWriteFailureFailsTheUpdateAndTheArea(t *testing.T) {
	f := newFake()
	f.refuse = func(w checklist.Writes) error {
		if len(w.Completed) > 0 {
			return temporal.NewNonRetryableApplicationError("audit log refused the row", "Refused", nil)
		}
		return nil
	}
	env := newEnv(t, f)
	u := completeAt(env, time.Hour, reviewKN1, election.RoleElectionCommittee, dismissed)
	env.ExecuteWorkflow(checklist.WorkflowCredentials, checklist.CredentialsInput{Facts: f.facts})
	if u.completed || u.failed == nil || !strings.Contains(u.failed.Error(), "audit log refused the row") {
		t.Errorf("update %+v (%v), want it failed with the write's error", u, u.failed)
	}
	if err := env.GetWorkflowError(); err == nil || !strings.Contains(err.Error(), "write to the database") {
		t.Errorf("area error %v, want the failed write", err)
	}
}
