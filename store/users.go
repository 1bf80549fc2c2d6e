package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"electionflow/auth"
	"electionflow/election"
)

// ErrExists is returned when a row to create is already there, such as a
// user name taken (tên đăng nhập đã tồn tại).
var ErrExists = errors.New("already exists")

// UserRecord is a user (người dùng) as the database holds it: the user with
// their grants, and what sign-in needs.
type UserRecord struct {
	auth.User
	// PasswordHash is the argon2id hash (auth.HashPassword); ListUsers
	// leaves it empty.
	PasswordHash string
	// Disabled users (tài khoản bị khóa) may not sign in and their tokens
	// are refused.
	Disabled  bool
	CreatedAt time.Time
	// Email is where notices are mailed (thư điện tử); "" for none.
	Email string
}

// Token is an API token (mã truy cập API) as its owner may see it; the
// token itself is never stored, only its hash.
type Token struct {
	ID         int64
	Name       string
	CreatedAt  time.Time
	LastUsedAt time.Time // zero when never used
	RevokedAt  time.Time // zero while valid
}

// userSubject names a user in the audit log.
func userSubject(username string) string { return "user/" + username }

// lookupName lower-cases and trims a user name for a look-up; a name that
// is not valid simply finds nobody.
func lookupName(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	if len(n) > 100 {
		n = n[:100]
	}
	return strings.ToValidUTF8(n, "")
}

// CreateUser adds a user with a password hash (from auth.HashPassword) and
// no roles, and returns its ID. The user name is stored lower-cased; a name
// already taken, in any case, is ErrExists. The audit row names the user
// and the display name, never the hash.
func (s *Store) CreateUser(ctx context.Context, username, displayName, passwordHash string, actor Actor) (int64, error) {
	name, err := auth.NormalizeUsername(username)
	if err != nil {
		return 0, fmt.Errorf("store: create user: %w", err)
	}
	display, err := auth.NormalizeDisplayName(displayName)
	if err != nil {
		return 0, fmt.Errorf("store: create user %s: %w", name, err)
	}
	if passwordHash == "" {
		return 0, fmt.Errorf("store: create user %s: no password hash", name)
	}
	var id int64
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `
			INSERT INTO users (username, display_name, password_hash) VALUES ($1, $2, $3)
			ON CONFLICT (username) DO NOTHING
			RETURNING id`, name, display, passwordHash).Scan(&id)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("user %s: %w", name, ErrExists)
		}
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, Action: "user.create", Subject: userSubject(name),
			Detail: map[string]any{"display_name": display}})
	})
	if err != nil {
		return 0, fmt.Errorf("store: create user %s: %w", name, err)
	}
	return id, nil
}

// SetPassword replaces a user's password hash. The audit row says that the
// password changed, nothing more.
func (s *Store) SetPassword(ctx context.Context, username, passwordHash string, actor Actor) error {
	name := lookupName(username)
	if passwordHash == "" {
		return fmt.Errorf("store: set password of %s: no password hash", name)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `UPDATE users SET password_hash = $2 WHERE username = $1`, name, passwordHash)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("user %s: %w", name, ErrNotFound)
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, Action: "user.set-password", Subject: userSubject(name)})
	})
	if err != nil {
		return fmt.Errorf("store: set password of %s: %w", name, err)
	}
	return nil
}

// SetEmail sets the address a user's notices are mailed to, or removes it
// (""). The address is checked by auth.NormalizeEmail; setting the address
// a user already has changes nothing and writes no audit row. Mail
// already queued keeps the address it was queued for.
func (s *Store) SetEmail(ctx context.Context, username, email string, actor Actor) error {
	name := lookupName(username)
	addr, err := auth.NormalizeEmail(email)
	if err != nil {
		return fmt.Errorf("store: set email of %s: %w", name, err)
	}
	err = pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var was string
		err := tx.QueryRow(ctx, `SELECT coalesce(email, '') FROM users WHERE username = $1 FOR UPDATE`, name).Scan(&was)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("user %s: %w", name, ErrNotFound)
		}
		if err != nil || was == addr {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET email = nullif($2, '') WHERE username = $1`, name, addr); err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, Action: "user.set-email", Subject: userSubject(name),
			Detail: map[string]any{"email": addr}})
	})
	if err != nil {
		return fmt.Errorf("store: set email of %s: %w", name, err)
	}
	return nil
}

// SetDisabled disables a user (who can then neither sign in nor use a
// token) or enables them again. Setting the state a user already has
// changes nothing and writes no audit row.
func (s *Store) SetDisabled(ctx context.Context, username string, disabled bool, actor Actor) error {
	name := lookupName(username)
	action := "user.enable"
	if disabled {
		action = "user.disable"
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var was bool
		err := tx.QueryRow(ctx, `SELECT disabled FROM users WHERE username = $1 FOR UPDATE`, name).Scan(&was)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("user %s: %w", name, ErrNotFound)
		}
		if err != nil || was == disabled {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE users SET disabled = $2 WHERE username = $1`, name, disabled); err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: actor, Action: action, Subject: userSubject(name)})
	})
	if err != nil {
		return fmt.Errorf("store: %s %s: %w", action, name, err)
	}
	return nil
}

// GrantRole gives a user a role for a scope. Granting a grant the user
// already holds changes nothing and writes no audit row, so a retry is
// harmless. An invalid grant or an unknown user is an error.
func (s *Store) GrantRole(ctx context.Context, username string, g auth.Grant, actor Actor) error {
	name := lookupName(username)
	if err := g.Validate(); err != nil {
		return fmt.Errorf("store: grant %s: %w", name, err)
	}
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		id, err := userID(ctx, tx, name)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `
			INSERT INTO user_grants (user_id, role, scope_kind, term, province, council)
			VALUES ($1, $2, $3, $4, $5, $6)
			ON CONFLICT DO NOTHING`,
			id, string(g.Role), string(g.Scope.Kind), string(g.Scope.Term), string(g.Scope.Province), string(g.Scope.Council))
		if err != nil || tag.RowsAffected() == 0 {
			return err
		}
		return appendAudit(ctx, tx, grantAudit("user.grant", name, g, actor))
	})
	if err != nil {
		return fmt.Errorf("store: grant %s to %s: %w", g, name, err)
	}
	return nil
}

// RevokeRole takes a grant away from a user. A grant the user does not
// hold is ErrNotFound, so a mistyped scope is never taken for a revocation.
func (s *Store) RevokeRole(ctx context.Context, username string, g auth.Grant, actor Actor) error {
	name := lookupName(username)
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		id, err := userID(ctx, tx, name)
		if err != nil {
			return err
		}
		tag, err := tx.Exec(ctx, `
			DELETE FROM user_grants
			WHERE user_id = $1 AND role = $2 AND scope_kind = $3 AND term = $4 AND province = $5 AND council = $6`,
			id, string(g.Role), string(g.Scope.Kind), string(g.Scope.Term), string(g.Scope.Province), string(g.Scope.Council))
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 {
			return fmt.Errorf("user %s does not hold %s: %w", name, g, ErrNotFound)
		}
		return appendAudit(ctx, tx, grantAudit("user.revoke", name, g, actor))
	})
	if err != nil {
		return fmt.Errorf("store: revoke %s from %s: %w", g, name, err)
	}
	return nil
}

func grantAudit(action, username string, g auth.Grant, actor Actor) AuditEntry {
	e := AuditEntry{Actor: actor, Action: action, Term: g.Scope.Term, Subject: userSubject(username),
		Detail: map[string]any{"role": string(g.Role), "scope": g.Scope.String()}}
	if g.Scope.Kind == auth.ScopeCouncil {
		e.Council = g.Scope.Council
	}
	return e
}

// userID finds a user's ID within tx.
func userID(ctx context.Context, tx pgx.Tx, name string) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM users WHERE username = $1`, name).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, fmt.Errorf("user %s: %w", name, ErrNotFound)
	}
	return id, err
}

const userColumns = `id, username, display_name, password_hash, disabled, created_at, coalesce(email, '')`

// UserByName returns a user with their grants and password hash, disabled
// or not (the caller refuses disabled users). The name is looked up
// lower-cased; an unknown name is ErrNotFound.
func (s *Store) UserByName(ctx context.Context, name string) (UserRecord, error) {
	n := lookupName(name)
	u, err := s.oneUser(ctx, `SELECT `+userColumns+` FROM users WHERE username = $1`, n)
	if err != nil {
		return UserRecord{}, fmt.Errorf("store: user %s: %w", n, err)
	}
	return u, nil
}

// UserByID returns a user with their grants and password hash, disabled or
// not, as a session names them; an unknown ID is ErrNotFound.
func (s *Store) UserByID(ctx context.Context, id int64) (UserRecord, error) {
	u, err := s.oneUser(ctx, `SELECT `+userColumns+` FROM users WHERE id = $1`, id)
	if err != nil {
		return UserRecord{}, fmt.Errorf("store: user #%d: %w", id, err)
	}
	return u, nil
}

func (s *Store) oneUser(ctx context.Context, query string, arg any) (UserRecord, error) {
	rows, err := s.db.Query(ctx, query, arg)
	if err != nil {
		return UserRecord{}, err
	}
	u, err := pgx.CollectExactlyOneRow(rows, scanUser)
	if errors.Is(err, pgx.ErrNoRows) {
		return UserRecord{}, ErrNotFound
	}
	if err != nil {
		return UserRecord{}, err
	}
	grants, err := s.grants(ctx, u.ID)
	if err != nil {
		return UserRecord{}, err
	}
	u.Grants = grants[u.ID]
	return u, nil
}

func scanUser(row pgx.CollectableRow) (UserRecord, error) {
	var u UserRecord
	err := row.Scan(&u.ID, &u.Username, &u.DisplayName, &u.PasswordHash, &u.Disabled, &u.CreatedAt, &u.Email)
	return u, err
}

// grants returns the grants of one user (id > 0) or of every user (id 0),
// by user ID, in a stable order.
func (s *Store) grants(ctx context.Context, id int64) (map[int64][]auth.Grant, error) {
	rows, err := s.db.Query(ctx, `
		SELECT user_id, role, scope_kind, term, province, council FROM user_grants
		WHERE $1 = 0 OR user_id = $1
		ORDER BY user_id, term, array_position(ARRAY['election', 'province', 'council'], scope_kind), province, council, role`, id)
	if err != nil {
		return nil, fmt.Errorf("grants: %w", err)
	}
	out := map[int64][]auth.Grant{}
	var uid int64
	var role, kind, term, province, council string
	_, err = pgx.ForEachRow(rows, []any{&uid, &role, &kind, &term, &province, &council}, func() error {
		out[uid] = append(out[uid], auth.Grant{Role: election.Role(role), Scope: auth.Scope{
			Kind: auth.ScopeKind(kind), Term: election.Term(term),
			Province: election.ProvinceCode(province), Council: election.CouncilCode(council)}})
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("grants: %w", err)
	}
	return out, nil
}

// ListUsers returns every user with their grants, by user name, without
// password hashes.
func (s *Store) ListUsers(ctx context.Context) ([]UserRecord, error) {
	rows, err := s.db.Query(ctx, `SELECT id, username, display_name, '', disabled, created_at, coalesce(email, '') FROM users ORDER BY username`)
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	users, err := pgx.CollectRows(rows, scanUser)
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	grants, err := s.grants(ctx, 0)
	if err != nil {
		return nil, fmt.Errorf("store: list users: %w", err)
	}
	for i := range users {
		users[i].Grants = grants[users[i].ID]
	}
	return users, nil
}

// CreateToken stores the hash of a new API token of a user (auth.NewToken)
// under a name the user chose, and returns its ID. A hash already stored
// is ErrExists. The audit row names the token, never the hash.
func (s *Store) CreateToken(ctx context.Context, userID int64, name string, hash []byte) (int64, error) {
	name = strings.TrimSpace(name)
	if name == "" || len([]rune(name)) > 100 {
		return 0, fmt.Errorf("store: create token: a name of 1 to 100 characters is required")
	}
	var id int64
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var username string
		err := tx.QueryRow(ctx, `SELECT username FROM users WHERE id = $1`, userID).Scan(&username)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("user #%d: %w", userID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		err = tx.QueryRow(ctx, `INSERT INTO api_tokens (user_id, name, token_hash) VALUES ($1, $2, $3) RETURNING id`,
			userID, name, hash).Scan(&id)
		if pgErr := (*pgconn.PgError)(nil); errors.As(err, &pgErr) && pgErr.Code == "23505" {
			return fmt.Errorf("token hash: %w", ErrExists)
		}
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: Actor{Name: username}, Action: "token.create",
			Subject: userSubject(username), Detail: map[string]any{"token_id": id, "name": name}})
	})
	if err != nil {
		return 0, fmt.Errorf("store: create token for user #%d: %w", userID, err)
	}
	return id, nil
}

// RevokeToken revokes one of the user's own tokens. A token of another
// user, or one already revoked, is ErrNotFound.
func (s *Store) RevokeToken(ctx context.Context, userID, tokenID int64) error {
	err := pgx.BeginFunc(ctx, s.db, func(tx pgx.Tx) error {
		var username, name string
		err := tx.QueryRow(ctx, `
			UPDATE api_tokens t SET revoked_at = now()
			FROM users u
			WHERE t.id = $2 AND t.user_id = $1 AND u.id = t.user_id AND t.revoked_at IS NULL
			RETURNING u.username, t.name`, userID, tokenID).Scan(&username, &name)
		if errors.Is(err, pgx.ErrNoRows) {
			return fmt.Errorf("token #%d: %w", tokenID, ErrNotFound)
		}
		if err != nil {
			return err
		}
		return appendAudit(ctx, tx, AuditEntry{Actor: Actor{Name: username}, Action: "token.revoke",
			Subject: userSubject(username), Detail: map[string]any{"token_id": tokenID, "name": name}})
	})
	if err != nil {
		return fmt.Errorf("store: revoke token #%d of user #%d: %w", tokenID, userID, err)
	}
	return nil
}

// UserByToken returns the user who owns the token whose hash is given
// (auth.TokenHash of what the request presented) and notes that the token
// was used. A revoked or unknown token, or one of a disabled user, is
// ErrNotFound.
func (s *Store) UserByToken(ctx context.Context, hash []byte) (auth.User, error) {
	var id int64
	err := s.db.QueryRow(ctx, `
		UPDATE api_tokens t SET last_used_at = now()
		FROM users u
		WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND u.id = t.user_id AND NOT u.disabled
		RETURNING u.id`, hash).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return auth.User{}, fmt.Errorf("store: user by token: %w", ErrNotFound)
	}
	if err != nil {
		return auth.User{}, fmt.Errorf("store: user by token: %w", err)
	}
	u, err := s.UserByID(ctx, id)
	if err != nil {
		return auth.User{}, err
	}
	return u.User, nil
}

// ListTokens returns a user's tokens, revoked ones included, newest first.
func (s *Store) ListTokens(ctx context.Context, userID int64) ([]Token, error) {
	rows, err := s.db.Query(ctx, `
		SELECT id, name, created_at, last_used_at, revoked_at FROM api_tokens
		WHERE user_id = $1 ORDER BY created_at DESC, id DESC`, userID)
	if err != nil {
		return nil, fmt.Errorf("store: tokens of user #%d: %w", userID, err)
	}
	out, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (Token, error) {
		var t Token
		var used, revoked *time.Time
		err := row.Scan(&t.ID, &t.Name, &t.CreatedAt, &used, &revoked)
		if used != nil {
			t.LastUsedAt = *used
		}
		if revoked != nil {
			t.RevokedAt = *revoked
		}
		return t, err
	})
	if err != nil {
		return nil, fmt.Errorf("store: tokens of user #%d: %w", userID, err)
	}
	return out, nil
}
