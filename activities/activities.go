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
}

// Register adds every activity to a worker under its contract name.
func (a *Activities) Register(r worker.ActivityRegistry) {
	all := map[string]any{
		checklist.ActivityLoadCouncil:           a.LoadCouncil,
		checklist.ActivityLoadCredentialFacts:   a.LoadCredentialFacts,
		checklist.ActivityOpenTasks:             a.OpenTasks,
		checklist.ActivityCompleteTask:          a.CompleteTask,
		checklist.ActivityNotifyTask:            a.NotifyTask,
		checklist.ActivityRecordProgress:        a.RecordProgress,
		checklist.ActivityApplyWrites:           a.ApplyWrites,
		checklist.ActivityDraftResolution:       a.DraftResolution,
		checklist.ActivityAdoptResolution:       a.AdoptResolution,
		checklist.ActivityIssueCertificates:     a.IssueCertificates,
		checklist.ActivityHandOverCertificates:  a.HandOverCertificates,
		checklist.ActivityRecordSession:         a.RecordSession,
		checklist.ActivityRecordLeadership:      a.RecordLeadership,
		checklist.ActivityRecordApprovals:       a.RecordApprovals,
		checklist.ActivityLoadCadres:            a.LoadCadres,
		checklist.ActivityAssessCadre:           a.AssessCadre,
		checklist.ActivityRecordBenefitDecision: a.RecordBenefitDecision,
	}
	for name, fn := range a.CommendationActivities() {
		all[name] = fn
	}
	for name, fn := range all {
		r.RegisterActivityWithOptions(fn, activity.RegisterOptions{Name: name})
	}
}
