package activities

import (
	"context"
	"errors"

	"go.temporal.io/sdk/temporal"

	"electionflow/checklist"
	"electionflow/store"
)

// commendationsActivities are the activities of the commendations area, by
// contract name, for Register.
func (a *Activities) commendationsActivities() map[string]any {
	return map[string]any{
		checklist.ActivityRecordNominations:          a.RecordNominations,
		checklist.ActivityRecordAppraisals:           a.RecordAppraisals,
		checklist.ActivityRecordCouncilReview:        a.RecordCouncilReview,
		checklist.ActivityRecordCommendationDecision: a.RecordCommendationDecision,
	}
}

// RecordNominations records a council's nominations.
func (a *Activities) RecordNominations(ctx context.Context, r checklist.NominationsRecord) error {
	return commendationError(a.Store.RecordNominations(ctx, r.Term, r.Council, r.Nominations))
}

// RecordAppraisals records the emulation board's appraisals.
func (a *Activities) RecordAppraisals(ctx context.Context, r checklist.AppraisalsRecord) error {
	return commendationError(a.Store.RecordAppraisals(ctx, r.Term, r.Council, r.Appraisals))
}

// RecordCouncilReview records the emulation and commendation council's
// verdicts.
func (a *Activities) RecordCouncilReview(ctx context.Context, r checklist.CouncilReviewRecord) error {
	return commendationError(a.Store.RecordCouncilReview(ctx, r.Term, r.Council, r.Verdicts))
}

// RecordCommendationDecision records the People's Committee chair's
// decision on the approved nominations.
func (a *Activities) RecordCommendationDecision(ctx context.Context, r checklist.CommendationDecisionRecord) error {
	return commendationError(a.Store.RecordCommendationDecision(ctx, store.CommendationDecision{
		Term: r.Term, Council: r.Council, DecisionNo: r.DecisionNo, DecidedOn: r.DecidedOn,
		Award: r.Award, Approved: r.Approved,
	}))
}

// commendationError makes records that contradict each other fail the
// area at once instead of being retried for ever; other errors (the
// database away) are retried.
func commendationError(err error) error {
	if errors.Is(err, store.ErrCommendationConflict) || errors.Is(err, store.ErrNotFound) {
		return temporal.NewNonRetryableApplicationError(err.Error(), "CommendationConflict", err)
	}
	return err
}
