package election

// NoticeKind is the kind of a notice a task gets from its workflow: a
// reminder before it falls due (nhắc hạn), an escalation once it is overdue
// (báo quá hạn, to the managers of its scope), or a legal deadline missed
// with the work still open.
type NoticeKind string

// The notice kinds.
const (
	NoticeReminder   NoticeKind = "reminder"
	NoticeEscalation NoticeKind = "escalation"
	// NoticeDeadlineMissed: the first session not held by its legal
	// deadline.
	NoticeDeadlineMissed NoticeKind = "deadline-missed"
)

// MarksOverdue says whether the notice marks its task overdue in the inbox:
// an escalation does, since it is sent when the task's due time has passed.
func (k NoticeKind) MarksOverdue() bool { return k == NoticeEscalation }

// Title names the notice kind for people, as the web app lists it and a
// mail's subject starts.
func (k NoticeKind) Title() Text {
	switch k {
	case NoticeReminder:
		return Text{Vi: "Nhắc hạn", En: "Reminder"}
	case NoticeEscalation:
		return Text{Vi: "Báo quá hạn", En: "Escalation: overdue"}
	case NoticeDeadlineMissed:
		return Text{Vi: "Quá hạn luật định", En: "Legal deadline missed"}
	}
	return Text{Vi: "Thông báo", En: "Notice"}
}
