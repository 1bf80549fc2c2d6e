package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// seedScale fills a database with a national election's councils (34
// provinces, 98 communes each, the National Assembly: 3,367), the progress
// of their four areas, and 100,000 open tasks spread over them, roles and
// due times, by COPY.
func seedScale(b *testing.B, s *Store) {
	b.Helper()
	ctx := context.Background()
	if _, err := s.pool.Exec(ctx, `INSERT INTO elections (term, name, election_day) VALUES ('2026-2031', 'bench', '2026-03-15')`); err != nil {
		b.Fatal(err)
	}
	var councils [][]any
	councils = append(councils, []any{"2026-2031", "QH", "Quốc hội", "national", "", int32(500)})
	for p := 1; p <= 34; p++ {
		prov := fmt.Sprintf("%02d", p)
		councils = append(councils, []any{"2026-2031", prov, "HĐND tỉnh " + prov, "province", prov, int32(60)})
		for c := 1; c <= 98; c++ {
			councils = append(councils, []any{"2026-2031", fmt.Sprintf("%s%03d", prov, c), "HĐND xã", "commune", prov, int32(20)})
		}
	}
	if _, err := s.pool.CopyFrom(ctx, pgx.Identifier{"councils"}, []string{"term", "code", "name", "level", "province", "seats"}, pgx.CopyFromRows(councils)); err != nil {
		b.Fatal(err)
	}
	roles := election.Roles()[1:6]
	due := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	var tasks [][]any
	for i := 0; i < 100_000; i++ {
		c := councils[i%len(councils)]
		tasks = append(tasks, []any{fmt.Sprintf("2026-2031/%s/kind/%d", c[1], i), "2026-2031", c[1], "wf", "review-complaint",
			"subject", string(roles[i%len(roles)]), due.Add(time.Duration(i%5000) * time.Hour), i%7 == 0})
	}
	if _, err := s.pool.CopyFrom(ctx, pgx.Identifier{"tasks"},
		[]string{"task_id", "term", "council_code", "workflow_id", "kind", "subject", "role", "due_at", "overdue"}, pgx.CopyFromRows(tasks)); err != nil {
		b.Fatal(err)
	}
	// Every council reports four areas, as a running election does.
	var progress [][]any
	for i, c := range councils {
		for j, area := range []string{"credentials", "first-session", "commendations", "outgoing-cadres"} {
			state := "running"
			if (i+j)%3 == 0 {
				state = "done"
			}
			progress = append(progress, []any{"2026-2031", c[1], area, state, "step", int32(i % 4), int32(i % 2),
				due.Add(time.Duration(i) * time.Hour), int32(1)})
		}
	}
	if _, err := s.pool.CopyFrom(ctx, pgx.Identifier{"checklist_progress"},
		[]string{"term", "council_code", "area", "state", "step", "open_tasks", "overdue_tasks", "next_deadline", "seq"}, pgx.CopyFromRows(progress)); err != nil {
		b.Fatal(err)
	}
	if _, err := s.pool.Exec(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkInboxAndSummary times the staff inbox query (one role in one
// province, one council, overdue across the election), the web inbox's
// page with its total (a province grant; two election-wide grants, 40,000
// tasks, third page), the managers' board
// (one row per council) and the election summary with 100,000 open tasks
// and 3,367 councils, and prints p50 and p99. Targets (issue 5): inbox p99
// under 50 ms, board under 500 ms.
// Run: go test ./store -run '^$' -bench InboxAndSummary -benchtime 200x
func BenchmarkInboxAndSummary(b *testing.B) {
	ctx := context.Background()
	s := openTestTB(b)
	seedScale(b, s)
	cases := []benchCase{
		{"inbox-role-province", func() error {
			_, err := s.ListTasks(ctx, TaskFilter{Term: "2026-2031", Role: election.RoleCouncilOffice, Province: "17", Limit: 100})
			return err
		}},
		{"inbox-role-council", func() error {
			_, err := s.ListTasks(ctx, TaskFilter{Term: "2026-2031", Role: election.RoleElectionCommittee, Council: "17042", Limit: 100})
			return err
		}},
		{"inbox-overdue-election", func() error {
			_, err := s.ListTasks(ctx, TaskFilter{Term: "2026-2031", Role: election.RoleHR, OverdueOnly: true, Limit: 100})
			return err
		}},
		{"inbox-page-province-grant", func() error {
			_, err := s.Inbox(ctx, InboxQuery{Reach: []TaskReach{{Term: "2026-2031", Role: election.RoleCouncilOffice, Province: "17"}}})
			return err
		}},
		{"inbox-page-election-grants", func() error {
			// An HR officer and a council office for the whole election:
			// the heaviest inbox, counted in full for its page links.
			page, err := s.Inbox(ctx, InboxQuery{Reach: []TaskReach{{Term: "2026-2031", Role: election.RoleHR}, {Term: "2026-2031", Role: election.RoleCouncilOffice}}, Offset: 200})
			if err == nil && (page.Total == 0 || len(page.Tasks) != 100) {
				err = fmt.Errorf("election inbox: %d of %d tasks", len(page.Tasks), page.Total)
			}
			return err
		}},
		{"board-election", func() error {
			rows, err := s.Board(ctx, "2026-2031")
			if err == nil && len(rows) != 3367 {
				err = fmt.Errorf("board has %d rows, want 3367", len(rows))
			}
			return err
		}},
		{"summary-election", func() error {
			_, err := s.Summary(ctx, "2026-2031", "")
			return err
		}},
		{"summary-province", func() error {
			_, err := s.Summary(ctx, "2026-2031", "17")
			return err
		}},
	}
	for _, c := range cases {
		b.Run(c.name, c.time)
	}
}
