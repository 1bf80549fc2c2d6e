// Package ops is what administrators and staff do to the checklists, as
// one client path shared by starter, the simulated staff and the
// integration tests: start checklists idempotently, complete human tasks
// through the complete-task update of the workflow that owns them, and
// read progress.
package ops

import (
	"go.temporal.io/sdk/client"

	"electionflow/store"
)

// Ops reaches Temporal and the database.
type Ops struct {
	Temporal  client.Client
	Store     *store.Store
	TaskQueue string
	// ChecklistType is the workflow type new checklists start as; empty
	// means the current generation (checklist.WorkflowChecklist). A
	// rehearsal sets checklist.WorkflowChecklistV1 to measure the first
	// generation on the same server.
	ChecklistType string
}
