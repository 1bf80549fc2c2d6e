package checklist

import "electionflow/election"

// The outgoing cadres area: one case per cadre (a coroutine of the area in
// the lean generation, a CadreCase child workflow in the first).
const (
	WorkflowCadres      = "OutgoingCadresV2"
	AreaCadres     Area = "outgoing-cadres"

	ActivityLoadCadres            = "LoadCadres"
	ActivityAssessCadre           = "AssessCadre"
	ActivityRecordBenefitDecision = "RecordBenefitDecision"
)

// CadresInput starts the outgoing cadres area of a council.
type CadresInput struct {
	Facts CouncilFacts `json:"facts"`
}

// CadresResult counts the cases of a council.
type CadresResult struct {
	Cases     int `json:"cases"`
	Decisions int `json:"decisions"`
	// NoOption counts cadres with no option open: they retire normally.
	NoOption int `json:"no_option"`
	// NeedHRConfirmation counts decisions from an unverified rule set.
	NeedHRConfirmation int `json:"need_hr_confirmation"`
}

// CadreCaseInput starts one cadre's case.
type CadreCaseInput struct {
	Facts CouncilFacts     `json:"facts"`
	Cadre election.CadreID `json:"cadre"`
}

// CadreCaseResult is what a case decided, by identifier and option only:
// months and amounts stay in Postgres.
type CadreCaseResult struct {
	Cadre               election.CadreID `json:"cadre"`
	Option              string           `json:"option,omitempty"`
	DecisionNo          string           `json:"decision_no,omitempty"`
	DecidedOn           election.Date    `json:"decided_on,omitempty"`
	RuleSet             string           `json:"rule_set"`
	NeedsHRConfirmation bool             `json:"needs_hr_confirmation"`
}

// CadreAssessmentRequest asks for a cadre's benefits to be computed under
// the rule set in force at election day; Round numbers recomputations
// after corrections.
type CadreAssessmentRequest struct {
	Term        election.Term        `json:"term"`
	Council     election.CouncilCode `json:"council"`
	Cadre       election.CadreID     `json:"cadre"`
	ElectionDay election.Date        `json:"election_day"`
	Round       int                  `json:"round"`
}

// CadreAssessment is what the workflow learns of an assessment: the rule
// set and which options are open. The computation itself (months,
// allowances, amounts, explanation) is stored in Postgres.
type CadreAssessment struct {
	RuleSet             string   `json:"rule_set"`
	Verified            bool     `json:"verified"`
	NeedsHRConfirmation bool     `json:"needs_hr_confirmation"`
	Eligible            []string `json:"eligible"`
}

// BenefitDecisionRecord records the decision on a cadre's benefits; the
// store takes months and amounts from the assessment of that round.
type BenefitDecisionRecord struct {
	Term       election.Term        `json:"term"`
	Council    election.CouncilCode `json:"council"`
	Cadre      election.CadreID     `json:"cadre"`
	Round      int                  `json:"round"`
	Option     string               `json:"option"`
	DecisionNo string               `json:"decision_no"`
	DecidedOn  election.Date        `json:"decided_on"`
}
