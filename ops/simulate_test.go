package ops

import (
	"context"
	"os"
	"testing"
	"time"

	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/internal/storetest"
	"electionflow/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// quietOps is an Ops over a store holding the roster of the roster tests
// and no tasks; it needs no Temporal, since nothing is completed.
func quietOps(t *testing.T) (*Ops, *store.Store) {
	t.Helper()
	s := storetest.OpenWithRoster(t)
	return &Ops{Store: s}, s
}

// Simulated staff keep waiting while a checklist reports progress between
// tasks, and stop once it has been quiet for Idle.
func TestSimulateWaitsWhileChecklistsMove(t *testing.T) {
	ctx := context.Background()
	o, s := quietOps(t)
	const busy, idle = 3 * time.Second, 1500 * time.Millisecond
	done := make(chan error, 1)
	go func() {
		// A credentials area busy writing certificates: progress, no task.
		for seq, end := 1, time.Now().Add(busy); time.Now().Before(end); seq++ {
			p := store.AreaProgress{Term: "2026-2031", Council: "00004", Area: "credentials", State: "running", Step: "certificates", Seq: seq}
			if err := s.RecordProgress(ctx, p); err != nil {
				done <- err
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
		done <- nil
	}()
	start := time.Now()
	report, err := o.Simulate(ctx, SimOptions{Term: "2026-2031", Idle: idle}, nil)
	elapsed := time.Since(start)
	if err != nil || report.Completed != 0 {
		t.Fatalf("Simulate = %+v, %v", report, err)
	}
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	if elapsed < busy {
		t.Errorf("Simulate stopped after %v while the checklist was still moving (for %v)", elapsed.Round(time.Millisecond), busy)
	}
}

func TestSimulateBadOptions(t *testing.T) {
	o := &Ops{}
	for _, opts := range []SimOptions{
		{Term: "2026-2031", UpheldShare: -0.1},
		{Term: "2026-2031", UpheldShare: 1.5},
		{Term: "2026-2031", Workers: -1},
	} {
		if _, err := o.Simulate(context.Background(), opts, nil); err == nil {
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
