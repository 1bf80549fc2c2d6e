package web

import (
	"errors"
	"net/http"

	"electionflow/election"
	"electionflow/election/retirement"
)

// benefitsBody is the benefits calculator page's data (máy tính chế độ).
type benefitsBody struct {
	Form     retirement.Form
	RuleSets []ruleSetChoice
	// Error is why the input was refused; Calc the result otherwise, nil
	// before the form is sent.
	Error string
	Calc  *benefitsResult
}

// ruleSetChoice is one rule set of the form's list, with its state.
type ruleSetChoice struct {
	ID, Name, Period string
	Verified         bool
}

// benefitsResult is a calculation as the page shows it.
type benefitsResult struct {
	retirement.Calculation
	RetirementDate string
	Options        []benefitsOption
}

// benefitsOption is one option with its name and amounts written out.
type benefitsOption struct {
	retirement.Option
	Name  string
	Total string
}

// benefitsPage shows the calculator to HR officers (cán bộ tổ chức) and,
// for a POST, the options and amounts for the person entered. Personal data
// is posted, never put in the URL, and nothing entered is stored.
func (s *Server) benefitsPage(w http.ResponseWriter, r request) error {
	if !r.User.HasRole(election.RoleHR) {
		return errForbidden
	}
	ctx := r.Context()
	body := benefitsBody{}
	for _, rs := range retirement.RuleSets() {
		v, err := s.Store.Verification(ctx, rs.ID)
		if err != nil {
			return err
		}
		body.RuleSets = append(body.RuleSets, ruleSetChoice{ID: string(rs.ID), Name: rs.Name, Period: rs.Period(), Verified: v.Verified})
	}
	status := http.StatusOK
	if r.Method == http.MethodPost {
		body.Form = retirement.Form{
			Sex: r.PostFormValue("sex"), BirthDate: r.PostFormValue("birth"), InsuranceMonths: r.PostFormValue("insurance_months"),
			MonthlySalary: r.PostFormValue("salary"), Date: r.PostFormValue("date"), RuleSet: r.PostFormValue("rule_set"),
			CommuneLevel: r.PostFormValue("commune") != "",
		}
		calc, err := s.calculateBenefits(r, body.Form)
		switch {
		case errors.Is(err, retirement.ErrInvalidInput), errors.Is(err, retirement.ErrNotInForce), errors.Is(err, retirement.ErrUnknownRuleSet):
			body.Error, status = err.Error(), http.StatusUnprocessableEntity
		case err != nil:
			return err
		default:
			body.Calc = calc
		}
	}
	return s.showStatus(w, r, status, "benefits", "calc.title", body)
}

// calculateBenefits computes a form under the rule set it names or the
// one in force, with that rule set's recorded verification.
func (s *Server) calculateBenefits(r request, f retirement.Form) (*benefitsResult, error) {
	req, err := retirement.ParseForm(f)
	if err != nil {
		return nil, err
	}
	calc, err := s.Store.CalculateBenefits(r.Context(), req, election.Today(s.now()))
	if err != nil {
		return nil, err
	}
	retires, err := retirement.Date(req.Sex, req.BirthDate)
	if err != nil {
		return nil, err
	}
	out := &benefitsResult{Calculation: calc, RetirementDate: retires.Vietnamese()}
	for _, o := range calc.Assessment.Options {
		out.Options = append(out.Options, benefitsOption{Option: o, Name: retirement.OptionName(o.Kind), Total: retirement.FormatDong(o.Total)})
	}
	return out, nil
}
