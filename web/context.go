package web

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"electionflow/election"
	"electionflow/store"
)

// taskContext is what a task is about, read from Postgres: lines of text
// and an optional table.
type taskContext struct {
	Lines []string
	Head  []string
	Rows  [][]string
}

// subjectPath is what follows the kind in a task ID.
func subjectPath(t store.InboxTask) string {
	parts := strings.SplitN(string(t.ID), "/", 4)
	if len(parts) < 4 {
		return ""
	}
	return parts[3]
}

// contextOf reads what a task is about, kind by kind, as starter's task
// command shows it.
func (s *Server) contextOf(ctx context.Context, t store.InboxTask) (taskContext, error) {
	var c taskContext
	line := func(format string, args ...any) { c.Lines = append(c.Lines, fmt.Sprintf(format, args...)) }
	switch t.Kind {
	case election.KindReviewComplaint:
		k, err := s.Store.Complaint(ctx, t.Term, t.Council, election.ComplaintID(subjectPath(t)))
		if errors.Is(err, store.ErrNotFound) {
			line("Complaint %s is not in the roster any more.", subjectPath(t))
			return c, nil
		}
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		line("%s %s (%s), %s, %s", k.ID, k.Kind, k.Person, k.ReceivedOn.Vietnamese(), k.Summary)
	case election.KindAdoptResolution:
		ds, err := s.Store.CredentialDecisions(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		confirmed := 0
		c.Head = []string{"person", "confirmed", "reason"}
		for _, d := range ds {
			yes := "yes"
			if d.Confirmed {
				confirmed++
			} else {
				yes = "NO"
			}
			c.Rows = append(c.Rows, []string{string(d.Person), yes, d.Reason})
		}
		line("Draft credential resolution: %d persons, %d confirmed, %d not confirmed", len(ds), confirmed, len(ds)-confirmed)
	case election.KindHandOverCertificates:
		n, err := s.Store.CountCertificates(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		line("Certificates issued to hand over: %d", n)
	case election.KindSetSessionDate, election.KindSendSessionDocuments, election.KindOpenSession,
		election.KindRecordLeadership, election.KindRecordApprovals:
		return s.firstSessionContext(ctx, t)
	case election.KindAppraiseNomination, election.KindReviewCommendations, election.KindDecideCommendations:
		sum, err := s.Store.CommendationSummary(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		c.Head = []string{"nomination", "kind", "status", "nominee", "achievement"}
		for _, n := range sum.Nominations {
			c.Rows = append(c.Rows, []string{string(n.ID), string(n.NomineeKind), string(n.Status), n.Nominee, n.Achievement})
		}
	case election.KindVerifyCadreRecord, election.KindRecordCadreChoice, election.KindApproveCadreBenefits,
		election.KindDecideCadreBenefits:
		return s.cadreContext(ctx, t)
	}
	return c, nil
}

// firstSessionContext shows the first session so far, who may be elected
// and, for leadership and approvals, the offices and results.
func (s *Server) firstSessionContext(ctx context.Context, t store.InboxTask) (taskContext, error) {
	var c taskContext
	fs, err := s.Store.FirstSessionOf(ctx, t.Term, t.Council)
	if err != nil {
		return c, fmt.Errorf("web: first session of %s: %w", t.Council, err)
	}
	confirmed, err := s.Store.ConfirmedDelegates(ctx, t.Term, t.Council)
	if err != nil {
		return c, fmt.Errorf("web: delegates of %s: %w", t.Council, err)
	}
	l := "First session: legal deadline " + fs.Deadline.Vietnamese()
	if !fs.SessionDate.IsZero() {
		l += ", set for " + fs.SessionDate.Vietnamese()
	}
	if !fs.OpenedOn.IsZero() {
		l += ", opened " + fs.OpenedOn.Vietnamese()
	}
	ids := make([]string, len(confirmed))
	for i, p := range confirmed {
		ids[i] = string(p)
	}
	c.Lines = append(c.Lines, l, fmt.Sprintf("Confirmed delegates (%d): %s", len(confirmed), strings.Join(ids, ", ")))
	if t.Kind == election.KindRecordLeadership || t.Kind == election.KindRecordApprovals {
		council, _, err := s.Store.Council(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: council %s: %w", t.Council, err)
		}
		c.Head = []string{"office", "title", "one holder", "delegate", "approved by"}
		for _, p := range election.Positions(council.Level) {
			c.Rows = append(c.Rows, []string{string(p.Code), p.Title, strconv.FormatBool(p.Single), strconv.FormatBool(p.DelegateRequired), p.ApprovalBody})
		}
	}
	if t.Kind == election.KindRecordApprovals {
		results, err := s.Store.LeadershipOf(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: leadership of %s: %w", t.Council, err)
		}
		for _, r := range results {
			c.Lines = append(c.Lines, fmt.Sprintf("Elected: %s %s %s", r.Position, r.Committee, r.Holder()))
		}
	}
	return c, nil
}

// cadreContext shows the cadre's record and the latest computation of
// their options.
func (s *Server) cadreContext(ctx context.Context, t store.InboxTask) (taskContext, error) {
	var c taskContext
	id := election.CadreID(strings.Split(subjectPath(t), "/")[0])
	k, err := s.Store.Cadre(ctx, t.Term, id)
	if err != nil {
		return c, fmt.Errorf("web: cadre %s: %w", id, err)
	}
	c.Lines = append(c.Lines, fmt.Sprintf("Cadre %s: %s, %s, born %s, %d months of insurance, salary %d đồng/month",
		k.ID, k.FullName, k.Position, k.BirthDate.Vietnamese(), k.InsuranceMonths, k.MonthlySalary))
	round, err := s.Store.LatestAssessmentRound(ctx, t.Term, id)
	if err != nil || round == 0 {
		return c, err
	}
	a, err := s.Store.Assessment(ctx, t.Term, id, round)
	if err != nil {
		return c, fmt.Errorf("web: assessment of %s: %w", id, err)
	}
	c.Lines = append(c.Lines, fmt.Sprintf("Computation %d under %s (verified: %v; needs HR confirmation: %v), %d months to retirement",
		round, a.RuleSet, a.Verified, a.NeedsHRConfirmation, a.MonthsLeft))
	c.Head = []string{"option", "eligible", "total (đồng)", "reason"}
	for _, o := range a.Options {
		c.Rows = append(c.Rows, []string{string(o.Kind), strconv.FormatBool(o.Eligible), strconv.FormatInt(int64(o.Total), 10), o.Reason})
	}
	c.Lines = append(c.Lines, a.Explanation...)
	return c, nil
}
