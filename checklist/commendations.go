package checklist

import "electionflow/election"

// WorkflowCommendations is the commendations area (khen thưởng tổng kết
// công tác bầu cử) of a council's checklist.
const WorkflowCommendations = "CommendationsV2"

// AreaCommendations is the commendations area.
const AreaCommendations Area = "commendations"

// Activity names of the commendations area.
const (
	ActivityRecordNominations          = "RecordNominations"
	ActivityRecordAppraisals           = "RecordAppraisals"
	ActivityRecordCouncilReview        = "RecordCouncilReview"
	ActivityRecordCommendationDecision = "RecordCommendationDecision"
)

// CommendationsInput starts the commendations area.
type CommendationsInput struct {
	Facts CouncilFacts `json:"facts"`
}

// CommendationsResult is what the commendations area decided. Rejected
// counts nominations rejected at appraisal and by the council. DecisionNo,
// DecidedOn and Award are set only when a decision was made.
type CommendationsResult struct {
	Nominated  int           `json:"nominated"`
	Approved   int           `json:"approved"`
	Rejected   int           `json:"rejected"`
	DecisionNo string        `json:"decision_no,omitempty"`
	DecidedOn  election.Date `json:"decided_on,omitempty"`
	Award      string        `json:"award,omitempty"`
	// NoAwardAtLevel is set when the council's level gives no award itself
	// (the National Assembly): the nominations are recorded and go to the
	// authority above; nothing is decided in this area.
	NoAwardAtLevel bool `json:"no_award_at_level,omitempty"`
}

// NominationsRecord records a council's nominations (their public
// commendation text: nominee and achievement summary).
type NominationsRecord struct {
	Term        election.Term         `json:"term"`
	Council     election.CouncilCode  `json:"council"`
	Nominations []election.Nomination `json:"nominations"`
}

// AppraisalsRecord records the emulation board's appraisal of every
// nomination of a council.
type AppraisalsRecord struct {
	Term       election.Term                  `json:"term"`
	Council    election.CouncilCode           `json:"council"`
	Appraisals []election.NominationAppraisal `json:"appraisals"`
}

// CouncilReviewRecord records the emulation and commendation council's
// decision on every nomination that passed appraisal.
type CouncilReviewRecord struct {
	Term     election.Term             `json:"term"`
	Council  election.CouncilCode      `json:"council"`
	Verdicts []election.CouncilVerdict `json:"verdicts"`
}

// CommendationDecisionRecord records the People's Committee chair's
// decision: its number and day, the form of award, and the nominations it
// commends (only those the council approved).
type CommendationDecisionRecord struct {
	Term       election.Term           `json:"term"`
	Council    election.CouncilCode    `json:"council"`
	DecisionNo string                  `json:"decision_no"`
	DecidedOn  election.Date           `json:"decided_on"`
	Award      string                  `json:"award"`
	Approved   []election.NominationID `json:"approved"`
}
