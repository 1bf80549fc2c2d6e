package store

import (
	"context"
	"fmt"
	"sort"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/election"
)

// seedNotices records one notice per task of seedScale (100,000): six in
// ten reminders, three escalations, one a missed deadline.
func seedNotices(b *testing.B, s *Store) {
	b.Helper()
	_, err := s.pool.Exec(context.Background(), `
		INSERT INTO task_notices (task_id, kind, lead_seconds, at, role)
		SELECT task_id, CASE WHEN i % 10 < 6 THEN 'reminder' WHEN i % 10 < 9 THEN 'escalation' ELSE 'deadline-missed' END,
			0, timestamptz '2026-04-01 00:00Z' + i * interval '1 minute', role
		FROM (SELECT task_id, role, row_number() OVER (ORDER BY task_id) AS i FROM tasks) t;
		ANALYZE`)
	if err != nil {
		b.Fatal(err)
	}
}

// BenchmarkNotifications times the header's unread count, which every
// page runs, for the widest and narrowest grants with 100,000 notices on
// 100,000 tasks of 3,367 councils, and the notifications page of an
// election-wide manager; then the manager's count again once they have
// read all 40,000 of theirs (the reads vacuumed and analysed, as
// autovacuum leaves them). Prints p50 and p99.
// Run: go test ./store -run '^$' -bench Notifications -benchtime 30x
func BenchmarkNotifications(b *testing.B) {
	ctx := context.Background()
	s := openTestTB(b)
	seedScale(b, s)
	seedNotices(b, s)
	const term election.Term = "2026-2031"
	user := func(name string, g auth.Grant) auth.User {
		id, err := s.CreateUser(ctx, name, name, "$argon2id$fake", admin)
		if err != nil {
			b.Fatal(err)
		}
		return auth.User{ID: id, Username: name, Grants: []auth.Grant{g}}
	}
	users := []struct {
		name string
		u    auth.User
	}{
		{"office-council", user("office", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "17042")})},
		{"office-province", user("office17", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.ProvinceScope(term, "17")})},
		{"committee-election", user("ubbc", auth.Grant{Role: election.RoleElectionCommittee, Scope: auth.ElectionScope(term)})},
		{"manager-province", user("manager17", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "17")})},
		{"manager-election", user("manager", auth.Grant{Role: election.RoleManager, Scope: auth.ElectionScope(term)})},
	}
	var cases []benchCase
	for _, u := range users {
		cases = append(cases, benchCase{"unread-" + u.name, func() error { _, err := s.UnreadNotifications(ctx, u.u, 100); return err }})
	}
	manager := users[len(users)-1].u
	cases = append(cases, benchCase{"unread-manager-election-uncapped", func() error {
		n, err := s.UnreadNotifications(ctx, manager, 1<<30)
		if err == nil && n != 40_000 {
			err = fmt.Errorf("%d unread, want 40000", n)
		}
		return err
	}}, benchCase{"page-manager-election", func() error {
		p, err := s.Notifications(ctx, manager, NotificationQuery{Limit: 100})
		if err == nil && (len(p.Notifications) != 100 || p.Total != 40_000) {
			err = fmt.Errorf("page of %d of %d notifications, want 100 of 40000", len(p.Notifications), p.Total)
		}
		return err
	}}, benchCase{"unread-manager-election-all-read", func() error {
		n, err := s.UnreadNotifications(ctx, manager, 100)
		if err == nil && n != 0 {
			err = fmt.Errorf("%d unread after reading all", n)
		}
		return err
	}})
	for i, c := range cases {
		if c.name == "unread-manager-election-all-read" {
			start := time.Now()
			n, err := s.MarkAllNotificationsRead(ctx, manager)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.pool.Exec(ctx, `VACUUM ANALYZE notice_reads`); err != nil {
				b.Fatal(err)
			}
			b.Logf("mark all %d read: %v", n, time.Since(start))
		}
		b.Run(cases[i].name, c.time)
	}
}

// benchCase is a query timed by a benchmark.
type benchCase struct {
	name string
	run  func() error
}

// time runs the case b.N times and reports its p50 and p99.
func (c benchCase) time(b *testing.B) {
	times := make([]time.Duration, 0, b.N)
	for b.Loop() {
		start := time.Now()
		if err := c.run(); err != nil {
			b.Fatal(err)
		}
		times = append(times, time.Since(start))
	}
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	p := func(q float64) time.Duration { return times[int(q*float64(len(times)-1))] }
	b.ReportMetric(float64(p(0.5).Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(p(0.99).Microseconds())/1000, "p99-ms")
	b.Logf("%s over %d runs: p50 %v, p99 %v", c.name, len(times), p(0.5), p(0.99))
}
