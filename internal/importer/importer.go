// Package importer runs a roster import the way an administrator sees it:
// read and check the CSV folder, list every problem or import it in one
// transaction, and print what changed. starter's import and demo commands
// and devstack's demo election all go through it, so the demo exercises the
// same path as a real import.
package importer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"text/tabwriter"

	"electionflow/election"
	"electionflow/roster"
	"electionflow/store"
)

// MaxListedProblems bounds the problems printed; a count says how many more.
const MaxListedProblems = 200

// ErrProblems is returned (wrapped) when the roster has problems; they have
// been printed and nothing was imported.
var ErrProblems = errors.New("roster rejected")

// Check reads and validates the roster folder dir, printing progress and
// every problem (up to MaxListedProblems) to w.
func Check(w io.Writer, dir string) (election.Roster, error) {
	fmt.Fprintf(w, "reading %s ...\n", dir)
	r, err := roster.ReadDir(dir, election.DefaultLevels())
	var problems roster.Errors
	if errors.As(err, &problems) {
		shown := problems
		if len(shown) > MaxListedProblems {
			shown = shown[:MaxListedProblems]
		}
		for _, p := range shown {
			fmt.Fprintln(w, p.Error())
		}
		if len(problems) > len(shown) {
			fmt.Fprintf(w, "... and %d more\n", len(problems)-len(shown))
		}
		return r, fmt.Errorf("%w: %d problem(s) in %s; nothing was imported", ErrProblems, len(problems), dir)
	}
	if err != nil {
		return r, err
	}
	fmt.Fprintf(w, "checked: election %s, %d councils, %d elected persons, %d complaints, %d outgoing cadres\n",
		r.Election.Term, len(r.Councils), len(r.Persons), len(r.Complaints), len(r.Cadres))
	return r, nil
}

// Import checks the folder dir and, when it has no problems, imports it in
// one transaction, printing a table of what changed.
func Import(ctx context.Context, w io.Writer, s *store.Store, dir string, actor store.Actor) (store.ImportReport, error) {
	r, err := Check(w, dir)
	if err != nil {
		return store.ImportReport{}, err
	}
	fmt.Fprintln(w, "importing in one transaction ...")
	report, err := s.ImportRoster(ctx, r, actor)
	if err != nil {
		return report, err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "table\tinserted\tupdated\tunchanged\t")
	for _, t := range report.Tables {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t\n", t.Table, t.Inserted, t.Updated, t.Unchanged)
	}
	if err := tw.Flush(); err != nil {
		return report, err
	}
	if report.Changed() {
		fmt.Fprintf(w, "imported election %s\n", report.Term)
	} else {
		fmt.Fprintln(w, "nothing changed: the database already held this roster")
	}
	return report, nil
}
