package workflows

import (
	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
)

// Register adds every checklist workflow to a worker under its contract name.
func Register(r worker.WorkflowRegistry) {
	r.RegisterWorkflowWithOptions(Checklist, workflow.RegisterOptions{Name: checklist.WorkflowChecklist})
	r.RegisterWorkflowWithOptions(Credentials, workflow.RegisterOptions{Name: checklist.WorkflowCredentials})
	r.RegisterWorkflowWithOptions(FirstSession, workflow.RegisterOptions{Name: checklist.WorkflowFirstSession})
	RegisterCommendations(r)
	r.RegisterWorkflowWithOptions(OutgoingCadres, workflow.RegisterOptions{Name: checklist.WorkflowCadres})
	r.RegisterWorkflowWithOptions(CadreCase, workflow.RegisterOptions{Name: checklist.WorkflowCadreCase})
}
