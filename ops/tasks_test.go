package ops

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/internal/storetest"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

// An outcome its kind's form refuses is refused before Temporal is called
// (this Ops has no Temporal client: reaching it would panic).
func TestCompleteTaskRefusesBadOutcomesBeforeTemporal(t *testing.T) {
	ctx := context.Background()
	s := storetest.OpenWithRoster(t)
	id := election.NewTaskID("2026-2031", "00004", election.KindHandOverCertificates, "certificates")
	task := election.Task{ID: id, Term: "2026-2031", Council: "00004", Kind: election.KindHandOverCertificates,
		Subject: "certificates", Role: election.RoleCouncilOffice, Due: time.Now().Add(time.Hour)}
	if err := s.OpenTasks(ctx, "checklist/2026-2031/00004/credentials", []election.Task{task}); err != nil {
		t.Fatal(err)
	}
	o := &Ops{Store: s}
	for _, tt := range []struct{ outcome, says string }{
		{`{"handed_over_on":"2026-04-02","note":"` + strings.Repeat("x", 3<<20) + `"}`, "at most 16384"},
		{`{"handed_over_on":42}`, "handed_over_on: want a date"},
		{`{"handed_over_on":"2026-04-02"} {}`, "trailing data"},
		{``, "want one JSON object"},
	} {
		_, err := o.CompleteTask(ctx, checklist.CompleteTaskRequest{TaskID: id, Actor: "a", Role: election.RoleCouncilOffice,
			Outcome: json.RawMessage(tt.outcome)})
		var refused *RefusedError
		if !errors.As(err, &refused) || !strings.Contains(refused.Reason, tt.says) {
			t.Errorf("%.60s: %v, want a refusal saying %q", tt.outcome, err, tt.says)
		}
	}
}
