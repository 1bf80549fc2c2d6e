package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"electionflow/auth"
	"electionflow/internal/config"
	"electionflow/store"
)

func userPasswordCommand() command {
	return command{
		name:    "user-password",
		args:    "<username>",
		summary: "set a new password for a user who forgot theirs",
		help: `Replaces a user's password (đặt lại mật khẩu). As with user-add, without
--password-stdin a strong random password is generated and printed once: hand
it to the user in person; with --password-stdin the first line of standard
input is the new password, at least 10 characters.

The audit log records who changed the password, never the password.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			fromStdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input instead of generating one")
			actor := fs.String("actor", defaultActor(), "who changes the password, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				username, err := oneUsername("user-password", args)
				if err != nil {
					return err
				}
				password, hash, err := choosePassword(*fromStdin)
				if err != nil {
					return err
				}
				if err := withStore(ctx, cfg, func(s *store.Store) error {
					return s.SetPassword(ctx, username, hash, adminActor(*actor))
				}); err != nil {
					return noSuchUser(username, err)
				}
				fmt.Fprintf(e.stdout, "set a new password for %s\n", username)
				if !*fromStdin {
					fmt.Fprintf(e.stdout, "password (shown once, hand it over in person): %s\n", password)
				}
				return nil
			}
		},
	}
}

// userDisableCommand is user-disable, or user-enable with disable false.
func userDisableCommand(disable bool) command {
	name, verb, summary := "user-disable", "disabled", "stop a user signing in or using API tokens"
	help := `Disables a user (khóa tài khoản): they can no longer sign in, their open
web sessions and API tokens stop working, and their roles are kept, so
user-enable gives everything back. Disabling a disabled user changes nothing.`
	if !disable {
		name, verb, summary = "user-enable", "enabled", "let a disabled user sign in again"
		help = `Enables a disabled user again (mở khóa tài khoản), with the roles they held.
Enabling an active user changes nothing.`
	}
	return command{
		name:    name,
		args:    "<username>",
		summary: summary,
		help:    help + "\n\nThe audit log records who did it.",
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			actor := fs.String("actor", defaultActor(), "who does it, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				username, err := oneUsername(name, args)
				if err != nil {
					return err
				}
				if err := withStore(ctx, cfg, func(s *store.Store) error {
					return s.SetDisabled(ctx, username, disable, adminActor(*actor))
				}); err != nil {
					return noSuchUser(username, err)
				}
				fmt.Fprintf(e.stdout, "%s %s\n", verb, username)
				return nil
			}
		},
	}
}

// oneUsername checks that a command got exactly one valid user name.
func oneUsername(command string, args []string) (string, error) {
	if len(args) != 1 {
		return "", usageError("%s takes one user name", command)
	}
	username, err := auth.NormalizeUsername(args[0])
	if err != nil {
		return "", usageError("%v", err)
	}
	return username, nil
}

// noSuchUser says plainly that a user does not exist.
func noSuchUser(username string, err error) error {
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no user %s: see starter users", username)
	}
	return err
}

func userEmailCommand() command {
	return command{
		name:    "user-email",
		args:    "<username> <address|->",
		summary: "set the address a user's notices are mailed to (- removes it)",
		help: `Sets the email address (thư điện tử) where a user's reminders, escalations
and missed deadlines are mailed, when the worker has mail configured
(SMTP_URL, MAIL_FROM); "-" removes it, and the user then sees notices in the
web app only. Users can also set it themselves on the web's account page.
Mail already queued keeps the address it was queued for.

  starter user-email lan lan@example.vn

The audit log records who changed it.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			actor := fs.String("actor", defaultActor(), "who changes the address, for the audit log")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 2 {
					return usageError("user-email takes a user name and an address (or - to remove it)")
				}
				username, err := oneUsername("user-email", args[:1])
				if err != nil {
					return err
				}
				address, err := emailFlag(args[1])
				if err != nil {
					return err
				}
				if err := withStore(ctx, cfg, func(s *store.Store) error {
					return s.SetEmail(ctx, username, address, adminActor(*actor))
				}); err != nil {
					return noSuchUser(username, err)
				}
				if address == "" {
					fmt.Fprintf(e.stdout, "%s has no email address now: notices show in the web app only\n", username)
				} else {
					fmt.Fprintf(e.stdout, "%s's notices are mailed to %s\n", username, address)
				}
				return nil
			}
		},
	}
}

// emailFlag checks an email address given on the command line; "-" and ""
// mean none.
func emailFlag(s string) (string, error) {
	if s == "-" {
		return "", nil
	}
	address, err := auth.NormalizeEmail(s)
	if err != nil {
		return "", usageError("%v", err)
	}
	return address, nil
}
