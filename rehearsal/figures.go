package rehearsal

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// Figures are what a rehearsal measured. Each JSON key names its unit
// (_s seconds, _ms milliseconds, _per_s a second, _per_task per human
// task; a plain noun is a count); a figure not measured (an interrupted
// run, a skipped baseline) is left out of the JSON and printed as "-".
type Figures struct {
	Term    string `json:"term"`
	Scale   string `json:"scale"`
	Workers int    `json:"workers"`
	// ChecklistType is the checklists' workflow type when not the current
	// generation's.
	ChecklistType string `json:"checklist_type,omitempty"`

	Councils int `json:"councils,omitempty"`
	Persons  int `json:"persons,omitempty"`
	// Tasks counts the human tasks completed (the tasks table's done rows).
	Tasks int `json:"tasks,omitempty"`

	// StartS is how long starting every checklist took.
	StartS float64 `json:"start_s,omitempty"`
	// FirstTasksOpenS runs from the first start until every council has a
	// task in the inbox.
	FirstTasksOpenS float64 `json:"first_tasks_open_s,omitempty"`
	// EndToEndS runs from the first start until every checklist is done.
	EndToEndS float64 `json:"end_to_end_s,omitempty"`
	// TasksPerS is Tasks ÷ EndToEndS: the starts included.
	TasksPerS float64 `json:"tasks_per_s,omitempty"`

	// RoundTrip* are the completion's round trip as staff see it, from
	// sending it to its answer, over every accepted completion.
	RoundTripP50Ms float64 `json:"round_trip_p50_ms,omitempty"`
	RoundTripP95Ms float64 `json:"round_trip_p95_ms,omitempty"`
	RoundTripP99Ms float64 `json:"round_trip_p99_ms,omitempty"`

	// Workflows counts the executions of the term (checklists, areas,
	// cadre cases; every run); HistoryEvents sums their history lengths
	// from DescribeWorkflowExecution.
	Workflows            int     `json:"workflows,omitempty"`
	HistoryEvents        int     `json:"history_events,omitempty"`
	HistoryEventsPerTask float64 `json:"history_events_per_task,omitempty"`
	// WorkflowTasksPerTask counts WORKFLOW_TASK_COMPLETED events in the
	// full histories of WorkflowTaskCouncils councils (all of them, or a
	// sample) over their human tasks.
	WorkflowTasksPerTask float64 `json:"workflow_tasks_per_task,omitempty"`
	WorkflowTaskCouncils int     `json:"workflow_tasks_councils,omitempty"`

	// BaselineS is how long each bare baseline ran; BareActivity* are
	// the baseline whose update handler runs an activity, BareLocal* the
	// one whose handler runs a local activity: updates completed, a
	// second, and their round trips.
	BaselineS                float64 `json:"baseline_s,omitempty"`
	BareActivityUpdates      int     `json:"bare_activity_updates,omitempty"`
	BareActivityUpdatesPerS  float64 `json:"bare_activity_updates_per_s,omitempty"`
	BareActivityP50Ms        float64 `json:"bare_activity_p50_ms,omitempty"`
	BareActivityP95Ms        float64 `json:"bare_activity_p95_ms,omitempty"`
	BareActivityP99Ms        float64 `json:"bare_activity_p99_ms,omitempty"`
	BareLocalUpdates         int     `json:"bare_local_activity_updates,omitempty"`
	BareLocalUpdatesPerS     float64 `json:"bare_local_activity_updates_per_s,omitempty"`
	BareLocalP50Ms           float64 `json:"bare_local_activity_p50_ms,omitempty"`
	BareLocalP95Ms           float64 `json:"bare_local_activity_p95_ms,omitempty"`
	BareLocalP99Ms           float64 `json:"bare_local_activity_p99_ms,omitempty"`
	RatioToBareActivity      float64 `json:"tasks_per_s_to_bare_activity,omitempty"`
	RatioToBareLocalActivity float64 `json:"tasks_per_s_to_bare_local_activity,omitempty"`

	// Refused counts completions the workflows refused; CompletionErrors
	// completions that failed otherwise (each followed by a retry).
	// Retries are what the full histories read record as done again.
	Retries Retries `json:"retries"`
	// Chaos is what a chaos rehearsal injected and what it cost; nil in a
	// rehearsal without faults.
	Chaos *ChaosFigures `json:"chaos,omitempty"`

	Refused          int  `json:"refused"`
	CompletionErrors int  `json:"completion_errors"`
	Interrupted      bool `json:"interrupted"`
	// EndStateOK says the end-state checks passed; Problems lists what
	// was wrong otherwise.
	EndStateOK bool     `json:"end_state_ok"`
	Problems   []string `json:"problems,omitempty"`
	// WorkflowTasksSampled says workflow tasks were counted over a sample
	// of councils, not all of them.
	WorkflowTasksSampled bool     `json:"workflow_tasks_sampled"`
	Targets              []Target `json:"targets,omitempty"`
}

// Target is one of issue 9's targets beside the figure it bounds. It is
// information: a rehearsal never fails on a target.
type Target struct {
	Name string  `json:"name"`
	Want string  `json:"want"`
	Got  float64 `json:"got"`
	// Measured is false when the figure is missing; Met is then false.
	Measured bool `json:"measured"`
	Met      bool `json:"met"`
	// Note qualifies the target, e.g. that it is set for a national run.
	Note string `json:"note,omitempty"`
}

// Percentile returns the p-th percentile (0 < p ≤ 100) of ds by the
// nearest-rank method (the smallest value with at least p% of the values
// at or below it), or 0 for no values. ds need not be sorted; it is not
// changed.
func Percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 || p <= 0 {
		return 0
	}
	sorted := slices.Clone(ds)
	slices.Sort(sorted)
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[min(max(rank, 1), len(sorted))-1]
}

// ms is a duration in milliseconds, to 0.1 ms.
func ms(d time.Duration) float64 { return math.Round(float64(d)/float64(time.Millisecond)*10) / 10 }

// seconds is a duration in seconds, to the millisecond.
func seconds(d time.Duration) float64 { return math.Round(d.Seconds()*1000) / 1000 }

// rate is n ÷ d a second, to 0.01; 0 when d is 0.
func rate(n int, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return math.Round(float64(n)/d.Seconds()*100) / 100
}

// ratio is a ÷ b to 0.001; 0 when either is unmeasured.
func ratio(a, b float64) float64 {
	if a <= 0 || b <= 0 {
		return 0
	}
	return math.Round(a/b*1000) / 1000
}

// derive computes the figures that follow from others: per-task ratios
// and the ratios to the baselines.
func (f *Figures) derive(workflowTasks, sampleTasks int) {
	if f.Tasks > 0 && f.HistoryEvents > 0 {
		f.HistoryEventsPerTask = math.Round(float64(f.HistoryEvents)/float64(f.Tasks)*100) / 100
	}
	if sampleTasks > 0 && workflowTasks > 0 {
		f.WorkflowTasksPerTask = math.Round(float64(workflowTasks)/float64(sampleTasks)*100) / 100
	}
	if f.EndToEndS > 0 {
		f.TasksPerS = math.Round(float64(f.Tasks)/f.EndToEndS*100) / 100
	}
	f.RatioToBareActivity = ratio(f.TasksPerS, f.BareActivityUpdatesPerS)
	f.RatioToBareLocalActivity = ratio(f.TasksPerS, f.BareLocalUpdatesPerS)
}

// Targets of issue 9, on devstack on the project's 2-core machine.
const (
	targetEventsPerTask  = 12
	targetRoundTripP99Ms = 300
	targetBareShare      = 0.5
	targetFirstTasksS    = 180
	targetNational       = 30 * 60 * time.Second
)

// Targets evaluates issue 9's targets against f; national says whether f
// is a national rehearsal, for which the last two are set.
func Targets(f Figures, national bool) []Target {
	atMost := func(name, want string, got, bound float64, note string) Target {
		return Target{Name: name, Want: want, Got: got, Measured: got > 0, Met: got > 0 && got <= bound, Note: note}
	}
	nationalNote := ""
	if !national {
		nationalNote = "set for a national election"
	}
	bare := Target{Name: "tasks/s ÷ bare update+activity/s", Want: fmt.Sprintf("≥ %.1f", targetBareShare)}
	if f.RatioToBareActivity > 0 {
		bare.Got, bare.Measured = f.RatioToBareActivity, true
		bare.Met = f.RatioToBareActivity >= targetBareShare
	}
	return []Target{
		atMost("history events per task", fmt.Sprintf("≤ %d", targetEventsPerTask), f.HistoryEventsPerTask, targetEventsPerTask, ""),
		atMost("completion round trip p99 (ms)", fmt.Sprintf("≤ %d", targetRoundTripP99Ms), f.RoundTripP99Ms, targetRoundTripP99Ms, ""),
		bare,
		atMost("every council's first tasks open (s)", fmt.Sprintf("≤ %d", targetFirstTasksS), f.FirstTasksOpenS, targetFirstTasksS, nationalNote),
		atMost("end to end (s)", fmt.Sprintf("≤ %d", int(targetNational.Seconds())), f.EndToEndS, targetNational.Seconds(), nationalNote),
	}
}

// num writes a figure, or "-" when it was not measured.
func num(v float64, format string) string {
	if v == 0 {
		return "-"
	}
	return fmt.Sprintf(format, v)
}

// count writes a count, or "-" when it was not measured.
func count(n int) string {
	if n == 0 {
		return "-"
	}
	return fmt.Sprint(n)
}

// PrintTable writes the figures as the table `starter rehearse` prints.
func (f Figures) PrintTable(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	line := func(name, value string) { fmt.Fprintf(tw, "  %s\t%s\n", name, value) }
	generation := ""
	if f.ChecklistType != "" {
		generation = ", checklists of type " + f.ChecklistType
	}
	fmt.Fprintf(tw, "rehearsal %s: %s, %d simulated staff%s\n", f.Term, f.Scale, f.Workers, generation)
	line("councils", count(f.Councils))
	line("elected persons", count(f.Persons))
	line("human tasks completed", count(f.Tasks))
	line("start every checklist", num(f.StartS, "%.2f s"))
	line("every council's first tasks open", num(f.FirstTasksOpenS, "%.2f s")+"\tfrom the first start")
	line("end to end", num(f.EndToEndS, "%.2f s")+"\tfrom the first start to the last checklist done")
	line("tasks/s", num(f.TasksPerS, "%.2f")+"\thuman tasks ÷ end to end")
	line("completion round trip p50 / p95 / p99",
		fmt.Sprintf("%s / %s / %s ms", num(f.RoundTripP50Ms, "%.0f"), num(f.RoundTripP95Ms, "%.0f"), num(f.RoundTripP99Ms, "%.0f")))
	line("history events per task", num(f.HistoryEventsPerTask, "%.1f")+
		fmt.Sprintf("\t%s events in %s workflow runs of the term", count(f.HistoryEvents), count(f.Workflows)))
	sample := "all councils"
	if f.WorkflowTasksSampled {
		sample = fmt.Sprintf("a sample of %d councils", f.WorkflowTaskCouncils)
	}
	line("workflow tasks per task", num(f.WorkflowTasksPerTask, "%.1f")+"\t"+sample+", full histories")
	line("refused / failed completions", fmt.Sprintf("%d / %d", f.Refused, f.CompletionErrors))
	line("retried by Temporal", fmt.Sprintf("%d activity attempt(s), %d local activity attempt(s), %d workflow task(s) timed out, %d failed\t%s, full histories",
		f.Retries.Activities, f.Retries.LocalActivities, f.Retries.WorkflowTaskTimeouts, f.Retries.WorkflowTaskFailures, sample))
	if f.BaselineS > 0 {
		fmt.Fprintf(tw, "bare baseline: same server, %d senders, %s each\n", f.Workers, num(f.BaselineS, "%.0f s"))
		bare := func(name string, perS, p50, p99, r float64) {
			line(name, fmt.Sprintf("%s updates/s, p50 %s ms, p99 %s ms\ttasks/s ÷ bare = %s",
				num(perS, "%.1f"), num(p50, "%.0f"), num(p99, "%.0f"), num(r, "%.3f")))
		}
		bare("update + activity", f.BareActivityUpdatesPerS, f.BareActivityP50Ms, f.BareActivityP99Ms, f.RatioToBareActivity)
		bare("update + local activity", f.BareLocalUpdatesPerS, f.BareLocalP50Ms, f.BareLocalP99Ms, f.RatioToBareLocalActivity)
	}
	if len(f.Targets) > 0 {
		fmt.Fprintln(tw, "targets of issue 9 (information, not a test)")
		for _, t := range f.Targets {
			verdict := "not measured"
			switch {
			case t.Met:
				verdict = "met"
			case t.Measured:
				verdict = "not met"
			}
			got := "-"
			switch {
			case t.Measured && t.Got >= 100:
				got = fmt.Sprintf("%.0f", t.Got)
			case t.Measured:
				got = fmt.Sprintf("%.3g", t.Got)
			}
			note := ""
			if t.Note != "" {
				note = " (" + t.Note + ")"
			}
			line(t.Name+" "+t.Want, got+"\t"+verdict+note)
		}
	}
	return tw.Flush()
}

// WriteJSON writes the figures to path, indented.
func (f Figures) WriteJSON(path string) error {
	b, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return fmt.Errorf("rehearsal: figures as JSON: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("rehearsal: write figures: %w", err)
	}
	return nil
}

// problemList joins problems for an error message.
func problemList(ps []string) string { return strings.Join(ps, "; ") }
