package workflows

import (
	"fmt"
	"time"

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

// FirstSession runs the first session of a new council (Law on Local
// Government 2015 art. 80; Constitution art. 83 for the National Assembly):
// the council office sets its date, sends the documents to every confirmed
// delegate, records that it opened with the credential report, enters the
// leadership elected, and records the higher bodies' approvals. It waits for
// the credentials area: documents and the opening need the resolution.
func FirstSession(ctx workflow.Context, in checklist.FirstSessionInput) (checklist.FirstSessionResult, error) {
	facts := in.Facts
	var result checklist.FirstSessionResult
	if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
		return result, fmt.Errorf("search attributes: %w", err)
	}
	rep, err := newAreaReporter(ctx, facts, checklist.AreaFirstSession)
	if err != nil {
		return result, err
	}

	adoption := in.Adoption
	workflow.Go(ctx, func(ctx workflow.Context) {
		ch := workflow.GetSignalChannel(ctx, checklist.SignalCredentialsAdopted)
		for {
			var a checklist.CredentialsAdoption
			ch.Receive(ctx, &a)
			if adoption == nil {
				adoption = &a
			}
		}
	})
	confirmed := func() map[election.PersonID]bool {
		m := map[election.PersonID]bool{}
		if adoption != nil {
			for _, p := range adoption.Confirmed {
				m[p] = true
			}
		}
		return m
	}
	deadline := facts.FirstSession
	var sessionDate, openedOn election.Date
	var results []election.LeadershipResult

	checks := map[election.TaskKind]outcomeCheck{
		election.KindSetSessionDate: check(func(ctx workflow.Context, o election.SessionDateOutcome) error {
			return o.Validate(earliestSession(facts, adoption), deadline)
		}),
		election.KindSendSessionDocuments: check(func(ctx workflow.Context, o election.DocumentsOutcome) error {
			return o.Validate(len(confirmed()), sessionDate, today(ctx))
		}),
		election.KindOpenSession: check(func(ctx workflow.Context, o election.OpeningOutcome) error {
			return o.Validate(adoption.AdoptedOn, today(ctx))
		}),
		election.KindRecordLeadership: check(func(_ workflow.Context, o election.LeadershipOutcome) error {
			return o.Validate(facts.Level, confirmed())
		}),
		election.KindRecordApprovals: check(func(ctx workflow.Context, o election.ApprovalsOutcome) error {
			return o.Validate(election.NeedingApproval(facts.Level, results), openedOn, today(ctx))
		}),
	}
	board, err := newTaskBoard(ctx, facts.Term, facts.Council, checks, rep.publish)
	if err != nil {
		return result, err
	}
	rep.board = board
	record := func(r checklist.SessionRecord) error {
		r.Term, r.Council, r.Deadline = facts.Term, facts.Council, deadline
		return workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordSession, r).Get(ctx, nil)
	}
	if err := record(checklist.SessionRecord{}); err != nil {
		return result, fmt.Errorf("record first session: %w", err)
	}

	// The legal deadline: if it passes before the session opens, every
	// open task of the area is flagged.
	workflow.Go(ctx, func(ctx workflow.Context) {
		wait := deadline.EndOfOfficeDay().Sub(workflow.Now(ctx))
		if wait > 0 {
			if held, _ := workflow.AwaitWithTimeout(ctx, wait, func() bool { return !openedOn.IsZero() }); held {
				return
			}
		}
		if openedOn.IsZero() {
			board.deadlineMissed(ctx)
		}
	})

	task := func(kind election.TaskKind, role election.Role, due time.Time, subject string) (election.Task, error) {
		t := election.Task{ID: election.NewTaskID(facts.Term, facts.Council, kind, "session"),
			Kind: kind, Role: role, Due: due, Subject: subject}
		if err := board.open(ctx, t); err != nil {
			return t, err
		}
		return t, board.await(ctx, t.ID)
	}

	// 1. The date.
	rep.step(ctx, stepSessionDate)
	t, err := task(election.KindSetSessionDate, election.RoleCouncilOffice,
		deadline.AddDays(-dateNoticeDays).EndOfOfficeDay(), checklist.Subject(election.KindSetSessionDate, facts.Council))
	if err != nil {
		return result, err
	}
	var date election.SessionDateOutcome
	if err := board.outcome(t.ID, &date); err != nil {
		return result, err
	}
	sessionDate = date.SessionDate
	result.SessionDate = sessionDate
	if err := record(checklist.SessionRecord{SessionDate: sessionDate}); err != nil {
		return result, fmt.Errorf("record session date: %w", err)
	}

	// 2. Documents, to every delegate the resolution confirmed.
	if adoption == nil {
		rep.step(ctx, stepAwaitCreds)
		if err := workflow.Await(ctx, func() bool { return adoption != nil }); err != nil {
			return result, err
		}
	}
	rep.step(ctx, stepDocuments)
	t, err = task(election.KindSendSessionDocuments, election.RoleCouncilOffice,
		sessionDate.AddDays(-documentsLeadDays).EndOfOfficeDay(), checklist.Subject(election.KindSendSessionDocuments, len(adoption.Confirmed)))
	if err != nil {
		return result, err
	}
	var docs election.DocumentsOutcome
	if err := board.outcome(t.ID, &docs); err != nil {
		return result, err
	}
	if err := record(checklist.SessionRecord{DocumentsSentOn: docs.SentOn, Recipients: docs.Recipients}); err != nil {
		return result, fmt.Errorf("record documents: %w", err)
	}

	// 3. The opening, with the credential report.
	rep.step(ctx, stepOpening)
	t, err = task(election.KindOpenSession, election.RoleCouncilOffice, sessionDate.EndOfOfficeDay(), checklist.Subject(election.KindOpenSession))
	if err != nil {
		return result, err
	}
	var opening election.OpeningOutcome
	if err := board.outcome(t.ID, &opening); err != nil {
		return result, err
	}
	openedOn = opening.OpenedOn
	result.OpenedOn, result.OnTime = openedOn, !openedOn.After(deadline)
	if err := record(checklist.SessionRecord{OpenedOn: openedOn}); err != nil {
		return result, fmt.Errorf("record opening: %w", err)
	}

	// 4. The leadership elected.
	rep.step(ctx, stepLeadership)
	t, err = task(election.KindRecordLeadership, election.RoleCouncilOffice, openedOn.AddDays(2).EndOfOfficeDay(), checklist.Subject(election.KindRecordLeadership))
	if err != nil {
		return result, err
	}
	var leadership election.LeadershipOutcome
	if err := board.outcome(t.ID, &leadership); err != nil {
		return result, err
	}
	results = leadership.Results
	result.Results = len(results)
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordLeadership, checklist.LeadershipRecord{
		Term: facts.Term, Council: facts.Council, Results: results,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("record leadership: %w", err)
	}

	// 5. Approvals by the higher bodies, where the law needs them.
	if needed := election.NeedingApproval(facts.Level, results); len(needed) > 0 {
		rep.step(ctx, stepApprovals)
		t, err = task(election.KindRecordApprovals, election.RoleCouncilOffice,
			openedOn.AddDays(approvalDays).EndOfOfficeDay(), checklist.Subject(election.KindRecordApprovals, len(needed)))
		if err != nil {
			return result, err
		}
		var approvals election.ApprovalsOutcome
		if err := board.outcome(t.ID, &approvals); err != nil {
			return result, err
		}
		result.Approvals = len(approvals.Approvals)
		if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityRecordApprovals, checklist.ApprovalsRecord{
			Term: facts.Term, Council: facts.Council, Approvals: approvals.Approvals,
		}).Get(ctx, nil); err != nil {
			return result, fmt.Errorf("record approvals: %w", err)
		}
	}

	return result, rep.close(ctx)
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
