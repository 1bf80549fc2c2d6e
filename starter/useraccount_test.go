package main

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/internal/pgtest"
	"electionflow/store"
)

func TestUserAccountCommands(t *testing.T) {
	ctx := context.Background()
	db := pgtest.NewDatabase(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"help", "user-password"}, 0, "-password-stdin"},
		{[]string{"help", "user-disable"}, 0, "user-enable gives everything back"},
		{[]string{"user-password"}, 2, "user-password takes one user name"},
		{[]string{"user-disable", "a", "b"}, 2, "user-disable takes one user name"},
		{[]string{"user-enable", "x y"}, 2, "is not a user name"},
	} {
		if code, out := starter(t, "", tt.args...); code != tt.code || !strings.Contains(out, tt.want) {
			t.Errorf("starter %q = %d, want %d and %q in:\n%s", tt.args, code, tt.code, tt.want, out)
		}
	}
	for _, cmd := range []string{"user-password", "user-disable", "user-enable"} {
		if code, out := starter(t, db, cmd, "nobody"); code != 1 || !strings.Contains(out, "no user nobody") {
			t.Errorf("%s nobody = %d:\n%s", cmd, code, out)
		}
	}
	password := regexp.MustCompile(`password \(shown once[^)]*\): (\S+)\n`)
	code, out := starter(t, db, "user-add", "lan", "--name", "Nguyễn Thị Lan")
	if code != 0 || password.FindStringSubmatch(out) == nil {
		t.Fatalf("user-add = %d:\n%s", code, out)
	}
	old := password.FindStringSubmatch(out)[1]
	code, out = starter(t, db, "user-password", "LAN", "--actor", "thuky")
	m := password.FindStringSubmatch(out)
	if code != 0 || m == nil || !strings.Contains(out, "set a new password for lan") {
		t.Fatalf("user-password = %d:\n%s", code, out)
	}
	for _, step := range []struct {
		args  []string
		want  string
		state string
	}{
		{[]string{"user-disable", "lan", "--actor", "thuky"}, "disabled lan", "disabled"},
		{[]string{"user-disable", "lan"}, "disabled lan", "disabled"},
		{[]string{"user-enable", "lan", "--actor", "thuky"}, "enabled lan", "active"},
	} {
		if code, out := starter(t, db, step.args...); code != 0 || !strings.Contains(out, step.want) {
			t.Errorf("%q = %d:\n%s", step.args, code, out)
		}
		if _, out := starter(t, db, "users"); !strings.Contains(strings.Join(strings.Fields(out), " "), "lan Nguyễn Thị Lan "+step.state) {
			t.Errorf("after %q users shows:\n%s", step.args, out)
		}
	}

	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	u, err := s.UserByName(ctx, "lan")
	if err != nil {
		t.Fatal(err)
	}
	if !auth.CheckPassword(u.PasswordHash, m[1]) || auth.CheckPassword(u.PasswordHash, old) {
		t.Error("the stored hash is not the new password's")
	}
	trail, err := s.AuditTrail(ctx, "user/lan")
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, r := range trail {
		actions = append(actions, r.Action+" by "+r.Actor)
		if strings.Contains(string(r.Detail), m[1]) {
			t.Errorf("audit row %s carries the password", r.Action)
		}
	}
	// The second user-disable changed nothing, so wrote no row.
	want := "user.set-password by thuky, user.disable by thuky, user.enable by thuky"
	if got := strings.Join(actions[1:], ", "); got != want {
		t.Errorf("audit trail after user.create: %s\nwant %s", got, want)
	}
}

func TestUserEmail(t *testing.T) {
	db := pgtest.NewDatabase(t)
	for _, tt := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"help", "user-email"}, 0, "SMTP_URL"},
		{[]string{"user-email", "lan"}, 2, "a user name and an address"},
		{[]string{"user-email", "lan", "not-an-address"}, 2, "want a single address"},
		{[]string{"user-add", "tuan", "--name", "Trần Tuấn", "--email", "Tuấn <t@example.vn>"}, 2, "--email"},
		{[]string{"user-email", "nobody", "x@example.vn"}, 1, "no user nobody"},
		{[]string{"user-add", "lan", "--name", "Nguyễn Thị Lan", "--email", "Lan@Example.VN"}, 0, "created user lan"},
		{[]string{"users"}, 0, "lan Nguyễn Thị Lan active Lan@example.vn"},
		{[]string{"user-email", "lan", "lan.nguyen@example.vn"}, 0, "mailed to lan.nguyen@example.vn"},
		{[]string{"users"}, 0, "active lan.nguyen@example.vn"},
		{[]string{"user-email", "lan", "-"}, 0, "has no email address now"},
		{[]string{"users"}, 0, "lan Nguyễn Thị Lan active -"},
	} {
		code, out := starter(t, db, tt.args...)
		if code != tt.code || !strings.Contains(strings.Join(strings.Fields(out), " "), tt.want) {
			t.Errorf("starter %q = %d, want %d and %q in:\n%s", tt.args, code, tt.code, tt.want, out)
		}
	}
	// The refused user-add created nobody.
	if code, out := starter(t, db, "users"); code != 0 || strings.Contains(out, "tuan") {
		t.Errorf("a user-add refused for its --email left a user:\n%s", out)
	}
}
