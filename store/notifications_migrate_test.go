package store

import (
	"context"
	"io/fs"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/pressly/goose/v3"

	"electionflow/auth"
	"electionflow/election"
)

// Migration 00014 on a database that already holds notices gives each its
// number and its task's place, and undoes cleanly.
func TestNoticeMigrationFillsExistingNotices(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	migrations, err := fs.Sub(migrationFiles, "migrations")
	if err != nil {
		t.Fatal(err)
	}
	db := stdlib.OpenDBFromPool(s.pool)
	defer db.Close()
	p, err := goose.NewProvider(goose.DialectPostgres, db, migrations)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.DownTo(ctx, 13); err != nil {
		t.Fatalf("down to 13: %v", err)
	}
	// recorded as before migration 00014, without numbers or places
	notices := noticeFixtureBy(t, s, func(ctx context.Context, n TaskNotice) error {
		_, err := s.db.Exec(ctx, `INSERT INTO task_notices (task_id, kind, lead_seconds, at, role) VALUES ($1, $2, $3, $4, $5)`,
			string(n.Task.ID), string(n.Kind), int64(n.Lead/time.Second), n.At, string(n.Task.Role))
		return err
	})
	if _, err := p.UpTo(ctx, 14); err != nil {
		t.Fatalf("up to 14: %v", err)
	}
	if n := count(t, s, `SELECT count(*) FROM task_notices WHERE id IS NOT NULL AND term = '2026-2031' AND province = '01'
		AND council_code IN ('00004', '00008')`); n != len(notices) {
		t.Errorf("%d of %d notices numbered and placed", n, len(notices))
	}
	if _, err := p.Up(ctx); err != nil {
		t.Fatalf("up: %v", err)
	}
	u := noticeUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope("2026-2031", "01")})
	if n, err := s.UnreadNotifications(ctx, u, 100); err != nil || n != 2 {
		t.Errorf("manager01 has %d unread after the migration, %v; want 2", n, err)
	}
}
