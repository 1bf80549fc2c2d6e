package store

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"electionflow/election"
)

var admin = Actor{Name: "thuky", Role: election.RoleAdministrator, Source: "test"}

func count(t *testing.T, s *Store, query string, args ...any) int {
	t.Helper()
	var n int
	if err := s.pool.QueryRow(context.Background(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

// rowVersions returns the xmin of every roster row: it changes whenever a
// row is written, so equal versions mean nothing was rewritten.
func rowVersions(t *testing.T, s *Store) string {
	t.Helper()
	var v string
	err := s.pool.QueryRow(context.Background(), `
		SELECT string_agg(x, ',' ORDER BY x) FROM (
			SELECT xmin::text AS x FROM elections UNION ALL SELECT xmin::text FROM councils
			UNION ALL SELECT xmin::text FROM elected_persons UNION ALL SELECT xmin::text FROM complaints
			UNION ALL SELECT xmin::text FROM outgoing_cadres) v`).Scan(&v)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestImportRoster(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	r := goodRoster(t)

	report, err := s.ImportRoster(ctx, r, admin)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"elections": 1, "councils": 4, "elected_persons": 6, "complaints": 2, "outgoing_cadres": 2}
	checkReportsEveryTable(t, report, want)
	for _, tc := range report.Tables {
		if tc.Inserted != want[tc.Table] || tc.Updated != 0 {
			t.Errorf("%s: %+v, want %d inserted", tc.Table, tc, want[tc.Table])
		}
		if got := count(t, s, "SELECT count(*) FROM "+tc.Table); got != want[tc.Table] {
			t.Errorf("%s has %d rows, want %d", tc.Table, got, want[tc.Table])
		}
	}
	var name string
	if err := s.pool.QueryRow(ctx, `SELECT full_name FROM elected_persons WHERE person_id = '00008-P001'`).Scan(&name); err != nil || name != "Đặng Thị Ánh" {
		t.Errorf("name %q (%v): diacritics not intact", name, err)
	}
	var days string
	if err := s.pool.QueryRow(ctx, `SELECT deadline_days->>'credential_resolution' FROM elections`).Scan(&days); err != nil || days != "33" {
		t.Errorf("deadline override %q (%v)", days, err)
	}
	if got := count(t, s, `SELECT count(*) FROM audit_log WHERE action = 'roster.import' AND actor = 'thuky'`); got != 1 {
		t.Errorf("%d audit rows for the import, want 1", got)
	}

	// The same files again change nothing: no row is rewritten.
	before := rowVersions(t, s)
	again, err := s.ImportRoster(ctx, r, admin)
	if err != nil {
		t.Fatal(err)
	}
	if again.Changed() {
		t.Errorf("second import changed rows: %+v", again.Tables)
	}
	if after := rowVersions(t, s); after != before {
		t.Error("second import rewrote rows")
	}

	// A corrected name updates that row only.
	r.Persons[0].FullName = "Nguyễn Thị Hường"
	fixed, err := s.ImportRoster(ctx, r, admin)
	if err != nil {
		t.Fatal(err)
	}
	checkReportsEveryTable(t, fixed, want)
	for _, tc := range fixed.Tables {
		wantUpdated := 0
		if tc.Table == "elected_persons" {
			wantUpdated = 1
		}
		if tc.Updated != wantUpdated || tc.Inserted != 0 {
			t.Errorf("%s after a correction: %+v", tc.Table, tc)
		}
	}
}

// checkReportsEveryTable fails unless the report has one line for each
// table of want and no other, so loops over its lines cannot pass by
// seeing none.
func checkReportsEveryTable(t *testing.T, report ImportReport, want map[string]int) {
	t.Helper()
	seen := map[string]int{}
	for _, tc := range report.Tables {
		seen[tc.Table]++
	}
	if len(report.Tables) != len(want) {
		t.Errorf("report has %d tables, want %d: %+v", len(report.Tables), len(want), report.Tables)
	}
	for table := range want {
		if seen[table] != 1 {
			t.Errorf("report lists %s %d times, want once", table, seen[table])
		}
	}
}

// A roster the database refuses lands nothing at all.
func TestImportRosterAtomic(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	r := goodRoster(t)
	r.Complaints = append(r.Complaints, election.Complaint{
		ID: "KN-X", Council: "00004", Person: "NOT-A-PERSON", Kind: election.KindComplaint,
		ReceivedOn: election.MustParseDate("2026-03-20"), Summary: "x",
	})
	_, err := s.ImportRoster(ctx, r, admin)
	var pgErr *pgconn.PgError
	if !errors.As(err, &pgErr) || pgErr.Code != "23503" {
		t.Fatalf("err = %v, want a foreign key violation", err)
	}
	for _, table := range []string{"elections", "councils", "elected_persons", "complaints", "audit_log"} {
		if n := count(t, s, "SELECT count(*) FROM "+table); n != 0 {
			t.Errorf("%s has %d rows after a failed import", table, n)
		}
	}

	if _, err := s.ImportRoster(ctx, election.Roster{Election: election.Election{Term: "2026-2031"}}, admin); err == nil {
		t.Error("election without a day accepted")
	}
}

func TestAuditLogAppendOnly(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	entry := AuditEntry{Actor: admin, Action: "test.action", Subject: "x", IdempotencyKey: "k1"}
	for range 2 {
		if err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error { return appendAudit(ctx, tx, entry) }); err != nil {
			t.Fatal(err)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM audit_log`); n != 1 {
		t.Errorf("%d rows for one idempotency key, want 1", n)
	}
	for _, stmt := range []string{`UPDATE audit_log SET actor = 'mallory'`, `DELETE FROM audit_log`, `TRUNCATE audit_log`} {
		if _, err := s.pool.Exec(ctx, stmt); err == nil {
			t.Errorf("%s succeeded on the append-only audit log", stmt)
		}
	}
	if n := count(t, s, `SELECT count(*) FROM audit_log WHERE actor = 'thuky'`); n != 1 {
		t.Errorf("audit row altered: %d", n)
	}
}

func TestListElections(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if got, err := s.ListElections(ctx); err != nil || len(got) != 0 {
		t.Fatalf("empty database: %v, %v", got, err)
	}
	if _, err := s.ImportRoster(ctx, goodRoster(t), admin); err != nil {
		t.Fatal(err)
	}
	got, err := s.ListElections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := ElectionSummary{Term: "2026-2031", Name: goodRoster(t).Election.Name,
		ElectionDay: election.MustParseDate("2026-03-15"), Councils: 4, Persons: 6, Complaints: 2, Cadres: 2}
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %+v, want %+v", got, want)
	}
}
