package web

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/election/retirement"
	"electionflow/store"
)

// workedExampleForm is the Ministry of Home Affairs' example under Decree
// 178/2024 as amended by Decree 67/2025 (Official Dispatch 1814).
func workedExampleForm() url.Values {
	return url.Values{"sex": {"nam"}, "birth": {"15/01/1966"}, "insurance_months": {"264"},
		"salary": {"15.356.250"}, "date": {"01/05/2025"}}
}

// The calculator through HTTP: an HR officer sees the page, the worked
// example's formulas and whether the rule set is verified; bad input is
// refused with its reason; a role without hr-officer gets 403.
func TestBenefitsPage(t *testing.T) {
	s, db := testDB(t)
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	addUser(t, s, "tochuc", auth.Grant{Role: election.RoleHR, Scope: auth.CouncilScope(term, "00004")})
	addUser(t, s, "vanphong", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.ElectionScope(term)})
	addUser(t, s, "quantri", auth.Grant{Role: election.RoleAdministrator, Scope: auth.ElectionScope(term)})

	hr := browser(t)
	signIn(t, hr, ts.URL, "tochuc")
	page := do(t, hr, "GET", ts.URL+"/benefits", nil, nil)
	if page.status != http.StatusOK || !strings.Contains(page.body, `action="/benefits"`) ||
		!strings.Contains(page.body, `<option value="decree-178-2024-67-2025">`) || !strings.Contains(page.body, `href="/benefits"`) {
		t.Fatalf("GET /benefits = %d:\n%s", page.status, page.body)
	}
	res := do(t, hr, "POST", ts.URL+"/benefits", workedExampleForm(), nil)
	res.body = html.UnescapeString(res.body)
	for _, want := range []string{
		"decree-178-2024-67-2025",
		"CHƯA đối chiếu văn bản: mọi kết quả cần cán bộ tổ chức xác nhận",
		"01/11/2027; 30 tháng tròn còn lại",
		"30 tháng × 1 tháng lương × 15.356.250 đ = 460.687.500 đ",
		"2,5 năm × 5 tháng × 15.356.250 đ = 191.953.125 đ",
		"(5 tháng cho 20 năm đầu + 2 năm × 0,5 tháng) × 15.356.250 đ = 92.137.500 đ",
		"Tổng: 744.778.125 đ",
		"Nghị định 178/2024/NĐ-CP, điều 7 khoản 1",
		"744.788.125",
	} {
		if !strings.Contains(res.body, want) {
			t.Errorf("worked example lacks %q (status %d):\n%s", want, res.status, res.body)
		}
	}

	// Once an administrator has verified the rule set, the page says so.
	if _, err := s.RecordVerification(context.Background(), retirement.Verification{RuleSet: retirement.Decree178As67,
		Verified: true, By: "quantri", Source: "Công báo số 443+444"}, store.Actor{Name: "quantri", Role: election.RoleAdministrator}); err != nil {
		t.Fatal(err)
	}
	if res := do(t, hr, "POST", ts.URL+"/benefits?lang=en", workedExampleForm(), nil); !strings.Contains(html.UnescapeString(res.body), "Verified against the official text by quantri (Công báo số 443+444)") ||
		strings.Contains(res.body, "NOT verified") {
		t.Errorf("after verification:\n%s", res.body)
	}

	refusals := []struct {
		name, field, value, want string
	}{
		{"future birth date", "birth", "01/01/2100", "birth date 01/01/2100 is in the future"},
		{"negative months", "insurance_months", "-1", "insurance months: -1 is negative"},
		{"a date outside every rule set", "date", "01/01/2010", "no rule set in force on 01/01/2010"},
		{"an unknown rule set", "rule_set", "decree-9-2099", "unknown rule set"},
	}
	for _, tt := range refusals {
		form := workedExampleForm()
		form.Set(tt.field, tt.value)
		res := do(t, hr, "POST", ts.URL+"/benefits?lang=en", form, nil)
		if res.status != http.StatusUnprocessableEntity || !strings.Contains(res.body, "Cannot compute: ") ||
			!strings.Contains(res.body, tt.want) || strings.Contains(res.body, `id="benefits-result"`) {
			t.Errorf("%s: status %d, want 422 with %q:\n%s", tt.name, res.status, tt.want, res.body)
		}
		if !strings.Contains(res.body, `value="`+tt.value+`"`) && tt.field != "rule_set" {
			t.Errorf("%s: the form lost what was typed", tt.name)
		}
	}

	for _, name := range []string{"vanphong", "quantri"} {
		c := browser(t)
		signIn(t, c, ts.URL, name)
		if r := do(t, c, "GET", ts.URL+"/benefits", nil, nil); r.status != http.StatusForbidden {
			t.Errorf("GET /benefits as %s = %d, want 403", name, r.status)
		}
		if r := do(t, c, "POST", ts.URL+"/benefits", workedExampleForm(), nil); r.status != http.StatusForbidden || strings.Contains(r.body, "460.687.500") {
			t.Errorf("POST /benefits as %s = %d, want 403", name, r.status)
		}
		if r := do(t, c, "GET", ts.URL+"/inbox", nil, nil); strings.Contains(r.body, `href="/benefits"`) {
			t.Errorf("%s sees a link to the calculator", name)
		}
	}
	if r := do(t, browser(t), "GET", ts.URL+"/benefits", nil, nil); r.status != http.StatusSeeOther {
		t.Errorf("GET /benefits signed out = %d, want 303 to /signin", r.status)
	}
}
