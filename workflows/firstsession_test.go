package workflows

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"go.temporal.io/sdk/testsuite"

	"electionflow/checklist"
	"electionflow/election"
)

// adoptedBefore is a resolution adopted the day before the tests start,
// confirming two of the three persons.
func adoptedBefore() *checklist.CredentialsAdoption {
	return &checklist.CredentialsAdoption{AdoptedOn: election.MustParseDate("2026-03-19"),
		Confirmed: []election.PersonID{"00004-P001", "00004-P002"}}
}

const (
	sessionOn   = `{"session_date":"2026-03-25"}`
	docsSent    = `{"sent_on":"2026-03-21","recipients":2}`
	opened      = `{"opened_on":"2026-03-25","credential_report_presented":true}`
	chairElect  = `{"results":[{"position":"hdnd-chair","person":"00004-P001"},{"position":"ubnd-member","name":"Trần Văn Ngoài"}]}`
	chairApprov = `{"approvals":[{"position":"hdnd-chair","person":"00004-P001","body":"Thường trực HĐND thành phố","decision_no":"5/NQ-TTHĐND","approved_on":"2026-03-26"}]}`
)

// day is start plus n days and h hours.
func day(n, h int) time.Duration { return time.Duration(n)*24*time.Hour + time.Duration(h)*time.Hour }

func TestFirstSessionHappyPath(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	office := election.RoleCouncilOffice
	steps := []*updateOutcome{
		completeAt(env, time.Hour, sessionTask(election.KindSetSessionDate), office, sessionOn),
		completeAt(env, day(1, 1), sessionTask(election.KindSendSessionDocuments), office, docsSent),
		completeAt(env, day(5, 3), sessionTask(election.KindOpenSession), office, opened),
		completeAt(env, day(5, 5), sessionTask(election.KindRecordLeadership), office, chairElect),
		completeAt(env, day(6, 0), sessionTask(election.KindRecordApprovals), office, chairApprov),
	}
	env.ExecuteWorkflow(checklist.WorkflowFirstSession, checklist.FirstSessionInput{Facts: f.facts, Adoption: adoptedBefore()})
	var res checklist.FirstSessionResult
	if err := env.GetWorkflowResult(&res); err != nil {
		t.Fatal(err)
	}
	for i, s := range steps {
		if !s.completed {
			t.Errorf("step %d: %+v (%v)", i, s, s.rejected)
		}
	}
	if !res.OnTime || res.Results != 2 || res.Approvals != 1 || res.OpenedOn.String() != "2026-03-25" {
		t.Errorf("result %+v", res)
	}
	if len(f.leadership) != 1 || len(f.leadership[0].Results) != 2 || len(f.approvals) != 1 {
		t.Errorf("recorded leadership %+v approvals %+v", f.leadership, f.approvals)
	}
	// The date task is due ten days before the deadline (E+45), the
	// documents three days before the session, the opening on its day.
	due := map[election.TaskKind]string{}
	for _, task := range f.opened {
		due[task.Kind] = task.Due.In(election.OfficeZone()).Format("2006-01-02 15:04")
	}
	want := map[election.TaskKind]string{
		election.KindSetSessionDate:       "2026-04-19 17:00",
		election.KindSendSessionDocuments: "2026-03-22 17:00",
		election.KindOpenSession:          "2026-03-25 17:00",
	}
	for k, w := range want {
		if due[k] != w {
			t.Errorf("%s due %s, want %s", k, due[k], w)
		}
	}
}

func TestFirstSessionValidators(t *testing.T) {
	office := election.RoleCouncilOffice
	tests := []struct {
		name    string
		setup   func(env *envT) *updateOutcome
		wantErr string
		// before is how many completions the setup makes before the
		// refused one; exactly those are recorded.
		before int
	}{
		{"date after the deadline", func(e *envT) *updateOutcome {
			return completeAt(e.env, time.Hour, sessionTask(election.KindSetSessionDate), office, `{"session_date":"2026-04-30"}`)
		}, "after the legal deadline 2026-04-29", 0},
		{"date before the resolution", func(e *envT) *updateOutcome {
			return completeAt(e.env, time.Hour, sessionTask(election.KindSetSessionDate), office, `{"session_date":"2026-03-18"}`)
		}, "earliest day the credential resolution", 0},
		{"wrong role", func(e *envT) *updateOutcome {
			return completeAt(e.env, time.Hour, sessionTask(election.KindSetSessionDate), election.RoleHR, sessionOn)
		}, `needs role "council-office"`, 0},
		{"documents to too few", func(e *envT) *updateOutcome {
			completeAt(e.env, time.Hour, sessionTask(election.KindSetSessionDate), office, sessionOn)
			return completeAt(e.env, day(1, 1), sessionTask(election.KindSendSessionDocuments), office, `{"sent_on":"2026-03-21","recipients":3}`)
		}, "every confirmed delegate, 2", 1},
		{"chair not confirmed", func(e *envT) *updateOutcome {
			completeAt(e.env, time.Hour, sessionTask(election.KindSetSessionDate), office, sessionOn)
			completeAt(e.env, day(1, 1), sessionTask(election.KindSendSessionDocuments), office, docsSent)
			completeAt(e.env, day(5, 3), sessionTask(election.KindOpenSession), office, opened)
			return completeAt(e.env, day(5, 5), sessionTask(election.KindRecordLeadership), office, `{"results":[{"position":"hdnd-chair","person":"00004-P003"}]}`)
		}, "not a confirmed delegate", 3},
		{"two chairs", func(e *envT) *updateOutcome {
			completeAt(e.env, time.Hour, sessionTask(election.KindSetSessionDate), office, sessionOn)
			completeAt(e.env, day(1, 1), sessionTask(election.KindSendSessionDocuments), office, docsSent)
			completeAt(e.env, day(5, 3), sessionTask(election.KindOpenSession), office, opened)
			return completeAt(e.env, day(5, 5), sessionTask(election.KindRecordLeadership), office,
				`{"results":[{"position":"hdnd-chair","person":"00004-P001"},{"position":"hdnd-chair","person":"00004-P002"}]}`)
		}, "held by two people", 3},
		{"approval missing", func(e *envT) *updateOutcome {
			completeAt(e.env, time.Hour, sessionTask(election.KindSetSessionDate), office, sessionOn)
			completeAt(e.env, day(1, 1), sessionTask(election.KindSendSessionDocuments), office, docsSent)
			completeAt(e.env, day(5, 3), sessionTask(election.KindOpenSession), office, opened)
			completeAt(e.env, day(5, 5), sessionTask(election.KindRecordLeadership), office,
				`{"results":[{"position":"hdnd-chair","person":"00004-P001"},{"position":"hdnd-vice-chair","person":"00004-P002"}]}`)
			return completeAt(e.env, day(6, 0), sessionTask(election.KindRecordApprovals), office, chairApprov)
		}, "hdnd-vice-chair 00004-P002: approval missing", 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake()
			e := &envT{env: newEnv(t, f)}
			u := tt.setup(e)
			e.env.ExecuteWorkflow(checklist.WorkflowFirstSession, checklist.FirstSessionInput{Facts: f.facts, Adoption: adoptedBefore()})
			if u.rejected == nil || !strings.Contains(u.rejected.Error(), tt.wantErr) || u.accepted {
				t.Errorf("update %+v, want refusal %q (got %v)", u, tt.wantErr, u.rejected)
			}
			// The refusal left no trace: only the setup's completions and
			// none of the refused task's records.
			if n := len(f.completions()); n != tt.before {
				t.Errorf("%d completions recorded, want the setup's %d", n, tt.before)
			}
			// The session row is written at the start and by each of the
			// first three tasks (date, documents, opening); leadership by
			// the fourth.
			recorded := map[string]int{"sessions": len(f.sessions), "leadership": len(f.leadership), "approvals": len(f.approvals)}
			want := map[string]int{"sessions": 1 + min(tt.before, 3), "leadership": max(tt.before-3, 0), "approvals": 0}
			if !reflect.DeepEqual(recorded, want) {
				t.Errorf("records %v after the refusal, want %v", recorded, want)
			}
		})
	}
}

// The first session waits for the credentials area: its documents task
// opens only once the resolution is adopted.
func TestFirstSessionWaitsForCredentials(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	completeAt(env, time.Hour, sessionTask(election.KindSetSessionDate), election.RoleCouncilOffice, sessionOn)
	var before checklist.AreaProgress
	env.RegisterDelayedCallback(func() {
		v, err := env.QueryWorkflow(checklist.QueryProgress)
		if err == nil {
			err = v.Get(&before)
		}
		if err != nil {
			t.Error(err)
		}
	}, day(1, 0))
	early := completeAt(env, day(1, 1), sessionTask(election.KindSendSessionDocuments), election.RoleCouncilOffice, docsSent)
	env.RegisterDelayedCallback(func() {
		env.SignalWorkflow(checklist.SignalCredentialsAdopted, adoptedBefore())
	}, day(1, 2))
	late := completeAt(env, day(1, 3), sessionTask(election.KindSendSessionDocuments), election.RoleCouncilOffice, docsSent)
	env.ExecuteWorkflow(checklist.WorkflowFirstSession, checklist.FirstSessionInput{Facts: f.facts})
	if before.Step != stepAwaitCreds || before.OpenTasks != 0 {
		t.Errorf("before the resolution: %+v", before)
	}
	if early.rejected == nil || !strings.Contains(early.rejected.Error(), "unknown task") {
		t.Errorf("documents before the resolution: %+v", early)
	}
	if !late.completed {
		t.Errorf("documents after the resolution: %+v (%v)", late, late.rejected)
	}
}

// Nobody sets the date: the date task escalates at its due time, and when
// the legal deadline passes with no session, it is flagged again.
func TestFirstSessionDeadlineMissed(t *testing.T) {
	f := newFake()
	env := newEnv(t, f)
	env.ExecuteWorkflow(checklist.WorkflowFirstSession, checklist.FirstSessionInput{Facts: f.facts, Adoption: adoptedBefore()})
	var got []string
	for _, n := range f.notices {
		got = append(got, string(n.Kind)+"@"+n.At.In(election.OfficeZone()).Format("01-02 15:04"))
	}
	want := "reminder@04-16 17:00,reminder@04-18 17:00,escalation@04-19 17:00,deadline-missed@04-29 17:00"
	if strings.Join(got, ",") != want {
		t.Errorf("notices %v, want %s", got, want)
	}
}

// envT carries a test environment into table cases.
type envT struct {
	env *testsuite.TestWorkflowEnvironment
}
