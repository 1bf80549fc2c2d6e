package rehearsal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"go.temporal.io/api/serviceerror"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"

	"electionflow/election"
	"electionflow/ops"
	"electionflow/store"
)

// ChaosFigures are what a chaos rehearsal injected and what it cost.
type ChaosFigures struct {
	Seed    int64         `json:"seed"`
	Planned int           `json:"faults_planned"`
	Faults  []FaultFigure `json:"faults"`
	// TimeLostS sums the faults' IdleS: the wall time, after each fault
	// and until the next, during which no completion went through.
	TimeLostS float64     `json:"time_lost_s"`
	Staff     StaffErrors `json:"staff"`
}

// FaultFigure is one fault injected.
type FaultFigure struct {
	Kind   FaultKind `json:"kind"`
	Target string    `json:"target"`
	// AtS is when it was injected, from the first checklist's start.
	AtS float64 `json:"at_s"`
	// DownS is how long the injection took: until the faulted process
	// served again (a worker process restarted, Postgres or Temporal
	// accepting connections).
	DownS float64 `json:"down_s"`
	// StallS runs from the fault to the answer of the first completion
	// sent after it that was accepted; 0 when none was (the run ended).
	StallS float64 `json:"stall_s"`
	// IdleS sums the pauses of at least idlePause, from the fault to the
	// next (or to the last completion), with no completion answered: what
	// the fault cost staff in wall time. A killed worker's stall shows
	// here rather than in StallS: the other worker goes on completing
	// other councils' tasks while the killed one's workflows wait for
	// their workflow tasks to time out.
	IdleS float64 `json:"idle_s"`
	// LongestWaitS is the longest round trip of a completion answered
	// from the fault to the next: what staff saw when an outage made
	// their completion wait (the update holds until the write goes
	// through) rather than fail.
	LongestWaitS float64 `json:"longest_wait_s"`
	// StaffErrors counts the errors staff saw from this fault to the next.
	StaffErrors int    `json:"staff_errors"`
	Error       string `json:"error,omitempty"`

	start time.Time
}

// StaffErrors accounts for every error simulated staff saw. A completion
// that failed is retried (staff read their inbox again and send it once
// more); each retried task ends either completed, or refused because
// the attempt that failed had in fact gone through, or not at all (a
// loss: the end state then has a task open too).
type StaffErrors struct {
	// Seen is Refused + Failed + InboxFailed.
	Seen int `json:"seen"`
	// Refused counts completions the workflow refused; RefusedWentThrough
	// those of tasks whose earlier, failed attempt had been recorded.
	Refused            int `json:"refused"`
	RefusedWentThrough int `json:"refused_went_through"`
	// Failed counts completions that failed otherwise, by cause: the
	// database unavailable (store.Unavailable), Temporal unavailable, or
	// other.
	Failed         int `json:"failed"`
	FailedDatabase int `json:"failed_database_unavailable"`
	FailedTemporal int `json:"failed_temporal_unavailable"`
	FailedOther    int `json:"failed_other"`
	// RetriedCompleted and RetriedFoundDone are failed tasks whose retry
	// was accepted, or found done (refused as done at the retry, or done
	// in the inbox at the end with no retry: the attempt that failed had
	// gone through); NeverCompleted neither.
	RetriedCompleted int `json:"retried_completed"`
	RetriedFoundDone int `json:"retried_found_done"`
	NeverCompleted   int `json:"never_completed"`
	// InboxFailed counts errors before a completion was sent: reading the
	// inbox or what the outcome needs. Staff read it again.
	InboxFailed         int `json:"inbox_failed"`
	InboxFailedDatabase int `json:"inbox_failed_database_unavailable"`
	// RefusalReasons counts the refusals by the reason the workflow or
	// the inbox gave, so each is accounted for.
	RefusalReasons map[string]int `json:"refusal_reasons,omitempty"`
}

// chaosLedger is what a chaos rehearsal notes as it runs; the run's mutex
// guards it.
type chaosLedger struct {
	fig ChaosFigures
	// accepted are the accepted completions: when sent, when answered.
	accepted []sentAnswered
	// failed are the tasks whose completion failed and has not been
	// resolved yet.
	failed map[election.TaskID]bool
	// lastFailure is the last completion error seen through RoundTrip, so
	// the same error returned by Simulate is not counted twice.
	lastFailure error
	// lastAccepted is when the last completion was accepted; lastLogged
	// when staff's last error was logged.
	lastAccepted, lastLogged time.Time
}

type sentAnswered struct{ sent, answered time.Time }

func newChaosLedger(plan ChaosPlan) *chaosLedger {
	return &chaosLedger{fig: ChaosFigures{Seed: plan.Seed}, failed: map[election.TaskID]bool{}}
}

// completion notes one completion's answer.
func (l *chaosLedger) completion(t store.InboxTask, sent, answered time.Time, err error) {
	var refusal *ops.RefusedError
	switch {
	case err == nil:
		l.accepted = append(l.accepted, sentAnswered{sent, answered})
		l.lastAccepted = answered
		if l.failed[t.ID] {
			l.fig.Staff.RetriedCompleted++
			delete(l.failed, t.ID)
		}
		return
	case errors.As(err, &refusal):
		l.fig.Staff.Refused++
		if l.fig.Staff.RefusalReasons == nil {
			l.fig.Staff.RefusalReasons = map[string]int{}
		}
		l.fig.Staff.RefusalReasons[refusalReason(t.ID, refusal.Reason)]++
		if l.failed[t.ID] {
			l.fig.Staff.RefusedWentThrough++
			l.fig.Staff.RetriedFoundDone++
			delete(l.failed, t.ID)
		}
	default:
		l.fig.Staff.Failed++
		switch {
		case store.Unavailable(err):
			l.fig.Staff.FailedDatabase++
		case temporalUnavailable(err):
			l.fig.Staff.FailedTemporal++
		default:
			l.fig.Staff.FailedOther++
		}
		l.failed[t.ID] = true
		l.lastFailure = err
	}
	l.fig.Staff.Seen++
	l.blameFault()
}

// refusalReason is a refusal's reason without what names one task or
// person ("task is done (by sim-x)" is "task is done", "task 2026-…/x
// is already completed" is "task <task> is already completed"), so
// reasons can be counted.
func refusalReason(id election.TaskID, reason string) string {
	r, _, _ := strings.Cut(reason, " (")
	if id != "" {
		r = strings.ReplaceAll(r, string(id), "<task>")
	}
	return r
}

// staffStopped notes the error Simulate stopped with, unless it is the
// completion error already noted.
func (l *chaosLedger) staffStopped(err error) {
	if err == nil || err == l.lastFailure {
		return
	}
	l.fig.Staff.InboxFailed++
	if store.Unavailable(err) {
		l.fig.Staff.InboxFailedDatabase++
	}
	l.fig.Staff.Seen++
	l.blameFault()
}

// blameFault counts an error against the latest fault.
func (l *chaosLedger) blameFault() {
	if n := len(l.fig.Faults); n > 0 {
		l.fig.Faults[n-1].StaffErrors++
	}
}

// recoveredSince says whether a completion sent at or after t has been
// accepted.
func (l *chaosLedger) recoveredSince(t time.Time) bool {
	for i := len(l.accepted) - 1; i >= 0; i-- {
		if !l.accepted[i].sent.Before(t) {
			return true
		}
	}
	return false
}

// idlePause is the shortest pause without a completion counted as time
// lost: at the pace of a run (many completions a second) a pause of a
// second is not chance.
const idlePause = time.Second

// finish computes each fault's stall and idle time, and the time lost,
// up to end (when every checklist was done, or now), and counts the
// failed tasks never resolved.
func (l *chaosLedger) finish(end time.Time) {
	answers := make([]time.Time, len(l.accepted))
	for i, a := range l.accepted {
		answers[i] = a.answered
	}
	slices.SortFunc(answers, func(a, b time.Time) int { return a.Compare(b) })
	var lost float64
	for i := range l.fig.Faults {
		f := &l.fig.Faults[i]
		until := end
		if i+1 < len(l.fig.Faults) {
			until = l.fig.Faults[i+1].start
		}
		var first time.Time
		for _, a := range l.accepted {
			if !a.sent.Before(f.start) && (first.IsZero() || a.answered.Before(first)) {
				first = a.answered
			}
		}
		f.StallS = 0
		if !first.IsZero() {
			f.StallS = seconds(first.Sub(f.start))
		}
		f.IdleS = seconds(idleWithin(answers, f.start, until))
		f.LongestWaitS = 0
		for _, a := range l.accepted {
			if !a.answered.Before(f.start) && a.answered.Before(until) {
				f.LongestWaitS = max(f.LongestWaitS, seconds(a.answered.Sub(a.sent)))
			}
		}
		lost += f.IdleS
	}
	l.fig.TimeLostS = seconds(time.Duration(lost * float64(time.Second)))
	l.fig.Staff.NeverCompleted = len(l.failed)
}

// idleWithin sums the pauses of at least idlePause between from, the
// sorted answers within [from, until), and the last of them (or until
// when none came).
func idleWithin(answers []time.Time, from, until time.Time) time.Duration {
	var idle time.Duration
	prev := from
	for _, t := range answers {
		if t.Before(from) {
			continue
		}
		if !t.Before(until) {
			break
		}
		if gap := t.Sub(prev); gap >= idlePause {
			idle += gap
		}
		prev = t
	}
	if prev.Equal(from) && until.Sub(from) >= idlePause {
		idle += until.Sub(from)
	}
	return idle
}

// unresolved lists the tasks whose completion failed and has not been
// retried to an end.
func (l *chaosLedger) unresolved() []election.TaskID {
	out := make([]election.TaskID, 0, len(l.failed))
	for id := range l.failed {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// foundDone notes a failed task found done in the inbox at the end: its
// failed attempt had gone through.
func (l *chaosLedger) foundDone(id election.TaskID) {
	if l.failed[id] {
		l.fig.Staff.RetriedFoundDone++
		delete(l.failed, id)
	}
}

// problems lists what makes a chaos rehearsal fail besides the end
// state: faults planned but not injected or not recovered from, and
// failed completions never resolved.
func (l *chaosLedger) problems() []string {
	var ps []string
	if n := len(l.fig.Faults); n < l.fig.Planned {
		ps = append(ps, fmt.Sprintf("chaos: %d of %d faults injected before every checklist was done (a shorter --chaos-gap fits them in)", n, l.fig.Planned))
	}
	for _, f := range l.fig.Faults {
		if f.Error != "" {
			ps = append(ps, fmt.Sprintf("chaos: %s of %s failed: %s", f.Kind, f.Target, f.Error))
		}
	}
	if l.fig.Staff.NeverCompleted > 0 {
		ps = append(ps, fmt.Sprintf("chaos: %d task(s) whose completion failed were never completed", l.fig.Staff.NeverCompleted))
	}
	return ps
}

// temporalUnavailable says whether err means the Temporal server could
// not be reached or did not answer in time (restarting, a shard not yet
// owned again).
func temporalUnavailable(err error) bool {
	var unavailable *serviceerror.Unavailable
	var deadline *serviceerror.DeadlineExceeded
	if errors.As(err, &unavailable) || errors.As(err, &deadline) {
		return true
	}
	c := status.Code(err)
	return c == codes.Unavailable || c == codes.DeadlineExceeded
}
