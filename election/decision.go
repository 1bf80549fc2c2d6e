package election

import "fmt"

// DecisionOutcome is a decision signed by a competent official (quyết
// định): its number and the day it was signed. The commendation decision
// and the decision on a cadre's benefits are both this.
type DecisionOutcome struct {
	DecisionNo string `json:"decision_no"`
	DecidedOn  Date   `json:"decided_on"`
}

// Validate checks the decision is numbered (e.g. 123/QĐ-UBND), signed
// after election day and not in the future (today is the workflow's today).
func (o DecisionOutcome) Validate(electionDay, today Date) error {
	if _, err := ParseDocumentNo(o.DecisionNo); err != nil {
		return fmt.Errorf("decision_no: %w", err)
	}
	switch {
	case o.DecidedOn.IsZero():
		return fmt.Errorf("decided_on is required")
	case !o.DecidedOn.After(electionDay):
		return fmt.Errorf("decided_on %s is not after election day %s", o.DecidedOn, electionDay)
	case o.DecidedOn.After(today):
		return fmt.Errorf("decided_on %s is in the future", o.DecidedOn)
	}
	return nil
}
