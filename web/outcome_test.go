package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"electionflow/auth"
	"electionflow/election"
)

// The complete request's body is refused before the workflow unless it is
// one {"outcome": {...}} within limits whose outcome the task kind's form
// accepts; each refusal says what and, for an outcome, which field.
func TestDecodeCompleteBody(t *testing.T) {
	kind := election.KindHandOverCertificates
	tests := []struct {
		name, body string
		status     int
		field      string
		says       string
	}{
		{"good", `{"outcome":{"handed_over_on":"2026-04-02","note":"x"}}`, 0, "", ""},
		{"missing outcome", `{}`, http.StatusBadRequest, "outcome", "outcome is required"},
		{"null outcome", `{"outcome":null}`, http.StatusBadRequest, "outcome", "outcome is required"},
		{"empty body", ``, http.StatusBadRequest, "", `want {"outcome": {...}}`},
		{"not JSON", `outcome=1`, http.StatusBadRequest, "", "invalid character"},
		{"an array", `[{"outcome":{}}]`, http.StatusBadRequest, "", "a JSON array where an object was expected"},
		{"trailing data", `{"outcome":{"handed_over_on":"2026-04-02"}} {"outcome":{}}`, http.StatusBadRequest, "", "trailing data"},
		{"unknown envelope field", `{"outcome":{},"actor":"admin"}`, http.StatusBadRequest, "", `unknown field "actor"`},
		{"outcome not an object", `{"outcome":"2026-04-02"}`, http.StatusUnprocessableEntity, "outcome", "want one JSON object"},
		{"wrong type", `{"outcome":{"handed_over_on":20260402}}`, http.StatusUnprocessableEntity, "outcome.handed_over_on", "handed_over_on: want a date"},
		{"bad date", `{"outcome":{"handed_over_on":"hôm qua"}}`, http.StatusUnprocessableEntity, "outcome.handed_over_on", "is not a date"},
		{"unknown field", `{"outcome":{"handed_over_on":"2026-04-02","by":"x"}}`, http.StatusUnprocessableEntity, "outcome.by", "unknown field"},
		{"note too long", `{"outcome":{"note":"` + strings.Repeat("ư", 1001) + `"}}`, http.StatusUnprocessableEntity, "outcome.note", "longer than 1000 characters"},
		{"outcome too large", `{"outcome":{"note":"` + strings.Repeat(" ", 20<<10) + `"}}`, http.StatusRequestEntityTooLarge, "outcome", "at most 16384"},
		{"body too large", `{"outcome":{"note":"` + strings.Repeat("a", 3<<20) + `"}}`, http.StatusRequestEntityTooLarge, "", "over"},
	}
	for _, tt := range tests {
		raw, bad := decodeCompleteBody(kind, strings.NewReader(tt.body))
		if tt.status == 0 {
			if bad != nil || len(raw) == 0 {
				t.Errorf("%s: refused %+v", tt.name, bad)
			}
			continue
		}
		if bad == nil {
			t.Errorf("%s: accepted %s", tt.name, raw)
			continue
		}
		if bad.Status != tt.status || bad.Field != tt.field || !strings.Contains(bad.Error, tt.says) {
			t.Errorf("%s: %+v, want %d field %q saying %q", tt.name, *bad, tt.status, tt.field, tt.says)
		}
		if strings.Contains(bad.Error, "election.") || strings.Contains(bad.Error, "Go ") {
			t.Errorf("%s: %q names a Go type", tt.name, bad.Error)
		}
	}
}

// FuzzAPICompleteBody sends arbitrary bodies as the complete request of
// every task kind: no panic; a refusal has a status of 400, 413 or 422,
// names no Go type, and a refused outcome (422) names its field.
func FuzzAPICompleteBody(f *testing.F) {
	for i, form := range election.OutcomeForms() {
		f.Add(uint8(i), []byte(`{"outcome":`+form.Example+`}`))
	}
	f.Add(uint8(0), []byte(`{"outcome":{"decision":"upheld"}} []`))
	f.Fuzz(func(t *testing.T, kind uint8, body []byte) {
		forms := election.OutcomeForms()
		k := forms[int(kind)%len(forms)].Kind
		_, bad := decodeCompleteBody(k, strings.NewReader(string(body)))
		if bad == nil {
			return
		}
		switch bad.Status {
		case http.StatusBadRequest, http.StatusRequestEntityTooLarge, http.StatusUnprocessableEntity:
		default:
			t.Fatalf("%s: status %d for %q", k, bad.Status, body)
		}
		if bad.Error == "" || strings.Contains(bad.Error, "election.") || strings.Contains(bad.Error, "Go ") {
			t.Fatalf("%s: error %q", k, bad.Error)
		}
		if bad.Status == http.StatusUnprocessableEntity && !strings.HasPrefix(bad.Field, "outcome") {
			t.Fatalf("%s: a refused outcome names no field: %+v", k, *bad)
		}
	})
}

// Through HTTP, an oversized or malformed outcome from the form or the
// API is refused with 413 or 422 (400 for a malformed API body) and never
// reaches the workflow; a valid one does.
func TestOutcomeLimitsThroughHTTP(t *testing.T) {
	s, db := testDB(t)
	openTestTasks(t, s)
	ops := &fakeOps{}
	ts := startServer(t, newServer(t, s, db, ops))
	addUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	token := addToken(t, s, "office04")
	c := browser(t)
	signIn(t, c, ts.URL, "office04")
	page := ts.URL + "/tasks/" + string(handover04)
	api := ts.URL + "/api/tasks/" + string(handover04) + "/complete"

	forms := []struct {
		name   string
		form   url.Values
		status int
		says   string
	}{
		{"a 3 MB note", url.Values{"date": {"2026-04-02"}, "note": {strings.Repeat("x", 3<<20)}}, http.StatusRequestEntityTooLarge, "Biểu mẫu quá lớn"},
		{"a long note", url.Values{"date": {"2026-04-02"}, "note": {strings.Repeat("x", 1001)}}, http.StatusUnprocessableEntity, "Ghi chú: dài quá 1000 ký tự"},
		{"a bad date", url.Values{"date": {"mai"}}, http.StatusUnprocessableEntity, "Ngày trao giấy chứng nhận: ngày không hợp lệ"},
	}
	for _, tt := range forms {
		r := do(t, c, "POST", page, tt.form, nil)
		if r.status != tt.status || !strings.Contains(r.body, tt.says) {
			t.Errorf("form with %s = %d, want %d saying %q", tt.name, r.status, tt.status, tt.says)
		}
	}
	bodies := []struct {
		name, body string
		status     int
	}{
		{"a 3 MB reason", `{"outcome":{"handed_over_on":"2026-04-02","note":"` + strings.Repeat("x", 3<<20) + `"}}`, http.StatusRequestEntityTooLarge},
		{"no outcome", `{"outcomes":{}}`, http.StatusBadRequest},
		{"malformed outcome", `{"outcome":{"handed_over_on":true}}`, http.StatusUnprocessableEntity},
		{"trailing data", `{"outcome":{"handed_over_on":"2026-04-02"}}x`, http.StatusBadRequest},
	}
	for _, tt := range bodies {
		if r := callAPI(t, "POST", api, token, tt.body); r.status != tt.status || !strings.Contains(r.body, `"error"`) {
			t.Errorf("API with %s = %d %.200s, want %d", tt.name, r.status, r.body, tt.status)
		}
	}
	ops.mu.Lock()
	reached := len(ops.reqs)
	ops.mu.Unlock()
	if reached != 0 {
		t.Fatalf("%d refused completions reached the workflow", reached)
	}
	if r := callAPI(t, "POST", api, token, `{"outcome":{"handed_over_on":"2026-04-02"}}`); r.status != http.StatusOK {
		t.Errorf("a valid completion = %d %s", r.status, r.body)
	}
	if r := do(t, c, "POST", page, url.Values{"date": {"2026-04-02"}, "note": {"Đã trao"}}, nil); r.status != http.StatusSeeOther && r.status != http.StatusOK {
		t.Errorf("a valid form = %d", r.status)
	}
	ops.mu.Lock()
	defer ops.mu.Unlock()
	if len(ops.reqs) != 2 || string(ops.reqs[1].Outcome) != `{"handed_over_on":"2026-04-02","note":"Đã trao"}` {
		t.Errorf("completions sent: %+v", ops.reqs)
	}
}
