package election

import (
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Every task kind has exactly one outcome form, in the order of
// TaskKinds; every field's key is a key of the kind's outcome type; a
// field name means the same type in every kind (starter has one flag per
// name); every example decodes.
func TestOutcomeFormsDescribeEveryKind(t *testing.T) {
	forms := OutcomeForms()
	kinds := make([]TaskKind, len(forms))
	types := map[string]FieldType{}
	for i, f := range forms {
		kinds[i] = f.Kind
		keys := jsonKeys(reflect.TypeOf(f.New()).Elem())
		for _, x := range f.Fields {
			if !slices.Contains(keys, x.Key) {
				t.Errorf("%s: field %s has key %q, not one of %v", f.Kind, x.Name, x.Key, keys)
			}
			if was, ok := types[x.Name]; ok && was != x.Type {
				t.Errorf("%s: field %s is a %s here and a %s elsewhere", f.Kind, x.Name, x.Type, was)
			}
			types[x.Name] = x.Type
			if x.Label.Vi == "" || x.Label.En == "" || x.Usage == "" {
				t.Errorf("%s: field %s lacks a label or usage", f.Kind, x.Name)
			}
			if x.Type == FieldText && x.MaxLen == 0 {
				t.Errorf("%s: text field %s has no size limit", f.Kind, x.Name)
			}
		}
		if f.MaxBytes == 0 {
			t.Errorf("%s has no size limit", f.Kind)
		}
		if f.Title.Vi == "" || f.Title.En == "" {
			t.Errorf("%s has no title for people", f.Kind)
		}
		if _, err := f.Decode(json.RawMessage(f.Example)); err != nil {
			t.Errorf("%s: example %s: %v", f.Kind, f.Example, err)
		}
		if f.IsList() == (f.ListFill.By == "") {
			t.Errorf("%s: a list kind needs a list filler, and only a list kind", f.Kind)
		}
	}
	seen := map[TaskKind]bool{}
	for _, k := range kinds {
		if seen[k] {
			t.Errorf("%s is described twice", k)
		}
		seen[k] = true
	}
	if len(kinds) != 16 || kinds[0] != KindReviewComplaint || kinds[15] != KindDecideCadreBenefits {
		t.Errorf("forms describe %v", kinds)
	}
	if _, ok := FormOf("no-such-kind"); ok {
		t.Error("FormOf found a form for an unknown kind")
	}
}

// Building an outcome from form values converts each value by its type
// and refuses a bad one, naming the field.
func TestBuildOutcome(t *testing.T) {
	long := strings.Repeat("ư", MaxNoteLen+1)
	tests := []struct {
		kind      TaskKind
		values    map[string]string
		want      string
		wantField string
		problem   Problem
	}{
		{KindReviewComplaint, map[string]string{"decision": "upheld", "reason": "Có căn cứ", "ineligible": "1"},
			`{"decision":"upheld","reason":"Có căn cứ","ineligible":true}`, "", ""},
		{KindReviewComplaint, map[string]string{"decision": "dismissed", "reason": "x", "ineligible": ""},
			`{"decision":"dismissed","reason":"x"}`, "", ""},
		{KindReviewComplaint, map[string]string{"decision": "maybe", "reason": "x"}, "", "decision", ProblemOption},
		{KindReviewComplaint, map[string]string{"decision": "upheld", "reason": long}, "", "reason", ProblemTooLong},
		{KindReviewComplaint, map[string]string{"decision": "upheld", "reason": "\xff"}, "", "reason", ProblemText},
		{KindAdoptResolution, map[string]string{"resolution-no": "12/NQ-UBBC", "date": "10/04/2026"},
			`{"resolution_no":"12/NQ-UBBC","adopted_on":"2026-04-10"}`, "", ""},
		{KindAdoptResolution, map[string]string{"resolution-no": "12/NQ-UBBC", "date": "31/02/2026"}, "", "date", ProblemDate},
		{KindAdoptResolution, map[string]string{"resolution-no": strings.Repeat("1", 61)}, "", "resolution-no", ProblemTooLong},
		{KindSendSessionDocuments, map[string]string{"date": "2026-04-15", "recipients": "25"},
			`{"sent_on":"2026-04-15","recipients":25}`, "", ""},
		{KindSendSessionDocuments, map[string]string{"date": "2026-04-15", "recipients": "many"}, "", "recipients", ProblemNumber},
		{KindSetSessionDate, map[string]string{}, `{"session_date":""}`, "", ""},
		{KindRecordCadreChoice, map[string]string{"option": "early-retirement"}, `{"option":"early-retirement"}`, "", ""},
		{KindRecordCadreChoice, map[string]string{"option": "pension"}, "", "option", ProblemOption},
		{KindSubmitNominations, map[string]string{"outcome": `{"nominations":[]}`}, `{"nominations":[]}`, "", ""},
		{KindSubmitNominations, map[string]string{"outcome": `{"nominations":[]} {}`}, "", "", ProblemNotJSON},
		{KindSubmitNominations, map[string]string{"outcome": `{"nominations":[{"id":"N1","kind":"x"}]}`}, "", "nominations", ProblemUnknownField},
	}
	for _, tt := range tests {
		f, _ := FormOf(tt.kind)
		raw, err := f.Build(tt.values)
		if tt.problem == "" {
			if err != nil || string(raw) != tt.want {
				t.Errorf("%s %v = %s, %v; want %s", tt.kind, tt.values, raw, err, tt.want)
			}
			continue
		}
		var oe *OutcomeError
		if !errors.As(err, &oe) || oe.Field != tt.wantField || oe.Problem != tt.problem {
			t.Errorf("%s %v: error %#v, want field %q problem %s", tt.kind, tt.values, err, tt.wantField, tt.problem)
		}
	}
}

// Decoding refuses what is not one object of the kind's fields, naming
// the field and its JSON type, never a Go type.
func TestDecodeOutcomeNamesFields(t *testing.T) {
	tests := []struct {
		kind    TaskKind
		raw     string
		field   string
		problem Problem
		detail  string
	}{
		{KindSetSessionDate, `{"session_date":42}`, "session_date", ProblemType, "want a date (DD/MM/YYYY or YYYY-MM-DD), got number"},
		{KindSetSessionDate, `{"session_date":"soon"}`, "session_date", ProblemDate, `"soon" is not a date`},
		{KindSetSessionDate, `{"session_date":"2026-04-20"} x`, "", ProblemNotJSON, "trailing data"},
		{KindSetSessionDate, `{"session_date":"2026-04-20"}{}`, "", ProblemNotJSON, "trailing data"},
		{KindSetSessionDate, `[1]`, "", ProblemNotJSON, "want one JSON object"},
		{KindSetSessionDate, `null`, "", ProblemNotJSON, "want one JSON object"},
		{KindSetSessionDate, ``, "", ProblemNotJSON, "want one JSON object"},
		{KindSetSessionDate, `{"date":"2026-04-20"}`, "date", ProblemUnknownField, "want session_date"},
		{KindSendSessionDocuments, `{"recipients":"25"}`, "recipients", ProblemType, "want a whole number, got string"},
		{KindOpenSession, `{"credential_report_presented":"yes"}`, "credential_report_presented", ProblemType, "want true or false"},
		{KindReviewComplaint, `{"decision":"upheld","reason":"` + strings.Repeat("a", MaxNoteLen+1) + `"}`, "reason", ProblemTooLong, "longer than 1000"},
		{KindReviewComplaint, `{"decision":"upheld","reason":"` + strings.Repeat("a", MaxSingleOutcomeBytes) + `"}`, "", ProblemTooLarge, "at most 16384"},
		{KindRecordLeadership, `{"results":[{"position":7}]}`, "results.position", ProblemType, "want a string, got number"},
		{KindRecordLeadership, `{"results":{}}`, "results", ProblemType, "want a list, got object"},
		{KindRecordApprovals, `{"approvals":[{"approved_on":"x"}]}`, "approvals", ProblemDate, `"x" is not a date`},
		{KindReviewCommendations, `{"decisions":[{"nomination":"N1","approve":"yes"}]}`, "decisions.approve", ProblemType, "want true or false"},
	}
	for _, tt := range tests {
		f, _ := FormOf(tt.kind)
		_, err := f.Decode(json.RawMessage(tt.raw))
		var oe *OutcomeError
		if !errors.As(err, &oe) {
			t.Errorf("%s %.60s: %v, want an OutcomeError", tt.kind, tt.raw, err)
			continue
		}
		if oe.Field != tt.field || oe.Problem != tt.problem || !strings.Contains(oe.Detail, tt.detail) {
			t.Errorf("%s %.60s: %+v, want field %q problem %s detail %q", tt.kind, tt.raw, *oe, tt.field, tt.problem, tt.detail)
		}
		if strings.Contains(err.Error(), "election.") || strings.Contains(err.Error(), "Go ") {
			t.Errorf("%s %.60s: %v names a Go type", tt.kind, tt.raw, err)
		}
	}
	if err := DecodeOutcomeOf("no-such-kind", json.RawMessage(`{}`), new(DecisionOutcome)); err == nil {
		t.Error("an unknown kind's outcome was decoded")
	}
	var o SessionDateOutcome
	if err := DecodeOutcomeOf(KindSetSessionDate, json.RawMessage(`{"session_date":"20/04/2026"}`), &o); err != nil || o.SessionDate != MustParseDate("2026-04-20") {
		t.Errorf("DecodeOutcomeOf = %v, %v", o, err)
	}
}

// The largest valid list outcomes fit their kind's size limit: the limit
// refuses only what the rules refuse anyway.
func TestListLimitsFitTheLargestValidOutcomes(t *testing.T) {
	noms := make([]Nomination, MaxNominations)
	for i := range noms {
		noms[i] = Nomination{ID: NominationID("N" + strings.Repeat("9", 3) + string(rune('A'+i%26))), NomineeKind: NomineeIndividual,
			Nominee: strings.Repeat("Nguyễn ", maxNomineeLen/7), Achievement: strings.Repeat("Hoàn thành ", maxAchievementLen/11)}
	}
	results := make([]LeadershipResult, maxResults)
	for i := range results {
		results[i] = LeadershipResult{Position: "committee-deputy-head", Committee: strings.Repeat("Ban Kinh tế ", 8), Name: strings.Repeat("Trần Thị Ngọc ", 7)}
	}
	for kind, v := range map[TaskKind]any{KindSubmitNominations: NominationsOutcome{noms}, KindRecordLeadership: LeadershipOutcome{results}} {
		raw, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		f, _ := FormOf(kind)
		if _, err := f.Decode(raw); err != nil {
			t.Errorf("%s of %d bytes: %v", kind, len(raw), err)
		}
	}
}
