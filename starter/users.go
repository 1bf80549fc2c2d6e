package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

func userAddCommand() command {
	return command{
		name:    "user-add",
		args:    "<username>",
		summary: "create a user who signs in to the web (then grant roles)",
		help: `Creates a user (người dùng) with no roles; give them roles with user-grant.
The user name is stored lower-cased: 2 to 64 ASCII letters, digits, '.', '_',
'@' or '-'. A name already taken is refused.

Without --password-stdin a strong random password is generated and printed
once: hand it to the user in person. With --password-stdin the first line of
standard input is the password, at least 10 characters, e.g.

  printf '%s\n' "$PASSWORD" | starter user-add lan --name "Nguyễn Thị Lan" --password-stdin

--email gives the address where their notices are mailed (see user-email).

Only an argon2id hash of the password is stored; the audit log records who
created the user, never the password.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			display := fs.String("name", "", `the user's full name (họ tên), e.g. "Nguyễn Thị Lan", required`)
			fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input instead of generating one")
			email := fs.String("email", "", "the address where the user's notices are mailed (optional)")
			actor := fs.String("actor", defaultActor(), "who creates the user, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("user-add takes one user name")
				}
				address, err := emailFlag(*email)
				if err != nil {
					return usageError("--email: %v", err)
				}
				username, err := auth.NormalizeUsername(args[0])
				if err != nil {
					return usageError("%v", err)
				}
				if strings.TrimSpace(*display) == "" {
					return usageError("--name is required")
				}
				name, err := auth.NormalizeDisplayName(*display)
				if err != nil {
					return usageError("--name: %v", err)
				}
				password, hash, err := choosePassword(*fromStdin)
				if err != nil {
					return err
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				err = s.InTx(ctx, func(tx *store.Store) error {
					if _, err := tx.CreateUser(ctx, username, name, hash, adminActor(*actor)); err != nil {
						return err
					}
					if address == "" {
						return nil
					}
					return tx.SetEmail(ctx, username, address, adminActor(*actor))
				})
				if errors.Is(err, store.ErrExists) {
					return fmt.Errorf("user name %s is already taken", username)
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "created user %s (%s) with no roles; grant some with: starter user-grant %s --role R --scope S\n",
					username, name, username)
				if !*fromStdin {
					fmt.Fprintf(e.stdout, "password (shown once, hand it over in person): %s\n", password)
				}
				return nil
			}
		},
	}
}

// choosePassword reads the password from the first line of standard input
// (fromStdin) or generates a strong one, and returns it with its hash.
func choosePassword(fromStdin bool) (password, hash string, err error) {
	if fromStdin {
		password, err = readPassword(os.Stdin)
	} else {
		password, err = auth.NewPassword()
	}
	if err != nil {
		return "", "", err
	}
	hash, err = auth.HashPassword(password)
	return password, hash, err
}

// readPassword reads a password from the first line of r and checks it
// against the policy.
func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("read the password from standard input: %w", err)
	}
	pw := strings.TrimRight(line, "\r\n")
	if pw == "" {
		return "", errors.New("--password-stdin: standard input is empty")
	}
	if err := auth.ValidatePassword(pw); err != nil {
		return "", fmt.Errorf("--password-stdin: %w", err)
	}
	return pw, nil
}

// grantFlags adds --role and --scope, shared by user-grant and user-revoke,
// and returns the function that reads them into a grant.
func grantFlags(fs *flag.FlagSet) func() (auth.Grant, error) {
	roles := make([]string, 0, len(election.Roles()))
	for _, r := range election.Roles() {
		roles = append(roles, string(r))
	}
	role := fs.String("role", "", "the role, required: "+strings.Join(roles, ", "))
	scope := fs.String("scope", "", "where the role is held, required: election:2026-2031, province:2026-2031:01 or council:2026-2031:00004")
	return func() (auth.Grant, error) {
		if *role == "" || *scope == "" {
			return auth.Grant{}, usageError("--role and --scope are required")
		}
		r, err := election.ParseRole(*role)
		if err != nil {
			return auth.Grant{}, usageError("--role: %v", err)
		}
		sc, err := auth.ParseScope(*scope)
		if err != nil {
			return auth.Grant{}, usageError("--scope: %v", err)
		}
		return auth.Grant{Role: r, Scope: sc}, nil
	}
}

const scopeHelp = `Roles: administrator (quản trị), election-committee (thành viên Ủy ban bầu cử),
council-office (Văn phòng HĐND), hr-officer (tổ chức – nhân sự),
emulation-board (Ban Thi đua – Khen thưởng), approving-official (người phê
duyệt), manager (lãnh đạo theo dõi, read-only).

Scopes: election:<term> (the whole election), province:<term>:<province code>
(the province and every council in it), council:<term>:<council code> (one
council). A staff role held for a province or the whole election makes its
holder a supervisor, who may assign that role's tasks to colleagues.`

func userGrantCommand() command {
	return command{
		name:    "user-grant",
		args:    "<username>",
		summary: "give a user a role for a scope",
		help: `Gives a user a role (vai trò) for a scope (phạm vi). Granting a role the
user already holds changes nothing. The grant is written to the audit log.
A term, province or council not imported yet is accepted with a warning: the
grant covers nothing until it is.

` + scopeHelp,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			grant := grantFlags(fs)
			actor := fs.String("actor", defaultActor(), "who grants the role, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				s, u, g, err := openGrantee(ctx, cfg, "user-grant", args, grant, ": create it with starter user-add")
				if err != nil {
					return err
				}
				defer s.Close()
				for _, have := range u.Grants {
					if have == g {
						fmt.Fprintf(e.stdout, "%s already holds %s %s: nothing changed\n", u.Username, g.Role, g.Scope)
						return nil
					}
				}
				if err := warnUnknownScope(ctx, e, s, g.Scope); err != nil {
					return err
				}
				if err := s.GrantRole(ctx, u.Username, g, adminActor(*actor)); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "granted %s %s to %s\n", g.Role, g.Scope, u.Username)
				return nil
			}
		},
	}
}

// openGrantee reads the arguments user-grant and user-revoke share (one
// user name, and the role and scope from grant), opens the store and finds
// the user; hint follows "no user <name>" when there is none. The caller
// closes the store.
func openGrantee(ctx context.Context, cfg config.Config, command string, args []string, grant func() (auth.Grant, error), hint string) (*store.Store, store.UserRecord, auth.Grant, error) {
	if len(args) != 1 {
		return nil, store.UserRecord{}, auth.Grant{}, usageError("%s takes one user name", command)
	}
	g, err := grant()
	if err != nil {
		return nil, store.UserRecord{}, g, err
	}
	s, err := openStore(ctx, cfg)
	if err != nil {
		return nil, store.UserRecord{}, g, err
	}
	u, err := s.UserByName(ctx, args[0])
	if errors.Is(err, store.ErrNotFound) {
		err = fmt.Errorf("no user %s%s", strings.ToLower(args[0]), hint)
	}
	if err != nil {
		s.Close()
		return nil, u, g, err
	}
	return s, u, g, nil
}

// warnUnknownScope prints a warning when the scope's election or council
// is not imported; a province is not checked beyond its election.
func warnUnknownScope(ctx context.Context, e env, s *store.Store, sc auth.Scope) error {
	list, err := s.ListElections(ctx)
	if err != nil {
		return err
	}
	known := false
	for _, el := range list {
		known = known || el.Term == sc.Term
	}
	if !known {
		fmt.Fprintf(e.stderr, "warning: election %s is not imported yet; the grant covers nothing until it is\n", sc.Term)
		return nil
	}
	if sc.Kind == auth.ScopeCouncil {
		_, _, err := s.Council(ctx, sc.Term, sc.Council)
		if errors.Is(err, store.ErrNotFound) {
			fmt.Fprintf(e.stderr, "warning: election %s has no council %s; the grant covers nothing until it does\n", sc.Term, sc.Council)
			return nil
		}
		return err
	}
	return nil
}

func userRevokeCommand() command {
	return command{
		name:    "user-revoke",
		args:    "<username>",
		summary: "take a role for a scope away from a user",
		help: `Takes away a role the user holds for a scope, exactly as granted (see
"starter users"). A role the user does not hold for that scope is an error,
so a mistyped scope is never mistaken for a revocation. The revocation is
written to the audit log; it applies to the user's next request.

` + scopeHelp,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			grant := grantFlags(fs)
			actor := fs.String("actor", defaultActor(), "who revokes the role, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				s, u, g, err := openGrantee(ctx, cfg, "user-revoke", args, grant, "")
				if err != nil {
					return err
				}
				defer s.Close()
				err = s.RevokeRole(ctx, u.Username, g, adminActor(*actor))
				if errors.Is(err, store.ErrNotFound) {
					held := make([]string, 0, len(u.Grants))
					for _, h := range u.Grants {
						held = append(held, string(h.Role)+" "+h.Scope.String())
					}
					if len(held) == 0 {
						held = append(held, "none")
					}
					return fmt.Errorf("%s does not hold %s %s (holds: %s)", u.Username, g.Role, g.Scope, strings.Join(held, "; "))
				}
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "revoked %s %s from %s\n", g.Role, g.Scope, u.Username)
				return nil
			}
		},
	}
}

func usersCommand() command {
	return command{
		name:    "users",
		summary: "list the users and their roles",
		help:    `Lists every user by user name, with their full name, whether they are disabled, and each role they hold with its scope.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("users takes no arguments")
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				list, err := s.ListUsers(ctx)
				if err != nil {
					return err
				}
				if len(list) == 0 {
					fmt.Fprintln(e.stdout, "no users yet: see starter help user-add")
					return nil
				}
				tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintln(tw, "username\tname\tstate\temail\trole\tscope")
				for _, u := range list {
					state := "active"
					if u.Disabled {
						state = "disabled"
					}
					email := cmp.Or(u.Email, "-")
					if len(u.Grants) == 0 {
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t-\t-\n", u.Username, u.DisplayName, state, email)
					}
					for i, g := range u.Grants {
						if i == 0 {
							fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", u.Username, u.DisplayName, state, email, g.Role, g.Scope)
						} else {
							fmt.Fprintf(tw, "\t\t\t\t%s\t%s\n", g.Role, g.Scope)
						}
					}
				}
				return tw.Flush()
			}
		},
	}
}
