package workflows

import (
	"path/filepath"
	"testing"

	"go.temporal.io/sdk/worker"
	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
)

// The histories under testdata come from a real run (the integration test
// writes them with -update-histories). Replaying them guards determinism:
// a change to workflow code that would break running checklists fails here
// unless it is versioned with workflow.GetVersion.
func TestReplayHistories(t *testing.T) {
	tests := []struct {
		file     string
		workflow any
		name     string
	}{
		{"checklist.json", Checklist, checklist.WorkflowChecklist},
		{"credentials.json", Credentials, checklist.WorkflowCredentials},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			r := worker.NewWorkflowReplayer()
			r.RegisterWorkflowWithOptions(tt.workflow, workflow.RegisterOptions{Name: tt.name})
			if err := r.ReplayWorkflowHistoryFromJSONFile(nil, filepath.Join("testdata", tt.file)); err != nil {
				t.Fatalf("replay %s: %v", tt.file, err)
			}
		})
	}
}
