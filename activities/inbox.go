package activities

import (
	"context"

	"go.temporal.io/sdk/activity"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/store"
)

// OpenTasks mirrors tasks into the inbox, under the workflow that owns them
// (the one calling), so staff can find them and send their update there.
func (a *Activities) OpenTasks(ctx context.Context, tasks []election.Task) error {
	return a.Store.OpenTasks(ctx, activity.GetInfo(ctx).WorkflowExecution.ID, tasks)
}

// CompleteTask closes a task in the inbox and writes the audit row of the
// person who completed it.
func (a *Activities) CompleteTask(ctx context.Context, c checklist.TaskCompletion) error {
	return a.Store.CompleteTask(ctx, store.TaskCompletion{
		Task:    c.Task,
		Actor:   store.Actor{Name: c.Actor, Role: c.Role, Source: c.Source},
		Outcome: c.Outcome,
		At:      c.At,
	})
}

// NotifyTask records a reminder or an escalation for the task's role; an
// escalation marks the task overdue.
func (a *Activities) NotifyTask(ctx context.Context, n checklist.TaskNotice) error {
	activity.GetLogger(ctx).Info("task notice", "task", n.Task.ID, "kind", n.Kind, "role", n.Task.Role, "due", n.Task.Due)
	return a.Store.NotifyTask(ctx, store.TaskNotice{Task: n.Task, Kind: n.Kind, Lead: n.Lead, At: n.At})
}

// RecordProgress mirrors an area's progress into Postgres for summary tables.
func (a *Activities) RecordProgress(ctx context.Context, p checklist.AreaProgress) error {
	return a.Store.RecordProgress(ctx, store.AreaProgress{
		Term: p.Term, Council: p.Council, Area: string(p.Area), State: string(p.State), Step: p.Step,
		OpenTasks: p.OpenTasks, OverdueTasks: p.OverdueTasks, NextDeadline: p.NextDeadline, Seq: p.Seq,
	})
}
