package web

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/rs/zerolog"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/store"
)

// seedNation fills the database at url with a national election: the
// National Assembly and 34 provinces of 98 communes (3,367 councils), four
// reported areas each, 100,000 open tasks, a credential resolution for two
// councils in three (some late) and an opened first session for one in
// three, by COPY; as store's inbox benchmark builds it.
func seedNation(b *testing.B, url string) {
	b.Helper()
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, url)
	if err != nil {
		b.Fatal(err)
	}
	defer pool.Close()
	if _, err := pool.Exec(ctx, `INSERT INTO elections (term, name, election_day) VALUES ('2026-2031', 'bench', '2026-03-15')`); err != nil {
		b.Fatal(err)
	}
	councils := [][]any{{"2026-2031", "QH", "Quốc hội", "national", "", int32(500)}}
	for p := 1; p <= 34; p++ {
		prov := fmt.Sprintf("%02d", p)
		councils = append(councils, []any{"2026-2031", prov, "Hội đồng nhân dân tỉnh " + prov, "province", prov, int32(60)})
		for c := 1; c <= 98; c++ {
			councils = append(councils, []any{"2026-2031", fmt.Sprintf("%s%03d", prov, c), "Hội đồng nhân dân xã " + prov, "commune", prov, int32(20)})
		}
	}
	due := time.Date(2026, 4, 1, 10, 0, 0, 0, time.UTC)
	var tasks, progress, resolutions, sessions [][]any
	for i := range 100_000 {
		c := councils[i%len(councils)]
		tasks = append(tasks, []any{fmt.Sprintf("2026-2031/%s/kind/%d", c[1], i), "2026-2031", c[1], "wf", "review-complaint",
			"subject", "council-office", due.Add(time.Duration(i%5000) * time.Hour), i%7 == 0})
	}
	for i, c := range councils {
		for j, area := range []string{"credentials", "first-session", "commendations", "outgoing-cadres"} {
			state := []string{"done", "running", "pending"}[(i+j)%3]
			progress = append(progress, []any{"2026-2031", c[1], area, state, "step", int32(1)})
		}
		if i%3 != 0 {
			resolutions = append(resolutions, []any{"2026-2031", c[1], fmt.Sprintf("%d/NQ-UBBC", i), due.AddDate(0, 0, i%30)})
		}
		if i%3 == 1 {
			sessions = append(sessions, []any{"2026-2031", c[1], due.AddDate(0, 0, 28), due.AddDate(0, 0, 20+i%20)})
		}
	}
	for _, t := range []struct {
		table   string
		columns []string
		rows    [][]any
	}{
		{"councils", []string{"term", "code", "name", "level", "province", "seats"}, councils},
		{"tasks", []string{"task_id", "term", "council_code", "workflow_id", "kind", "subject", "role", "due_at", "overdue"}, tasks},
		{"checklist_progress", []string{"term", "council_code", "area", "state", "step", "seq"}, progress},
		{"credential_resolutions", []string{"term", "council_code", "resolution_no", "adopted_on"}, resolutions},
		{"first_sessions", []string{"term", "council_code", "deadline", "opened_on"}, sessions},
	} {
		if _, err := pool.CopyFrom(ctx, pgx.Identifier{t.table}, t.columns, pgx.CopyFromRows(t.rows)); err != nil {
			b.Fatalf("seed %s: %v", t.table, err)
		}
	}
	if _, err := pool.Exec(ctx, `ANALYZE`); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkBoardRollup serves the board's pages to an election-wide
// manager over a national election (3,367 councils, 100,000 open tasks)
// on 1 May 2026, and prints each page's p50 and p99 server time and its
// size. Targets (issue 12): the whole election's rollup under 300 ms and
// about 200 KB a page at most.
// Run: go test ./web -run '^$' -bench BoardRollup -benchtime 20x
func BenchmarkBoardRollup(b *testing.B) {
	url := pgtest.NewDatabase(b)
	s, err := store.OpenMigrated(context.Background(), url)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(s.Close)
	seedNation(b, url)
	srv := &Server{Store: s, Log: zerolog.Nop(), Now: func() time.Time { return time.Date(2026, 5, 1, 9, 0, 0, 0, election.OfficeZone()) }}
	srv.Handler() // parses the templates
	boss := auth.User{ID: 1, Username: "boss", Grants: []auth.Grant{{Role: election.RoleManager, Scope: auth.ElectionScope("2026-2031")}}}
	for _, c := range []struct {
		name, path string
		serve      func(http.ResponseWriter, request) error
	}{
		{"rollup-election", "/board", srv.board},
		{"councils-province", "/board?province=17", srv.board},
		{"councils-election-page", "/board?view=councils&page=3", srv.board},
		{"missing-election-page", "/board/missing", srv.missing},
		{"missing-election-csv", "/board/missing.csv", srv.missingCSV},
	} {
		b.Run(c.name, func(b *testing.B) {
			var size int
			times := make([]time.Duration, 0, b.N)
			for b.Loop() {
				rec := httptest.NewRecorder()
				start := time.Now()
				if err := c.serve(rec, request{Request: httptest.NewRequest("GET", c.path, nil), User: boss, L: "vi"}); err != nil {
					b.Fatal(err)
				}
				times = append(times, time.Since(start))
				if rec.Code != http.StatusOK {
					b.Fatalf("GET %s = %d", c.path, rec.Code)
				}
				size = rec.Body.Len()
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			p := func(q float64) time.Duration { return times[int(q*float64(len(times)-1))] }
			b.ReportMetric(float64(p(0.5).Microseconds())/1000, "p50-ms")
			b.ReportMetric(float64(p(0.99).Microseconds())/1000, "p99-ms")
			b.ReportMetric(float64(size)/1000, "page-kB")
			b.Logf("GET %s over %d runs: p50 %v, p99 %v, %.1f kB", c.path, len(times), p(0.5), p(0.99), float64(size)/1000)
		})
	}
}
