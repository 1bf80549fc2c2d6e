package rehearsal

import (
	"errors"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"electionflow/election"
	"electionflow/store"
)

func TestPercentile(t *testing.T) {
	ms := func(ns ...int) []time.Duration {
		out := make([]time.Duration, len(ns))
		for i, n := range ns {
			out[i] = time.Duration(n) * time.Millisecond
		}
		return out
	}
	hundred := make([]int, 100)
	for i := range hundred {
		hundred[i] = 100 - i // 100 down to 1, unsorted
	}
	tests := []struct {
		name string
		ds   []time.Duration
		p    float64
		want time.Duration
	}{
		{"none", nil, 50, 0},
		{"one", ms(7), 99, 7 * time.Millisecond},
		{"p50 of two is the lower", ms(20, 10), 50, 10 * time.Millisecond},
		{"p50 of three", ms(30, 10, 20), 50, 20 * time.Millisecond},
		{"p99 of four is the largest", ms(1, 2, 3, 400), 99, 400 * time.Millisecond},
		{"p50 of 1..100", ms(hundred...), 50, 50 * time.Millisecond},
		{"p95 of 1..100", ms(hundred...), 95, 95 * time.Millisecond},
		{"p99 of 1..100", ms(hundred...), 99, 99 * time.Millisecond},
		{"p100 is the largest", ms(hundred...), 100, 100 * time.Millisecond},
		{"p0 is nothing", ms(1, 2), 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := slices.Clone(tt.ds)
			if got := Percentile(tt.ds, tt.p); got != tt.want {
				t.Errorf("Percentile(p%v) = %v, want %v", tt.p, got, tt.want)
			}
			if !slices.Equal(before, tt.ds) {
				t.Error("Percentile reordered its input")
			}
		})
	}
}

func TestDerive(t *testing.T) {
	tests := []struct {
		name                  string
		fig                   Figures
		workflowTasks, sample int
		want                  Figures
	}{
		{
			name: "every figure",
			fig: Figures{Tasks: 3209, HistoryEvents: 263138, EndToEndS: 458.4,
				BareActivityUpdatesPerS: 56, BareLocalUpdatesPerS: 137},
			workflowTasks: 40000, sample: 3209,
			want: Figures{HistoryEventsPerTask: 82, WorkflowTasksPerTask: 12.46, TasksPerS: 7,
				RatioToBareActivity: 0.125, RatioToBareLocalActivity: 0.051},
		},
		{
			name: "a sample's workflow tasks over the sample's tasks",
			fig:  Figures{Tasks: 1000, HistoryEvents: 12000, EndToEndS: 100},
			// 50 councils of 14 tasks each
			workflowTasks: 2100, sample: 700,
			want: Figures{HistoryEventsPerTask: 12, WorkflowTasksPerTask: 3, TasksPerS: 10},
		},
		{
			name: "nothing measured, nothing derived",
			fig:  Figures{Tasks: 10},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tt.fig
			f.derive(tt.workflowTasks, tt.sample)
			got := [5]float64{f.HistoryEventsPerTask, f.WorkflowTasksPerTask, f.TasksPerS, f.RatioToBareActivity, f.RatioToBareLocalActivity}
			want := [5]float64{tt.want.HistoryEventsPerTask, tt.want.WorkflowTasksPerTask, tt.want.TasksPerS, tt.want.RatioToBareActivity, tt.want.RatioToBareLocalActivity}
			if got != want {
				t.Errorf("events/task, wf tasks/task, tasks/s, ratio, local ratio = %v, want %v", got, want)
			}
		})
	}
}

func TestTargets(t *testing.T) {
	today := Figures{HistoryEventsPerTask: 82, RoundTripP99Ms: 900, TasksPerS: 7.3, RatioToBareActivity: 0.13,
		BareActivityUpdatesPerS: 56, FirstTasksOpenS: 137, EndToEndS: 440}
	goal := Figures{HistoryEventsPerTask: 12, RoundTripP99Ms: 300, TasksPerS: 37, RatioToBareActivity: 0.5,
		BareActivityUpdatesPerS: 74, FirstTasksOpenS: 180, EndToEndS: 1800}
	tests := []struct {
		name     string
		fig      Figures
		national bool
		met      []bool
		measured []bool
		notes    int
	}{
		{"today's devstack", today, false, []bool{false, false, false, true, true}, []bool{true, true, true, true, true}, 2},
		{"every target met at its bound", goal, true, []bool{true, true, true, true, true}, []bool{true, true, true, true, true}, 0},
		{"national, too slow", Figures{HistoryEventsPerTask: 10, RoundTripP99Ms: 120, RatioToBareActivity: 0.6, FirstTasksOpenS: 181, EndToEndS: 1801},
			true, []bool{true, true, true, false, false}, []bool{true, true, true, true, true}, 0},
		{"interrupted: nothing measured", Figures{}, false, []bool{false, false, false, false, false}, []bool{false, false, false, false, false}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ts := Targets(tt.fig, tt.national)
			if len(ts) != 5 {
				t.Fatalf("%d targets, want the 5 of issue 9", len(ts))
			}
			notes := 0
			for i, target := range ts {
				if target.Met != tt.met[i] || target.Measured != tt.measured[i] {
					t.Errorf("%s %s: met %v measured %v, want %v %v (got %v)", target.Name, target.Want,
						target.Met, target.Measured, tt.met[i], tt.measured[i], target.Got)
				}
				if target.Note != "" {
					notes++
				}
			}
			if notes != tt.notes {
				t.Errorf("%d targets with a note, want %d", notes, tt.notes)
			}
		})
	}
}

func TestOptionsValidate(t *testing.T) {
	def := DefaultOptions()
	with := func(f func(*Options)) Options { o := def; f(&o); return o }
	tests := []struct {
		name string
		opts Options
		want string // "" = valid
	}{
		{"defaults", def, ""},
		{"national", with(func(o *Options) { o.National, o.Provinces, o.Communes = true, 0, 0 }), ""},
		{"province councils only", with(func(o *Options) { o.Communes = 0 }), ""},
		{"no baseline", with(func(o *Options) { o.Baseline = 0 }), ""},
		{"no provinces", with(func(o *Options) { o.Provinces = 0 }), "--provinces 0: want 1..34"},
		{"too many provinces", with(func(o *Options) { o.Provinces = 35 }), "--provinces 35"},
		{"negative communes", with(func(o *Options) { o.Communes = -1 }), "--communes -1"},
		{"too many communes", with(func(o *Options) { o.Communes = 201 }), "--communes 201"},
		{"national with a size", with(func(o *Options) { o.National = true }), "--national sets the size"},
		{"national with communes", with(func(o *Options) { o.National, o.Provinces = true, 0 }), "--national sets the size"},
		{"no workers", with(func(o *Options) { o.Workers = 0 }), "--workers 0: want 1..256"},
		{"too many workers", with(func(o *Options) { o.Workers = 257 }), "--workers 257"},
		{"negative baseline", with(func(o *Options) { o.Baseline = -time.Second }), "--baseline -1s"},
		{"baseline too short to measure", with(func(o *Options) { o.Baseline = 10 * time.Millisecond }), "at least 1s"},
		{"negative idle", with(func(o *Options) { o.Idle = -time.Second }), "--idle"},
		{"negative sample", with(func(o *Options) { o.HistorySample = -1 }), "--history-sample -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.opts.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("Validate = %v, want valid", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want) || !errors.Is(err, ErrOptions)):
				t.Errorf("Validate = %v, want an ErrOptions containing %q", err, tt.want)
			}
		})
	}
}

func TestHistorySample(t *testing.T) {
	tests := []struct {
		sample, councils, want int
	}{
		{0, 3, 3},
		{0, 164, 164},
		{0, 400, 400},
		{0, 3356, 200},
		{50, 3356, 50},
		{50, 3, 3},
	}
	for _, tt := range tests {
		if got := (Options{HistorySample: tt.sample}).historySample(tt.councils); got != tt.want {
			t.Errorf("historySample(sample %d, %d councils) = %d, want %d", tt.sample, tt.councils, got, tt.want)
		}
	}
}

func TestSampleCouncils(t *testing.T) {
	codes := []election.CouncilCode{"QH", "01", "00004", "00008", "02", "00012"}
	tests := []struct {
		n    int
		want []election.CouncilCode
	}{
		{6, []election.CouncilCode{"00004", "00008", "00012", "01", "02", "QH"}},
		{9, []election.CouncilCode{"00004", "00008", "00012", "01", "02", "QH"}},
		{3, []election.CouncilCode{"00004", "00012", "02"}},
		{1, []election.CouncilCode{"00004"}},
	}
	for _, tt := range tests {
		if got := sampleCouncils(codes, tt.n); !slices.Equal(got, tt.want) {
			t.Errorf("sampleCouncils(%d) = %v, want %v", tt.n, got, tt.want)
		}
	}
}

func TestCouncilOf(t *testing.T) {
	tests := []struct {
		id   string
		want election.CouncilCode
	}{
		{"checklist/2026-4742/00004", "00004"},
		{"checklist/2026-4742/00004/credentials", "00004"},
		{"checklist/2026-4742/01/outgoing-cadres/C-01-003", "01"},
		{"checklist/2026-4742/QH/first-session", "QH"},
	}
	for _, tt := range tests {
		if got := councilOf("2026-4742", tt.id); got != tt.want {
			t.Errorf("councilOf(%s) = %s, want %s", tt.id, got, tt.want)
		}
	}
}

func TestEndStateProblems(t *testing.T) {
	clean := store.RehearsalEndState{Councils: 3, Persons: 115, CouncilsDone: 3, TasksDone: 65, AuditCompletions: 65,
		Confirmed: 113, Certificates: 113}
	with := func(f func(*store.RehearsalEndState)) store.RehearsalEndState { e := clean; f(&e); return e }
	tests := []struct {
		name string
		e    store.RehearsalEndState
		want []string // one substring per problem
	}{
		{"clean", clean, nil},
		{"cancelled tasks are closed", with(func(e *store.RehearsalEndState) { e.TasksCancelled = 2 }), nil},
		{"a council not done", with(func(e *store.RehearsalEndState) { e.CouncilsDone = 2 }), []string{"2 of 3 councils"}},
		{"a task open", with(func(e *store.RehearsalEndState) { e.TasksOpen = 1 }), []string{"1 task(s) still open"}},
		{"nothing done", with(func(e *store.RehearsalEndState) { e.TasksDone, e.AuditCompletions = 0, 0 }), []string{"no task was completed"}},
		{"an audit row missing", with(func(e *store.RehearsalEndState) { e.AuditCompletions, e.DoneWithoutAudit = 64, 1 }),
			[]string{"65 completion(s) but 64 task.complete audit row(s): 1 completion(s) without one"}},
		{"an audit row twice", with(func(e *store.RehearsalEndState) { e.AuditCompletions, e.DuplicateAudit = 66, 1 }),
			[]string{"1 task(s) with several"}},
		{"as many rows, but one for an open task", with(func(e *store.RehearsalEndState) { e.DoneWithoutAudit, e.AuditWithoutDone = 1, 1 }),
			[]string{"1 row(s) without a completion"}},
		{"a certificate missing", with(func(e *store.RehearsalEndState) { e.Certificates, e.ConfirmedWithoutCertificate = 112, 1 }),
			[]string{"113 confirmed person(s) but 112 certificate(s)"}},
		{"a certificate of an unconfirmed person", with(func(e *store.RehearsalEndState) {
			e.ConfirmedWithoutCertificate, e.CertificatesUnconfirmed = 1, 1
		}), []string{"1 of persons not confirmed"}},
		{"a number twice", with(func(e *store.RehearsalEndState) { e.DuplicateCertificateNumbers = 1 }), []string{"1 certificate number(s) used twice"}},
		{"no one confirmed", with(func(e *store.RehearsalEndState) { e.Confirmed, e.Certificates = 0, 0 }), []string{"no person confirmed"}},
		{"a notice twice", with(func(e *store.RehearsalEndState) { e.Notices, e.DuplicateNotices = 4, 1 }),
			[]string{"1 reminder(s) or escalation(s) recorded more than once"}},
		{"a duplicate and a loss at once", with(func(e *store.RehearsalEndState) {
			e.TasksOpen, e.DuplicateAudit, e.AuditCompletions = 1, 1, 66
		}), []string{"1 task(s) still open", "1 task(s) with several"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := endStateProblems(tt.e)
			if len(got) != len(tt.want) {
				t.Fatalf("problems %q, want %d", got, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %q lacks %q", got[i], w)
				}
			}
		})
	}
}

// The table shows "-" for what was not measured, and says an interrupted
// or sampled run is one.
func TestPrintTable(t *testing.T) {
	var b strings.Builder
	f := Figures{Term: "2026-4742", Scale: "national", Workers: 8, Councils: 3356, Tasks: 1200, TasksPerS: 4.5,
		WorkflowTasksPerTask: 9.5, WorkflowTaskCouncils: 200, WorkflowTasksSampled: true}
	f.Targets = Targets(f, true)
	if err := f.PrintTable(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{`rehearsal 2026-4742: national, 8 simulated staff`, `a sample of 200 councils`,
		`end to end\s+-\s`, `completion round trip p50 / p95 / p99\s+- / - / - ms`, `history events per task ≤ 12\s+-\s+not measured`} {
		if !regexp.MustCompile(want).MatchString(out) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "bare baseline") {
		t.Errorf("table shows a baseline that did not run:\n%s", out)
	}
}
