package workflows

import (
	"fmt"

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

// credentialsSteps says in Vietnamese what the credentials area waits for at each step.
func credentialsSteps() map[string]string {
	return map[string]string{
		stepReview:       "đang xét khiếu nại, tố cáo",
		stepResolution:   "chờ thông qua nghị quyết xác nhận tư cách",
		stepCertificates: "đang cấp giấy chứng nhận",
		stepHandover:     "chờ trao giấy chứng nhận",
	}
}

// versionSignalAdoption gates the signal that tells the checklist the
// resolution was adopted, added with the first-session area.
const versionSignalAdoption = "signal-adoption"

// resolutionSubject is the subject of the council's one resolution task.
const resolutionSubject = "resolution"

// CredentialsV2 runs the credentials area of one council as the law runs it
// (Law 85/2015/QH13 art. 86–87): every complaint against an elected person
// is reviewed by the election committee; then the committee adopts one
// credential resolution listing every person as confirmed or not; the
// confirmed get numbered certificates; the council office hands them over.
func CredentialsV2(ctx workflow.Context, in checklist.CredentialsInput) (checklist.CredentialsResult, error) {
	return credentials(ctx, in, true)
}

// credentialsV1 is CredentialsV2's first generation, for the areas
// started under it.
func credentialsV1(ctx workflow.Context, in checklist.CredentialsInput) (checklist.CredentialsResult, error) {
	return credentials(ctx, in, false)
}

func credentials(ctx workflow.Context, in checklist.CredentialsInput, lean bool) (checklist.CredentialsResult, error) {
	facts := in.Facts
	var result checklist.CredentialsResult
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
	a, err := startArea(ctx, facts, checklist.AreaCredentials, lean, checks)
	if err != nil {
		return result, err
	}
	var cf checklist.CredentialFacts
	if err := a.w.read(ctx, checklist.ActivityLoadCredentialFacts,
		checklist.Input{Term: facts.Term, Council: facts.Council}, &cf); err != nil {
		return result, fmt.Errorf("load credential facts: %w", err)
	}

	// 1. Review every complaint and denunciation.
	settled, err := reviewComplaints(ctx, a, cf.Complaints)
	if err != nil {
		return result, err
	}

	// 2. The resolution: drafted from the reviews, adopted by the committee.
	decisions := election.DecideCredentials(cf.Persons, settled)
	if err := a.w.record(ctx, checklist.ActivityDraftResolution, checklist.ResolutionDraft{
		Term: facts.Term, Council: facts.Council, Decisions: decisions,
	}); err != nil {
		return result, fmt.Errorf("draft resolution: %w", err)
	}
	a.rep.step(ctx, stepResolution)
	var adopted election.ResolutionOutcome
	if err := a.task(ctx, a.newTask(election.KindAdoptResolution, resolutionSubject, election.RoleElectionCommittee,
		facts.CredentialResolution, checklist.Subject(election.KindAdoptResolution, facts.Council)), &adopted); err != nil {
		return result, err
	}
	adoptedOn = adopted.AdoptedOn
	if err := a.w.record(ctx, checklist.ActivityAdoptResolution, checklist.ResolutionAdoption{
		Term: facts.Term, Council: facts.Council, ResolutionNo: adopted.ResolutionNo, AdoptedOn: adopted.AdoptedOn,
	}); err != nil {
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
	if err := announceAdoption(ctx, facts, lean, adoption); err != nil {
		return result, err
	}

	// 3 and 4. Certificates, handed over before the first session.
	if err := certificates(ctx, a, adopted, &result); err != nil {
		return result, err
	}
	return result, a.rep.close(ctx)
}

// certificates issues the certificates of the confirmed with the adopted
// resolution, then has the council office hand them over, by the day
// before the first session.
func certificates(ctx workflow.Context, a *areaRun, adopted election.ResolutionOutcome, result *checklist.CredentialsResult) error {
	facts := a.facts
	a.rep.step(ctx, stepCertificates)
	if err := a.w.call(ctx, checklist.ActivityIssueCertificates, checklist.CertificateIssue{
		Term: facts.Term, Council: facts.Council, ResolutionNo: adopted.ResolutionNo, IssuedOn: adopted.AdoptedOn,
	}, &result.Certificates); err != nil {
		return fmt.Errorf("issue certificates: %w", err)
	}
	a.rep.step(ctx, stepHandover)
	handover := a.newTask(election.KindHandOverCertificates, "certificates", election.RoleCouncilOffice,
		facts.FirstSession.AddDays(-1), checklist.Subject(election.KindHandOverCertificates, result.Certificates))
	var handed election.HandoverOutcome
	if err := a.task(ctx, handover, &handed); err != nil {
		return err
	}
	if err := a.w.record(ctx, checklist.ActivityHandOverCertificates, checklist.CertificateHandover{
		Term: facts.Term, Council: facts.Council, HandedOverOn: handed.HandedOverOn,
	}); err != nil {
		return fmt.Errorf("hand over certificates: %w", err)
	}
	return nil
}

// reviewComplaints opens a review task for every complaint and
// denunciation, all due when complaints must be settled, and returns the
// outcomes once every one is reviewed.
func reviewComplaints(ctx workflow.Context, a *areaRun, complaints []checklist.ComplaintRef) ([]election.ComplaintReview, error) {
	a.rep.step(ctx, stepReview)
	reviews := make([]election.Task, len(complaints))
	for i, c := range complaints {
		reviews[i] = a.newTask(election.KindReviewComplaint, string(c.ID), election.RoleElectionCommittee,
			a.facts.ComplaintsSettled, checklist.Subject(election.KindReviewComplaint, c.Kind, c.ID, c.Person))
	}
	if err := a.board.open(ctx, reviews...); err != nil {
		return nil, err
	}
	if err := a.board.await(ctx, taskIDs(reviews)...); err != nil {
		return nil, err
	}
	settled := make([]election.ComplaintReview, len(complaints))
	for i, c := range complaints {
		settled[i] = election.ComplaintReview{Complaint: c.ID, Person: c.Person}
		if err := a.board.outcome(reviews[i].ID, &settled[i].Outcome); err != nil {
			return nil, err
		}
	}
	return settled, nil
}

// announceAdoption tells the first-session area that the resolution was
// adopted: the first generation through the checklist, which passes it on
// (checklists started before the first-session area skip it); the lean
// generation straight to the first-session workflow, whose ID it knows.
func announceAdoption(ctx workflow.Context, facts checklist.CouncilFacts, lean bool, adoption checklist.CredentialsAdoption) error {
	if lean {
		if workflow.GetInfo(ctx).ParentWorkflowExecution == nil {
			return nil // run alone, without a checklist: no first session to tell
		}
		id := checklist.AreaWorkflowID(facts.Term, facts.Council, checklist.AreaFirstSession)
		if err := workflow.SignalExternalWorkflow(ctx, id, "", checklist.SignalCredentialsAdopted, adoption).Get(ctx, nil); err != nil {
			return fmt.Errorf("tell the first session the resolution is adopted: %w", err)
		}
		return nil
	}
	if workflow.GetVersion(ctx, versionSignalAdoption, workflow.DefaultVersion, 1) == workflow.DefaultVersion {
		return nil
	}
	if parent := workflow.GetInfo(ctx).ParentWorkflowExecution; parent != nil {
		if err := workflow.SignalExternalWorkflow(ctx, parent.ID, "", checklist.SignalCredentialsAdopted, adoption).Get(ctx, nil); err != nil {
			return fmt.Errorf("tell the checklist the resolution is adopted: %w", err)
		}
	}
	return nil
}

func taskIDs(tasks []election.Task) []election.TaskID {
	ids := make([]election.TaskID, len(tasks))
	for i, t := range tasks {
		ids[i] = t.ID
	}
	return ids
}
