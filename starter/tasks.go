package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

// taskKinds lists the task kinds starter knows how to show and complete.
func taskKinds() []election.TaskKind { return election.TaskKinds() }

func parseTaskKind(s string) (election.TaskKind, error) {
	names := make([]string, 0, len(taskKinds()))
	for _, k := range taskKinds() {
		if string(k) == s {
			return k, nil
		}
		names = append(names, string(k))
	}
	return "", fmt.Errorf("unknown task kind %q (want one of %s)", s, strings.Join(names, ", "))
}

func parseTaskState(s string) (election.TaskState, error) {
	for _, st := range []election.TaskState{election.TaskOpen, election.TaskDone, election.TaskCancelled} {
		if string(st) == s {
			return st, nil
		}
	}
	return "", fmt.Errorf("unknown task state %q (want open, done or cancelled)", s)
}

func roleNames() string {
	names := make([]string, 0, len(election.Roles()))
	for _, r := range election.Roles() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}

// taskStatus is the STATUS column of a task: its state, or OVERDUE for an
// open task escalated past its due time.
func taskStatus(t store.InboxTask) string {
	if t.State == election.TaskOpen && t.Overdue {
		return "OVERDUE"
	}
	return string(t.State)
}

func tasksCommand() command {
	return command{
		name:    "tasks",
		summary: "list tasks of the inbox: open ones by default, soonest due first",
		help: `Lists the human tasks of the checklists from the inbox in Postgres, soonest
due first: task ID, kind, council, the role that may complete it, its due
time (Viet Nam time), OVERDUE when it was escalated past its due time, and
its subject. Filters combine. Tasks appear as the checklists open them, a
moment after the step before them is done.

Show one task in full with "starter task <task-id>" and complete it with
"starter complete <task-id> ...".`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(fs)
			role := fs.String("role", "", "only tasks for this role ("+roleNames()+")")
			council := fs.String("council", "", "only tasks of this council code")
			province := fs.String("province", "", "only tasks of councils of this province code")
			kind := fs.String("kind", "", "only tasks of this kind (review-complaint, adopt-credential-resolution, hand-over-certificates)")
			overdue := fs.Bool("overdue", false, "only overdue tasks")
			state := fs.String("state", "open", "only tasks in this state: open, done or cancelled")
			limit := fs.Int("limit", 100, "show at most this many tasks")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("tasks takes no arguments (see starter task <task-id> for one task)")
				}
				f := store.TaskFilter{OverdueOnly: *overdue, Limit: *limit}
				var err error
				if *role != "" {
					if f.Role, err = election.ParseRole(*role); err != nil {
						return usageError("--role: %v", err)
					}
				}
				if *council != "" {
					if f.Council, err = election.ParseCouncilCode(*council); err != nil {
						return usageError("--council: %v", err)
					}
				}
				if *province != "" {
					if f.Province, err = election.ParseProvinceCode(*province); err != nil {
						return usageError("--province: %v", err)
					}
				}
				if *kind != "" {
					if f.Kind, err = parseTaskKind(*kind); err != nil {
						return usageError("--kind: %v", err)
					}
				}
				if f.State, err = parseTaskState(*state); err != nil {
					return usageError("--state: %v", err)
				}
				if *limit <= 0 {
					return usageError("--limit %d: want a positive number", *limit)
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				if f.Term, err = resolveTerm(ctx, s, *term); err != nil {
					return err
				}
				list, err := s.ListTasks(ctx, f)
				if err != nil {
					return err
				}
				overdueCount := 0
				if len(list) > 0 {
					tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
					closed := f.State != election.TaskOpen
					header := "TASK\tKIND\tCOUNCIL\tROLE\tDUE\tSTATUS"
					if closed {
						header += "\tCLOSED\tBY"
					}
					fmt.Fprintln(tw, header+"\tSUBJECT")
					for _, t := range list {
						if t.Overdue && t.State == election.TaskOpen {
							overdueCount++
						}
						fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t", t.ID, t.Kind, t.Council, t.Role, officeTime(t.Due), taskStatus(t))
						if closed {
							fmt.Fprintf(tw, "%s\t%s\t", officeTime(t.ClosedAt), t.ClosedBy)
						}
						fmt.Fprintln(tw, t.Subject)
					}
					if err := tw.Flush(); err != nil {
						return err
					}
				}
				line := fmt.Sprintf("%d %s task(s)", len(list), f.State)
				if f.State == election.TaskOpen {
					line += fmt.Sprintf(", %d overdue", overdueCount)
				}
				if len(list) == f.Limit {
					line += fmt.Sprintf(" (the first %d: raise --limit to see more)", f.Limit)
				}
				fmt.Fprintln(e.stdout, line)
				return nil
			}
		},
	}
}

func taskCommand() command {
	return command{
		name:    "task",
		args:    "<task-id>",
		summary: "show one task: what it is about, its audit trail and how to complete it",
		help: `Shows one task of the inbox, open or closed, with what it is about: the
complaint under review, the draft credential resolution (every person,
confirmed or not, with the reason), or the number of certificates to hand
over; then its audit trail, and for an open task an example of the
"starter complete" command that completes it.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("task takes one task ID")
				}
				id, err := election.ParseTaskID(args[0])
				if err != nil {
					return usageError("%v", err)
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				t, err := findTask(ctx, s, id)
				if err != nil {
					return err
				}
				return showTask(ctx, e.stdout, s, t)
			}
		},
	}
}

// findTask reads a task of the inbox, with an error that says what to do
// when there is none.
func findTask(ctx context.Context, s *store.Store, id election.TaskID) (store.InboxTask, error) {
	t, err := s.Task(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return t, fmt.Errorf("task %s is not in the inbox (list the tasks with: starter tasks)", id)
	}
	return t, err
}

// taskSubjectID is the last part of a task ID, after its kind: the
// complaint of a review task, for instance.
func taskSubjectID(t store.InboxTask) string {
	prefix := string(election.NewTaskID(t.Term, t.Council, t.Kind, ""))
	if rest, ok := strings.CutPrefix(string(t.ID), prefix); ok {
		return rest
	}
	return string(t.ID[strings.LastIndex(string(t.ID), "/")+1:])
}

func showTask(ctx context.Context, w io.Writer, s *store.Store, t store.InboxTask) error {
	tw := tabwriter.NewWriter(w, 0, 0, 1, ' ', 0)
	row := func(k, v string) { fmt.Fprintf(tw, "%s:\t%s\n", k, v) }
	row("Task", string(t.ID))
	row("Kind", string(t.Kind))
	row("Subject", t.Subject)
	row("Term", string(t.Term))
	council := string(t.Council) + " " + t.CouncilName
	if t.Province != "" {
		council += " (province " + string(t.Province) + ")"
	}
	row("Council", council)
	row("Role", string(t.Role))
	row("State", taskStatus(t))
	row("Due", officeTime(t.Due))
	row("Opened", officeTime(t.CreatedAt))
	if t.State != election.TaskOpen {
		row("Closed", officeTime(t.ClosedAt)+" by "+t.ClosedBy)
	}
	if len(t.Outcome) > 0 {
		row("Outcome", compactJSON(t.Outcome))
	}
	row("Workflow", t.WorkflowID)
	if err := tw.Flush(); err != nil {
		return err
	}

	fmt.Fprintln(w)
	if err := showTaskSubject(ctx, w, s, t); err != nil {
		return err
	}

	trail, err := s.AuditTrail(ctx, string(t.ID))
	if err != nil {
		return err
	}
	fmt.Fprintln(w, "\nAudit trail:")
	if len(trail) == 0 {
		fmt.Fprintln(w, "  no entries yet")
	} else {
		tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		for _, a := range trail {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", officeTime(a.At), a.Action, a.Actor, a.Role, a.Source, compactJSON(a.Detail))
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}

	if t.State == election.TaskOpen {
		if example := completeExample(t); example != "" {
			fmt.Fprintf(w, "\nComplete it with, for example:\n  %s\n", example)
		}
	}
	return nil
}

// showTaskSubject prints what a task is about, from Postgres.
func showTaskSubject(ctx context.Context, w io.Writer, s *store.Store, t store.InboxTask) error {
	switch t.Kind {
	case election.KindReviewComplaint:
		c, err := s.Complaint(ctx, t.Term, t.Council, election.ComplaintID(taskSubjectID(t)))
		if errors.Is(err, store.ErrNotFound) {
			fmt.Fprintf(w, "Complaint %s is not in the roster any more.\n", taskSubjectID(t))
			return nil
		}
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "Complaint %s (%s) against elected person %s, received %s:\n  %s\n",
			c.ID, c.Kind, c.Person, c.ReceivedOn.Vietnamese(), c.Summary)
	case election.KindAdoptResolution:
		ds, err := s.CredentialDecisions(ctx, t.Term, t.Council)
		if err != nil {
			return err
		}
		confirmed := 0
		for _, d := range ds {
			if d.Confirmed {
				confirmed++
			}
		}
		fmt.Fprintf(w, "Draft credential resolution: %d persons, %d confirmed, %d not confirmed\n", len(ds), confirmed, len(ds)-confirmed)
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  PERSON\tCONFIRMED\tREASON")
		for _, d := range ds {
			yes := "yes"
			if !d.Confirmed {
				yes = "NO"
			}
			fmt.Fprintf(tw, "  %s\t%s\t%s\n", d.Person, yes, d.Reason)
		}
		return tw.Flush()
	case election.KindHandOverCertificates:
		n, err := s.CountCertificates(ctx, t.Term, t.Council)
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "Certificates issued to hand over: %d\n", n)
	case election.KindSetSessionDate, election.KindSendSessionDocuments, election.KindOpenSession,
		election.KindRecordLeadership, election.KindRecordApprovals:
		return showFirstSession(ctx, w, s, t)
	case election.KindAppraiseNomination, election.KindReviewCommendations, election.KindDecideCommendations:
		return showNominations(ctx, w, s, t)
	case election.KindVerifyCadreRecord, election.KindRecordCadreChoice, election.KindApproveCadreBenefits,
		election.KindDecideCadreBenefits:
		return showCadreCase(ctx, w, s, t)
	}
	return nil
}

// showFirstSession prints the first session so far and who may be elected.
func showFirstSession(ctx context.Context, w io.Writer, s *store.Store, t store.InboxTask) error {
	fs, err := s.FirstSessionOf(ctx, t.Term, t.Council)
	if err != nil {
		return err
	}
	confirmed, err := s.ConfirmedDelegates(ctx, t.Term, t.Council)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "First session: legal deadline %s", fs.Deadline.Vietnamese())
	if !fs.SessionDate.IsZero() {
		fmt.Fprintf(w, ", set for %s", fs.SessionDate.Vietnamese())
	}
	if !fs.OpenedOn.IsZero() {
		fmt.Fprintf(w, ", opened %s", fs.OpenedOn.Vietnamese())
	}
	fmt.Fprintf(w, "\nConfirmed delegates (%d): %s\n", len(confirmed), joinIDs(confirmed))
	if t.Kind == election.KindRecordLeadership || t.Kind == election.KindRecordApprovals {
		c, _, err := s.Council(ctx, t.Term, t.Council)
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "  OFFICE\tTITLE\tONE HOLDER\tDELEGATE\tAPPROVED BY")
		for _, p := range election.Positions(c.Level) {
			fmt.Fprintf(tw, "  %s\t%s\t%v\t%v\t%s\n", p.Code, p.Title, p.Single, p.DelegateRequired, p.ApprovalBody)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
	}
	if t.Kind == election.KindRecordApprovals {
		results, err := s.LeadershipOf(ctx, t.Term, t.Council)
		if err != nil {
			return err
		}
		fmt.Fprintln(w, "Results elected:")
		for _, r := range results {
			fmt.Fprintf(w, "  %s %s %s\n", r.Position, r.Committee, r.Holder())
		}
	}
	return nil
}

// showNominations prints a council's nominations and where each stands.
func showNominations(ctx context.Context, w io.Writer, s *store.Store, t store.InboxTask) error {
	sum, err := s.CommendationSummary(ctx, t.Term, t.Council)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  NOMINATION\tKIND\tSTATUS\tNOMINEE\tACHIEVEMENT")
	for _, n := range sum.Nominations {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", n.ID, n.NomineeKind, n.Status, n.Nominee, n.Achievement)
	}
	return tw.Flush()
}

// showCadreCase prints the cadre's record and the latest computation of
// their options, with every amount and how it was reached.
func showCadreCase(ctx context.Context, w io.Writer, s *store.Store, t store.InboxTask) error {
	id, ok := checklist.CadreOf(t.Task)
	if !ok {
		return fmt.Errorf("task %s: subject %q names no cadre", t.ID, t.Subject)
	}
	c, err := s.Cadre(ctx, t.Term, id)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Cadre %s: %s, %s, born %s, %d months of insurance, salary %d đồng/month\n",
		c.ID, c.FullName, c.Position, c.BirthDate.Vietnamese(), c.InsuranceMonths, c.MonthlySalary)
	round, err := s.LatestAssessmentRound(ctx, t.Term, id)
	if err != nil || round == 0 {
		return err
	}
	a, err := s.Assessment(ctx, t.Term, id, round)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "Computation %d under %s (verified: %v; needs HR confirmation: %v), %d months to retirement:\n",
		round, a.RuleSet, a.Verified, a.NeedsHRConfirmation, a.MonthsLeft)
	for _, o := range a.Options {
		open := "open"
		if !o.Eligible {
			open = "not open"
		}
		fmt.Fprintf(w, "  %-17s %-9s total %d đồng — %s\n", o.Kind, open, o.Total, o.Reason)
	}
	for _, line := range a.Explanation {
		fmt.Fprintf(w, "    %s\n", line)
	}
	return nil
}

func joinIDs(ids []election.PersonID) string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = string(id)
	}
	return strings.Join(out, ", ")
}

// completeExample is a "starter complete" command line for a task, from
// its kind's outcome form.
func completeExample(t store.InboxTask) string {
	base := fmt.Sprintf("starter complete %s --role %s", t.ID, t.Role)
	form, ok := election.FormOf(t.Kind)
	if !ok {
		return base + ` --outcome '{...}'`
	}
	return base + exampleFlags(form, election.Today(time.Now()))
}

// compactJSON writes raw JSON on one line.
func compactJSON(raw json.RawMessage) string {
	var b bytes.Buffer
	if err := json.Compact(&b, raw); err != nil {
		return string(raw)
	}
	return b.String()
}
