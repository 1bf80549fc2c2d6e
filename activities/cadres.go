package activities

import (
	"context"
	"errors"
	"fmt"

	"go.temporal.io/sdk/temporal"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/election/retirement"
	"electionflow/store"
)

// cadresActivities are the activities of the outgoing cadres area, by
// contract name, for Register.
func (a *Activities) cadresActivities() map[string]any {
	return map[string]any{
		checklist.ActivityLoadCadres:            a.LoadCadres,
		checklist.ActivityAssessCadre:           a.AssessCadre,
		checklist.ActivityRecordBenefitDecision: a.RecordBenefitDecision,
	}
}

// LoadCadres lists the outgoing cadres of a council by ID.
func (a *Activities) LoadCadres(ctx context.Context, in checklist.Input) ([]election.CadreID, error) {
	return a.Store.CadreIDs(ctx, in.Term, in.Council)
}

// AssessCadre computes a cadre's options and benefits under the rule set
// in force at election day, stores the whole computation and returns only
// which options are open. Whether the rule set is verified is read from
// the verifications recorded in Postgres (starter ruleset verify): until a
// person has verified it, the result needs HR confirmation. Bad data (e.g.
// an insurance record longer than the cadre's life) fails the case at
// once: HR must correct it.
func (a *Activities) AssessCadre(ctx context.Context, r checklist.CadreAssessmentRequest) (checklist.CadreAssessment, error) {
	c, err := a.Store.Cadre(ctx, r.Term, r.Cadre)
	if err != nil {
		return checklist.CadreAssessment{}, err
	}
	council, _, err := a.Store.Council(ctx, r.Term, c.Council)
	if err != nil {
		return checklist.CadreAssessment{}, err
	}
	rs, err := retirement.InForce(r.ElectionDay)
	if err != nil {
		return checklist.CadreAssessment{}, temporal.NewNonRetryableApplicationError(err.Error(), "NoRuleSet", err)
	}
	v, err := a.Store.Verification(ctx, rs.ID)
	if err != nil {
		return checklist.CadreAssessment{}, fmt.Errorf("assess cadre %s: %w", r.Cadre, err)
	}
	as, err := retirement.Assess(rs.ID, retirement.CaseOf(c, r.ElectionDay, council.Level == election.LevelCommune), v)
	if errors.Is(err, retirement.ErrInvalidInput) || errors.Is(err, retirement.ErrOverflow) {
		return checklist.CadreAssessment{}, temporal.NewNonRetryableApplicationError(
			fmt.Sprintf("cadre %s: %v", r.Cadre, err), "BadCadreRecord", err)
	}
	if err != nil {
		return checklist.CadreAssessment{}, err
	}
	if err := a.Store.SaveAssessment(ctx, r.Term, r.Cadre, r.Round, as); err != nil {
		return checklist.CadreAssessment{}, err
	}
	out := checklist.CadreAssessment{RuleSet: string(as.RuleSet), Verified: as.Verified, NeedsHRConfirmation: as.NeedsHRConfirmation}
	for _, o := range as.Options {
		if o.Eligible {
			out.Eligible = append(out.Eligible, string(o.Kind))
		}
	}
	return out, nil
}

// RecordBenefitDecision stores the decision on a cadre's benefits, with
// the months and total of the chosen option from that round's computation.
func (a *Activities) RecordBenefitDecision(ctx context.Context, d checklist.BenefitDecisionRecord) error {
	as, err := a.Store.Assessment(ctx, d.Term, d.Cadre, d.Round)
	if err != nil {
		return err
	}
	opt, ok := as.Option(retirement.OptionKind(d.Option))
	if !ok || !opt.Eligible {
		err := fmt.Errorf("cadre %s: option %q is not open in assessment %d", d.Cadre, d.Option, d.Round)
		return temporal.NewNonRetryableApplicationError(err.Error(), "OptionClosed", err)
	}
	return a.Store.RecordBenefitDecision(ctx, store.BenefitDecision{
		Term: d.Term, Council: d.Council, Cadre: d.Cadre, Round: d.Round, Option: d.Option,
		DecisionNo: d.DecisionNo, DecidedOn: d.DecidedOn, RuleSet: string(as.RuleSet),
		NeedsHRConfirmation: as.NeedsHRConfirmation, EarlyMonths: opt.EarlyMonths, Total: opt.Total,
	})
}
