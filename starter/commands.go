package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

// env is what a command may touch of the outside world, so tests can run
// commands with their own output and environment.
type env struct {
	stdout, stderr io.Writer
	lookup         config.Lookup
}

// command is one subcommand of starter.
type command struct {
	name    string
	args    string // synopsis of the arguments, for help
	summary string
	help    string // what it does, in full
	flags   func(fs *flag.FlagSet) func(ctx context.Context, e env, cfg config.Config, args []string) error
}

// errUsage marks errors caused by how the command was called; run prints
// the command's help after them.
var errUsage = errors.New("usage")

func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

func commands() []command {
	return []command{migrateCommand(), importCommand(), demoCommand(), electionsCommand()}
}

// run executes starter with args and returns the process exit code:
// 0 success, 1 failure, 2 bad usage.
func run(ctx context.Context, args []string, e env) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c, ok := findCommand(args[1]); ok {
				printCommandHelp(e.stdout, c)
				return 0
			}
		}
		printHelp(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	c, ok := findCommand(args[0])
	if !ok {
		fmt.Fprintf(e.stderr, "starter: unknown command %q\n\n", args[0])
		printHelp(e.stderr)
		return 2
	}
	fs := flag.NewFlagSet("starter "+c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	action := c.flags(fs)
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printCommandHelp(e.stdout, c)
			return 0
		}
		fmt.Fprintf(e.stderr, "starter %s: %v\n\n", c.name, err)
		printCommandHelp(e.stderr, c)
		return 2
	}
	cfg, err := config.FromEnv(e.lookup)
	if err != nil {
		fmt.Fprintf(e.stderr, "starter: %v\n", err)
		return 2
	}
	if err := action(ctx, e, cfg, fs.Args()); err != nil {
		fmt.Fprintf(e.stderr, "starter %s: %v\n", c.name, err)
		if errors.Is(err, errUsage) {
			fmt.Fprintln(e.stderr)
			printCommandHelp(e.stderr, c)
			return 2
		}
		return 1
	}
	return 0
}

func findCommand(name string) (command, bool) {
	for _, c := range commands() {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `starter is the electionflow command line for election administrators.

Usage:
  starter <command> [flags] [arguments]

Commands:
`)
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, `
Run "starter help <command>" for a command's flags.

Environment:
  %-24s Postgres connection string (required by every command that reads or writes data)
  %-24s Temporal frontend host:port (default localhost:7233); also TEMPORAL_NAMESPACE,
  %-24s TEMPORAL_API_KEY, TEMPORAL_TLS_* and temporal.toml profiles (TEMPORAL_PROFILE)
  %-24s task queue of the electionflow workers (default %s)
  %-24s trace, debug, info, warn or error (default info)
`, config.EnvDatabaseURL, "TEMPORAL_ADDRESS", "", config.EnvTaskQueue, config.DefaultTaskQueue, config.EnvLogLevel)
}

func printCommandHelp(w io.Writer, c command) {
	fmt.Fprintf(w, "Usage: %s\n\n%s\n", strings.TrimSpace("starter "+c.name+" [flags] "+c.args), strings.TrimSpace(c.help))
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	c.flags(fs)
	has := false
	fs.VisitAll(func(*flag.Flag) { has = true })
	if has {
		fmt.Fprintln(w, "\nFlags:")
		fs.SetOutput(w)
		fs.PrintDefaults()
	}
}

// defaultActor names the person running the command for the audit log.
func defaultActor() string {
	if u := os.Getenv("USER"); u != "" {
		return u
	}
	return "unknown"
}

// hostSource says where a command ran from, for the audit log.
func hostSource() string {
	h, err := os.Hostname()
	if err != nil {
		return "starter"
	}
	return "starter@" + h
}

// adminActor is the audit identity of an administrator at this host.
func adminActor(name string) store.Actor {
	return store.Actor{Name: name, Role: election.RoleAdministrator, Source: hostSource()}
}

// openStore opens the database of DATABASE_URL, migrated.
func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	url, err := cfg.RequireDatabaseURL()
	if err != nil {
		return nil, err
	}
	return store.OpenMigrated(ctx, url)
}
