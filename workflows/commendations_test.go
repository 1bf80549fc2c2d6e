package workflows

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"go.temporal.io/sdk/testsuite"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// fakeCommendations stands in for the commendation activities, recording
// what the workflow asked to record.
type fakeCommendations struct {
	mu          sync.Mutex
	nominations []checklist.NominationsRecord
	appraisals  []checklist.AppraisalsRecord
	reviews     []checklist.CouncilReviewRecord
	decisions   []checklist.CommendationDecisionRecord
}

func (c *fakeCommendations) register(env *testsuite.TestWorkflowEnvironment, f *fakeStore) {
	reg := func(fn any, name string) { f.add(env, fn, name) }
	reg(func(_ context.Context, r checklist.NominationsRecord) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.nominations = append(c.nominations, r)
		return nil
	}, checklist.ActivityRecordNominations)
	reg(func(_ context.Context, r checklist.AppraisalsRecord) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.appraisals = append(c.appraisals, r)
		return nil
	}, checklist.ActivityRecordAppraisals)
	reg(func(_ context.Context, r checklist.CouncilReviewRecord) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.reviews = append(c.reviews, r)
		return nil
	}, checklist.ActivityRecordCouncilReview)
	reg(func(_ context.Context, r checklist.CommendationDecisionRecord) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.decisions = append(c.decisions, r)
		return nil
	}, checklist.ActivityRecordCommendationDecision)
}

// nominationsClose is 30 days after the test election day: 14 April 2026.
var testNominationsClose = election.MustParseDate("2026-04-14")

// commendationFacts are testFacts (a commune) with the nomination window.
func commendationFacts() checklist.CouncilFacts {
	f := testFacts()
	f.NominationsClose = testNominationsClose
	return f
}

// newCommendationsEnv registers only the commendations workflow (so it
// keeps working once Register knows it too), the shared task-board fakes
// and the commendation fakes.
func newCommendationsEnv(t *testing.T, facts checklist.CouncilFacts) (*testsuite.TestWorkflowEnvironment, *fakeStore, *fakeCommendations) {
	t.Helper()
	var s testsuite.WorkflowTestSuite
	env := s.NewTestWorkflowEnvironment()
	env.SetStartTime(start)
	env.RegisterWorkflowWithOptions(CommendationsV2, workflow.RegisterOptions{Name: checklist.WorkflowCommendations})
	f := newFake()
	f.facts = facts
	f.register(env)
	c := &fakeCommendations{}
	c.register(env, f)
	return env, f, c
}

func commendationTask(kind election.TaskKind, subject string) election.TaskID {
	return election.NewTaskID(testTerm, "00004", kind, subject)
}

var (
	submitTask   = commendationTask(election.KindSubmitNominations, "nominations")
	appraiseN1   = commendationTask(election.KindAppraiseNomination, "N1")
	appraiseN2   = commendationTask(election.KindAppraiseNomination, "N2")
	councilTask  = commendationTask(election.KindReviewCommendations, "council-review")
	decisionTask = commendationTask(election.KindDecideCommendations, "decision")
)

const (
	twoNominations = `{"nominations":[
		{"id":"N1","nominee_kind":"collective","nominee":"Tổ bầu cử số 3 phường Ba Đình","achievement":"Hoàn thành xuất sắc nhiệm vụ bầu cử"},
		{"id":"N2","nominee_kind":"individual","nominee":"Trần Thị Bình","achievement":"Tổ trưởng Tổ bầu cử số 5"}]}`
	noNominations      = `{"nominations":[]}`
	appraisalApprove   = `{"decision":"approve"}`
	appraisalReject    = `{"decision":"reject","reason":"Thiếu báo cáo thành tích"}`
	councilApproveN1   = `{"decisions":[{"nomination":"N1","approve":true}]}`
	councilRejectN1    = `{"decisions":[{"nomination":"N1","approve":false,"reason":"Chưa tiêu biểu"}]}`
	commendationSigned = `{"decision_no":"123/QĐ-UBND","decided_on":"25/03/2026"}`
)

func commendationsResult(t *testing.T, env *testsuite.TestWorkflowEnvironment) checklist.CommendationsResult {
	t.Helper()
	if !env.IsWorkflowCompleted() {
		t.Fatal("workflow did not complete")
	}
	var res checklist.CommendationsResult
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	return res
}

func openedKinds(f *fakeStore) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, t := range f.opened {
		out = append(out, string(t.Kind)+"/"+t.Subject+"@"+string(t.Role))
	}
	return out
}

// Two nominations: N2 is rejected at appraisal, the council approves N1,
// the chair decides; a commune gives Giấy khen, a province Bằng khen, each
// with its own processing time.
func TestCommendationsHappyPath(t *testing.T) {
	for _, tc := range []struct {
		level                       election.Level
		award                       string
		appraisalDue, reviewDue, by string
	}{
		{election.LevelCommune, "Giấy khen", "2026-04-19T17:00:00+07:00", "2026-04-21T17:00:00+07:00", "2026-04-24T17:00:00+07:00"},
		{election.LevelProvince, "Bằng khen", "2026-04-24T17:00:00+07:00", "2026-04-29T17:00:00+07:00", "2026-05-04T17:00:00+07:00"},
	} {
		t.Run(string(tc.level), func(t *testing.T) {
			facts := commendationFacts()
			facts.Level = tc.level
			env, f, c := newCommendationsEnv(t, facts)
			steps := []*updateOutcome{
				completeAt(env, time.Hour, submitTask, election.RoleCouncilOffice, twoNominations),
				completeAt(env, 25*time.Hour, appraiseN1, election.RoleEmulationBoard, appraisalApprove),
				completeAt(env, 26*time.Hour, appraiseN2, election.RoleEmulationBoard, appraisalReject),
				completeAt(env, 49*time.Hour, councilTask, election.RoleEmulationBoard, councilApproveN1),
				completeAt(env, 5*24*time.Hour, decisionTask, election.RoleApprovingOfficial, commendationSigned),
			}
			env.ExecuteWorkflow(checklist.WorkflowCommendations, checklist.CommendationsInput{Facts: facts})
			res := commendationsResult(t, env)
			want := checklist.CommendationsResult{Nominated: 2, Approved: 1, Rejected: 1, DecisionNo: "123/QĐ-UBND",
				DecidedOn: election.MustParseDate("2026-03-25"), Award: tc.award}
			if res != want {
				t.Errorf("result %+v, want %+v", res, want)
			}
			for i, s := range steps {
				if !s.accepted || !s.completed {
					t.Errorf("update %d: %+v", i, s)
				}
			}

			wantOpened := []string{
				"submit-nominations/nominations of council 00004@council-office",
				"appraise-nomination/nomination N1@emulation-board",
				"appraise-nomination/nomination N2@emulation-board",
				"review-commendations/1 nominations passed appraisal@emulation-board",
				"decide-commendations/" + tc.award + " for 1 nominations@approving-official",
			}
			if got := openedKinds(f); !reflect.DeepEqual(got, wantOpened) {
				t.Errorf("opened %v\nwant %v", got, wantOpened)
			}
			dues := map[election.TaskKind]string{
				election.KindSubmitNominations:   "2026-04-14T17:00:00+07:00",
				election.KindAppraiseNomination:  tc.appraisalDue,
				election.KindReviewCommendations: tc.reviewDue,
				election.KindDecideCommendations: tc.by,
			}
			for _, task := range f.opened {
				if got := task.Due.In(election.OfficeZone()).Format(time.RFC3339); got != dues[task.Kind] {
					t.Errorf("%s due %s, want %s", task.ID, got, dues[task.Kind])
				}
			}

			if len(c.nominations) != 1 || len(c.nominations[0].Nominations) != 2 || c.nominations[0].Nominations[1].Nominee != "Trần Thị Bình" {
				t.Errorf("nominations recorded %+v", c.nominations)
			}
			wantAppraisals := []election.NominationAppraisal{
				{Nomination: "N1", Decision: election.AppraisalApprove},
				{Nomination: "N2", Decision: election.AppraisalReject, Reason: "Thiếu báo cáo thành tích"},
			}
			if len(c.appraisals) != 1 || !reflect.DeepEqual(c.appraisals[0].Appraisals, wantAppraisals) {
				t.Errorf("appraisals recorded %+v", c.appraisals)
			}
			if len(c.reviews) != 1 || !reflect.DeepEqual(c.reviews[0].Verdicts, []election.CouncilVerdict{{Nomination: "N1", Approved: true}}) {
				t.Errorf("council review recorded %+v", c.reviews)
			}
			wantDecision := checklist.CommendationDecisionRecord{Term: testTerm, Council: "00004", DecisionNo: "123/QĐ-UBND",
				DecidedOn: election.MustParseDate("2026-03-25"), Award: tc.award, Approved: []election.NominationID{"N1"}}
			if len(c.decisions) != 1 || !reflect.DeepEqual(c.decisions[0], wantDecision) {
				t.Errorf("decision recorded %+v", c.decisions)
			}
			if comp := f.completions(); len(comp) != 5 || comp[4].Role != election.RoleApprovingOfficial {
				t.Errorf("completions %+v", comp)
			}

			// Progress reports may complete out of order; their sequence
			// numbers give the order the workflow sent them in.
			progress := append([]checklist.AreaProgress(nil), f.progress...)
			sort.Slice(progress, func(i, j int) bool { return progress[i].Seq < progress[j].Seq })
			var seen []string
			for _, p := range progress {
				if p.Area != checklist.AreaCommendations {
					t.Errorf("progress of area %q", p.Area)
				}
				if len(seen) == 0 || seen[len(seen)-1] != p.Step {
					seen = append(seen, p.Step)
				}
			}
			if want := []string{"nominations", "appraisal", "council-review", "decision", "done"}; !reflect.DeepEqual(seen, want) {
				t.Errorf("steps %v, want %v", seen, want)
			}
			if last := progress[len(progress)-1]; last.State != checklist.AreaDone || last.OpenTasks != 0 {
				t.Errorf("last progress %+v", last)
			}
		})
	}
}

func TestCommendationsWithoutNominations(t *testing.T) {
	env, f, c := newCommendationsEnv(t, commendationFacts())
	submit := completeAt(env, time.Hour, submitTask, election.RoleCouncilOffice, noNominations)
	env.ExecuteWorkflow(checklist.WorkflowCommendations, checklist.CommendationsInput{Facts: commendationFacts()})
	if res := commendationsResult(t, env); res != (checklist.CommendationsResult{}) {
		t.Errorf("result %+v, want zeros", res)
	}
	if !submit.completed {
		t.Errorf("submission %+v", submit)
	}
	if got := openedKinds(f); len(got) != 1 {
		t.Errorf("opened %v, want only the nominations task", got)
	}
	if len(c.nominations) != 1 || len(c.nominations[0].Nominations) != 0 || len(c.appraisals)+len(c.reviews)+len(c.decisions) != 0 {
		t.Errorf("recorded %+v", c)
	}
	if last := f.lastProgress(); last.State != checklist.AreaDone {
		t.Errorf("last progress %+v", last)
	}
}

// Nobody passes: rejected at appraisal, or rejected by the council. No
// later task opens and nothing is decided.
func TestCommendationsNobodyApproved(t *testing.T) {
	t.Run("all rejected at appraisal", func(t *testing.T) {
		env, f, c := newCommendationsEnv(t, commendationFacts())
		completeAt(env, time.Hour, submitTask, election.RoleCouncilOffice, twoNominations)
		completeAt(env, 2*time.Hour, appraiseN1, election.RoleEmulationBoard, appraisalReject)
		completeAt(env, 3*time.Hour, appraiseN2, election.RoleEmulationBoard, appraisalReject)
		env.ExecuteWorkflow(checklist.WorkflowCommendations, checklist.CommendationsInput{Facts: commendationFacts()})
		if res := commendationsResult(t, env); res != (checklist.CommendationsResult{Nominated: 2, Rejected: 2}) {
			t.Errorf("result %+v", res)
		}
		if n := len(openedKinds(f)); n != 3 || len(c.appraisals) != 1 || len(c.reviews) != 0 || len(c.decisions) != 0 {
			t.Errorf("%d tasks opened, recorded %+v", n, c)
		}
	})
	t.Run("council rejects", func(t *testing.T) {
		env, f, c := newCommendationsEnv(t, commendationFacts())
		completeAt(env, time.Hour, submitTask, election.RoleCouncilOffice, twoNominations)
		completeAt(env, 2*time.Hour, appraiseN1, election.RoleEmulationBoard, appraisalApprove)
		completeAt(env, 3*time.Hour, appraiseN2, election.RoleEmulationBoard, appraisalReject)
		completeAt(env, 4*time.Hour, councilTask, election.RoleEmulationBoard, councilRejectN1)
		env.ExecuteWorkflow(checklist.WorkflowCommendations, checklist.CommendationsInput{Facts: commendationFacts()})
		if res := commendationsResult(t, env); res != (checklist.CommendationsResult{Nominated: 2, Rejected: 2}) {
			t.Errorf("result %+v", res)
		}
		if n := len(openedKinds(f)); n != 4 || len(c.reviews) != 1 || len(c.decisions) != 0 {
			t.Errorf("%d tasks opened, recorded %+v", n, c)
		}
	})
}

func TestCommendationsValidator(t *testing.T) {
	// Each bad completion comes at the step it concerns; the good ones
	// before and after it carry the area to its end.
	type step struct {
		id      election.TaskID
		role    election.Role
		outcome string
	}
	path := []step{
		{submitTask, election.RoleCouncilOffice, twoNominations},
		{appraiseN1, election.RoleEmulationBoard, appraisalApprove},
		{appraiseN2, election.RoleEmulationBoard, appraisalReject},
		{councilTask, election.RoleEmulationBoard, councilApproveN1},
		{decisionTask, election.RoleApprovingOfficial, commendationSigned},
	}
	tests := []struct {
		name   string
		before int // how many good steps precede the bad one
		bad    step
		want   string
	}{
		{"unknown task", 0, step{commendationTask(election.KindSubmitNominations, "other"), election.RoleCouncilOffice, noNominations}, "unknown task"},
		{"appraisal before nominations", 0, step{appraiseN1, election.RoleEmulationBoard, appraisalApprove}, "unknown task"},
		{"nominations by the wrong role", 0, step{submitTask, election.RoleEmulationBoard, noNominations}, `needs role "council-office"`},
		{"nominations list missing", 0, step{submitTask, election.RoleCouncilOffice, `{}`}, "nominations is required"},
		{"nominations with a duplicate id", 0, step{submitTask, election.RoleCouncilOffice,
			`{"nominations":[{"id":"N1","nominee_kind":"collective","nominee":"A","achievement":"x"},{"id":"N1","nominee_kind":"individual","nominee":"B","achievement":"y"}]}`}, "duplicate id N1"},
		{"nomination of an unknown kind", 0, step{submitTask, election.RoleCouncilOffice,
			`{"nominations":[{"id":"N1","nominee_kind":"team","nominee":"A","achievement":"x"}]}`}, "nominee_kind"},
		{"nominations with an unknown field", 0, step{submitTask, election.RoleCouncilOffice, `{"nominations":[],"note":"x"}`}, "unknown field"},
		{"nominations submitted twice", 1, step{submitTask, election.RoleCouncilOffice, noNominations}, "already completed"},
		{"appraisal by the council office", 1, step{appraiseN1, election.RoleCouncilOffice, appraisalApprove}, `needs role "emulation-board"`},
		{"rejection without reason", 1, step{appraiseN1, election.RoleEmulationBoard, `{"decision":"reject"}`}, "reason is required"},
		{"appraisal of an unknown nomination", 1, step{commendationTask(election.KindAppraiseNomination, "N3"), election.RoleEmulationBoard, appraisalApprove}, "unknown task"},
		{"review includes one rejected at appraisal", 3, step{councilTask, election.RoleEmulationBoard,
			`{"decisions":[{"nomination":"N1","approve":true},{"nomination":"N2","approve":true}]}`}, `"N2" is not awaiting`},
		{"review leaves one out", 3, step{councilTask, election.RoleEmulationBoard, `{"decisions":[]}`}, "no decision for N1"},
		{"review without approve", 3, step{councilTask, election.RoleEmulationBoard, `{"decisions":[{"nomination":"N1","reason":"x"}]}`}, "approve (true or false) is required"},
		{"decision by the emulation board", 4, step{decisionTask, election.RoleEmulationBoard, commendationSigned}, `needs role "approving-official"`},
		{"decision dated in the future", 4, step{decisionTask, election.RoleApprovingOfficial, `{"decision_no":"123/QĐ-UBND","decided_on":"2026-04-30"}`}, "in the future"},
		{"decision without a number", 4, step{decisionTask, election.RoleApprovingOfficial, `{"decision_no":"","decided_on":"2026-03-25"}`}, "decision_no"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env, f, _ := newCommendationsEnv(t, commendationFacts())
			at := time.Duration(0)
			var good []*updateOutcome
			var bad *updateOutcome
			for i, s := range path {
				if i == tt.before {
					at += time.Hour
					bad = completeAt(env, at, tt.bad.id, tt.bad.role, tt.bad.outcome)
				}
				at += time.Hour
				if s.id == decisionTask {
					at = 5 * 24 * time.Hour // the decision is dated 25/03
				}
				good = append(good, completeAt(env, at, s.id, s.role, s.outcome))
			}
			env.ExecuteWorkflow(checklist.WorkflowCommendations, checklist.CommendationsInput{Facts: commendationFacts()})
			if bad.rejected == nil || !strings.Contains(bad.rejected.Error(), tt.want) || bad.accepted {
				t.Errorf("bad update: %+v, want rejection %q", bad, tt.want)
			}
			if res := commendationsResult(t, env); res.Approved != 1 || res.DecisionNo != "123/QĐ-UBND" {
				t.Errorf("result %+v", res)
			}
			for i, g := range good {
				if !g.completed {
					t.Errorf("good update %d after the rejection: %+v", i, g)
				}
			}
			if n := len(f.completions()); n != len(path) {
				t.Errorf("%d completions recorded, want only the %d good ones", n, len(path))
			}
		})
	}
}

// Nobody submits the nominations: reminders go out three days and one day
// before the window closes, and at 17:00 on its last day the task is
// escalated and counted overdue.
func TestCommendationsNominationsEscalated(t *testing.T) {
	env, f, _ := newCommendationsEnv(t, commendationFacts())
	due := time.Date(2026, 4, 14, 17, 0, 0, 0, election.OfficeZone())
	late := completeAt(env, due.Sub(start)+time.Hour, submitTask, election.RoleCouncilOffice, noNominations)
	env.ExecuteWorkflow(checklist.WorkflowCommendations, checklist.CommendationsInput{Facts: commendationFacts()})
	commendationsResult(t, env)
	if !late.completed {
		t.Errorf("late submission %+v", late)
	}
	var got []string
	var escalatedAt time.Time
	for _, n := range f.notices {
		got = append(got, string(n.Kind)+"@"+n.At.In(election.OfficeZone()).Format("01-02 15:04"))
		if n.Kind == election.NoticeEscalation {
			escalatedAt = n.At
			if n.Task.ID != submitTask || n.Task.Role != election.RoleCouncilOffice {
				t.Errorf("escalated %+v", n.Task)
			}
		}
	}
	want := []string{"reminder@04-11 17:00", "reminder@04-13 17:00", "escalation@04-14 17:00"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("notices %v, want %v", got, want)
	}
	if !escalatedAt.Equal(due) {
		t.Errorf("escalated at %v, want exactly %v", escalatedAt, due)
	}
	overdue := false
	for _, p := range f.progress {
		if p.OverdueTasks == 1 && p.Step == stepNominations {
			overdue = true
		}
	}
	if !overdue {
		t.Errorf("the overdue nominations task never showed in progress: %+v", f.progress)
	}
}

// The National Assembly gives no award itself: its nominations are
// recorded and the area ends without appraisal or decision.
func TestCommendationsNationalAssemblyHasNoAwardStep(t *testing.T) {
	facts := commendationFacts()
	facts.Council, facts.Level, facts.Province, facts.Name = "QH", election.LevelNational, "", "Quốc hội khóa XVI"
	env, f, c := newCommendationsEnv(t, facts)
	submit := election.NewTaskID(testTerm, "QH", election.KindSubmitNominations, "nominations")
	done := completeAt(env, time.Hour, submit, election.RoleCouncilOffice,
		`{"nominations":[{"id":"N1","nominee_kind":"collective","nominee":"Tiểu ban bầu cử","achievement":"Tốt"}]}`)
	early := completeAt(env, 2*time.Hour, election.NewTaskID(testTerm, "QH", election.KindAppraiseNomination, "N1"),
		election.RoleEmulationBoard, appraisalApprove)
	env.ExecuteWorkflow(checklist.WorkflowCommendations, checklist.CommendationsInput{Facts: facts})
	res := commendationsResult(t, env)
	if res != (checklist.CommendationsResult{Nominated: 1, NoAwardAtLevel: true}) {
		t.Errorf("result %+v", res)
	}
	if !done.completed {
		t.Errorf("submission %+v", done)
	}
	if early.completed {
		t.Errorf("an appraisal was accepted at the National Assembly: %+v", early)
	}
	if got := openedKinds(f); len(got) != 1 {
		t.Errorf("opened %v, want only the nominations task", got)
	}
	if len(c.nominations) != 1 || len(c.appraisals)+len(c.reviews)+len(c.decisions) != 0 {
		t.Errorf("recorded %+v", c)
	}
}
