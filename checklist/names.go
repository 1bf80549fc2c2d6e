package checklist

import (
	"fmt"
	"time"

	"electionflow/election"
)

// Workflow type names.
const (
	// WorkflowChecklist is the parent checklist of one council.
	WorkflowChecklist = "ChecklistV2"
)

// WorkflowTaskTimeout bounds one workflow task of a lean checklist and of
// its areas. When a worker dies holding one, another worker takes it after
// this long: with Temporal's default of 10 s each killed worker stalled its
// councils that long in the chaos rehearsal. A workflow task with its
// batched writes takes milliseconds; the SDK keeps a longer one alive (a
// write waiting for Postgres) by completing it with a new one to follow.
const WorkflowTaskTimeout = 5 * time.Second

// Message names of the checklist workflows.
const (
	// UpdateCompleteTask completes a human task on the area workflow that
	// owns it.
	UpdateCompleteTask = "complete-task"
	// QueryProgress returns a workflow's progress record.
	QueryProgress = "progress"
	// SignalAreaProgress carries an area's progress to its checklist.
	SignalAreaProgress = "area-progress"
)

// Activity names.
const (
	ActivityLoadCouncil    = "LoadCouncil"
	ActivityOpenTasks      = "OpenTasks"
	ActivityCompleteTask   = "CompleteTask"
	ActivityNotifyTask     = "NotifyTask"
	ActivityRecordProgress = "RecordProgress"
)

// Area names one part of a council's checklist.
type Area string

// WorkflowID is the ID of a council's checklist: checklist/<term>/<council>.
func WorkflowID(term election.Term, council election.CouncilCode) string {
	return fmt.Sprintf("checklist/%s/%s", term, council)
}

// AreaWorkflowID is the ID of one area's child workflow.
func AreaWorkflowID(term election.Term, council election.CouncilCode, area Area) string {
	return WorkflowID(term, council) + "/" + string(area)
}
