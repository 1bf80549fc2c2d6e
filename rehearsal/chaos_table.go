package rehearsal

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
)

// PrintTable writes what a chaos rehearsal injected and what it cost, as
// `starter rehearse --chaos` prints it below the rehearsal's own table.
func (c ChaosFigures) PrintTable(w io.Writer, retries Retries) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	counts := map[FaultKind]int{}
	for _, f := range c.Faults {
		counts[f.Kind]++
	}
	fmt.Fprintf(tw, "chaos (seed %d): %d of %d faults injected: %d %s, %d %s, %d %s\n", c.Seed, len(c.Faults), c.Planned,
		counts[FaultWorkerKill], FaultWorkerKill, counts[FaultPostgresRestart], FaultPostgresRestart,
		counts[FaultTemporalRestart], FaultTemporalRestart)
	fmt.Fprintln(tw, "  #\tfault\ttarget\tat\tserving again after\tfirst completion after\tno completion for\tlongest wait\tstaff errors")
	for i, f := range c.Faults {
		stall := "-"
		if f.StallS > 0 {
			stall = fmt.Sprintf("%.1f s", f.StallS)
		}
		target := f.Target
		if f.Error != "" {
			target += " (FAILED: " + f.Error + ")"
		}
		fmt.Fprintf(tw, "  %d\t%s\t%s\t%.1f s\t%.1f s\t%s\t%.1f s\t%.1f s\t%d\n", i+1, f.Kind, target, f.AtS, f.DownS, stall, f.IdleS,
			f.LongestWaitS, f.StaffErrors)
	}
	tw.Flush()
	fmt.Fprintf(w, "  time lost: %.1f s, the sum of \"no completion for\": pauses of 1 s or more without a completion answered, from each fault to the next; longest wait: the slowest completion answered meanwhile\n", c.TimeLostS)
	s := c.Staff
	fmt.Fprintf(tw, "errors staff saw\t%d\n", s.Seen)
	fmt.Fprintf(tw, "  refused\t%d\tof which %d a retry of a completion that had failed but gone through%s\n", s.Refused, s.RefusedWentThrough,
		reasons(s.RefusalReasons))
	fmt.Fprintf(tw, "  failed\t%d\tdatabase unavailable %d, Temporal unavailable %d, other %d\n", s.Failed, s.FailedDatabase, s.FailedTemporal, s.FailedOther)
	fmt.Fprintf(tw, "  retried by staff\t%d\tcompleted %d, found done %d, never completed %d\n",
		s.RetriedCompleted+s.RetriedFoundDone+s.NeverCompleted, s.RetriedCompleted, s.RetriedFoundDone, s.NeverCompleted)
	fmt.Fprintf(tw, "  inbox reads failed\t%d\tdatabase unavailable %d; staff read the inbox again\n", s.InboxFailed, s.InboxFailedDatabase)
	fmt.Fprintf(tw, "retried by Temporal\t%d\tactivity attempts %d, local activity attempts %d, workflow tasks timed out %d, failed %d\n",
		retries.Activities+retries.LocalActivities+retries.WorkflowTaskTimeouts+retries.WorkflowTaskFailures,
		retries.Activities, retries.LocalActivities, retries.WorkflowTaskTimeouts, retries.WorkflowTaskFailures)
	return tw.Flush()
}

// reasons lists refusal reasons with their counts, most frequent first.
func reasons(m map[string]int) string {
	if len(m) == 0 {
		return ""
	}
	keys := slices.Collect(maps.Keys(m))
	slices.SortFunc(keys, func(a, b string) int {
		if m[a] != m[b] {
			return m[b] - m[a]
		}
		return strings.Compare(a, b)
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%d %q", m[k], k)
	}
	return "; reasons: " + strings.Join(parts, ", ")
}
