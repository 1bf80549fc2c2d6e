package rehearsal

import (
	"errors"
	"fmt"
	"net"
	"reflect"
	"strings"
	"syscall"
	"testing"
	"time"

	commonpb "go.temporal.io/api/common/v1"
	historypb "go.temporal.io/api/history/v1"
	"go.temporal.io/api/serviceerror"
	"go.temporal.io/sdk/converter"

	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// A plan is repeatable from its seed, holds every fault asked for, keeps
// its pauses within bounds, and a bad plan is refused.
func TestChaosPlan(t *testing.T) {
	p := ChaosPlan{Seed: 42, WorkerKills: 5, PostgresRestarts: 1, TemporalRestarts: 1, MinGap: time.Second, MaxGap: 3 * time.Second}
	a, b := p.Schedule(), p.Schedule()
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Errorf("same seed, different schedules:\n%v\n%v", a, b)
	}
	other := p
	other.Seed = 43
	if fmt.Sprint(other.Schedule()) == fmt.Sprint(a) {
		t.Errorf("seeds 42 and 43 give the same schedule %v", a)
	}
	kinds := map[FaultKind]int{}
	for _, f := range a {
		kinds[f.Kind]++
		if f.Gap < p.MinGap || f.Gap > p.MaxGap {
			t.Errorf("gap %v outside %v..%v", f.Gap, p.MinGap, p.MaxGap)
		}
	}
	if len(a) != 7 || kinds[FaultWorkerKill] != 5 || kinds[FaultPostgresRestart] != 1 || kinds[FaultTemporalRestart] != 1 {
		t.Errorf("schedule %v, want 5 kills and a restart of each server", a)
	}
	bad := []ChaosPlan{
		{WorkerKills: -1, MaxGap: time.Second},
		{MinGap: -time.Second, MaxGap: time.Second},
		{WorkerKills: 1, MinGap: 2 * time.Second, MaxGap: time.Second},
	}
	for _, p := range bad {
		if err := p.Validate(); !errors.Is(err, ErrOptions) {
			t.Errorf("Validate(%+v) = %v, want ErrOptions", p, err)
		}
	}
	if err := (Options{Provinces: 1, Workers: 1, Chaos: &Chaos{Plan: p}}).Validate(); err == nil {
		t.Error("a chaos rehearsal without an injector was accepted")
	}
}

// Idle time counts pauses of a second or more from the fault to the next.
func TestIdleWithin(t *testing.T) {
	t0 := time.Date(2026, 12, 1, 17, 0, 0, 0, time.UTC)
	at := func(s float64) time.Time { return t0.Add(time.Duration(s * float64(time.Second))) }
	tests := []struct {
		name    string
		answers []float64
		from    float64
		until   float64
		want    time.Duration
	}{
		{"no pause", []float64{0.2, 0.5, 0.9, 1.5}, 0, 2, 0},
		{"a pause after the fault", []float64{3, 3.2}, 0, 5, 3 * time.Second},
		{"pauses before the fault do not count", []float64{-5, 0.5, 2.0}, 0, 3, 1500 * time.Millisecond},
		{"answers after the window do not count", []float64{0.5, 9}, 0, 3, 0},
		{"nothing at all in the window", nil, 0, 4, 4 * time.Second},
	}
	for _, tt := range tests {
		var answers []time.Time
		for _, a := range tt.answers {
			answers = append(answers, at(a))
		}
		if got := idleWithin(answers, at(tt.from), at(tt.until)); got != tt.want {
			t.Errorf("%s: idle %v, want %v", tt.name, got, tt.want)
		}
	}
}

// Every error staff see is accounted for: a failed completion retried to
// an answer, a refusal of a task whose failed attempt had gone through,
// errors before a completion was sent; each blamed on the latest fault.
func TestChaosLedger(t *testing.T) {
	l := newChaosLedger(ChaosPlan{Seed: 1})
	l.fig.Planned = 3
	t0 := time.Now()
	task := func(id string) store.InboxTask {
		return store.InboxTask{Task: election.Task{ID: election.TaskID(id)}}
	}
	other := fmt.Errorf("complete task A: %w", fmt.Errorf("store: %w", errors.New("no such outcome")))
	dbDown := fmt.Errorf("store: task A: %w", connReset())
	l.completion(task("A"), t0, t0.Add(time.Millisecond), nil)
	l.fig.Faults = append(l.fig.Faults, FaultFigure{Kind: FaultPostgresRestart, start: t0.Add(time.Second)})
	l.completion(task("B"), t0.Add(time.Second), t0.Add(1100*time.Millisecond), dbDown)
	l.staffStopped(dbDown) // the same error, returned by Simulate: not counted twice
	l.staffStopped(fmt.Errorf("store: list tasks: %w", connReset()))
	l.completion(task("C"), t0.Add(1200*time.Millisecond), t0.Add(1300*time.Millisecond), serviceerror.NewUnavailable("restarting"))
	l.completion(task("D"), t0.Add(1200*time.Millisecond), t0.Add(1300*time.Millisecond), other)
	if l.recoveredSince(t0.Add(time.Second)) {
		t.Error("recovered before any completion after the fault went through")
	}
	l.completion(task("B"), t0.Add(4*time.Second), t0.Add(4100*time.Millisecond), nil)
	l.completion(task("C"), t0.Add(4*time.Second), t0.Add(4200*time.Millisecond), &ops.RefusedError{TaskID: "C", Reason: "task is done (by sim-council-office)"})
	if !l.recoveredSince(t0.Add(time.Second)) {
		t.Error("not recovered after a completion sent after the fault went through")
	}
	l.foundDone("D")
	l.completion(task("E"), t0.Add(5*time.Second), t0.Add(5100*time.Millisecond), errors.New("boom"))
	l.finish(t0.Add(6 * time.Second))

	s := l.fig.Staff
	if s.RefusalReasons["task is done"] != 1 || len(s.RefusalReasons) != 1 {
		t.Errorf("refusal reasons %v, want one \"task is done\"", s.RefusalReasons)
	}
	if got := refusalReason("2026-4904/11014/set-session-date/session", "task 2026-4904/11014/set-session-date/session is already completed"); got != "task <task> is already completed" {
		t.Errorf("refusalReason = %q, want the task named <task>", got)
	}
	s.RefusalReasons = nil
	want := StaffErrors{Seen: 6, Refused: 1, RefusedWentThrough: 1, Failed: 4, FailedDatabase: 1, FailedTemporal: 1, FailedOther: 2,
		RetriedCompleted: 1, RetriedFoundDone: 2, NeverCompleted: 1, InboxFailed: 1, InboxFailedDatabase: 1}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("staff errors\n got %+v\nwant %+v", s, want)
	}
	f := l.fig.Faults[0]
	if f.StaffErrors != 6 || f.StallS != 3.1 || f.IdleS != 3.1 || f.LongestWaitS != 0.1 {
		t.Errorf("fault: %d errors (want 6), stall %.1f s (want 3.1), idle %.1f s (want 3.1), longest wait %.1f s (want 0.1)",
			f.StaffErrors, f.StallS, f.IdleS, f.LongestWaitS)
	}
	ps := strings.Join(l.problems(), "\n")
	for _, w := range []string{"1 of 3 faults injected", "1 task(s) whose completion failed were never completed"} {
		if !strings.Contains(ps, w) {
			t.Errorf("problems lack %q:\n%s", w, ps)
		}
	}
}

// connReset is a network error, as the driver returns when Postgres
// goes away.
func connReset() error { return &net.OpError{Op: "read", Net: "tcp", Err: syscall.ECONNRESET} }

// A local activity's marker tells how many attempts it took; other
// markers and unreadable data count nothing.
func TestLocalActivityRetries(t *testing.T) {
	marker := func(name string, attempt int32) *historypb.MarkerRecordedEventAttributes {
		p, err := converter.GetDefaultDataConverter().ToPayloads(struct {
			ActivityID string
			Attempt    int32
		}{"7", attempt})
		if err != nil {
			t.Fatal(err)
		}
		return &historypb.MarkerRecordedEventAttributes{MarkerName: name, Details: map[string]*commonpb.Payloads{"data": p}}
	}
	tests := []struct {
		m    *historypb.MarkerRecordedEventAttributes
		want int
	}{
		{marker("LocalActivity", 1), 0},
		{marker("LocalActivity", 4), 3},
		{marker("Version", 4), 0},
		{&historypb.MarkerRecordedEventAttributes{MarkerName: "LocalActivity"}, 0},
	}
	for i, tt := range tests {
		if got := localActivityRetries(tt.m); got != tt.want {
			t.Errorf("%d: retries %d, want %d", i, got, tt.want)
		}
	}
}

// FindBinary takes the path given, and says how to get a binary it
// cannot find.
func TestFindBinary(t *testing.T) {
	if _, err := FindBinary("worker", "/nonexistent/worker"); err == nil {
		t.Error("a missing --worker-bin was accepted")
	}
	_, err := FindBinary("electionflow-no-such-program", "")
	if err == nil || !strings.Contains(err.Error(), "--electionflow-no-such-program-bin") {
		t.Errorf("FindBinary of a missing program = %v, want how to give one", err)
	}
}
