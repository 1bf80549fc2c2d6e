package workflows

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// historyEvent is what the lean-generation checks read of an exported
// history event.
type historyEvent struct {
	EventID   string `json:"eventId"`
	EventType string `json:"eventType"`
	Completed *struct {
		AcceptedEventID string `json:"acceptedEventId"`
	} `json:"workflowExecutionUpdateCompletedEventAttributes"`
}

// readEvents reads the events of an exported history.
func readEvents(t *testing.T, file string) []historyEvent {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Events []historyEvent `json:"events"`
	}
	if err := json.Unmarshal(data, &h); err != nil {
		t.Fatal(err)
	}
	return h.Events
}

// updatesAnsweredLater counts, in one exported history, the updates whose
// completion came in a later workflow task than their acceptance.
func updatesAnsweredLater(t *testing.T, file string) (updates, later int) {
	t.Helper()
	events := readEvents(t, file)
	index := map[string]int{}
	for i, e := range events {
		index[e.EventID] = i
	}
	for i, e := range events {
		if e.Completed == nil {
			continue
		}
		updates++
		accepted, ok := index[e.Completed.AcceptedEventID]
		if !ok {
			t.Fatalf("%s: update accepted at unknown event %s", file, e.Completed.AcceptedEventID)
		}
		for _, between := range events[accepted:i] {
			if strings.HasSuffix(between.EventType, "WORKFLOW_TASK_SCHEDULED") {
				later++
				break
			}
		}
	}
	return updates, later
}

// Every completion of the lean generation answers in the workflow task
// that accepted it (its writes are one local activity in that task); the
// first generation waited for an activity, so none did. Checked on the
// committed histories of real runs.
func TestLeanCompletionsAnswerInTheirWorkflowTask(t *testing.T) {
	for _, tc := range []struct {
		version  string
		sameTask bool
	}{{"v2", true}, {"v1", false}} {
		files, _ := filepath.Glob(filepath.Join("testdata", "*-"+tc.version+".json"))
		total := 0
		for _, file := range files {
			updates, later := updatesAnsweredLater(t, file)
			total += updates
			switch {
			case tc.sameTask && later > 0:
				t.Errorf("%s: %d of %d completions answered in a later workflow task", file, later, updates)
			case !tc.sameTask && later != updates:
				t.Errorf("%s: %d of %d first-generation completions answered later, want all", file, later, updates)
			}
		}
		if total == 0 {
			t.Errorf("no update in the %s histories", tc.version)
		}
		t.Logf("%s: %d completions in %d histories", tc.version, total, len(files))
	}
}

// The lean generation's histories stay small: at most 12 events per human
// task over a council's workflows, against about 62 in the first
// generation (the committed histories are one council of the integration
// run, with eight cadres' cases).
func TestLeanHistoriesStaySmall(t *testing.T) {
	perTask := func(version string) float64 {
		files, _ := filepath.Glob(filepath.Join("testdata", "*-"+version+".json"))
		total, tasks := 0, 0
		for _, file := range files {
			events := readEvents(t, file)
			n := 1
			if strings.HasPrefix(filepath.Base(file), "cadre-case") {
				n = 8 // one history stands for each of the council's eight cases
			}
			total += n * len(events)
			for _, e := range events {
				if e.Completed != nil {
					tasks += n
				}
			}
		}
		if tasks == 0 {
			t.Fatalf("no task in the %s histories", version)
		}
		return float64(total) / float64(tasks)
	}
	lean, first := perTask("v2"), perTask("v1")
	t.Logf("events per human task: lean %.1f, first generation %.1f", lean, first)
	if lean > 12 {
		t.Errorf("lean generation: %s events per task, want at most 12", strconv.FormatFloat(lean, 'f', 1, 64))
	}
	if first < 3*lean {
		t.Errorf("first generation %.1f events per task, lean %.1f: the histories under testdata are not what they say", first, lean)
	}
}
