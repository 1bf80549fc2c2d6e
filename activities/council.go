package activities

import (
	"context"
	"errors"
	"fmt"

	"go.temporal.io/sdk/temporal"

	"electionflow/checklist"
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
	d := cal.For(c)
	return checklist.CouncilFacts{
		Term: e.Term, Council: c.Code, Name: c.Name, Level: c.Level, Province: c.Province, Seats: c.Seats,
		ElectionDay:          e.ElectionDay,
		ComplaintsSettled:    d.ComplaintsSettled.Due,
		CredentialResolution: d.CredentialResolution.Due,
		FirstSession:         d.FirstSession.Due,
		ComplaintsFiled:      d.ComplaintsFiled.Due,
		NominationsClose:     d.NominationsClose.Due,
		CadreDecisions:       d.CadreDecisions.Due,
	}, nil
}
