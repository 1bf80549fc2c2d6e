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
