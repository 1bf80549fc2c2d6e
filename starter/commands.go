package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"

	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/internal/logging"
	"electionflow/internal/wiring"
	"electionflow/ops"
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
	return []command{
		migrateCommand(), importCommand(), demoCommand(), electionsCommand(), startCommand(),
		tasksCommand(), taskCommand(), completeCommand(), correctCadreCommand(), simulateCommand(),
		progressCommand(), summaryCommand(), certificateCommand(), resolutionCommand(), rehearseCommand(),
		userAddCommand(), userGrantCommand(), userRevokeCommand(), usersCommand(),
		userPasswordCommand(), userDisableCommand(true), userDisableCommand(false), userEmailCommand(), rulesetCommand(), benefitsCommand(),
		notificationsCommand(),
	}
}

// commandGroup is a heading of the top-level help and its commands.
type commandGroup struct {
	title string
	names []string
}

// commandGroups orders the top-level help by who uses which command.
// A command missing here is still listed, under "Other".
func commandGroups() []commandGroup {
	return []commandGroup{
		{"Administrators", []string{"migrate", "import", "demo", "elections", "start", "user-add", "user-grant", "user-revoke", "users", "user-password", "user-disable", "user-enable", "user-email"}},
		{"Administrators: benefit rule sets", []string{"ruleset"}},
		{"Staff", []string{"tasks", "task", "complete", "correct-cadre", "benefits", "simulate", "notifications"}},
		{"Managers", []string{"progress", "summary", "certificate", "resolution"}},
		{"Operators", []string{"rehearse"}},
	}
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
	positional, err := parseInterspersed(fs, args[1:])
	if err != nil {
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
	if err := explainUnavailable(action(ctx, e, cfg, positional)); err != nil {
		fmt.Fprintf(e.stderr, "starter %s: %v\n", c.name, err)
		switch {
		case errors.Is(err, errUsage):
			fmt.Fprintln(e.stderr)
			printCommandHelp(e.stderr, c)
			return 2
		case errors.Is(err, store.ErrUnavailable):
			return exitUnavailable
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

// parseInterspersed parses flags wherever they stand among the arguments
// ("complete <task-id> --role r" as well as "complete --role r <task-id>";
// the flag package alone stops at the first argument) and returns the
// arguments. Everything after "--" is an argument.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		// fs.Parse consumed a "--" if the remaining arguments follow one.
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(positional, rest...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func printHelp(w io.Writer) {
	fmt.Fprint(w, `starter is the electionflow command line: administrators import elections and
start the checklists, staff complete their tasks, managers follow progress.

Usage:
  starter <command> [flags] [arguments]
`)
	listed := map[string]bool{}
	group := func(title string, cs []command) {
		if len(cs) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, c := range cs {
			fmt.Fprintf(w, "  %-12s %s\n", c.name, c.summary)
			listed[c.name] = true
		}
	}
	for _, g := range commandGroups() {
		var cs []command
		for _, name := range g.names {
			if c, ok := findCommand(name); ok {
				cs = append(cs, c)
			}
		}
		group(g.title, cs)
	}
	var other []command
	for _, c := range commands() {
		if !listed[c.name] {
			other = append(other, c)
		}
	}
	group("Other", other)
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

// openElection opens the database and resolves the election a command is
// about (--term, or the only one imported); the caller closes the store.
func openElection(ctx context.Context, cfg config.Config, term string) (*store.Store, election.Term, error) {
	s, err := openStore(ctx, cfg)
	if err != nil {
		return nil, "", err
	}
	t, err := resolveTerm(ctx, s, term)
	if err != nil {
		s.Close()
		return nil, "", err
	}
	return s, t, nil
}

// openStore opens the database of DATABASE_URL, migrated.
func openStore(ctx context.Context, cfg config.Config) (*store.Store, error) {
	url, err := cfg.RequireDatabaseURL()
	if err != nil {
		return nil, err
	}
	return store.OpenMigrated(ctx, url)
}

// withStore opens the store of the configuration, runs fn on it and
// closes it.
func withStore(ctx context.Context, cfg config.Config, fn func(*store.Store) error) error {
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	return fn(s)
}

// dialTemporal connects to the Temporal server of the configuration
// (TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, temporal.toml...). The SDK logs
// only warnings and errors, to stderr, so the command's output stays clean.
func dialTemporal(ctx context.Context, e env, cfg config.Config) (client.Client, error) {
	return wiring.Dial(ctx, cfg, logging.New(e.stderr, zerolog.WarnLevel))
}

// withTemporal dials Temporal for a command that has opened s: ops over
// both, and the function that closes the Temporal client.
func withTemporal(ctx context.Context, e env, cfg config.Config, s *store.Store) (*ops.Ops, func(), error) {
	c, err := dialTemporal(ctx, e, cfg)
	if err != nil {
		return nil, nil, err
	}
	return &ops.Ops{Temporal: c, Store: s, TaskQueue: cfg.TaskQueue}, c.Close, nil
}

// termFlag adds the --term flag shared by the staff and manager commands.
func termFlag(fs *flag.FlagSet) *string {
	return fs.String("term", "", "term of the election, e.g. 2026-2031 (default: the only imported election)")
}

// resolveTerm returns the election a command works on: the --term given,
// which must be imported, or else the only imported election.
func resolveTerm(ctx context.Context, s *store.Store, given string) (election.Term, error) {
	var term election.Term
	if given != "" {
		t, err := election.ParseTerm(given)
		if err != nil {
			return "", usageError("--term: %v", err)
		}
		term = t
	}
	list, err := s.ListElections(ctx)
	if err != nil {
		return "", err
	}
	if len(list) == 0 {
		return "", errors.New("no election imported yet: see starter help import")
	}
	terms := make([]string, len(list))
	for i, el := range list {
		if el.Term == term {
			return term, nil
		}
		terms[i] = string(el.Term)
	}
	switch {
	case term != "":
		return "", fmt.Errorf("election %s is not imported (imported: %s)", term, strings.Join(terms, ", "))
	case len(list) > 1:
		return "", usageError("%d elections are imported: choose one with --term (%s)", len(list), strings.Join(terms, ", "))
	}
	return list[0].Term, nil
}

// officeTime writes a time as Viet Nam's offices read it, or "-" when unset.
func officeTime(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.In(election.OfficeZone()).Format("02/01/2006 15:04")
}

// progressBar draws "label done/total [=====>    ] 37%" on one terminal
// line, redrawn with \r at most every 50 ms (and always at the end).
type progressBar struct {
	w     io.Writer
	label string
	last  time.Time
	drawn bool
}

const progressBarWidth = 30

// update redraws the bar; a single item draws nothing.
func (p *progressBar) update(done, total int) {
	if total <= 1 {
		return
	}
	now := time.Now()
	if done < total && p.drawn && now.Sub(p.last) < 50*time.Millisecond {
		return
	}
	p.last, p.drawn = now, true
	filled := progressBarWidth * done / total
	bar := strings.Repeat("=", filled)
	if filled < progressBarWidth {
		bar += ">" + strings.Repeat(" ", progressBarWidth-filled-1)
	}
	fmt.Fprintf(p.w, "\r%s %d/%d [%s] %3d%%", p.label, done, total, bar, 100*done/total)
}

// finish ends the bar's line, if one was drawn.
func (p *progressBar) finish() {
	if p.drawn {
		fmt.Fprintln(p.w)
	}
}
