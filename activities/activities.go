// Package activities holds every side effect of the checklist workflows:
// reading councils and rosters from Postgres, mirroring human tasks into
// the inbox and the audit log, recording progress, and issuing certificate
// PDFs. Each activity is idempotent, keyed by task ID, council and term or
// certificate number, so Temporal may run one twice without a duplicate row.
package activities

import (
	"go.temporal.io/sdk/activity"
	"go.temporal.io/sdk/worker"

	"electionflow/checklist"
	"electionflow/store"
)

// Activities are the checklist activities, over one store.
type Activities struct {
	Store *store.Store
	// Mail sends notice mail; nil on a worker without mail configured.
	Mail *NoticeMail
}

// Register adds every activity to a worker under its contract name: the
// checklist's own, then each area's, each listed beside the area's code.
func (a *Activities) Register(r worker.ActivityRegistry) {
	for _, area := range []map[string]any{
		a.checklistActivities(),
		a.credentialsActivities(),
		a.firstSessionActivities(),
		a.commendationsActivities(),
		a.cadresActivities(),
	} {
		for name, fn := range area {
			r.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
		}
	}
}

// checklistActivities are the activities every area shares: the council's
// facts, the inbox and audit mirror of tasks, progress, and the batched
// writes of the lean workflows.
func (a *Activities) checklistActivities() map[string]any {
	return map[string]any{
		checklist.ActivityLoadCouncil:    a.LoadCouncil,
		checklist.ActivityOpenTasks:      a.OpenTasks,
		checklist.ActivityCompleteTask:   a.CompleteTask,
		checklist.ActivityNotifyTask:     a.NotifyTask,
		checklist.ActivityRecordProgress: a.RecordProgress,
		checklist.ActivityApplyWrites:    a.ApplyWrites,
		checklist.ActivitySendQueuedMail: a.SendQueuedMail,
	}
}
