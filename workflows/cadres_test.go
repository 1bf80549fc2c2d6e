package workflows

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"electionflow/checklist"
	"electionflow/election"
)

func cadreTask(kind election.TaskKind, cadre string, n int) election.TaskID {
	return taskID(kind, fmt.Sprintf("%s/%d", cadre, n))
}

func newCadreFake() *fakeStore {
	f := newFake()
	f.cadres = []election.CadreID{"CB-001"}
	f.assessment = checklist.CadreAssessment{RuleSet: "decree-177-2024", NeedsHRConfirmation: true,
		Eligible: []string{"early-retirement", "reassignment"}}
	return f
}

// A correction computes the benefits again; a rejected choice returns to
// the cadre; the decision uses the last computation.
func TestCadreCaseCorrectionAndRejection(t *testing.T) {
	f := newCadreFake()
	env := newEnv(t, f)
	hr, official := election.RoleHR, election.RoleApprovingOfficial
	steps := []*updateOutcome{
		completeAt(env, time.Hour, cadreTask(election.KindVerifyCadreRecord, "CB-001", 1), hr, `{"result":"corrected","note":"thiếu 14 tháng BHXH"}`),
		completeAt(env, 2*time.Hour, cadreTask(election.KindVerifyCadreRecord, "CB-001", 2), hr, `{"result":"verified"}`),
		completeAt(env, 3*time.Hour, cadreTask(election.KindRecordCadreChoice, "CB-001", 1), hr, `{"option":"early-retirement"}`),
		completeAt(env, 4*time.Hour, cadreTask(election.KindApproveCadreBenefits, "CB-001", 1), official, `{"decision":"reject","reason":"Cần bố trí công tác khác"}`),
		completeAt(env, 5*time.Hour, cadreTask(election.KindRecordCadreChoice, "CB-001", 2), hr, `{"option":"reassignment"}`),
		completeAt(env, 6*time.Hour, cadreTask(election.KindApproveCadreBenefits, "CB-001", 2), official, `{"decision":"approve"}`),
		completeAt(env, day(1, 0), cadreTask(election.KindDecideCadreBenefits, "CB-001", 1), hr, `{"decision_no":"88/QĐ-UBND","decided_on":"2026-03-21"}`),
	}
	env.ExecuteWorkflow(checklist.WorkflowCadres, checklist.CadresInput{Facts: f.facts})
	var res checklist.CadresResult
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	for i, s := range steps {
		if !s.completed {
			t.Errorf("step %d: %+v (%v)", i, s, s.rejected)
		}
	}
	if res.Cases != 1 || res.Decisions != 1 || res.NeedHRConfirmation != 1 {
		t.Errorf("result %+v", res)
	}
	if len(f.assessed) != 2 || f.assessed[1].Round != 2 {
		t.Errorf("assessments %+v, want two rounds", f.assessed)
	}
	if len(f.decisions) != 1 || f.decisions[0].Round != 2 || f.decisions[0].Option != "reassignment" || f.decisions[0].DecisionNo != "88/QĐ-UBND" {
		t.Errorf("decision %+v", f.decisions)
	}
	// Every task of the case opened once per round, so the loop below
	// checks each kind's due time.
	opened := map[election.TaskKind]int{}
	for _, task := range f.opened {
		opened[task.Kind]++
	}
	wantOpened := map[election.TaskKind]int{election.KindVerifyCadreRecord: 2, election.KindRecordCadreChoice: 2,
		election.KindApproveCadreBenefits: 2, election.KindDecideCadreBenefits: 1}
	if !reflect.DeepEqual(opened, wantOpened) {
		t.Errorf("opened %v, want %v", opened, wantOpened)
	}
	// Due times count back from the decisions deadline (E+90 = 13/06).
	for _, task := range f.opened {
		want := map[election.TaskKind]string{
			election.KindVerifyCadreRecord:    "2026-04-29",
			election.KindRecordCadreChoice:    "2026-05-14",
			election.KindApproveCadreBenefits: "2026-05-29",
			election.KindDecideCadreBenefits:  "2026-06-13",
		}[task.Kind]
		if got := election.Today(task.Due).String(); got != want {
			t.Errorf("%s due %s, want %s", task.Kind, got, want)
		}
	}
}

func TestCadreCaseValidator(t *testing.T) {
	tests := []struct {
		name    string
		id      election.TaskID
		role    election.Role
		outcome string
		want    string
	}{
		{"wrong role", cadreTask(election.KindVerifyCadreRecord, "CB-001", 1), election.RoleApprovingOfficial, `{"result":"verified"}`, `needs role "hr-officer"`},
		{"bad result", cadreTask(election.KindVerifyCadreRecord, "CB-001", 1), election.RoleHR, `{"result":"fine"}`, "want verified or corrected"},
		{"figures in the outcome", cadreTask(election.KindVerifyCadreRecord, "CB-001", 1), election.RoleHR, `{"result":"corrected","monthly_salary_vnd":9000000}`, "unknown field"},
		{"null outcome", cadreTask(election.KindVerifyCadreRecord, "CB-001", 1), election.RoleHR, `null`, "outcome: want one JSON object"},
		{"task of another cadre", cadreTask(election.KindVerifyCadreRecord, "CB-404", 1), election.RoleHR, `{"result":"verified"}`, "unknown task"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newCadreFake()
			env := newEnv(t, f)
			bad := completeAt(env, time.Hour, tt.id, tt.role, tt.outcome)
			env.ExecuteWorkflow(checklist.WorkflowCadres, checklist.CadresInput{Facts: f.facts})
			if bad.rejected == nil || !strings.Contains(bad.rejected.Error(), tt.want) || bad.accepted {
				t.Errorf("update %+v, want refusal %q (%v)", bad, tt.want, bad.rejected)
			}
			checkCadreNothingRecorded(t, f, 0)
		})
	}
	t.Run("option not open", func(t *testing.T) {
		f := newCadreFake()
		env := newEnv(t, f)
		completeAt(env, time.Hour, cadreTask(election.KindVerifyCadreRecord, "CB-001", 1), election.RoleHR, `{"result":"verified"}`)
		bad := completeAt(env, 2*time.Hour, cadreTask(election.KindRecordCadreChoice, "CB-001", 1), election.RoleHR, `{"option":"await-retirement"}`)
		env.ExecuteWorkflow(checklist.WorkflowCadres, checklist.CadresInput{Facts: f.facts})
		if bad.rejected == nil || !strings.Contains(bad.rejected.Error(), "not open to this cadre") || bad.accepted {
			t.Errorf("choice of a closed option: %+v (%v)", bad, bad.rejected)
		}
		checkCadreNothingRecorded(t, f, 1)
	})
}

// checkCadreNothingRecorded fails unless a refused update left no trace:
// only the before completions that preceded it, no benefit decision, and
// the benefits assessed only once, when the case began (a correction
// accepted would assess them again).
func checkCadreNothingRecorded(t *testing.T, f *fakeStore, before int) {
	t.Helper()
	if n := len(f.completions()); n != before {
		t.Errorf("%d completions recorded, want %d", n, before)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.decisions) != 0 || len(f.assessed) != 1 {
		t.Errorf("after a refusal: decisions %+v, %d assessments (want 1)", f.decisions, len(f.assessed))
	}
}

// A cadre past retirement age has no option: the case ends after the
// verification, with no decision.
func TestCadreCaseWithoutOptions(t *testing.T) {
	f := newCadreFake()
	f.assessment.Eligible = nil
	env := newEnv(t, f)
	completeAt(env, time.Hour, cadreTask(election.KindVerifyCadreRecord, "CB-001", 1), election.RoleHR, `{"result":"verified"}`)
	env.ExecuteWorkflow(checklist.WorkflowCadres, checklist.CadresInput{Facts: f.facts})
	var res checklist.CadresResult
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	if res.NoOption != 1 || res.Decisions != 0 || len(f.decisions) != 0 || len(f.opened) != 1 {
		t.Errorf("result %+v, %d tasks", res, len(f.opened))
	}
}

// The area runs one case per cadre and counts their tasks as its own; an
// HR record left unverified escalates at its due time.
func TestOutgoingCadresArea(t *testing.T) {
	f := newCadreFake()
	f.cadres = []election.CadreID{"CB-001", "CB-002"}
	env := newEnv(t, f)
	var mid checklist.AreaProgress
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflow(checklist.QueryProgress)
		if err == nil {
			err = v.Get(&mid)
		}
		if err != nil {
			t.Error(err)
		}
	}, 30*time.Minute)
	var updates []*updateOutcome
	area := func(after time.Duration, cadre string, kind election.TaskKind, n int, role election.Role, outcome string) {
		u := &updateOutcome{}
		updates = append(updates, u)
		env.RegisterDelayedCallback(func() {
			env.UpdateWorkflow(checklist.UpdateCompleteTask, string(cadreTask(kind, cadre, n))+after.String(),
				&testUpdateCallback{u}, checklist.CompleteTaskRequest{TaskID: cadreTask(kind, cadre, n), Actor: "hr", Role: role, Outcome: []byte(outcome)})
		}, after)
	}
	for i, c := range []string{"CB-001", "CB-002"} {
		base := time.Duration(i) * time.Hour
		verifyAt := base + time.Hour
		if c == "CB-002" {
			verifyAt = day(41, 0) // after the due time of 29/04
		}
		area(verifyAt, c, election.KindVerifyCadreRecord, 1, election.RoleHR, `{"result":"verified"}`)
		area(verifyAt+time.Hour, c, election.KindRecordCadreChoice, 1, election.RoleHR, `{"option":"early-retirement"}`)
		area(verifyAt+2*time.Hour, c, election.KindApproveCadreBenefits, 1, election.RoleApprovingOfficial, `{"decision":"approve"}`)
		area(verifyAt+3*time.Hour, c, election.KindDecideCadreBenefits, 1, election.RoleHR, `{"decision_no":"9/QĐ-UBND","decided_on":"2026-03-20"}`)
	}
	env.ExecuteWorkflow(checklist.WorkflowCadres, checklist.CadresInput{Facts: f.facts})
	for i, u := range updates {
		if !u.completed {
			t.Errorf("update %d: %+v (%v, %v)", i, u, u.rejected, u.failed)
		}
	}
	var res checklist.CadresResult
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	if res.Cases != 2 || res.Decisions != 2 || res.NeedHRConfirmation != 2 {
		t.Errorf("result %+v", res)
	}
	if mid.OpenTasks != 2 || mid.Step != stepCases {
		t.Errorf("progress with two cases open: %+v", mid)
	}
	escalated := false
	for _, n := range f.notices {
		if n.Kind == election.NoticeEscalation && n.Task.ID == cadreTask(election.KindVerifyCadreRecord, "CB-002", 1) {
			escalated = election.Today(n.At).String() == "2026-04-29"
		}
	}
	if !escalated {
		t.Errorf("CB-002's unverified record was not escalated on 29/04: %+v", f.notices)
	}
}

// testUpdateCallback records an update's fate in an updateOutcome.
type testUpdateCallback struct{ u *updateOutcome }

func (c *testUpdateCallback) Accept()          { c.u.accepted = true }
func (c *testUpdateCallback) Reject(err error) { c.u.rejected = err }
func (c *testUpdateCallback) Complete(_ interface{}, err error) {
	c.u.completed, c.u.failed = err == nil, err
}
