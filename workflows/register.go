package workflows

import (
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
)

// Register adds every checklist workflow of both generations to a worker
// under its contract name (the lean generation for new checklists, the
// first for those started before it, until they finish) and the mail
// outbox.
func Register(r worker.WorkflowRegistry) {
	for name, fn := range map[string]any{
		checklist.WorkflowChecklist:       ChecklistV2,
		checklist.WorkflowCredentials:     CredentialsV2,
		checklist.WorkflowFirstSession:    FirstSessionV2,
		checklist.WorkflowCommendations:   CommendationsV2,
		checklist.WorkflowCadres:          OutgoingCadresV2,
		checklist.WorkflowChecklistV1:     checklistV1,
		checklist.WorkflowCredentialsV1:   credentialsV1,
		checklist.WorkflowFirstSessionV1:  firstSessionV1,
		checklist.WorkflowCommendationsV1: commendationsV1,
		checklist.WorkflowCadresV1:        outgoingCadresV1,
		checklist.WorkflowCadreCaseV1:     cadreCaseV1,
		checklist.WorkflowMailOutbox:      MailOutbox,
	} {
		r.RegisterWorkflowWithOptions(fn, workflow.RegisterOptions{Name: name})
	}
}
