package web

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"electionflow/checklist"
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
func (s *Server) contextOf(ctx context.Context, l lang, t store.InboxTask) (taskContext, error) {
	var c taskContext
	line := func(key string, args ...any) { c.Lines = append(c.Lines, l.F(key, args...)) }
	switch t.Kind {
	case election.KindReviewComplaint:
		k, err := s.Store.Complaint(ctx, t.Term, t.Council, election.ComplaintID(subjectPath(t)))
		if errors.Is(err, store.ErrNotFound) {
			line("ctx.complaint.gone", subjectPath(t))
			return c, nil
		}
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		line("ctx.complaint", k.ID, l.Label("complaint", k.Kind), k.Person, k.ReceivedOn.Vietnamese(), k.Summary)
	case election.KindAdoptResolution:
		ds, err := s.Store.CredentialDecisions(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		confirmed := 0
		c.Head = []string{l.T("ctx.person"), l.T("ctx.confirmed"), l.T("ctx.reason")}
		for _, d := range ds {
			if d.Confirmed {
				confirmed++
			}
			c.Rows = append(c.Rows, []string{string(d.Person), l.Yes(d.Confirmed), d.Reason})
		}
		line("ctx.resolution", len(ds), confirmed, len(ds)-confirmed)
	case election.KindHandOverCertificates:
		n, err := s.Store.CountCertificates(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		line("ctx.certificates", n)
	case election.KindSetSessionDate, election.KindSendSessionDocuments, election.KindOpenSession,
		election.KindRecordLeadership, election.KindRecordApprovals:
		return s.firstSessionContext(ctx, l, t)
	case election.KindAppraiseNomination, election.KindReviewCommendations, election.KindDecideCommendations:
		sum, err := s.Store.CommendationSummary(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: context of %s: %w", t.ID, err)
		}
		c.Head = []string{l.T("ctx.nomination"), l.T("ctx.nominee.kind"), l.T("ctx.status"), l.T("ctx.nominee"), l.T("ctx.achievement")}
		for _, n := range sum.Nominations {
			c.Rows = append(c.Rows, []string{string(n.ID), l.Label("nominee", n.NomineeKind), l.Label("nomination", n.Status), n.Nominee, n.Achievement})
		}
	case election.KindVerifyCadreRecord, election.KindRecordCadreChoice, election.KindApproveCadreBenefits,
		election.KindDecideCadreBenefits:
		return s.cadreContext(ctx, l, t)
	}
	return c, nil
}

// firstSessionContext shows the first session so far, who may be elected
// and, for leadership and approvals, the offices and results.
func (s *Server) firstSessionContext(ctx context.Context, l lang, t store.InboxTask) (taskContext, error) {
	var c taskContext
	fs, err := s.Store.FirstSessionOf(ctx, t.Term, t.Council)
	if err != nil {
		return c, fmt.Errorf("web: first session of %s: %w", t.Council, err)
	}
	confirmed, err := s.Store.ConfirmedDelegates(ctx, t.Term, t.Council)
	if err != nil {
		return c, fmt.Errorf("web: delegates of %s: %w", t.Council, err)
	}
	session := l.F("ctx.session", fs.Deadline.Vietnamese())
	if !fs.SessionDate.IsZero() {
		session += l.F("ctx.session.set", fs.SessionDate.Vietnamese())
	}
	if !fs.OpenedOn.IsZero() {
		session += l.F("ctx.session.opened", fs.OpenedOn.Vietnamese())
	}
	c.Lines = append(c.Lines, session)
	if len(confirmed) == 0 {
		c.Lines = append(c.Lines, l.T("ctx.delegates.none"))
	} else {
		ids := make([]string, len(confirmed))
		for i, p := range confirmed {
			ids[i] = string(p)
		}
		c.Lines = append(c.Lines, l.F("ctx.delegates", len(confirmed), strings.Join(ids, ", ")))
	}
	if t.Kind == election.KindRecordLeadership || t.Kind == election.KindRecordApprovals {
		council, _, err := s.Store.Council(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: council %s: %w", t.Council, err)
		}
		c.Head = []string{l.T("ctx.office"), l.T("ctx.title"), l.T("ctx.single"), l.T("ctx.delegate"), l.T("ctx.approved.by")}
		for _, p := range election.Positions(council.Level) {
			c.Rows = append(c.Rows, []string{string(p.Code), p.Title, l.Yes(p.Single), l.Yes(p.DelegateRequired), p.ApprovalBody})
		}
	}
	if t.Kind == election.KindRecordApprovals {
		results, err := s.Store.LeadershipOf(ctx, t.Term, t.Council)
		if err != nil {
			return c, fmt.Errorf("web: leadership of %s: %w", t.Council, err)
		}
		for _, r := range results {
			c.Lines = append(c.Lines, strings.Join(strings.Fields(l.F("ctx.elected", r.Position, r.Committee, r.Holder())), " "))
		}
	}
	return c, nil
}

// cadreContext shows the cadre's record and the latest computation of
// their options.
func (s *Server) cadreContext(ctx context.Context, l lang, t store.InboxTask) (taskContext, error) {
	var c taskContext
	id, ok := checklist.CadreOf(t.Task)
	if !ok {
		return c, fmt.Errorf("web: task %s: subject %q names no cadre", t.ID, t.Subject)
	}
	k, err := s.Store.Cadre(ctx, t.Term, id)
	if err != nil {
		return c, fmt.Errorf("web: cadre %s: %w", id, err)
	}
	c.Lines = append(c.Lines, l.F("ctx.cadre",
		k.ID, k.FullName, k.Position, k.BirthDate.Vietnamese(), k.InsuranceMonths, k.MonthlySalary))
	round, err := s.Store.LatestAssessmentRound(ctx, t.Term, id)
	if err != nil || round == 0 {
		return c, err
	}
	a, err := s.Store.Assessment(ctx, t.Term, id, round)
	if err != nil {
		return c, fmt.Errorf("web: assessment of %s: %w", id, err)
	}
	c.Lines = append(c.Lines, l.F("ctx.computation",
		round, a.RuleSet, l.Yes(a.Verified), l.Yes(a.NeedsHRConfirmation), a.MonthsLeft))
	c.Head = []string{l.T("ctx.option"), l.T("ctx.eligible"), l.T("ctx.total"), l.T("ctx.reason")}
	for _, o := range a.Options {
		c.Rows = append(c.Rows, []string{l.Label("option", o.Kind), l.Yes(o.Eligible), strconv.FormatInt(int64(o.Total), 10), o.Reason})
	}
	c.Lines = append(c.Lines, a.Explanation...)
	return c, nil
}
