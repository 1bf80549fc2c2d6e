package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"electionflow/election"
)

// The inbox query reaches exactly the tasks some grant covers, filters
// them, and pages through them with the total of all that match.
func TestInboxReachFiltersAndPages(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	const term election.Term = "2026-2031"
	due := time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC)
	open := func(council election.CouncilCode, kind election.TaskKind, role election.Role, n int) {
		t.Helper()
		var tasks []election.Task
		for i := range n {
			tasks = append(tasks, election.Task{ID: election.NewTaskID(term, council, kind, fmt.Sprint(i)), Term: term, Council: council,
				Kind: kind, Subject: "s", Role: role, Due: due.Add(time.Duration(i) * time.Hour)})
		}
		if err := s.OpenTasks(ctx, "checklist/"+string(term)+"/"+string(council), tasks); err != nil {
			t.Fatal(err)
		}
	}
	office, committee := election.RoleCouncilOffice, election.RoleElectionCommittee
	open("00004", election.KindSetSessionDate, office, 3)
	open("00008", election.KindSetSessionDate, office, 2)
	open("01", election.KindSubmitNominations, office, 4)
	open("QH", election.KindSetSessionDate, office, 1)
	open("00004", election.KindReviewComplaint, committee, 5)
	overdue := election.NewTaskID(term, "00008", election.KindSetSessionDate, "1")
	if err := s.NotifyTask(ctx, TaskNotice{Task: election.Task{ID: overdue, Role: office}, Kind: "escalation", At: due}); err != nil {
		t.Fatal(err)
	}

	claimed := election.NewTaskID(term, "01", election.KindSubmitNominations, "2")
	if err := s.ClaimTask(ctx, claimed, Actor{Name: "lan", Role: office}); err != nil {
		t.Fatal(err)
	}

	council04 := TaskReach{Term: term, Role: office, Council: "00004"}
	province01 := TaskReach{Term: term, Role: office, Province: "01"}
	everywhere := TaskReach{Term: term, Role: office}
	tests := []struct {
		name  string
		q     InboxQuery
		total int
		ids   int // on the page
	}{
		{"no reach", InboxQuery{}, 0, 0},
		{"one council", InboxQuery{Reach: []TaskReach{council04}}, 3, 3},
		{"a province", InboxQuery{Reach: []TaskReach{province01}}, 9, 9},
		{"overlapping grants count once", InboxQuery{Reach: []TaskReach{province01, council04}}, 9, 9},
		{"the election", InboxQuery{Reach: []TaskReach{everywhere}}, 10, 10},
		{"another role", InboxQuery{Reach: []TaskReach{{Term: term, Role: committee, Council: "00004"}}}, 5, 5},
		{"two roles", InboxQuery{Reach: []TaskReach{council04, {Term: term, Role: committee, Council: "00004"}}}, 8, 8},
		{"another term", InboxQuery{Reach: []TaskReach{{Term: "2021-2026", Role: office}}}, 0, 0},
		{"council filter", InboxQuery{Reach: []TaskReach{province01}, Council: "00008"}, 2, 2},
		{"kind filter", InboxQuery{Reach: []TaskReach{everywhere}, Kind: election.KindSubmitNominations}, 4, 4},
		{"overdue only", InboxQuery{Reach: []TaskReach{everywhere}, OverdueOnly: true}, 1, 1},
		{"claimed by lan", InboxQuery{Reach: []TaskReach{everywhere}, ClaimedBy: "lan"}, 1, 1},
		{"claimed by minh", InboxQuery{Reach: []TaskReach{everywhere}, ClaimedBy: "minh"}, 0, 0},
		{"unclaimed", InboxQuery{Reach: []TaskReach{everywhere}, Unclaimed: true}, 9, 9},
		{"first page", InboxQuery{Reach: []TaskReach{everywhere}, Limit: 4}, 10, 4},
		{"last page", InboxQuery{Reach: []TaskReach{everywhere}, Limit: 4, Offset: 8}, 10, 2},
		{"past the end", InboxQuery{Reach: []TaskReach{everywhere}, Limit: 4, Offset: 12}, 10, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, err := s.Inbox(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if page.Total != tt.total || len(page.Tasks) != tt.ids {
				t.Errorf("total %d, %d on the page; want %d, %d", page.Total, len(page.Tasks), tt.total, tt.ids)
			}
			if !slices.IsSortedFunc(page.Tasks, func(a, b InboxTask) int { return a.Due.Compare(b.Due) }) {
				t.Errorf("not soonest due first")
			}
		})
	}

	// Pages cover every task once, in order.
	var all []election.TaskID
	for offset := 0; ; offset += 3 {
		page, err := s.Inbox(ctx, InboxQuery{Reach: []TaskReach{everywhere}, Limit: 3, Offset: offset})
		if err != nil {
			t.Fatal(err)
		}
		if len(page.Tasks) == 0 {
			break
		}
		for _, task := range page.Tasks {
			all = append(all, task.ID)
		}
	}
	whole, err := s.Inbox(ctx, InboxQuery{Reach: []TaskReach{everywhere}})
	if err != nil {
		t.Fatal(err)
	}
	var want []election.TaskID
	for _, task := range whole.Tasks {
		want = append(want, task.ID)
	}
	if !slices.Equal(all, want) {
		t.Errorf("paged %v, whole %v", all, want)
	}
	if _, err := s.Inbox(ctx, InboxQuery{Reach: []TaskReach{everywhere}, Offset: -1}); err == nil {
		t.Error("a negative offset is accepted")
	}
	if _, err := s.Inbox(ctx, InboxQuery{Reach: []TaskReach{everywhere}, ClaimedBy: "lan", Unclaimed: true}); err == nil {
		t.Error("claimed by lan and unclaimed at once is accepted")
	}
}
