package workflows

import (
	"fmt"

	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// The steps of the first-session area.
const (
	stepSessionDate = "session-date"
	stepAwaitCreds  = "awaiting-credentials"
	stepDocuments   = "documents"
	stepOpening     = "opening"
	stepLeadership  = "leadership"
	stepApprovals   = "approvals"
)

// firstSessionSteps says in Vietnamese what the first-session area waits for at each step.
func firstSessionSteps() map[string]string {
	return map[string]string{
		stepSessionDate: "chờ ấn định ngày họp",
		stepAwaitCreds:  "chờ nghị quyết xác nhận tư cách",
		stepDocuments:   "chờ gửi tài liệu kỳ họp",
		stepOpening:     "chờ khai mạc kỳ họp",
		stepLeadership:  "chờ kết quả bầu các chức danh",
		stepApprovals:   "chờ phê chuẩn kết quả bầu",
	}
}

// Lead times of the first-session tasks.
const (
	// dateNoticeDays: the date is set at least this long before the
	// deadline, so documents can reach every delegate.
	dateNoticeDays = 10
	// documentsLeadDays: documents reach the delegates this long before
	// the session.
	documentsLeadDays = 3
	// approvalDays: the higher bodies approve within this long.
	approvalDays = 30
)

// FirstSessionV2 runs the first session of a new council (Law on Local
// Government 2015 art. 80; Constitution art. 83 for the National Assembly):
// the council office sets its date, sends the documents to every confirmed
// delegate, records that it opened with the credential report, enters the
// leadership elected, and records the higher bodies' approvals. It waits for
// the credentials area: documents and the opening need the resolution.
func FirstSessionV2(ctx workflow.Context, in checklist.FirstSessionInput) (checklist.FirstSessionResult, error) {
	return firstSession(ctx, in, true)
}

// firstSessionV1 is FirstSessionV2's first generation, for the areas
// started under it.
func firstSessionV1(ctx workflow.Context, in checklist.FirstSessionInput) (checklist.FirstSessionResult, error) {
	return firstSession(ctx, in, false)
}

// session is what the first-session area knows as it goes, which its
// outcome checks read.
type session struct {
	facts       checklist.CouncilFacts
	adoption    *checklist.CredentialsAdoption
	sessionDate election.Date
	openedOn    election.Date
	results     []election.LeadershipResult
}

// confirmed is the set of delegates the resolution confirmed.
func (s *session) confirmed() map[election.PersonID]bool {
	m := map[election.PersonID]bool{}
	if s.adoption != nil {
		for _, p := range s.adoption.Confirmed {
			m[p] = true
		}
	}
	return m
}

// checks are the outcome rules of the area's tasks.
func (s *session) checks() map[election.TaskKind]outcomeCheck {
	f := s.facts
	return map[election.TaskKind]outcomeCheck{
		election.KindSetSessionDate: check(func(ctx workflow.Context, o election.SessionDateOutcome) error {
			return o.Validate(earliestSession(f, s.adoption), f.FirstSession)
		}),
		election.KindSendSessionDocuments: check(func(ctx workflow.Context, o election.DocumentsOutcome) error {
			return o.Validate(len(s.confirmed()), s.sessionDate, today(ctx))
		}),
		election.KindOpenSession: check(func(ctx workflow.Context, o election.OpeningOutcome) error {
			return o.Validate(s.adoption.AdoptedOn, today(ctx))
		}),
		election.KindRecordLeadership: check(func(_ workflow.Context, o election.LeadershipOutcome) error {
			return o.Validate(f.Level, s.confirmed())
		}),
		election.KindRecordApprovals: check(func(ctx workflow.Context, o election.ApprovalsOutcome) error {
			return o.Validate(election.NeedingApproval(f.Level, s.results), s.openedOn, today(ctx))
		}),
	}
}

func firstSession(ctx workflow.Context, in checklist.FirstSessionInput, lean bool) (checklist.FirstSessionResult, error) {
	facts := in.Facts
	var result checklist.FirstSessionResult
	s := &session{facts: facts, adoption: in.Adoption}
	a, err := startArea(ctx, facts, checklist.AreaFirstSession, lean, s.checks())
	if err != nil {
		return result, err
	}
	workflow.Go(ctx, func(ctx workflow.Context) {
		ch := workflow.GetSignalChannel(ctx, checklist.SignalCredentialsAdopted)
		for {
			var adopted checklist.CredentialsAdoption
			ch.Receive(ctx, &adopted)
			if s.adoption == nil {
				s.adoption = &adopted
			}
		}
	})
	record := func(r checklist.SessionRecord) error {
		r.Term, r.Council, r.Deadline = facts.Term, facts.Council, facts.FirstSession
		return a.w.record(ctx, checklist.ActivityRecordSession, r)
	}
	if err := record(checklist.SessionRecord{}); err != nil {
		return result, fmt.Errorf("record first session: %w", err)
	}
	watchSessionDeadline(ctx, a, s, lean)

	// 1. The date.
	a.rep.step(ctx, stepSessionDate)
	var date election.SessionDateOutcome
	if err := a.task(ctx, a.newTask(election.KindSetSessionDate, "session", election.RoleCouncilOffice,
		facts.FirstSession.AddDays(-dateNoticeDays), checklist.Subject(election.KindSetSessionDate, facts.Council)), &date); err != nil {
		return result, err
	}
	s.sessionDate = date.SessionDate
	result.SessionDate = s.sessionDate
	if err := record(checklist.SessionRecord{SessionDate: s.sessionDate}); err != nil {
		return result, fmt.Errorf("record session date: %w", err)
	}

	// 2. Documents, to every delegate the resolution confirmed.
	if s.adoption == nil {
		a.rep.step(ctx, stepAwaitCreds)
		if err := workflow.Await(ctx, func() bool { return s.adoption != nil }); err != nil {
			return result, err
		}
	}
	a.rep.step(ctx, stepDocuments)
	var docs election.DocumentsOutcome
	if err := a.task(ctx, a.newTask(election.KindSendSessionDocuments, "session", election.RoleCouncilOffice,
		s.sessionDate.AddDays(-documentsLeadDays), checklist.Subject(election.KindSendSessionDocuments, len(s.adoption.Confirmed))), &docs); err != nil {
		return result, err
	}
	if err := record(checklist.SessionRecord{DocumentsSentOn: docs.SentOn, Recipients: docs.Recipients}); err != nil {
		return result, fmt.Errorf("record documents: %w", err)
	}

	// 3. The opening, with the credential report.
	a.rep.step(ctx, stepOpening)
	var opening election.OpeningOutcome
	if err := a.task(ctx, a.newTask(election.KindOpenSession, "session", election.RoleCouncilOffice,
		s.sessionDate, checklist.Subject(election.KindOpenSession)), &opening); err != nil {
		return result, err
	}
	s.openedOn = opening.OpenedOn
	result.OpenedOn, result.OnTime = s.openedOn, !s.openedOn.After(facts.FirstSession)
	if err := record(checklist.SessionRecord{OpenedOn: s.openedOn}); err != nil {
		return result, fmt.Errorf("record opening: %w", err)
	}

	// 4 and 5. The leadership elected, and its approvals.
	if err := recordLeadership(ctx, a, s, &result); err != nil {
		return result, err
	}
	return result, a.rep.close(ctx)
}

// watchSessionDeadline flags every open task of the area if the legal
// deadline passes before the session opens. The lean generation leaves
// its timer running when the session opens in time, instead of cancelling
// it (one history event fewer).
func watchSessionDeadline(ctx workflow.Context, a *areaRun, s *session, lean bool) {
	workflow.Go(ctx, func(ctx workflow.Context) {
		wait := s.facts.FirstSession.EndOfOfficeDay().Sub(workflow.Now(ctx))
		if wait > 0 {
			if lean {
				if err := workflow.NewTimer(ctx, wait).Get(ctx, nil); err != nil {
					return
				}
			} else if held, _ := workflow.AwaitWithTimeout(ctx, wait, func() bool { return !s.openedOn.IsZero() }); held {
				return
			}
		}
		if s.openedOn.IsZero() {
			a.board.deadlineMissed(ctx)
		}
	})
}

// recordLeadership enters the leadership elected at the session and, where
// the law needs them, the higher bodies' approvals (phê chuẩn).
func recordLeadership(ctx workflow.Context, a *areaRun, s *session, result *checklist.FirstSessionResult) error {
	facts := a.facts
	a.rep.step(ctx, stepLeadership)
	var leadership election.LeadershipOutcome
	if err := a.task(ctx, a.newTask(election.KindRecordLeadership, "session", election.RoleCouncilOffice,
		s.openedOn.AddDays(2), checklist.Subject(election.KindRecordLeadership)), &leadership); err != nil {
		return err
	}
	s.results = leadership.Results
	result.Results = len(s.results)
	if err := a.w.record(ctx, checklist.ActivityRecordLeadership, checklist.LeadershipRecord{
		Term: facts.Term, Council: facts.Council, Results: s.results,
	}); err != nil {
		return fmt.Errorf("record leadership: %w", err)
	}
	needed := election.NeedingApproval(facts.Level, s.results)
	if len(needed) == 0 {
		return nil
	}
	a.rep.step(ctx, stepApprovals)
	var approvals election.ApprovalsOutcome
	if err := a.task(ctx, a.newTask(election.KindRecordApprovals, "session", election.RoleCouncilOffice,
		s.openedOn.AddDays(approvalDays), checklist.Subject(election.KindRecordApprovals, len(needed))), &approvals); err != nil {
		return err
	}
	result.Approvals = len(approvals.Approvals)
	if err := a.w.record(ctx, checklist.ActivityRecordApprovals, checklist.ApprovalsRecord{
		Term: facts.Term, Council: facts.Council, Approvals: approvals.Approvals,
	}); err != nil {
		return fmt.Errorf("record approvals: %w", err)
	}
	return nil
}

// earliestSession is the first day the session may be set for: not
// before the resolution, so its day when it was adopted, else the first day
// it can be. A past day is allowed: staff may record a session late.
func earliestSession(f checklist.CouncilFacts, a *checklist.CredentialsAdoption) election.Date {
	if a != nil {
		return a.AdoptedOn
	}
	return election.ResolutionEarliest(f.ElectionDay, f.ComplaintsFiled)
}
