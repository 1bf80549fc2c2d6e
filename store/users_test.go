package store

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
)

var userAdmin = Actor{Name: "thuky", Role: election.RoleAdministrator, Source: "test"}

// auditActions returns the actions of the audit rows about a user, and
// fails if any row carries secret.
func auditActions(t *testing.T, s *Store, username string, secrets ...string) []string {
	t.Helper()
	rows, err := s.AuditTrail(context.Background(), "user/"+username)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.Action)
		for _, secret := range secrets {
			if secret != "" && (strings.Contains(string(r.Detail), secret) || strings.Contains(r.Subject, secret)) {
				t.Errorf("audit row %s carries a secret: %s", r.Action, r.Detail)
			}
		}
	}
	return out
}

func TestUsersAndGrants(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	id, err := s.CreateUser(ctx, "Lan", "Nguyễn Thị Lan", "$argon2id$fake", userAdmin)
	if err != nil || id == 0 {
		t.Fatalf("create = %d, %v", id, err)
	}
	for _, name := range []string{"lan", "LAN", " Lan "} {
		if _, err := s.CreateUser(ctx, name, "Another", "$argon2id$fake", userAdmin); !errors.Is(err, ErrExists) {
			t.Errorf("duplicate %q: %v, want ErrExists", name, err)
		}
	}
	if _, err := s.CreateUser(ctx, "bad name", "X", "h", userAdmin); err == nil {
		t.Error("a bad user name was accepted")
	}
	if _, err := s.CreateUser(ctx, "ok-name", " ", "h", userAdmin); err == nil {
		t.Error("an empty display name was accepted")
	}

	grants := []auth.Grant{
		{Role: election.RoleHR, Scope: auth.ProvinceScope("2026-2031", "01")},
		{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope("2026-2031", "00004")},
		{Role: election.RoleManager, Scope: auth.ElectionScope("2026-2031")},
	}
	for _, g := range grants {
		if err := s.GrantRole(ctx, "LAN", g, userAdmin); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.GrantRole(ctx, "lan", grants[0], userAdmin); err != nil {
		t.Errorf("granting twice: %v", err)
	}
	if err := s.GrantRole(ctx, "nobody", grants[0], userAdmin); !errors.Is(err, ErrNotFound) {
		t.Errorf("grant to nobody: %v", err)
	}
	if err := s.GrantRole(ctx, "lan", auth.Grant{Role: "janitor", Scope: grants[0].Scope}, userAdmin); err == nil {
		t.Error("an unknown role was granted")
	}
	if err := s.GrantRole(ctx, "lan", auth.Grant{Role: election.RoleHR, Scope: auth.Scope{Kind: auth.ScopeProvince, Term: "2026-2031"}}, userAdmin); err == nil {
		t.Error("an incomplete scope was granted")
	}

	u, err := s.UserByName(ctx, "Lan")
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != id || u.Username != "lan" || u.DisplayName != "Nguyễn Thị Lan" || u.PasswordHash != "$argon2id$fake" || u.Disabled {
		t.Errorf("user = %+v", u)
	}
	want := []auth.Grant{grants[2], grants[0], grants[1]} // election, province, council
	if !slices.Equal(u.Grants, want) {
		t.Errorf("grants = %v, want %v", u.Grants, want)
	}
	byID, err := s.UserByID(ctx, id)
	if err != nil || byID.Username != "lan" || !slices.Equal(byID.Grants, want) {
		t.Errorf("by ID = %+v, %v", byID, err)
	}
	if !u.Can(auth.ActCompleteTask, auth.Place{Term: "2026-2031", Province: "01", Council: "00007"}) {
		t.Error("the granted HR role does not cover its province")
	}
	if _, err := s.UserByName(ctx, "nobody"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown user: %v", err)
	}
	if _, err := s.UserByID(ctx, id+100); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown ID: %v", err)
	}

	if err := s.RevokeRole(ctx, "lan", grants[0], userAdmin); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeRole(ctx, "lan", grants[0], userAdmin); !errors.Is(err, ErrNotFound) {
		t.Errorf("revoking twice: %v, want ErrNotFound", err)
	}
	if _, err := s.CreateUser(ctx, "binh", "Trần Văn Bình", "$argon2id$other", userAdmin); err != nil {
		t.Fatal(err)
	}
	list, err := s.ListUsers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Username != "binh" || len(list[0].Grants) != 0 || list[1].Username != "lan" ||
		!slices.Equal(list[1].Grants, []auth.Grant{grants[2], grants[1]}) || list[1].PasswordHash != "" {
		t.Errorf("list = %+v", list)
	}

	if err := s.SetPassword(ctx, "lan", "$argon2id$new", userAdmin); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPassword(ctx, "nobody", "$argon2id$new", userAdmin); !errors.Is(err, ErrNotFound) {
		t.Errorf("set password of nobody: %v", err)
	}
	if err := s.SetDisabled(ctx, "lan", true, userAdmin); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDisabled(ctx, "lan", true, userAdmin); err != nil {
		t.Fatal(err)
	}
	if u, err := s.UserByName(ctx, "lan"); err != nil || !u.Disabled || u.PasswordHash != "$argon2id$new" {
		t.Errorf("after disable and new password: %+v, %v", u, err)
	}

	got := auditActions(t, s, "lan", "$argon2id")
	wantActions := []string{"user.create", "user.grant", "user.grant", "user.grant", "user.revoke", "user.set-password", "user.disable"}
	if !slices.Equal(got, wantActions) {
		t.Errorf("audit = %v, want %v", got, wantActions)
	}
}

func TestTokens(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	lan, err := s.CreateUser(ctx, "lan", "Nguyễn Thị Lan", "h", userAdmin)
	if err != nil {
		t.Fatal(err)
	}
	binh, err := s.CreateUser(ctx, "binh", "Trần Văn Bình", "h", userAdmin)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.GrantRole(ctx, "lan", auth.Grant{Role: election.RoleManager, Scope: auth.ElectionScope("2026-2031")}, userAdmin); err != nil {
		t.Fatal(err)
	}
	plain, hash, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	tid, err := s.CreateToken(ctx, lan, "báo cáo hằng ngày", hash)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateToken(ctx, binh, "copy", hash); !errors.Is(err, ErrExists) {
		t.Errorf("same hash twice: %v, want ErrExists", err)
	}
	if _, err := s.CreateToken(ctx, lan, " ", hash); err == nil {
		t.Error("a token without a name was accepted")
	}
	if _, err := s.CreateToken(ctx, 9999, "x", auth.TokenHash("efw_x")); !errors.Is(err, ErrNotFound) {
		t.Errorf("token for nobody: %v", err)
	}

	u, err := s.UserByToken(ctx, auth.TokenHash(plain))
	if err != nil || u.ID != lan || u.Username != "lan" || len(u.Grants) != 1 {
		t.Fatalf("by token = %+v, %v", u, err)
	}
	if _, err := s.UserByToken(ctx, auth.TokenHash(plain+"x")); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown token: %v", err)
	}
	toks, err := s.ListTokens(ctx, lan)
	if err != nil || len(toks) != 1 || toks[0].ID != tid || toks[0].Name != "báo cáo hằng ngày" ||
		toks[0].LastUsedAt.IsZero() || !toks[0].RevokedAt.IsZero() {
		t.Errorf("tokens = %+v, %v", toks, err)
	}
	if toks, err := s.ListTokens(ctx, binh); err != nil || len(toks) != 0 {
		t.Errorf("binh's tokens = %+v, %v", toks, err)
	}

	// Only the owner revokes, once.
	if err := s.RevokeToken(ctx, binh, tid); !errors.Is(err, ErrNotFound) {
		t.Errorf("revoking another's token: %v, want ErrNotFound", err)
	}
	if _, err := s.UserByToken(ctx, hash); err != nil {
		t.Errorf("token refused after another user's failed revoke: %v", err)
	}
	if err := s.RevokeToken(ctx, lan, tid); err != nil {
		t.Fatal(err)
	}
	if err := s.RevokeToken(ctx, lan, tid); !errors.Is(err, ErrNotFound) {
		t.Errorf("revoking twice: %v", err)
	}
	if _, err := s.UserByToken(ctx, hash); !errors.Is(err, ErrNotFound) {
		t.Errorf("revoked token: %v, want ErrNotFound", err)
	}
	if toks, err := s.ListTokens(ctx, lan); err != nil || len(toks) != 1 || toks[0].RevokedAt.IsZero() {
		t.Errorf("tokens after revoke = %+v, %v", toks, err)
	}

	// A disabled user's tokens are refused.
	_, hash2, err := auth.NewToken()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CreateToken(ctx, lan, "second", hash2); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDisabled(ctx, "lan", true, userAdmin); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UserByToken(ctx, hash2); !errors.Is(err, ErrNotFound) {
		t.Errorf("disabled user's token: %v, want ErrNotFound", err)
	}

	got := auditActions(t, s, "lan", plain, string(hash))
	want := []string{"user.create", "user.grant", "token.create", "token.revoke", "token.create", "user.disable"}
	if !slices.Equal(got, want) {
		t.Errorf("audit = %v, want %v", got, want)
	}
}

// The schema refuses what the Go code would never write.
func TestUserSchemaChecks(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	id, err := s.CreateUser(ctx, "lan", "Lan", "h", userAdmin)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO users (username, display_name, password_hash) VALUES ('Upper', 'X', 'h')`,
		`INSERT INTO user_grants (user_id, role, scope_kind, term) VALUES ($1, 'janitor', 'election', '2026-2031')`,
		`INSERT INTO user_grants (user_id, role, scope_kind, term) VALUES ($1, 'manager', 'province', '2026-2031')`,
		`INSERT INTO user_grants (user_id, role, scope_kind, term, council) VALUES ($1, 'manager', 'election', '2026-2031', '00004')`,
		`INSERT INTO user_grants (user_id, role, scope_kind, term, province, council) VALUES ($1, 'manager', 'council', '2026-2031', '01', '00004')`,
		`INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, 'x', '\x00')`,
	} {
		args := []any{}
		if strings.Contains(q, "$1") {
			args = append(args, id)
		}
		if _, err := s.pool.Exec(ctx, q, args...); err == nil {
			t.Errorf("accepted: %s", q)
		}
	}
}
