package workflows

import (
	"fmt"
	"time"

	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// The steps of the credentials area.
const (
	stepReview       = "complaint-review"
	stepResolution   = "resolution"
	stepCertificates = "certificates"
	stepHandover     = "handover"
)

// versionSignalAdoption gates the signal that tells the checklist the
// resolution was adopted, added with the first-session area.
const versionSignalAdoption = "signal-adoption"

// resolutionSubject is the subject of the council's one resolution task.
const resolutionSubject = "resolution"

// Credentials runs the credentials area of one council as the law runs it
// (Law 85/2015/QH13 art. 86–87): every complaint against an elected person
// is reviewed by the election committee; then the committee adopts one
// credential resolution listing every person as confirmed or not; the
// confirmed get numbered certificates; the council office hands them over.
func Credentials(ctx workflow.Context, in checklist.CredentialsInput) (checklist.CredentialsResult, error) {
	facts := in.Facts
	var result checklist.CredentialsResult
	if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
		return result, fmt.Errorf("search attributes: %w", err)
	}
	rep, err := newAreaReporter(ctx, facts, checklist.AreaCredentials)
	if err != nil {
		return result, err
	}

	var adoptedOn election.Date // set once the resolution is adopted
	checks := map[election.TaskKind]outcomeCheck{
		election.KindReviewComplaint: check(func(_ workflow.Context, o election.ReviewOutcome) error {
			return o.Validate()
		}),
		election.KindAdoptResolution: check(func(ctx workflow.Context, o election.ResolutionOutcome) error {
			return o.Validate(election.ResolutionEarliest(facts.ElectionDay, facts.ComplaintsFiled), today(ctx))
		}),
		election.KindHandOverCertificates: check(func(ctx workflow.Context, o election.HandoverOutcome) error {
			return o.Validate(adoptedOn, today(ctx))
		}),
	}
	board, err := newTaskBoard(ctx, facts.Term, facts.Council, checks, rep.publish)
	if err != nil {
		return result, err
	}
	rep.board = board

	var cf checklist.CredentialFacts
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityLoadCredentialFacts,
		checklist.Input{Term: facts.Term, Council: facts.Council}).Get(ctx, &cf); err != nil {
		return result, fmt.Errorf("load credential facts: %w", err)
	}

	// 1. Review every complaint and denunciation.
	rep.step(ctx, stepReview)
	reviewDue := facts.ComplaintsSettled.EndOfOfficeDay()
	reviews := make([]election.Task, len(cf.Complaints))
	for i, c := range cf.Complaints {
		reviews[i] = election.Task{
			ID:   election.NewTaskID(facts.Term, facts.Council, election.KindReviewComplaint, string(c.ID)),
			Kind: election.KindReviewComplaint, Subject: checklist.Subject(election.KindReviewComplaint, c.Kind, c.ID, c.Person),
			Role: election.RoleElectionCommittee, Due: reviewDue,
		}
	}
	if err := board.open(ctx, reviews...); err != nil {
		return result, err
	}
	if err := board.await(ctx, taskIDs(reviews)...); err != nil {
		return result, err
	}
	settled := make([]election.ComplaintReview, len(cf.Complaints))
	for i, c := range cf.Complaints {
		settled[i] = election.ComplaintReview{Complaint: c.ID, Person: c.Person}
		if err := board.outcome(reviews[i].ID, &settled[i].Outcome); err != nil {
			return result, err
		}
	}

	// 2. The resolution: drafted from the reviews, adopted by the committee.
	decisions := election.DecideCredentials(cf.Persons, settled)
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityDraftResolution, checklist.ResolutionDraft{
		Term: facts.Term, Council: facts.Council, Decisions: decisions,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("draft resolution: %w", err)
	}
	rep.step(ctx, stepResolution)
	resolution := election.Task{
		ID:   election.NewTaskID(facts.Term, facts.Council, election.KindAdoptResolution, resolutionSubject),
		Kind: election.KindAdoptResolution, Subject: checklist.Subject(election.KindAdoptResolution, facts.Council),
		Role: election.RoleElectionCommittee, Due: facts.CredentialResolution.EndOfOfficeDay(),
	}
	if err := board.open(ctx, resolution); err != nil {
		return result, err
	}
	if err := board.await(ctx, resolution.ID); err != nil {
		return result, err
	}
	var adopted election.ResolutionOutcome
	if err := board.outcome(resolution.ID, &adopted); err != nil {
		return result, err
	}
	adoptedOn = adopted.AdoptedOn
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityAdoptResolution, checklist.ResolutionAdoption{
		Term: facts.Term, Council: facts.Council, ResolutionNo: adopted.ResolutionNo, AdoptedOn: adopted.AdoptedOn,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("adopt resolution: %w", err)
	}
	result.ResolutionNo, result.AdoptedOn = adopted.ResolutionNo, adopted.AdoptedOn
	adoption := checklist.CredentialsAdoption{AdoptedOn: adopted.AdoptedOn}
	for _, d := range decisions {
		if d.Confirmed {
			result.Confirmed++
			adoption.Confirmed = append(adoption.Confirmed, d.Person)
		} else {
			result.NotConfirmed++
		}
	}
	// The first session waits for this: tell the checklist, which passes
	// it on. Checklists started before the first-session area skip it.
	if workflow.GetVersion(ctx, versionSignalAdoption, workflow.DefaultVersion, 1) != workflow.DefaultVersion {
		if parent := workflow.GetInfo(ctx).ParentWorkflowExecution; parent != nil {
			if err := workflow.SignalExternalWorkflow(ctx, parent.ID, "", checklist.SignalCredentialsAdopted, adoption).Get(ctx, nil); err != nil {
				return result, fmt.Errorf("tell the checklist the resolution is adopted: %w", err)
			}
		}
	}

	// 3. Certificates for the confirmed, issued with the resolution.
	rep.step(ctx, stepCertificates)
	if err := workflow.ExecuteActivity(withBatchActivity(ctx), checklist.ActivityIssueCertificates, checklist.CertificateIssue{
		Term: facts.Term, Council: facts.Council, ResolutionNo: adopted.ResolutionNo, IssuedOn: adopted.AdoptedOn,
	}).Get(ctx, &result.Certificates); err != nil {
		return result, fmt.Errorf("issue certificates: %w", err)
	}

	// 4. The council office hands them over, before the first session.
	rep.step(ctx, stepHandover)
	handover := election.Task{
		ID:   election.NewTaskID(facts.Term, facts.Council, election.KindHandOverCertificates, "certificates"),
		Kind: election.KindHandOverCertificates, Subject: checklist.Subject(election.KindHandOverCertificates, result.Certificates),
		Role: election.RoleCouncilOffice, Due: handoverDue(facts),
	}
	if err := board.open(ctx, handover); err != nil {
		return result, err
	}
	if err := board.await(ctx, handover.ID); err != nil {
		return result, err
	}
	var handed election.HandoverOutcome
	if err := board.outcome(handover.ID, &handed); err != nil {
		return result, err
	}
	if err := workflow.ExecuteActivity(withDBActivity(ctx), checklist.ActivityHandOverCertificates, checklist.CertificateHandover{
		Term: facts.Term, Council: facts.Council, HandedOverOn: handed.HandedOverOn,
	}).Get(ctx, nil); err != nil {
		return result, fmt.Errorf("hand over certificates: %w", err)
	}

	return result, rep.close(ctx)
}

// handoverDue is the day before the first session: delegates come to it
// with their certificates.
func handoverDue(f checklist.CouncilFacts) time.Time {
	return f.FirstSession.AddDays(-1).EndOfOfficeDay()
}

func taskIDs(tasks []election.Task) []election.TaskID {
	ids := make([]election.TaskID, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	return ids
}
