package workflows

import (
	"fmt"

	"go.temporal.io/sdk/workflow"

	"electionflow/checklist"
	"electionflow/election"
)

// areaRun is what every area workflow (and a cadre's case) works with: its
// facts, its writer to Postgres, its progress reporter and, for an area
// with tasks of its own, its task board.
type areaRun struct {
	facts checklist.CouncilFacts
	w     *writer
	rep   *areaReporter
	board *taskBoard
}

// startArea sets up an area workflow of either generation: in v1 it
// upserts the identity search attributes (the lean generation gets them
// from its parent at start), then registers the progress query and, when
// checks is not nil, the task board with its complete-task update.
func startArea(ctx workflow.Context, facts checklist.CouncilFacts, area checklist.Area, lean bool,
	checks map[election.TaskKind]outcomeCheck) (*areaRun, error) {
	if !lean {
		if err := workflow.UpsertTypedSearchAttributes(ctx, identityAttributes(facts)...); err != nil {
			return nil, fmt.Errorf("search attributes: %w", err)
		}
	}
	a := &areaRun{facts: facts, w: newWriter(lean)}
	var err error
	if a.rep, err = newAreaReporter(ctx, facts, area, a.w); err != nil {
		return nil, err
	}
	if checks != nil {
		if a.board, err = newTaskBoard(ctx, facts.Term, facts.Council, checks, a.rep.publish, a.w); err != nil {
			return nil, err
		}
		a.rep.board = a.board
	}
	a.w.start(ctx)
	return a, nil
}

// task opens one task of the area and waits until it is done, decoding
// its outcome into out.
func (a *areaRun) task(ctx workflow.Context, t election.Task, out any) error {
	if err := a.board.open(ctx, t); err != nil {
		return err
	}
	if err := a.board.await(ctx, t.ID); err != nil {
		return err
	}
	return a.board.outcome(t.ID, out)
}

// newTask is a task of the area's council.
func (a *areaRun) newTask(kind election.TaskKind, subject string, role election.Role, due election.Date, about string) election.Task {
	return election.Task{
		ID:   election.NewTaskID(a.facts.Term, a.facts.Council, kind, subject),
		Kind: kind, Subject: about, Role: role, Due: due.EndOfOfficeDay(),
	}
}
