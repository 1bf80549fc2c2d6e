package election

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDecideCredentials(t *testing.T) {
	persons := []PersonID{"P1", "P2", "P3", "P4"}
	reviews := []ComplaintReview{
		{"KN-1", "P2", ReviewOutcome{Decision: Upheld, Reason: "kê khai sai"}},
		{"KN-2", "P3", ReviewOutcome{Decision: Dismissed, Reason: "không có cơ sở"}},
		{"KN-3", "P4", ReviewOutcome{Decision: Dismissed, Reason: "mất quốc tịch", Ineligible: true}},
		{"KN-4", "P2", ReviewOutcome{Decision: Upheld, Reason: "vi phạm"}},
	}
	got := DecideCredentials(persons, reviews)
	want := []CredentialDecision{
		{Person: "P1", Confirmed: true},
		{Person: "P2", Confirmed: false, Reason: "KN-1 có cơ sở: kê khai sai; KN-4 có cơ sở: vi phạm"},
		{Person: "P3", Confirmed: true},
		{Person: "P4", Confirmed: false, Reason: "không đủ tư cách (KN-3): mất quốc tịch"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
}

func TestOutcomeValidation(t *testing.T) {
	e := MustParseDate("2026-03-15")
	today := MustParseDate("2026-04-10")
	tests := []struct {
		name    string
		err     error
		wantErr string
	}{
		{"review ok", ReviewOutcome{Decision: Dismissed, Reason: "x"}.Validate(), ""},
		{"review bad decision", ReviewOutcome{Decision: "maybe", Reason: "x"}.Validate(), "decision"},
		{"review no reason", ReviewOutcome{Decision: Upheld, Reason: "  "}.Validate(), "reason is required"},
		{"review long reason", ReviewOutcome{Decision: Upheld, Reason: strings.Repeat("ư", 1001)}.Validate(), "longer"},
		{"resolution ok", ResolutionOutcome{"12/NQ-UBBC", MustParseDate("2026-04-01")}.Validate(e.AddDays(1), today), ""},
		{"resolution bad no", ResolutionOutcome{"twelve", MustParseDate("2026-04-01")}.Validate(e.AddDays(1), today), "document number"},
		{"resolution no date", ResolutionOutcome{"12/NQ-UBBC", Date{}}.Validate(e.AddDays(1), today), "adopted_on is required"},
		{"resolution before complaints close", ResolutionOutcome{"12/NQ-UBBC", e}.Validate(ResolutionEarliest(e, e.AddDays(15)), today), "complaints about the results may be filed"},
		{"resolution the day after", ResolutionOutcome{"12/NQ-UBBC", e.AddDays(16)}.Validate(ResolutionEarliest(e, e.AddDays(15)), e.AddDays(16)), ""},
		{"resolution without a complaints deadline", ResolutionOutcome{"12/NQ-UBBC", e}.Validate(ResolutionEarliest(e, Date{}), today), "is before 2026-03-16"},
		{"resolution future", ResolutionOutcome{"12/NQ-UBBC", MustParseDate("2026-04-11")}.Validate(e.AddDays(1), today), "future"},
		{"handover ok", HandoverOutcome{HandedOverOn: today}.Validate(MustParseDate("2026-04-01"), today), ""},
		{"handover early", HandoverOutcome{HandedOverOn: MustParseDate("2026-03-31")}.Validate(MustParseDate("2026-04-01"), today), "before the resolution"},
		{"handover missing", HandoverOutcome{}.Validate(MustParseDate("2026-04-01"), today), "required"},
	}
	for _, tt := range tests {
		if (tt.err == nil) != (tt.wantErr == "") || (tt.err != nil && !strings.Contains(tt.err.Error(), tt.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tt.name, tt.err, tt.wantErr)
		}
	}
}

func TestDecodeOutcome(t *testing.T) {
	var o ReviewOutcome
	if err := DecodeOutcome(json.RawMessage(`{"decision":"upheld","reason":"x"}`), &o); err != nil || o.Decision != Upheld {
		t.Errorf("good outcome: %v %+v", err, o)
	}
	for _, bad := range []string{`{"decison":"upheld"}`, `not json`, `{"decision":"upheld"} {}`, `{"decision":3}`} {
		if err := DecodeOutcome(json.RawMessage(bad), &o); err == nil {
			t.Errorf("DecodeOutcome(%s) accepted", bad)
		}
	}
	var r ResolutionOutcome
	if err := DecodeOutcome(json.RawMessage(`{"resolution_no":"1/NQ-UBBC","adopted_on":"01/04/2026"}`), &r); err != nil || r.AdoptedOn.String() != "2026-04-01" {
		t.Errorf("resolution: %v %+v", err, r)
	}
}

func TestEndOfOfficeDay(t *testing.T) {
	got := MustParseDate("2026-04-19").EndOfOfficeDay()
	if want := time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("got %v, want %v", got.UTC(), want)
	}
	if d := Today(time.Date(2026, 4, 19, 18, 0, 0, 0, time.UTC)); d.String() != "2026-04-20" {
		t.Errorf("Today = %s", d)
	}
}
