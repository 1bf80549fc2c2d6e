package main

import (
	"context"
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/store"
)

func TestUserCommandsHelp(t *testing.T) {
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"help"}, 0, "user-grant"},
		{[]string{"help", "user-add"}, 0, "-password-stdin"},
		{[]string{"user-grant", "-h"}, 0, "province:2026-2031:01"},
		{[]string{"help", "user-revoke"}, 0, "mistyped scope"},
		{[]string{"help", "users"}, 0, "disabled"},
		{[]string{"user-add"}, 2, "user-add takes one user name"},
		{[]string{"user-add", "lan"}, 2, "--name is required"},
		{[]string{"user-add", "lan ngoc", "--name", "X"}, 2, "is not a user name"},
		{[]string{"user-grant", "lan"}, 2, "--role and --scope are required"},
		{[]string{"user-grant", "lan", "--role", "janitor", "--scope", "election:2026-2031"}, 2, `unknown role "janitor"`},
		{[]string{"user-grant", "lan", "--role", "manager", "--scope", "province:2026-2031"}, 2, "a province scope names the province"},
		{[]string{"user-revoke", "lan", "--role", "manager", "--scope", "nation:2026-2031"}, 2, `unknown kind "nation"`},
		{[]string{"users", "extra"}, 2, "users takes no arguments"},
		{[]string{"user-grant", "lan", "binh", "--role", "manager", "--scope", "election:2026-2031"}, 2, "user-grant takes one user name"},
		{[]string{"user-revoke", "--role", "manager", "--scope", "election:2026-2031"}, 2, "user-revoke takes one user name"},
	}
	for _, tt := range tests {
		code, out := starter(t, "", tt.args...)
		if code != tt.code || !strings.Contains(out, tt.want) {
			t.Errorf("starter %q = %d, want %d and %q in:\n%s", tt.args, code, tt.code, tt.want, out)
		}
	}
}

func TestUserCommands(t *testing.T) {
	ctx := context.Background()
	db := pgtest.NewDatabase(t)

	code, out := starter(t, db, "users")
	if code != 0 || !strings.Contains(out, "no users yet") {
		t.Fatalf("users on an empty database = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "user-add", "Lan", "--name", "Nguyễn Thị Lan", "--actor", "thuky")
	if code != 0 || !strings.Contains(out, "created user lan (Nguyễn Thị Lan)") {
		t.Fatalf("user-add = %d:\n%s", code, out)
	}
	m := regexp.MustCompile(`password \(shown once[^)]*\): (\S+)\n`).FindStringSubmatch(out)
	if m == nil {
		t.Fatalf("no password printed:\n%s", out)
	}
	password := m[1]
	if err := auth.ValidatePassword(password); err != nil {
		t.Errorf("generated password %q: %v", password, err)
	}
	code, out = starter(t, db, "user-add", "LAN", "--name", "Someone Else")
	if code != 1 || !strings.Contains(out, "user name lan is already taken") {
		t.Errorf("duplicate user-add = %d:\n%s", code, out)
	}

	// Grants before the election is imported are accepted with a warning.
	code, out = starter(t, db, "user-grant", "lan", "--role", "hr-officer", "--scope", "province:2026-2031:01")
	if code != 0 || !strings.Contains(out, "warning: election 2026-2031 is not imported yet") ||
		!strings.Contains(out, "granted hr-officer province:2026-2031:01 to lan") {
		t.Errorf("user-grant before import = %d:\n%s", code, out)
	}
	if code, out := starter(t, db, "import", filepath.Join("..", "roster", "testdata", "good")); code != 0 {
		t.Fatalf("import = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "user-grant", "Lan", "--role", "council-office", "--scope", "council:2026-2031:00004")
	if code != 0 || strings.Contains(out, "warning") || !strings.Contains(out, "granted council-office council:2026-2031:00004 to lan") {
		t.Errorf("user-grant = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "user-grant", "lan", "--role", "manager", "--scope", "council:2026-2031:99999")
	if code != 0 || !strings.Contains(out, "warning: election 2026-2031 has no council 99999") {
		t.Errorf("user-grant to an unknown council = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "user-grant", "lan", "--role", "council-office", "--scope", "council:2026-2031:00004")
	if code != 0 || !strings.Contains(out, "already holds council-office council:2026-2031:00004: nothing changed") {
		t.Errorf("second user-grant = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "user-grant", "binh", "--role", "manager", "--scope", "election:2026-2031")
	if code != 1 || !strings.Contains(out, "no user binh: create it with starter user-add") {
		t.Errorf("user-grant to nobody = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "user-revoke", "binh", "--role", "manager", "--scope", "election:2026-2031")
	if code != 1 || !strings.Contains(out, "no user binh") || strings.Contains(out, "user-add") {
		t.Errorf("user-revoke from nobody = %d:\n%s", code, out)
	}

	code, out = starter(t, db, "user-revoke", "lan", "--role", "manager", "--scope", "council:2026-2031:99999")
	if code != 0 || !strings.Contains(out, "revoked manager council:2026-2031:99999 from lan") {
		t.Errorf("user-revoke = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "user-revoke", "lan", "--role", "manager", "--scope", "council:2026-2031:99999")
	if code != 1 || !strings.Contains(out, "lan does not hold manager council:2026-2031:99999 (holds: ") ||
		!strings.Contains(out, "hr-officer province:2026-2031:01") {
		t.Errorf("second user-revoke = %d:\n%s", code, out)
	}

	if code, out := starter(t, db, "user-add", "binh", "--name", "Trần Văn Bình"); code != 0 {
		t.Fatalf("user-add binh = %d:\n%s", code, out)
	}
	code, out = starter(t, db, "users")
	flat := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"binh Trần Văn Bình active - - -",
		"lan Nguyễn Thị Lan active - hr-officer province:2026-2031:01 council-office council:2026-2031:00004",
	} {
		if code != 0 || !strings.Contains(flat, want) {
			t.Errorf("users = %d, want %q in:\n%s", code, want, out)
		}
	}
	if strings.Contains(out, password) || strings.Contains(out, "argon2") {
		t.Errorf("users shows a password or hash:\n%s", out)
	}

	// What the commands stored: a hash of the printed password, the grants,
	// and audit rows naming the administrator.
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.UserByName(ctx, "lan")
	if err != nil {
		t.Fatal(err)
	}
	if !auth.CheckPassword(u.PasswordHash, password) || auth.CheckPassword(u.PasswordHash, password+"x") {
		t.Error("the stored hash does not check the printed password")
	}
	commune := auth.Place{Term: "2026-2031", Province: "01", Council: "00004"}
	if !u.CanCompleteAs(election.RoleCouncilOffice, commune) || !u.CanCompleteAs(election.RoleHR, commune) ||
		u.CanCompleteAs(election.RoleManager, commune) {
		t.Errorf("grants = %v", u.Grants)
	}
	trail, err := s.AuditTrail(ctx, "user/lan")
	if err != nil || len(trail) != 5 || trail[0].Action != "user.create" || trail[0].Actor != "thuky" {
		t.Errorf("audit = %+v, %v", trail, err)
	}
	for _, r := range trail {
		if strings.Contains(string(r.Detail), password) || strings.Contains(string(r.Detail), "argon2") {
			t.Errorf("audit row %s carries the password: %s", r.Action, r.Detail)
		}
	}
}

func TestReadPassword(t *testing.T) {
	for in, want := range map[string]string{
		"correct horse battery\n":   "correct horse battery",
		"mật khẩu đủ dài\r\nnext\n": "mật khẩu đủ dài",
		"no newline at end":         "no newline at end",
	} {
		got, err := readPassword(strings.NewReader(in))
		if err != nil || got != want {
			t.Errorf("readPassword(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "\n", "short\n"} {
		if _, err := readPassword(strings.NewReader(in)); err == nil {
			t.Errorf("readPassword(%q) accepted", in)
		}
	}
	_, err := readPassword(strings.NewReader("short\n"))
	if !errors.Is(err, auth.ErrWeakPassword) {
		t.Errorf("a short password: %v, want ErrWeakPassword", err)
	}
}
