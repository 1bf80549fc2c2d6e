package web

import (
	"context"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
	"electionflow/internal/pdftext"
)

// A council's credential resolution downloads from the board and from its
// tasks' pages once adopted, to those who may see the council.
func TestResolutionPDFDownloads(t *testing.T) {
	ctx := context.Background()
	s, db := testDB(t)
	openTestTasks(t, s)
	ts := startServer(t, newServer(t, s, db, &fakeOps{}))
	addUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})

	manager := browser(t)
	signIn(t, manager, ts.URL, "manager01")
	const href = "/councils/2026-2031/00004/resolution.pdf"
	if r := do(t, manager, "GET", ts.URL+"/board", nil, nil); strings.Contains(r.body, href) {
		t.Error("the board links a resolution not yet adopted")
	}
	if r := do(t, manager, "GET", ts.URL+href, nil, nil); r.status != http.StatusNotFound {
		t.Errorf("resolution not yet adopted = %d, want 404", r.status)
	}
	if err := s.DraftResolution(ctx, term, "00004", []election.CredentialDecision{
		{Person: "00004-P001", Confirmed: true}, {Person: "00004-P002", Reason: "Khiếu nại có cơ sở"}}); err != nil {
		t.Fatal(err)
	}
	number, err := s.AdoptResolution(ctx, term, "00004", "", election.MustParseDate("2026-04-02"))
	if err != nil {
		t.Fatal(err)
	}

	if r := do(t, manager, "GET", ts.URL+"/board", nil, nil); !strings.Contains(r.body, `href="`+href+`"`) {
		t.Errorf("the board lacks the resolution link:\n%s", r.body)
	}
	r := do(t, manager, "GET", ts.URL+href, nil, nil)
	if r.status != http.StatusOK || r.header.Get("Content-Type") != "application/pdf" || r.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("GET %s = %d %q", href, r.status, r.header.Get("Content-Type"))
	}
	text := pdftext.Words(t, []byte(r.body))
	for _, want := range []string{"Số: " + number, "ỦY BAN BẦU CỬ PHƯỜNG BA ĐÌNH", "Lý do: Khiếu nại có cơ sở", "Điều 1."} {
		if !strings.Contains(text, want) {
			t.Errorf("the resolution lacks %q:\n%s", want, text)
		}
	}

	office := browser(t)
	signIn(t, office, ts.URL, "office04")
	page := do(t, office, "GET", ts.URL+"/tasks/"+string(handover04), nil, nil)
	if m := regexp.MustCompile(`id="resolution-pdf"`).FindString(page.body); m == "" || !strings.Contains(page.body, href) {
		t.Errorf("the task page lacks the resolution link:\n%s", page.body)
	}
	if r := do(t, office, "GET", ts.URL+href, nil, nil); r.status != http.StatusOK {
		t.Errorf("the council office's download = %d", r.status)
	}
	for _, other := range []string{"/councils/2026-2031/00008/resolution.pdf", "/councils/2026-2031/99999/resolution.pdf"} {
		if r := do(t, office, "GET", ts.URL+other, nil, nil); r.status != http.StatusForbidden {
			t.Errorf("GET %s by the office of 00004 = %d, want 403", other, r.status)
		}
	}
}
