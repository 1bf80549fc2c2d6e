package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"electionflow/election"
	"electionflow/election/retirement"
	"electionflow/internal/config"
	"electionflow/store"
)

// rulesetCommand is "starter ruleset": list the benefit rule sets, show one
// with its formulas and sources, and record or revoke a person's
// verification of one against the official text.
func rulesetCommand() command {
	return command{
		name:    "ruleset",
		args:    "list | show <id> | verify <id> --by <user> --source <text> | revoke <id> --by <user> --reason <why>",
		summary: "benefit rule sets of outgoing cadres: list, show, verify against the official text, revoke",
		help: `Benefit rule sets (bộ quy tắc chế độ) of outgoing cadres are data: each has
its effective period, who it covers, its formulas with the article each is
taken from, the sources consulted and where they disagree.

  ruleset list                 every rule set, its period and whether it is verified
  ruleset show <id>            one rule set in full, with its verification history
  ruleset verify <id> --by <user> --source "<gazette reference>"
                               record that <user>, an administrator, checked the rule
                               set against the official text; from then on results
                               under it no longer need HR confirmation
  ruleset revoke <id> --by <user> --reason "<why>"
                               withdraw the verification: results need HR
                               confirmation again

Every rule set starts unverified. Verifying and revoking are written to the
audit log; an assessment records the verification in effect when it was made
(starter task shows it).`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			by := fs.String("by", "", "verify, revoke: the administrator (user name) who checked the official text")
			source := fs.String("source", "", "verify: the official text checked against, e.g. \"Công báo số 443+444 ngày 20/03/2025\"")
			reason := fs.String("reason", "", "revoke: why the verification is withdrawn")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) == 0 {
					return usageError("ruleset needs list, show, verify or revoke")
				}
				sub, rest := args[0], args[1:]
				if sub == "list" {
					if len(rest) != 0 {
						return usageError("ruleset list takes no arguments")
					}
					return listRuleSets(ctx, e.stdout, cfg)
				}
				if sub != "show" && sub != "verify" && sub != "revoke" {
					return usageError("unknown ruleset command %q: want list, show, verify or revoke", sub)
				}
				if len(rest) != 1 {
					return usageError("ruleset %s takes one rule set ID (see starter ruleset list)", sub)
				}
				rs, err := retirement.Find(retirement.RuleSetID(rest[0]))
				if err != nil {
					return usageError("%v (see starter ruleset list)", err)
				}
				switch sub {
				case "show":
					return showRuleSet(ctx, e.stdout, cfg, rs)
				case "verify":
					return recordVerification(ctx, e.stdout, cfg, retirement.Verification{RuleSet: rs.ID, Verified: true, By: *by, Source: *source})
				default:
					return recordVerification(ctx, e.stdout, cfg, retirement.Verification{RuleSet: rs.ID, By: *by, Source: *reason})
				}
			}
		},
	}
}

// listRuleSets prints every rule set with its period and verification.
func listRuleSets(ctx context.Context, w io.Writer, cfg config.Config) error {
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	for _, rs := range retirement.RuleSets() {
		v, err := s.Verification(ctx, rs.ID)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "%-26s %-26s %s\n  %s\n", rs.ID, rs.Period(), verificationState(v), rs.Name)
	}
	return nil
}

// showRuleSet prints one rule set in full and its verification history.
func showRuleSet(ctx context.Context, w io.Writer, cfg config.Config, rs retirement.RuleSet) error {
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	v, err := s.Verification(ctx, rs.ID)
	if err != nil {
		return err
	}
	trail, err := s.RuleSetAudit(ctx, rs.ID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s: %s\nCitation: %s\nIn force: %s\nCovers: %s\nVerified: %s\n\nFormulas:\n",
		rs.ID, rs.Name, rs.Citation, rs.Period(), rs.Covers, verificationState(v))
	for _, f := range rs.Formulas {
		fmt.Fprintf(w, "  %-17s %s\n  %-17s [%s]\n", f.Key, f.Text, "", f.Article)
	}
	fmt.Fprintln(w, "\nSources:")
	for _, src := range rs.Sources {
		fmt.Fprintf(w, "  - %s\n    %s\n    %s\n", src.Title, src.Address, src.Note)
	}
	fmt.Fprintln(w, "\nWhere sources disagree or are unclear:")
	for _, d := range rs.Disagreements {
		fmt.Fprintf(w, "  - %s\n", d)
	}
	fmt.Fprintln(w, "\nVerification history:")
	if len(trail) == 0 {
		fmt.Fprintln(w, "  none: nobody has verified this rule set")
	}
	for _, a := range trail {
		fmt.Fprintf(w, "  %s  %-15s by %s  %s\n", officeTime(a.At), a.Action, a.Actor, a.Detail)
	}
	return nil
}

// recordVerification records v after checking that v.By is an active
// administrator.
func recordVerification(ctx context.Context, w io.Writer, cfg config.Config, v retirement.Verification) error {
	if strings.TrimSpace(v.By) == "" {
		return usageError("--by is required: the administrator who checked the official text")
	}
	if v.Verified && strings.TrimSpace(v.Source) == "" {
		return usageError("--source is required: the official text checked against (gazette number, page)")
	}
	if !v.Verified && strings.TrimSpace(v.Source) == "" {
		return usageError("--reason is required: why the verification is withdrawn")
	}
	s, err := openStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	u, err := s.UserByName(ctx, v.By)
	if err != nil {
		return noSuchUser(v.By, err)
	}
	if u.Disabled || !u.HasRole(election.RoleAdministrator) {
		return fmt.Errorf("%s may not verify rule sets: it takes an active administrator", u.Username)
	}
	v.By = u.Username
	rec, err := s.RecordVerification(ctx, v, adminActor(u.Username))
	if errors.Is(err, store.ErrNotVerified) {
		return fmt.Errorf("rule set %s is not verified: nothing to revoke", v.RuleSet)
	}
	if err != nil {
		return err
	}
	if rec.Verified {
		fmt.Fprintf(w, "verified %s by %s against %s: results under it no longer need HR confirmation\n", rec.RuleSet, rec.By, rec.Source)
	} else {
		fmt.Fprintf(w, "revoked the verification of %s by %s (%s): results under it need HR confirmation again\n", rec.RuleSet, rec.By, rec.Source)
	}
	return nil
}

// verificationState says in one phrase whether a rule set is verified.
func verificationState(v retirement.Verification) string {
	if !v.Verified {
		return "unverified: results need HR confirmation"
	}
	return fmt.Sprintf("verified by %s on %s against %s", v.By, v.At.In(election.OfficeZone()).Format("02/01/2006"), v.Source)
}
