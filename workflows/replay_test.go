package workflows

import (
	"os"
	"path/filepath"
	"testing"

	"go.temporal.io/sdk/worker"
)

// The histories under testdata come from real runs (the integration test
// writes them with -update-histories), one file per workflow type and code
// version: checklist.json and credentials.json from before the later areas,
// *-v1.json of the first generation with every area, *-v2.json of the lean
// generation (workflow types named …V2). Replaying every one guards
// determinism: a change to workflow code that would break running
// checklists fails here unless it is versioned (workflow.GetVersion, or a
// new generation of workflow types).
func TestReplayHistories(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.json"))
	if err != nil || len(files) < 2 {
		t.Fatalf("histories %v, %v", files, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			if _, err := os.Stat(file); err != nil {
				t.Fatal(err)
			}
			r := worker.NewWorkflowReplayer()
			Register(r)
			if err := r.ReplayWorkflowHistoryFromJSONFile(nil, file); err != nil {
				t.Fatalf("replay %s: %v", file, err)
			}
		})
	}
}

// Every workflow type has a history to replay.
func TestEveryWorkflowTypeHasAHistory(t *testing.T) {
	for _, prefix := range []string{"checklist", "credentials", "first-session", "commendations", "outgoing-cadres", "cadre-case", "mail-outbox"} {
		matches, _ := filepath.Glob(filepath.Join("testdata", prefix+"*.json"))
		if len(matches) == 0 {
			t.Errorf("no history of %s under testdata", prefix)
		}
	}
}
