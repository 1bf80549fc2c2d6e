package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/store"
)

// starter notifications lists a user's unread notices, and only theirs.
func TestNotificationsCommand(t *testing.T) {
	ctx := context.Background()
	db := pgtest.NewDatabase(t)
	if code, out := starter(t, db, "import", filepath.Join("..", "roster", "testdata", "good")); code != 0 {
		t.Fatalf("import = %d:\n%s", code, out)
	}
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	const term election.Term = "2026-2031"
	at := time.Date(2026, 4, 10, 8, 0, 0, 0, time.UTC)
	by := store.Actor{Name: "test", Role: election.RoleAdministrator}
	for _, council := range []election.CouncilCode{"00004", "00008"} {
		task := election.Task{ID: election.NewTaskID(term, council, election.KindHandOverCertificates, "certificates"), Term: term,
			Council: council, Kind: election.KindHandOverCertificates, Subject: "certificates", Role: election.RoleCouncilOffice, Due: at}
		if err := s.OpenTasks(ctx, "wf", []election.Task{task}); err != nil {
			t.Fatal(err)
		}
		if err := s.NotifyTask(ctx, store.TaskNotice{Task: task, Kind: election.NoticeReminder, Lead: 24 * time.Hour, At: at}); err != nil {
			t.Fatal(err)
		}
	}
	for name, g := range map[string]auth.Grant{
		"vanphong04": {Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")},
		"tccb04":     {Role: election.RoleHR, Scope: auth.CouncilScope(term, "00004")},
	} {
		if _, err := s.CreateUser(ctx, name, name, "$argon2id$fake", by); err != nil {
			t.Fatal(err)
		}
		if err := s.GrantRole(ctx, name, g, by); err != nil {
			t.Fatal(err)
		}
	}

	code, out := starter(t, db, "notifications", "vanphong04")
	if code != 0 || !strings.Contains(out, "vanphong04: 1 unread of 1 notification(s)") ||
		!strings.Contains(out, "2026-2031/00004/hand-over-certificates/certificates") || !strings.Contains(out, "Hội đồng nhân dân phường Ba Đình") ||
		strings.Contains(out, "00008") {
		t.Errorf("notifications of vanphong04 = %d:\n%s", code, out)
	}
	if code, out := starter(t, db, "notifications", "tccb04"); code != 0 || !strings.Contains(out, "tccb04: 0 unread of 0") {
		t.Errorf("notifications of a user with none = %d:\n%s", code, out)
	}
	for _, bad := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"notifications"}, 2, "notifications takes one user name"},
		{[]string{"notifications", "vanphong04", "--limit", "0"}, 2, "want 1 or more"},
		{[]string{"notifications", "nobody"}, 1, `no user "nobody"`},
		{[]string{"help", "notifications"}, 0, "marks nothing read"},
	} {
		if code, out := starter(t, db, bad.args...); code != bad.code || !strings.Contains(out, bad.want) {
			t.Errorf("starter %q = %d, want %d and %q in:\n%s", bad.args, code, bad.code, bad.want, out)
		}
	}
}
