package store

import (
	"context"
	"testing"

	"electionflow/checklist"
	"electionflow/election"
)

func TestNamesAbout(t *testing.T) {
	s := openWithRoster(t)
	const term election.Term = "2026-2031"
	task := func(id string, kind election.TaskKind, term election.Term, values ...any) election.Task {
		return election.Task{ID: election.TaskID(id), Term: term, Kind: kind, Subject: checklist.Subject(kind, values...)}
	}
	review, verify := election.KindReviewComplaint, election.KindVerifyCadreRecord
	tasks := []election.Task{
		task("review", review, term, election.KindComplaint, election.ComplaintID("KN-001"), election.PersonID("00004-P002")),
		task("cadre", verify, term, "CB-001"),
		task("unknown cadre", verify, term, "CB-999"),
		task("other term", verify, "2021-2026", "CB-001"),
		task("session", election.KindSetSessionDate, term, "session"),
	}
	got, err := s.NamesAbout(context.Background(), tasks)
	if err != nil {
		t.Fatal(err)
	}
	want := map[election.TaskID]string{"review": "Phạm Đức Thắng", "cadre": "Hoàng Văn Bình"}
	if len(got) != len(want) || got["review"] != want["review"] || got["cadre"] != want["cadre"] {
		t.Errorf("names %v, want %v", got, want)
	}
	if got, err := s.NamesAbout(context.Background(), nil); err != nil || len(got) != 0 {
		t.Errorf("no tasks: %v, %v", got, err)
	}
}
