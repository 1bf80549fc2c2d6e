package election

import (
	"fmt"
	"slices"
	"strings"
)

// The task kinds of an outgoing cadre's case (chế độ, chính sách đối với
// cán bộ không đủ tuổi tái cử).
const (
	// KindVerifyCadreRecord: HR verifies the insurance record and salary
	// the benefits are computed from; corrections are saved first, then
	// the task says so and the benefits are computed again.
	KindVerifyCadreRecord TaskKind = "verify-cadre-record"
	// KindRecordCadreChoice: the cadre's choice among the open options.
	KindRecordCadreChoice TaskKind = "record-cadre-choice"
	// KindApproveCadreBenefits: the competent official approves the choice.
	KindApproveCadreBenefits TaskKind = "approve-cadre-benefits"
	// KindDecideCadreBenefits: the decision, with its number and date.
	KindDecideCadreBenefits TaskKind = "decide-cadre-benefits"
)

// RecordResult is what HR found when verifying a cadre's record (kết quả
// xác minh hồ sơ).
type RecordResult string

// The results of verifying a cadre's record.
const (
	RecordVerified  RecordResult = "verified"  // đúng như hồ sơ
	RecordCorrected RecordResult = "corrected" // đã điều chỉnh hồ sơ
)

// VerifyRecordOutcome says whether the record stood or was corrected (the
// corrected figures are in the database, never in the outcome).
type VerifyRecordOutcome struct {
	Result RecordResult `json:"result"`
	Note   string       `json:"note,omitempty"`
}

// Validate checks the result is one of verified or corrected.
func (o VerifyRecordOutcome) Validate() error {
	if o.Result != RecordVerified && o.Result != RecordCorrected {
		return fmt.Errorf("result %q: want %s or %s", o.Result, RecordVerified, RecordCorrected)
	}
	return checkReason(o.Note, false)
}

// CadreOption is the option an outgoing cadre chooses (phương án lựa
// chọn): its code is the kind of a retirement rule set's option, such as
// "early-retirement".
type CadreOption string

// The options a cadre may be offered, as the rule sets name them.
const (
	OptionEarlyRetirement CadreOption = "early-retirement" // nghỉ hưu trước tuổi
	OptionReassignment    CadreOption = "reassignment"     // bố trí công tác khác
	OptionAwaitRetirement CadreOption = "await-retirement" // chờ đủ tuổi nghỉ hưu
)

// CadreChoiceOutcome is the option the cadre chose.
type CadreChoiceOutcome struct {
	Option CadreOption `json:"option"`
}

// Validate checks the option is one the rules open to this cadre.
func (o CadreChoiceOutcome) Validate(eligible []string) error {
	if !slices.Contains(eligible, string(o.Option)) {
		return fmt.Errorf("option %q is not open to this cadre (open: %s)", o.Option, strings.Join(eligible, ", "))
	}
	return nil
}

// BenefitsDecision is the competent official's decision on a cadre's
// choice (phê duyệt): approve or reject.
type BenefitsDecision string

// The decisions on a cadre's choice.
const (
	Approve BenefitsDecision = "approve" // đồng ý
	Reject  BenefitsDecision = "reject"  // không đồng ý
)

// CadreApprovalOutcome is the competent official's decision on the choice;
// a rejection sends the case back to the cadre's choice.
type CadreApprovalOutcome struct {
	Decision BenefitsDecision `json:"decision"`
	Reason   string           `json:"reason,omitempty"`
}

// Validate checks the decision, with a reason for a rejection.
func (o CadreApprovalOutcome) Validate() error {
	if o.Decision != Approve && o.Decision != Reject {
		return fmt.Errorf("decision %q: want %s or %s", o.Decision, Approve, Reject)
	}
	return checkReason(o.Reason, o.Decision == Reject)
}
