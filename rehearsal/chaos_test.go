package rehearsal

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildBinaries builds the worker and devstack binaries the chaos stack
// runs as child processes, into a folder of the test.
func buildBinaries(t *testing.T) (worker, devstack string) {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("go", "build", "-o", dir+string(filepath.Separator), "electionflow/worker", "electionflow/devstack")
	cmd.Env = append(os.Environ(), "GOTOOLCHAIN=local")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build worker devstack: %v\n%s", err, out)
	}
	return filepath.Join(dir, "worker"), filepath.Join(dir, "devstack")
}

// The CI chaos rehearsal: ten councils, worker processes killed twice,
// electionflow's Postgres restarted once, the Temporal server restarted
// once, all while simulated staff work; the end state is clean and every
// error staff saw is accounted for.
func TestChaosRehearsal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the worker and devstack and runs them as processes")
	}
	workerBin, devstackBin := buildBinaries(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	opts := Options{Provinces: 1, Communes: 9, Workers: 8, Seed: 3, Idle: time.Minute}
	plan := ChaosPlan{Seed: 11, WorkerKills: 2, PostgresRestarts: 1, TemporalRestarts: 1,
		MinGap: 200 * time.Millisecond, MaxGap: 800 * time.Millisecond}
	stack := StackOptions{WorkerBin: workerBin, DevstackBin: devstackBin, Workers: 2, PostgresDown: 2 * time.Second}
	var table, log bytes.Buffer
	fig, err := RunChaos(ctx, opts, plan, stack, Output{Table: &table, Log: &log})
	t.Logf("table:\n%s", table.String())
	if err != nil {
		t.Fatalf("RunChaos: %v\nlog:\n%s", err, log.String())
	}
	if !fig.EndStateOK || fig.Councils != 10 || fig.Chaos == nil {
		t.Fatalf("end state ok %v, %d councils, chaos %v", fig.EndStateOK, fig.Councils, fig.Chaos)
	}
	c := fig.Chaos
	kinds := map[FaultKind]int{}
	for _, f := range c.Faults {
		kinds[f.Kind]++
		if f.Error != "" || f.DownS < 0 || f.AtS <= 0 {
			t.Errorf("fault %+v", f)
		}
		if f.Kind == FaultPostgresRestart && f.DownS < 2 {
			t.Errorf("Postgres was down %.1f s, want at least the 2 s asked", f.DownS)
		}
	}
	if kinds[FaultWorkerKill] != 2 || kinds[FaultPostgresRestart] != 1 || kinds[FaultTemporalRestart] != 1 {
		t.Errorf("faults injected %v, want 2 worker kills and one restart of each server", kinds)
	}
	s := c.Staff
	if s.Seen != s.Refused+s.Failed+s.InboxFailed || s.Failed != s.FailedDatabase+s.FailedTemporal+s.FailedOther {
		t.Errorf("staff errors do not add up: %+v", s)
	}
	if s.NeverCompleted != 0 {
		t.Errorf("%d failed completions never went through", s.NeverCompleted)
	}
	if c.TimeLostS <= 0 {
		t.Errorf("time lost %.1f s, want the Postgres outage at least", c.TimeLostS)
	}
	for _, want := range []string{"chaos (seed 11): 4 of 4 faults injected", "errors staff saw", "retried by Temporal", "end state: clean"} {
		if !strings.Contains(table.String(), want) {
			t.Errorf("table lacks %q", want)
		}
	}
}
