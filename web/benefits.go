package web

import (
	"errors"
	"net/http"

	"electionflow/election"
	"electionflow/election/retirement"
)

// benefitsBody is the benefits calculator page's data (máy tính chế độ).
type benefitsBody struct {
	T        benefitsText
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
	body := benefitsBody{T: benefitsLabels(r.L)}
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
	s.render(w, status, "benefits", pageData{L: r.L, User: &r.User, Title: body.T.Title, Path: r.URL.Path, Body: body})
	return nil
}

// calculateBenefits computes a form under the rule set it names or the
// one in force, with that rule set's recorded verification.
func (s *Server) calculateBenefits(r request, f retirement.Form) (*benefitsResult, error) {
	req, err := retirement.ParseForm(f)
	if err != nil {
		return nil, err
	}
	rs, err := retirement.Choose(req.RuleSet, req.Date)
	if err != nil {
		return nil, err
	}
	v, err := s.Store.Verification(r.Context(), rs.ID)
	if err != nil {
		return nil, err
	}
	calc, err := retirement.Calculate(req, election.DateOf(s.now().In(officeZone)), v)
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

// benefitsText are the calculator page's words in one language.
type benefitsText struct {
	Title, Intro, Sex, Male, Female, Birth, InsuranceMonths, Salary, Date, DateHint, RuleSet, InForce, Commune, Compute,
	Refused, Verified, Unverified, RetirementDate, MonthsLeft, Open, NotOpen, Total, Articles, Disagreements, Formulas string
}

// benefitsLabels returns the page's words in l.
func benefitsLabels(l lang) benefitsText {
	if l == "en" {
		return benefitsText{
			Title: "Benefits calculator", Intro: "Options and allowances of an outgoing cadre under a benefit rule set. Nothing entered is stored.",
			Sex: "Sex", Male: "male", Female: "female", Birth: "Date of birth", InsuranceMonths: "Months of social insurance",
			Salary: "Monthly salary (đồng)", Date: "Election or retirement date", DateHint: "DD/MM/YYYY",
			RuleSet: "Rule set", InForce: "the one in force on that date", Commune: "commune-level cadre", Compute: "Compute",
			Refused: "Cannot compute", Verified: "Verified against the official text by", Unverified: "NOT verified: every result needs HR confirmation",
			RetirementDate: "Retirement date", MonthsLeft: "whole months left", Open: "open", NotOpen: "not open", Total: "Total",
			Articles: "Articles cited", Disagreements: "Where sources disagree or are unclear", Formulas: "Formulas of the rule set",
		}
	}
	return benefitsText{
		Title: "Tính chế độ cán bộ", Intro: "Các phương án và trợ cấp của cán bộ không đủ tuổi tái cử theo một bộ quy tắc chế độ. Dữ liệu nhập không được lưu.",
		Sex: "Giới tính", Male: "nam", Female: "nữ", Birth: "Ngày sinh", InsuranceMonths: "Số tháng đóng bảo hiểm xã hội",
		Salary: "Tiền lương tháng hiện hưởng (đồng)", Date: "Ngày bầu cử hoặc ngày nghỉ hưu", DateHint: "DD/MM/YYYY",
		RuleSet: "Bộ quy tắc", InForce: "bộ quy tắc đang áp dụng vào ngày đó", Commune: "cán bộ cấp xã", Compute: "Tính",
		Refused: "Không tính được", Verified: "Đã đối chiếu văn bản gốc, người đối chiếu:", Unverified: "CHƯA đối chiếu văn bản: mọi kết quả cần cán bộ tổ chức xác nhận",
		RetirementDate: "Thời điểm nghỉ hưu", MonthsLeft: "tháng tròn còn lại", Open: "đủ điều kiện", NotOpen: "không áp dụng", Total: "Tổng",
		Articles: "Căn cứ", Disagreements: "Điểm các nguồn chưa thống nhất", Formulas: "Công thức của bộ quy tắc",
	}
}
