package checklist

import (
	"encoding/json"
	"time"

	"electionflow/election"
)

// Input starts a council's checklist.
type Input struct {
	Term    election.Term        `json:"term"`
	Council election.CouncilCode `json:"council"`
}

// CouncilFacts is what a checklist reads once at start: the council (no
// personal data) and the deadlines of its election's legal calendar.
type CouncilFacts struct {
	Term        election.Term         `json:"term"`
	Council     election.CouncilCode  `json:"council"`
	Name        string                `json:"name"`
	Level       election.Level        `json:"level"`
	Province    election.ProvinceCode `json:"province"`
	Seats       int                   `json:"seats"`
	ElectionDay election.Date         `json:"election_day"`
	// Deadlines of the calendar that concern this council, first session
	// already counted from its re-run election when it had one.
	ComplaintsSettled    election.Date `json:"complaints_settled"`
	CredentialResolution election.Date `json:"credential_resolution"`
	FirstSession         election.Date `json:"first_session"`
	// ComplaintsFiled is the last day complaints about the results can be
	// filed: the credential resolution cannot be adopted before it.
	ComplaintsFiled election.Date `json:"complaints_filed,omitempty"`
	// NominationsClose ends the commendation nomination window.
	NominationsClose election.Date `json:"nominations_close,omitempty"`
	// CadreDecisions is when outgoing cadres' benefit decisions are due.
	CadreDecisions election.Date `json:"cadre_decisions,omitempty"`
}

// Result is what a finished checklist reports; an area the checklist did
// not run (one started before the area existed) is nil.
type Result struct {
	Credentials   CredentialsResult    `json:"credentials"`
	FirstSession  *FirstSessionResult  `json:"first_session,omitempty"`
	Commendations *CommendationsResult `json:"commendations,omitempty"`
	Cadres        *CadresResult        `json:"cadres,omitempty"`
}

// CompleteTaskRequest is the payload of the complete-task update: which
// task, who completes it in which role, from where, and the outcome, whose
// shape depends on the task's kind.
type CompleteTaskRequest struct {
	TaskID  election.TaskID `json:"task_id"`
	Actor   string          `json:"actor"`
	Role    election.Role   `json:"role"`
	Source  string          `json:"source,omitempty"`
	Outcome json.RawMessage `json:"outcome"`
}

// CompleteTaskResult acknowledges a completed task.
type CompleteTaskResult struct {
	TaskID      election.TaskID `json:"task_id"`
	CompletedAt time.Time       `json:"completed_at"`
}

// TaskCompletion is what the CompleteTask activity records: the inbox row
// closed and one audit row, both keyed by the task so a retry writes
// nothing twice.
type TaskCompletion struct {
	Task    election.Task   `json:"task"`
	Actor   string          `json:"actor"`
	Role    election.Role   `json:"role"`
	Source  string          `json:"source,omitempty"`
	Outcome json.RawMessage `json:"outcome"`
	At      time.Time       `json:"at"`
}

// TaskNotice is a reminder or escalation of one task. An escalation also
// marks the task overdue in the inbox.
type TaskNotice struct {
	Task election.Task       `json:"task"`
	Kind election.NoticeKind `json:"kind"`
	// Lead is how long before the due time a reminder is sent; zero for
	// an escalation.
	Lead time.Duration `json:"lead"`
	At   time.Time     `json:"at"`
}

// AreaState is where an area is.
type AreaState string

// The area states.
const (
	AreaPending AreaState = "pending"
	AreaRunning AreaState = "running"
	AreaDone    AreaState = "done"
	AreaFailed  AreaState = "failed"
)

// AreaProgress is the progress of one area, sent to the checklist and
// mirrored into Postgres.
type AreaProgress struct {
	Term         election.Term        `json:"term"`
	Council      election.CouncilCode `json:"council"`
	Area         Area                 `json:"area"`
	State        AreaState            `json:"state"`
	Step         string               `json:"step"`
	OpenTasks    int                  `json:"open_tasks"`
	OverdueTasks int                  `json:"overdue_tasks"`
	// NextDeadline is the earliest due time of an open task; zero when none.
	NextDeadline time.Time `json:"next_deadline,omitempty"`
	// Seq orders the reports of one area, so a late retry never overwrites
	// newer progress.
	Seq int `json:"seq"`
}

// Progress is a checklist's progress record, returned by the progress
// query.
type Progress struct {
	Term         election.Term        `json:"term"`
	Council      election.CouncilCode `json:"council"`
	Stage        string               `json:"stage"`
	Areas        []AreaProgress       `json:"areas"`
	OpenTasks    int                  `json:"open_tasks"`
	OverdueTasks int                  `json:"overdue_tasks"`
	NextDeadline time.Time            `json:"next_deadline,omitempty"`
}
