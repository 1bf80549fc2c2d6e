package store

import (
	"context"
	"sort"
	"testing"
	"time"

	"electionflow/election"
)

// BenchmarkRollup times the whole election's rollup as the board opens
// it: the standings of 3,367 councils with 100,000 open tasks, and their
// sums by province with every council's missed deadlines; it prints p50
// and p99. Target (issue 12): under 300 ms of server time with the page.
// Run: go test ./store -run '^$' -bench Rollup -benchtime 50x
func BenchmarkRollup(b *testing.B) {
	ctx := context.Background()
	s := openTestTB(b)
	seedScale(b, s)
	today := election.MustParseDate("2026-05-01")
	times := make([]time.Duration, 0, b.N)
	for b.Loop() {
		start := time.Now()
		cal, standings, err := s.Standings(ctx, "2026-2031")
		if err != nil {
			b.Fatal(err)
		}
		rollup := RollUp(standings, cal, today)
		times = append(times, time.Since(start))
		if len(standings) != 3367 || len(rollup) != 35 {
			b.Fatalf("%d standings in %d rows, want 3367 in 35", len(standings), len(rollup))
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	p := func(q float64) time.Duration { return times[int(q*float64(len(times)-1))] }
	b.ReportMetric(float64(p(0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p(0.99).Microseconds())/1000, "p99-ms")
	b.Logf("rollup of 3,367 councils over %d runs: p50 %v, p99 %v", len(times), p(0.5), p(0.99))
}
