package election

// Size limits of outcomes, checked by every front end before an outcome
// is sent and again by the workflow's validator, far below Temporal's
// payload limits (a warning at 512 KiB, a refusal at 2 MB by default), so an oversized field is
// refused with the field's name rather than failing in Temporal.
const (
	// MaxSingleOutcomeBytes bounds the JSON of a single-value outcome.
	MaxSingleOutcomeBytes = 16 << 10
	// MaxListOutcomeBytes bounds the JSON of a list outcome (leadership
	// results, approvals, nominations, the council's review).
	MaxListOutcomeBytes = 512 << 10
	// MaxDocumentNoLen bounds a resolution or decision number, in
	// characters.
	MaxDocumentNoLen = 60
	// MaxNoteLen bounds reasons and notes, in characters.
	MaxNoteLen = maxReasonLen
)

// OutcomeForms describes the outcome of every task kind, area by area, in
// the order of TaskKinds. Adding a task kind means adding its form here
// and its check in the workflow that owns the task.
func OutcomeForms() []OutcomeForm {
	return append(append(append(credentialsForms(), firstSessionForms()...), commendationsForms()...), cadreForms()...)
}

// Fields shared by several kinds.
func reasonField(required bool, samples map[string][]string) OutcomeField {
	usage := "the reason of the decision (required to reject)"
	if required {
		usage = "the reason of the decision"
	}
	return OutcomeField{Name: "reason", Key: "reason", Type: FieldText, Label: Text{"Lý do", "Reason"},
		Usage: usage, Required: required, MaxLen: MaxNoteLen, Fill: Fill{By: FillSample, Samples: samples}}
}

func noteField(key string, samples map[string][]string) OutcomeField {
	return OutcomeField{Name: "note", Key: key, Type: FieldText, Label: Text{"Ghi chú", "Note"},
		Usage: "a note", MaxLen: MaxNoteLen, Fill: Fill{By: FillSample, Samples: samples}}
}

func dateField(key string, label Text, usage string, window DateWindow) OutcomeField {
	return OutcomeField{Name: "date", Key: key, Type: FieldDate, Label: label, Usage: usage,
		Required: true, Fill: Fill{By: FillDay, Window: window}}
}

func documentNoField(name, key string, label Text, usage, format string, max int) OutcomeField {
	return OutcomeField{Name: name, Key: key, Type: FieldText, Label: label, Usage: usage, Required: true,
		MaxLen: MaxDocumentNoLen, Fill: Fill{By: FillDocumentNo, Format: format, Max: max}}
}

func approveOptions() []Option {
	return []Option{{string(Approve), Text{"Đồng ý", "Approve"}}, {string(Reject), Text{"Không đồng ý", "Reject"}}}
}

func decisionForm(kind TaskKind, title Text) OutcomeForm {
	return OutcomeForm{Kind: kind, Title: title, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(DecisionOutcome) },
		Example: `{"decision_no":"77/QĐ-UBND","decided_on":"30/04/2026"}`,
		Fields: []OutcomeField{
			documentNoField("decision-no", "decision_no", Text{"Số quyết định", "Decision number"},
				"the decision's number, e.g. 77/QĐ-UBND", "%d/QĐ-UBND", 900),
			dateField("decided_on", Text{"Ngày ký quyết định", "Signed on"}, "the day it was signed", WindowToday),
		}}
}

func credentialsForms() []OutcomeForm {
	return []OutcomeForm{
		{Kind: KindReviewComplaint, Title: Text{"Xem xét khiếu nại, tố cáo", "Review a complaint"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(ReviewOutcome) },
			Example: `{"decision":"dismissed","reason":"Nội dung khiếu nại không có cơ sở"}`,
			Note:    "--ineligible: the review found the person ineligible, whatever the complaint's fate",
			Fields: []OutcomeField{
				{Name: "decision", Key: "decision", Type: FieldSelect, Label: Text{"Quyết định", "Decision"}, Required: true,
					Usage:   "upheld (the person is not confirmed) or dismissed",
					Options: []Option{{string(Dismissed), Text{"Không có cơ sở", "Dismissed"}}, {string(Upheld), Text{"Có cơ sở", "Upheld"}}},
					Fill:    Fill{By: FillPick, Usual: string(Dismissed), Rare: string(Upheld), RareShare: -1}},
				reasonField(true, map[string][]string{
					string(Upheld): {
						"Kết quả xác minh cho thấy người trúng cử kê khai tài sản, thu nhập không trung thực",
						"Có căn cứ về việc vi phạm quy định vận động bầu cử",
						"Xác minh cho thấy người trúng cử không đủ tiêu chuẩn đại biểu theo quy định",
					},
					string(Dismissed): {
						"Nội dung khiếu nại không có cơ sở sau khi xác minh",
						"Đơn tố cáo không có căn cứ, người trúng cử đủ tiêu chuẩn",
						"Khiếu nại đã được giải thích, người khiếu nại đồng ý rút đơn",
					},
				}),
				{Name: "ineligible", Key: "ineligible", Type: FieldCheckbox,
					Label: Text{"Người trúng cử không đủ tư cách", "The person was found ineligible"},
					Usage: "the review found the person ineligible"},
			}},
		{Kind: KindAdoptResolution, Title: Text{"Thông qua nghị quyết xác nhận tư cách", "Adopt the credential resolution"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(ResolutionOutcome) },
			Example: `{"adopted_on":"10/04/2026"}`,
			Note:    "the resolution is adopted after complaints close, not in the future; without --resolution-no it takes the next number of the committee's register",
			Fields: []OutcomeField{
				{Name: "resolution-no", Key: "resolution_no", Type: FieldText, MaxLen: MaxDocumentNoLen,
					Label: Text{"Số nghị quyết (để trống: số tiếp theo trong sổ đăng ký của ủy ban)", "Resolution number (empty: the next of the committee's register)"},
					Usage: "only for a resolution numbered outside electionflow, e.g. 12/NQ-UBBC; by default the committee's register numbers it"},
				dateField("adopted_on", Text{"Ngày thông qua", "Adopted on"}, "the day it was adopted", WindowResolution),
			}},
		{Kind: KindHandOverCertificates, Title: Text{"Trao giấy chứng nhận đại biểu", "Hand over the certificates"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(HandoverOutcome) },
			Example: `{"handed_over_on":"12/04/2026","note":"Đã trao tại hội nghị"}`,
			Fields: []OutcomeField{
				dateField("handed_over_on", Text{"Ngày trao giấy chứng nhận", "Handed over on"}, "the day they were handed over", WindowHandover),
				noteField("note", map[string][]string{"": {"Đã trao tại hội nghị"}}),
			}},
	}
}

func firstSessionForms() []OutcomeForm {
	return []OutcomeForm{
		{Kind: KindSetSessionDate, Title: Text{"Ấn định ngày khai mạc kỳ họp thứ nhất", "Set the first session's date"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(SessionDateOutcome) },
			Example: `{"session_date":"20/04/2026"}`,
			Fields: []OutcomeField{
				dateField("session_date", Text{"Ngày khai mạc kỳ họp", "Session date"}, "the session date, no later than the legal deadline", WindowSession),
			}},
		{Kind: KindSendSessionDocuments, Title: Text{"Gửi tài liệu kỳ họp thứ nhất", "Send the first session's documents"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(DocumentsOutcome) },
			Example: `{"sent_on":"15/04/2026","recipients":25}`,
			Fields: []OutcomeField{
				dateField("sent_on", Text{"Ngày gửi tài liệu", "Sent on"}, "the day they were sent", WindowDocuments),
				{Name: "recipients", Key: "recipients", Type: FieldNumber, Required: true,
					Label: Text{"Số đại biểu nhận tài liệu", "Delegates who received the documents"},
					Usage: "how many delegates received them (every confirmed delegate)", Fill: Fill{By: FillConfirmedCount}},
			}},
		{Kind: KindOpenSession, Title: Text{"Khai mạc kỳ họp thứ nhất", "Open the first session"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(OpeningOutcome) },
			Example: `{"opened_on":"20/04/2026","credential_report_presented":true}`,
			Fields: []OutcomeField{
				dateField("opened_on", Text{"Ngày khai mạc", "Opened on"}, "the day the session opened", WindowOpening),
				{Name: "credential-report", Key: "credential_report_presented", Type: FieldCheckbox, Required: true,
					Label: Text{"Đã trình bày báo cáo xác nhận tư cách", "The credential report was presented"},
					Usage: "the credential report was presented", Fill: Fill{By: FillYes}},
			}},
		{Kind: KindRecordLeadership, Title: Text{"Ghi nhận kết quả bầu các chức danh", "Record the leadership election results"}, MaxBytes: MaxListOutcomeBytes, zero: func() any { return new(LeadershipOutcome) },
			ListFill: Fill{By: FillLeadership},
			Example: `{"results":[{"position":"hdnd-chair","person":"<person-id>"},` +
				`{"position":"committee-head","committee":"Ban Pháp chế","person":"<person-id>"},` +
				`{"position":"ubnd-vice-chair","name":"<holder from outside>"}]}`},
		{Kind: KindRecordApprovals, Title: Text{"Ghi nhận phê chuẩn kết quả bầu", "Record the approvals of the results"}, MaxBytes: MaxListOutcomeBytes, zero: func() any { return new(ApprovalsOutcome) },
			ListFill: Fill{By: FillApprovals},
			Example: `{"approvals":[{"position":"hdnd-chair","person":"<person-id>","body":"Ủy ban Thường vụ Quốc hội",` +
				`"decision_no":"5/NQ-UBTVQH","approved_on":"30/04/2026"}]}`},
	}
}

func commendationsForms() []OutcomeForm {
	return []OutcomeForm{
		{Kind: KindSubmitNominations, Title: Text{"Gửi đề nghị khen thưởng", "Submit commendation nominations"}, MaxBytes: MaxListOutcomeBytes, zero: func() any { return new(NominationsOutcome) },
			ListFill: Fill{By: FillNominations},
			Example: `{"nominations":[{"id":"N1","nominee_kind":"collective","nominee":"Tổ bầu cử số 1",` +
				`"achievement":"Hoàn thành sớm việc kiểm phiếu"}]}`},
		{Kind: KindAppraiseNomination, Title: Text{"Thẩm định hồ sơ khen thưởng", "Appraise a nomination"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(AppraisalOutcome) },
			Example: `{"decision":"approve"}`,
			Fields: []OutcomeField{
				{Name: "decision", Key: "decision", Type: FieldSelect, Label: Text{"Quyết định", "Decision"}, Required: true,
					Usage: "approve or reject", Options: approveOptions(),
					Fill: Fill{By: FillPick, Usual: string(AppraisalApprove), Rare: string(AppraisalReject), RareShare: 0.2}},
				reasonField(false, map[string][]string{string(AppraisalReject): {"Hồ sơ chưa đủ thành tích theo quy định"}}),
			}},
		{Kind: KindReviewCommendations, Title: Text{"Hội đồng Thi đua – Khen thưởng xét", "Review the commendations"}, MaxBytes: MaxListOutcomeBytes, zero: func() any { return new(CouncilReviewOutcome) },
			ListFill: Fill{By: FillCouncilReview},
			Example:  `{"decisions":[{"nomination":"N1","approve":true},{"nomination":"N2","approve":false,"reason":"Chưa tiêu biểu"}]}`},
		decisionForm(KindDecideCommendations, Text{"Quyết định khen thưởng", "Decide the commendations"}),
	}
}

func cadreForms() []OutcomeForm {
	return []OutcomeForm{
		{Kind: KindVerifyCadreRecord, Title: Text{"Xác minh quá trình đóng BHXH và tiền lương", "Verify the insurance and salary record"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(VerifyRecordOutcome) },
			Example: `{"result":"verified","note":"Đã đối chiếu sổ BHXH"}`,
			Note:    "save corrections first with starter correct-cadre",
			Fields: []OutcomeField{
				{Name: "result", Key: "result", Type: FieldSelect, Label: Text{"Kết quả xác minh", "Verification result"}, Required: true,
					Usage: "verified, or corrected (after starter correct-cadre)",
					Options: []Option{{string(RecordVerified), Text{"Đúng như hồ sơ", "Verified"}},
						{string(RecordCorrected), Text{"Đã điều chỉnh hồ sơ", "Corrected"}}},
					Fill: Fill{By: FillPick, Usual: string(RecordVerified)}},
				noteField("note", map[string][]string{string(RecordVerified): {"Đã đối chiếu sổ BHXH"}}),
			}},
		{Kind: KindRecordCadreChoice, Title: Text{"Ghi nhận lựa chọn chế độ của cán bộ", "Record the cadre's choice"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(CadreChoiceOutcome) },
			Example: `{"option":"early-retirement"}`,
			Fields: []OutcomeField{
				{Name: "option", Key: "option", Type: FieldSelect, Label: Text{"Phương án", "Option"}, Required: true,
					Usage: "one of the options open to the cadre",
					Options: []Option{{string(OptionEarlyRetirement), Text{"Nghỉ hưu trước tuổi", "Early retirement"}},
						{string(OptionReassignment), Text{"Bố trí công tác khác", "Reassignment"}},
						{string(OptionAwaitRetirement), Text{"Chờ đủ tuổi nghỉ hưu", "Await retirement"}}},
					Fill: Fill{By: FillCadreOption}},
			}},
		{Kind: KindApproveCadreBenefits, Title: Text{"Phê duyệt chế độ cán bộ", "Approve the cadre's benefits"}, MaxBytes: MaxSingleOutcomeBytes, zero: func() any { return new(CadreApprovalOutcome) },
			Example: `{"decision":"approve"}`,
			Fields: []OutcomeField{
				{Name: "decision", Key: "decision", Type: FieldSelect, Label: Text{"Quyết định", "Decision"}, Required: true,
					Usage: "approve or reject", Options: approveOptions(), Fill: Fill{By: FillPick, Usual: string(Approve)}},
				reasonField(false, nil),
			}},
		decisionForm(KindDecideCadreBenefits, Text{"Quyết định chế độ cán bộ", "Decide the cadre's benefits"}),
	}
}
