package simstaff

import (
	"context"
	"os"
	"testing"
	"time"

	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/internal/storetest"
	"electionflow/ops"
	"electionflow/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// Simulated staff keep waiting while a checklist reports progress between
// tasks, and stop once it has been quiet for Idle. The idle window is
// measured by a clock that moves a step per look, and the checklist
// reports progress at each look while it is busy, so the outcome does not
// depend on how fast this machine is.
func TestSimulateWaitsWhileChecklistsMove(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenWithRoster(t)
	o := &ops.Ops{Store: s}
	const step, busy, idle = time.Second, 10 * time.Second, 3 * time.Second
	start := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	now, seq := start, 0
	var writeErr error
	clock := func() time.Time {
		now = now.Add(step)
		if now.Sub(start) <= busy {
			// A credentials area busy writing certificates: progress, no task.
			seq++
			p := store.AreaProgress{Term: "2026-2031", Council: "00004", Area: "credentials", State: "running", Step: "certificates", Seq: seq}
			if err := s.RecordProgress(ctx, p); err != nil && writeErr == nil {
				writeErr = err
			}
		}
		return now
	}
	report, err := Simulate(ctx, o, Options{Term: "2026-2031", Idle: idle, Clock: clock}, nil)
	if err != nil || report.Completed != 0 || writeErr != nil {
		t.Fatalf("Simulate = %+v, %v (progress: %v)", report, err, writeErr)
	}
	if took := now.Sub(start); took < busy+idle || took > busy+idle+2*step {
		t.Errorf("Simulate stopped after %v on its clock; want about %v of work and %v of quiet", took, busy, idle)
	}
}

// Without any progress, simulated staff stop after Idle on their clock.
func TestSimulateStopsWhenQuiet(t *testing.T) {
	o := &ops.Ops{Store: storetest.OpenWithRoster(t)}
	start := time.Date(2026, 4, 1, 8, 0, 0, 0, time.UTC)
	now := start
	clock := func() time.Time { now = now.Add(time.Second); return now }
	if _, err := Simulate(context.Background(), o, Options{Term: "2026-2031", Idle: 2 * time.Second, Clock: clock}, nil); err != nil {
		t.Fatal(err)
	}
	if took := now.Sub(start); took > 4*time.Second {
		t.Errorf("Simulate waited %v on its clock, want about 2s", took)
	}
}

func TestSimulateBadOptions(t *testing.T) {
	for _, opts := range []Options{
		{Term: "2026-2031", UpheldShare: -0.1},
		{Term: "2026-2031", UpheldShare: 1.5},
		{Term: "2026-2031", Workers: -1},
	} {
		if _, err := Simulate(context.Background(), &ops.Ops{}, opts, nil); err == nil {
			t.Errorf("%+v accepted", opts)
		}
	}
}

func TestTaskRandDependsOnSeedAndTaskOnly(t *testing.T) {
	draw := func(seed uint64, id election.TaskID) [4]uint64 {
		r := taskRand(seed, id)
		return [4]uint64{r.Uint64(), r.Uint64(), r.Uint64(), r.Uint64()}
	}
	a := election.TaskID("2026-2031/00004/review-complaint/KN-001")
	b := election.TaskID("2026-2031/00004/review-complaint/KN-002")
	if draw(7, a) != draw(7, a) {
		t.Error("the same seed and task drew differently")
	}
	if draw(7, a) == draw(7, b) {
		t.Error("two tasks drew the same")
	}
	if draw(7, a) == draw(8, a) {
		t.Error("two seeds drew the same")
	}
}

// A cadre's task names its cadre in its subject; a subject that does not
// is an error, not a guess from the task ID.
func TestCadreOf(t *testing.T) {
	for _, tt := range []struct {
		task election.Task
		want election.CadreID
	}{
		{election.Task{ID: "2026-2031/00004/record-cadre-choice/CB-001/1", Kind: election.KindRecordCadreChoice, Subject: "cadre CB-001"}, "CB-001"},
		{election.Task{ID: "2026-2031/00004/record-cadre-choice/CB-001/1", Kind: election.KindRecordCadreChoice, Subject: "CB-001"}, ""},
		{election.Task{ID: "x", Kind: election.KindReviewComplaint, Subject: "cadre CB-001"}, ""},
	} {
		got, err := cadreOf(tt.task)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("cadreOf(%q) = %q, %v; want %q", tt.task.Subject, got, err, tt.want)
		}
	}
}

// Every field filler and list filler the outcome forms name is one the
// simulation knows, so a new task kind built from known fillers needs no
// code here.
func TestEveryFillerIsKnown(t *testing.T) {
	f := filler{rng: taskRand(1, "x"), today: election.MustParseDate("2026-04-20")}
	for _, form := range election.OutcomeForms() {
		for _, x := range form.Fields {
			switch x.Fill.By {
			case election.FillConfirmedCount, election.FillCadreOption:
				continue // they read the database; the integration tests run them
			case election.FillDay:
				if x.Fill.Window != election.WindowToday {
					continue
				}
			}
			if _, err := f.value(context.Background(), x, map[string]string{}); err != nil {
				t.Errorf("%s %s: %v", form.Kind, x.Name, err)
			}
		}
		if form.IsList() {
			switch form.ListFill.By {
			case election.FillNominations, election.FillLeadership, election.FillApprovals, election.FillCouncilReview:
			default:
				t.Errorf("%s: unknown list filler %q", form.Kind, form.ListFill.By)
			}
		}
	}
	if _, err := f.value(context.Background(), election.OutcomeField{Name: "x", Fill: election.Fill{By: "telepathy"}}, nil); err == nil {
		t.Error("an unknown filler was accepted")
	}
}
