package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"time"

	"electionflow/election"
	"electionflow/election/retirement"
	"electionflow/internal/config"
	"electionflow/store"
)

// benefitsCommand is "starter benefits": the HR officers' calculator of an
// outgoing cadre's options and amounts.
func benefitsCommand() command {
	return command{
		name:    "benefits",
		summary: "compute an outgoing cadre's options and allowances under a rule set (HR calculator)",
		help: `The benefits calculator (máy tính chế độ) for HR officers: from a birth date,
sex, months of social insurance, monthly salary and the election or
retirement date, it prints each option (early retirement, reassignment,
awaiting retirement) with its amounts, one line per formula, the article each
formula is taken from, and whether the rule set is verified: until an
administrator has verified it (starter ruleset verify), every result needs HR
confirmation.

The rule set is the one in force on --date unless --rule-set names another
that covers the date. It refuses impossible input: a birth date in the
future, negative months, a date outside every rule set.

  starter benefits --birth 15/01/1966 --sex nam --insurance-months 264 \
      --salary 15356250 --date 01/05/2025`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			var form retirement.Form
			fs.StringVar(&form.BirthDate, "birth", "", "date of birth, DD/MM/YYYY or YYYY-MM-DD (required)")
			fs.StringVar(&form.Sex, "sex", "", "nam/male or nữ/female (required)")
			fs.StringVar(&form.InsuranceMonths, "insurance-months", "", "months of compulsory social insurance (required)")
			fs.StringVar(&form.MonthlySalary, "salary", "", "current monthly salary in đồng, e.g. 15356250 or 15.356.250 (required)")
			fs.StringVar(&form.Date, "date", "", "the election day or the retirement date the early months count from (required)")
			fs.StringVar(&form.RuleSet, "rule-set", "", "rule set ID (default: the one in force on --date; see starter ruleset list)")
			fs.BoolVar(&form.CommuneLevel, "commune", false, "a commune-level cadre (cán bộ cấp xã)")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 0 {
					return usageError("benefits takes flags only")
				}
				req, err := retirement.ParseForm(form)
				if err != nil {
					return usageError("%v", err)
				}
				// A date outside the rule set is refused before the
				// database is needed.
				if _, err := retirement.Choose(req.RuleSet, req.Date); err != nil {
					return err
				}
				var calc retirement.Calculation
				if err := withStore(ctx, cfg, func(s *store.Store) error {
					calc, err = s.CalculateBenefits(ctx, req, election.Today(time.Now()))
					return err
				}); err != nil {
					return err
				}
				return printCalculation(e.stdout, req, calc)
			}
		},
	}
}

// printCalculation writes a calculation: the rule set and its state, the
// facts, each option with one line per formula, and the articles cited.
func printCalculation(w io.Writer, req retirement.Request, calc retirement.Calculation) error {
	rs, a := calc.RuleSet, calc.Assessment
	retires, err := retirement.Date(req.Sex, req.BirthDate)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Rule set: %s (%s)\n  %s\n  in force: %s\n", rs.ID, rs.Citation, rs.Name, rs.Period())
	if a.Verified {
		fmt.Fprintf(w, "Verified: yes, by %s against %s\n", a.VerifiedBy, a.VerifiedAgainst)
	} else {
		fmt.Fprintln(w, "Verified: NO: every result below needs HR confirmation (chưa đối chiếu văn bản: cần cán bộ tổ chức xác nhận)")
	}
	fmt.Fprintf(w, "Retirement date: %s; %d whole months left at %s\n", retires.Vietnamese(), a.MonthsLeft, req.Date.Vietnamese())
	articles := map[string]bool{}
	var cited []string
	cite := func(s string) {
		if !articles[s] {
			articles[s] = true
			cited = append(cited, s)
		}
	}
	for _, o := range a.Options {
		state := "not open"
		if o.Eligible {
			state = "open"
		}
		fmt.Fprintf(w, "\n%s (%s): %s\n  %s\n", retirement.OptionName(o.Kind), o.Kind, state, o.Reason)
		for _, al := range o.Allowances {
			fmt.Fprintf(w, "  %s: %s\n    [%s]\n", al.Name, al.Formula, al.Citation)
			cite(al.Citation)
		}
		if len(o.Allowances) > 0 {
			fmt.Fprintf(w, "  Total: %s\n", retirement.FormatDong(o.Total))
		}
	}
	for _, f := range rs.Formulas {
		cite(f.Article)
	}
	fmt.Fprintln(w, "\nArticles cited:")
	for _, c := range cited {
		fmt.Fprintf(w, "  - %s\n", c)
	}
	if len(rs.Disagreements) > 0 {
		fmt.Fprintf(w, "\nThe rule set notes %d points where sources disagree or are unclear: starter ruleset show %s\n", len(rs.Disagreements), rs.ID)
	}
	return nil
}
