package election

import (
	"encoding/json"
	"testing"
)

// An outcome that says nothing (JSON null, an empty object, an empty
// array) is refused for every kind of task, even in the most lenient
// context the task can open in, so a missing outcome never passes for a
// decision.
func TestEmptyOutcomesRefusedForEveryKind(t *testing.T) {
	e := MustParseDate("2026-03-15")
	today := e.AddDays(200)
	confirmed := map[PersonID]bool{"00004-P001": true}
	chair := []LeadershipResult{{Position: "hdnd-chair", Person: "00004-P001"}}
	validate := map[TaskKind]func(json.RawMessage) error{
		KindReviewComplaint:      decodeThen(func(o ReviewOutcome) error { return o.Validate() }),
		KindAdoptResolution:      decodeThen(func(o ResolutionOutcome) error { return o.Validate(e, today) }),
		KindHandOverCertificates: decodeThen(func(o HandoverOutcome) error { return o.Validate(e, today) }),
		KindSetSessionDate:       decodeThen(func(o SessionDateOutcome) error { return o.Validate(e, today) }),
		KindSendSessionDocuments: decodeThen(func(o DocumentsOutcome) error { return o.Validate(1, today, today) }),
		KindOpenSession:          decodeThen(func(o OpeningOutcome) error { return o.Validate(e, today) }),
		KindRecordLeadership:     decodeThen(func(o LeadershipOutcome) error { return o.Validate(LevelCommune, confirmed) }),
		KindRecordApprovals:      decodeThen(func(o ApprovalsOutcome) error { return o.Validate(chair, e, today) }),
		KindSubmitNominations:    decodeThen(func(o NominationsOutcome) error { return o.Validate() }),
		KindAppraiseNomination:   decodeThen(func(o AppraisalOutcome) error { return o.Validate() }),
		KindReviewCommendations:  decodeThen(func(o CouncilReviewOutcome) error { return o.Validate([]NominationID{"N1"}) }),
		KindDecideCommendations:  decodeThen(func(o DecisionOutcome) error { return o.Validate(e, today) }),
		KindVerifyCadreRecord:    decodeThen(func(o VerifyRecordOutcome) error { return o.Validate() }),
		KindRecordCadreChoice:    decodeThen(func(o CadreChoiceOutcome) error { return o.Validate([]string{"early-retirement"}) }),
		KindApproveCadreBenefits: decodeThen(func(o CadreApprovalOutcome) error { return o.Validate() }),
		KindDecideCadreBenefits:  decodeThen(func(o DecisionOutcome) error { return o.Validate(e, today) }),
	}
	if len(validate) != len(TaskKinds()) {
		t.Errorf("%d kinds checked, TaskKinds has %d", len(validate), len(TaskKinds()))
	}
	for _, kind := range TaskKinds() {
		check, ok := validate[kind]
		if !ok {
			t.Errorf("no check for task kind %s", kind)
			continue
		}
		for _, raw := range []string{`null`, `{}`, `[]`, `""`, `{"x":1}`, `{} {}`} {
			if err := check(json.RawMessage(raw)); err == nil {
				t.Errorf("%s: outcome %s accepted", kind, raw)
			}
		}
	}
}

// decodeThen decodes an outcome strictly into T, as the workflows do, and
// validates it.
func decodeThen[T any](validate func(T) error) func(json.RawMessage) error {
	return func(raw json.RawMessage) error {
		var o T
		if err := DecodeOutcome(raw, &o); err != nil {
			return err
		}
		return validate(o)
	}
}
