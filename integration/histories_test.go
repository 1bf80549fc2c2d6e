package integration

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	historypb "go.temporal.io/api/history/v1"
	"google.golang.org/protobuf/encoding/protojson"

	"electionflow/checklist"
)

var updateHistories = flag.Bool("update-histories", false, "write the histories of one council's checklist to workflows/testdata for the replay tests")

// checkHistories exports the history of every workflow of the run and
// checks that none carries an imported citizen ID or birth date. With
// -update-histories it also writes one council's checklist and credentials
// histories for the replay tests.
func checkHistories(t *testing.T, st *stack) {
	t.Helper()
	ctx := context.Background()
	var secrets []string
	for _, p := range st.roster.Persons {
		secrets = append(secrets, string(p.CitizenID), p.BirthDate.String(), p.BirthDate.Vietnamese())
	}
	for _, c := range st.roster.Cadres {
		secrets = append(secrets, string(c.CitizenID), c.BirthDate.String())
	}
	for i, council := range st.roster.Councils {
		ids := map[string]string{"checklist": checklist.WorkflowID(st.term(), council.Code)}
		for _, area := range []checklist.Area{checklist.AreaCredentials, checklist.AreaFirstSession, checklist.AreaCommendations, checklist.AreaCadres} {
			ids[string(area)] = checklist.AreaWorkflowID(st.term(), council.Code, area)
		}
		for name, id := range ids {
			data := exportHistory(t, st, ctx, id)
			text := string(data)
			for _, s := range secrets {
				if strings.Contains(text, s) {
					t.Errorf("history of %s contains personal data %q", id, s)
				}
			}
			for _, p := range st.roster.Persons {
				if strings.Contains(text, p.FullName) {
					t.Errorf("history of %s contains the name of %s", id, p.ID)
				}
			}
			if *updateHistories && i == 0 {
				path := filepath.Join("..", "workflows", "testdata", name+"-"+historyVersion+".json")
				if err := os.WriteFile(path, data, 0o644); err != nil {
					t.Fatal(err)
				}
				t.Logf("wrote %s", path)
			}
		}
	}
}

// historyVersion names the histories -update-histories writes: raise it
// when workflow code changes under a new workflow.GetVersion, so the
// histories of every earlier version stay and keep being replayed.
const historyVersion = "v2"

func exportHistory(t *testing.T, st *stack, ctx context.Context, id string) []byte {
	t.Helper()
	return exportRun(t, st, ctx, id, "")
}

// exportRun is the history of one run of workflow id ("": its latest), as
// JSON the replayer reads.
func exportRun(t *testing.T, st *stack, ctx context.Context, id, runID string) []byte {
	t.Helper()
	it := st.ts.GetDefaultClient().GetWorkflowHistory(ctx, id, runID, false, 0)
	h := &historypb.History{}
	for it.HasNext() {
		e, err := it.Next()
		if err != nil {
			t.Fatalf("history of %s: %v", id, err)
		}
		h.Events = append(h.Events, e)
	}
	data, err := protojson.MarshalOptions{Multiline: true, Indent: "  "}.Marshal(h)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
