package activities

import (
	"context"
	"errors"
	"fmt"

	"go.temporal.io/sdk/temporal"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/store"
)

// LoadCouncil reads a council and its election's legal calendar, once, at
// the start of its checklist. A council that does not exist fails the
// checklist at once instead of being retried.
func (a *Activities) LoadCouncil(ctx context.Context, in checklist.Input) (checklist.CouncilFacts, error) {
	c, e, err := a.Store.Council(ctx, in.Term, in.Council)
	if errors.Is(err, store.ErrNotFound) {
		return checklist.CouncilFacts{}, temporal.NewNonRetryableApplicationError(err.Error(), "UnknownCouncil", err)
	}
	if err != nil {
		return checklist.CouncilFacts{}, err
	}
	cal, err := e.Calendar()
	if err != nil {
		return checklist.CouncilFacts{}, temporal.NewNonRetryableApplicationError(
			fmt.Sprintf("calendar of %s: %v", e.Term, err), "BadCalendar", err)
	}
	return checklist.CouncilFacts{
		Term: e.Term, Council: c.Code, Name: c.Name, Level: c.Level, Province: c.Province, Seats: c.Seats,
		ElectionDay:          e.ElectionDay,
		ComplaintsSettled:    cal.Due(complaintsDeadline(c.Level)),
		CredentialResolution: cal.Due(credentialDeadline()),
		FirstSession:         cal.FirstSessionDue(c),
		ComplaintsFiled:      cal.Due(election.DeadlineComplaintsFiled),
		NominationsClose:     cal.Due(election.DeadlineNominationsClose),
		CadreDecisions:       cal.Due(election.DeadlineCadreDecisions),
	}, nil
}

// LoadCredentialFacts reads the persons elected to a council and the
// complaints against them, as identifiers.
func (a *Activities) LoadCredentialFacts(ctx context.Context, in checklist.Input) (checklist.CredentialFacts, error) {
	persons, complaints, err := a.Store.CredentialFacts(ctx, in.Term, in.Council)
	if err != nil {
		return checklist.CredentialFacts{}, err
	}
	refs := make([]checklist.ComplaintRef, len(complaints))
	for i, c := range complaints {
		refs[i] = checklist.ComplaintRef{ID: c.ID, Person: c.Person, Kind: c.Kind}
	}
	return checklist.CredentialFacts{Persons: persons, Complaints: refs}, nil
}
