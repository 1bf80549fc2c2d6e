package election

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// formAt picks a task kind's form by index, so a fuzzer explores every
// kind.
func formAt(i uint8) OutcomeForm {
	forms := OutcomeForms()
	return forms[int(i)%len(forms)]
}

// validateFixed runs a decoded outcome's own validation against a fixed
// council: what the workflow's validator does after decoding.
func validateFixed(v any) error {
	e, today := MustParseDate("2026-03-15"), MustParseDate("2026-05-01")
	confirmed := map[PersonID]bool{"P1": true, "P2": true}
	switch o := v.(type) {
	case *ReviewOutcome:
		return o.Validate()
	case *ResolutionOutcome:
		return o.Validate(e.AddDays(16), today)
	case *HandoverOutcome:
		return o.Validate(e.AddDays(20), today)
	case *SessionDateOutcome:
		return o.Validate(e.AddDays(16), e.AddDays(45))
	case *DocumentsOutcome:
		return o.Validate(2, e.AddDays(40), today)
	case *OpeningOutcome:
		return o.Validate(e.AddDays(20), today)
	case *LeadershipOutcome:
		return o.Validate(LevelProvince, confirmed)
	case *ApprovalsOutcome:
		return o.Validate(nil, e.AddDays(40), today)
	case *NominationsOutcome:
		return o.Validate()
	case *AppraisalOutcome:
		return o.Validate()
	case *CouncilReviewOutcome:
		return o.Validate([]NominationID{"N1"})
	case *DecisionOutcome:
		return o.Validate(e, today)
	case *VerifyRecordOutcome:
		return o.Validate()
	case *CadreChoiceOutcome:
		return o.Validate([]string{"early-retirement"})
	case *CadreApprovalOutcome:
		return o.Validate()
	}
	return errNoValidation
}

// errNoValidation says validateFixed does not know an outcome type.
var errNoValidation = errors.New("no validation for this outcome type")

// checkRejection fails the test unless err is an OutcomeError naming its
// field (or the outcome as a whole, for the problems of the whole), in
// words that name no Go type.
func checkRejection(t *testing.T, f OutcomeForm, err error) {
	t.Helper()
	var oe *OutcomeError
	if !errors.As(err, &oe) {
		t.Fatalf("%s: %v is not an OutcomeError", f.Kind, err)
	}
	whole := oe.Problem == ProblemNotJSON || oe.Problem == ProblemTooLarge
	if oe.Field == "" && !whole {
		t.Fatalf("%s: %v names no field", f.Kind, err)
	}
	if msg := err.Error(); strings.Contains(msg, "election.") || strings.Contains(msg, "Go ") {
		t.Fatalf("%s: %v names a Go type", f.Kind, err)
	}
}

// FuzzDecodeOutcome decodes and validates arbitrary JSON as the outcome
// of every task kind: no panic, every decoding error names its field, and
// an outcome that decodes is within the kind's limits.
func FuzzDecodeOutcome(f *testing.F) {
	for i, form := range OutcomeForms() {
		f.Add(uint8(i), []byte(form.Example))
	}
	f.Fuzz(func(t *testing.T, kind uint8, raw []byte) {
		form := formAt(kind)
		v, err := form.Decode(raw)
		if err != nil {
			checkRejection(t, form, err)
			return
		}
		if len(raw) > form.MaxBytes {
			t.Fatalf("%s: %d bytes decoded, over %d", form.Kind, len(raw), form.MaxBytes)
		}
		_ = validateFixed(v) // must not panic; its refusals are the rules'
	})
}

// FuzzBuildOutcome builds outcomes from arbitrary form values (the web
// form's inputs, starter's flags): no panic, every refusal names its
// field, and what is built decodes as the kind's outcome.
func FuzzBuildOutcome(f *testing.F) {
	for i, form := range OutcomeForms() {
		f.Add(uint8(i), "upheld", "10/04/2026", "12/NQ-UBBC", form.Example)
		f.Add(uint8(i), "approve", "2026-04-10", "25", "")
	}
	f.Fuzz(func(t *testing.T, kind uint8, a, b, c, outcome string) {
		form := formAt(kind)
		values := map[string]string{"outcome": outcome}
		for i, x := range form.Fields {
			values[x.Name] = []string{a, b, c}[i%3]
		}
		raw, err := form.Build(values)
		if err != nil {
			checkRejection(t, form, err)
			return
		}
		if _, err := form.Decode(raw); err != nil {
			t.Fatalf("%s: built %s, which does not decode: %v", form.Kind, raw, err)
		}
	})
}

// Each kind's example is a valid outcome as far as a fixed council lets
// it be checked, and building from a kind's own options never fails.
func TestExamplesBuildAndValidate(t *testing.T) {
	for _, form := range OutcomeForms() {
		v, err := form.Decode(json.RawMessage(form.Example))
		if err != nil {
			t.Fatalf("%s: %v", form.Kind, err)
		}
		if err := validateFixed(v); errors.Is(err, errNoValidation) {
			t.Errorf("%s: %v", form.Kind, err)
		}
		values := map[string]string{"outcome": form.Example}
		for _, x := range form.Fields {
			if len(x.Options) > 0 {
				values[x.Name] = x.Options[len(x.Options)-1].Value
			}
		}
		if _, err := form.Build(values); err != nil {
			t.Errorf("%s: %v", form.Kind, err)
		}
	}
}
