package checklist

import "electionflow/election"

// The first-session area (kỳ họp thứ nhất).
const (
	WorkflowFirstSession      = "FirstSessionV2"
	AreaFirstSession     Area = "first-session"

	ActivityRecordSession    = "RecordSession"
	ActivityRecordLeadership = "RecordLeadership"
	ActivityRecordApprovals  = "RecordApprovals"

	// SignalCredentialsAdopted tells the checklist, and through it the
	// first-session area, that the credential resolution was adopted.
	SignalCredentialsAdopted = "credentials-adopted"
)

// CredentialsAdoption is what the first session needs of the credentials
// area: when the resolution was adopted and who was confirmed.
type CredentialsAdoption struct {
	AdoptedOn election.Date       `json:"adopted_on"`
	Confirmed []election.PersonID `json:"confirmed"`
}

// FirstSessionInput starts the first-session area; Adoption is set when
// the credential resolution was adopted before the area started.
type FirstSessionInput struct {
	Facts    CouncilFacts         `json:"facts"`
	Adoption *CredentialsAdoption `json:"adoption,omitempty"`
}

// FirstSessionResult is what the first session did.
type FirstSessionResult struct {
	SessionDate election.Date `json:"session_date"`
	OpenedOn    election.Date `json:"opened_on"`
	// OnTime: the session opened no later than its legal deadline.
	OnTime    bool `json:"on_time"`
	Results   int  `json:"results"`
	Approvals int  `json:"approvals"`
}

// SessionRecord is the first session's facts so far, for Postgres.
type SessionRecord struct {
	Term            election.Term        `json:"term"`
	Council         election.CouncilCode `json:"council"`
	Deadline        election.Date        `json:"deadline"`
	SessionDate     election.Date        `json:"session_date,omitempty"`
	DocumentsSentOn election.Date        `json:"documents_sent_on,omitempty"`
	Recipients      int                  `json:"recipients,omitempty"`
	OpenedOn        election.Date        `json:"opened_on,omitempty"`
}

// LeadershipRecord is the results of a first session's elections.
type LeadershipRecord struct {
	Term    election.Term               `json:"term"`
	Council election.CouncilCode        `json:"council"`
	Results []election.LeadershipResult `json:"results"`
}

// ApprovalsRecord is the higher bodies' approvals of a first session's results.
type ApprovalsRecord struct {
	Term      election.Term        `json:"term"`
	Council   election.CouncilCode `json:"council"`
	Approvals []election.Approval  `json:"approvals"`
}
