package store

import (
	"context"
	"fmt"
	"testing"

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
	benchCase{name: "rollup of 3,367 councils", run: func() error {
		cal, standings, err := s.Standings(ctx, "2026-2031")
		if err != nil {
			return err
		}
		if rollup := RollUp(standings, cal, today); len(standings) != 3367 || len(rollup) != 35 {
			return fmt.Errorf("%d standings in %d rows, want 3367 in 35", len(standings), len(rollup))
		}
		return nil
	}}.time(b)
}
