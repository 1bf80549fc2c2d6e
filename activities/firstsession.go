package activities

import (
	"context"

	"electionflow/checklist"
	"electionflow/store"
)

// firstSessionActivities are the activities of the first-session area, by
// contract name, for Register.
func (a *Activities) firstSessionActivities() map[string]any {
	return map[string]any{
		checklist.ActivityRecordSession:    a.RecordSession,
		checklist.ActivityRecordLeadership: a.RecordLeadership,
		checklist.ActivityRecordApprovals:  a.RecordApprovals,
	}
}

// RecordSession stores what is known of a council's first session.
func (a *Activities) RecordSession(ctx context.Context, r checklist.SessionRecord) error {
	return a.Store.RecordSession(ctx, store.FirstSession{
		Term: r.Term, Council: r.Council, Deadline: r.Deadline, SessionDate: r.SessionDate,
		DocumentsSentOn: r.DocumentsSentOn, Recipients: r.Recipients, OpenedOn: r.OpenedOn,
	})
}

// RecordLeadership stores the results of the leadership elections.
func (a *Activities) RecordLeadership(ctx context.Context, r checklist.LeadershipRecord) error {
	return a.Store.RecordLeadership(ctx, r.Term, r.Council, r.Results)
}

// RecordApprovals stores the higher bodies' approvals.
func (a *Activities) RecordApprovals(ctx context.Context, r checklist.ApprovalsRecord) error {
	return a.Store.RecordApprovals(ctx, r.Term, r.Council, r.Approvals)
}
