package election

import (
	"strings"
	"testing"
)

func TestCadreCaseOutcomes(t *testing.T) {
	e, today := MustParseDate("2026-03-15"), MustParseDate("2026-06-01")
	open := []string{"early-retirement", "reassignment"}
	tests := []struct {
		name    string
		err     error
		wantErr string
	}{
		{"verified", VerifyRecordOutcome{Result: "verified"}.Validate(), ""},
		{"corrected", VerifyRecordOutcome{Result: "corrected", Note: "sửa số tháng đóng BHXH"}.Validate(), ""},
		{"verify bad", VerifyRecordOutcome{Result: "ok"}.Validate(), "want verified or corrected"},
		{"choice open", CadreChoiceOutcome{Option: "reassignment"}.Validate(open), ""},
		{"choice closed", CadreChoiceOutcome{Option: "await-retirement"}.Validate(open), "not open to this cadre"},
		{"approve", CadreApprovalOutcome{Decision: "approve"}.Validate(), ""},
		{"reject without reason", CadreApprovalOutcome{Decision: "reject"}.Validate(), "reason is required"},
		{"approval bad", CadreApprovalOutcome{Decision: "maybe"}.Validate(), "want approve or reject"},
		{"decision ok", DecisionOutcome{"77/QĐ-UBND", MustParseDate("2026-05-01")}.Validate(e, today), ""},
		{"decision bad no", DecisionOutcome{"x", MustParseDate("2026-05-01")}.Validate(e, today), "decision_no"},
		{"decision future", DecisionOutcome{"77/QĐ-UBND", MustParseDate("2026-06-02")}.Validate(e, today), "future"},
		{"decision on election day", DecisionOutcome{"77/QĐ-UBND", e}.Validate(e, today), "not after election day"},
	}
	for _, tt := range tests {
		if (tt.err == nil) != (tt.wantErr == "") || (tt.err != nil && !strings.Contains(tt.err.Error(), tt.wantErr)) {
			t.Errorf("%s: err = %v, want %q", tt.name, tt.err, tt.wantErr)
		}
	}
}
