package store

import (
	"context"
	"fmt"

	"electionflow/election"
)

// RehearsalProgress is how far the checklists of an election have come, as
// Postgres shows it: what a rehearsal's progress line and its wait for
// the first tasks read once a second.
type RehearsalProgress struct {
	Councils int
	// CouncilsWithTasks counts councils with at least one task in the
	// inbox, open or closed: their checklist has opened its first tasks.
	CouncilsWithTasks int
	// CouncilsDone counts councils whose every reported area is done.
	CouncilsDone int
	TasksOpen    int
	TasksDone    int
}

// councilsDoneSQL counts the councils of term $1 whose every reported
// area is done.
const councilsDoneSQL = `(SELECT count(*) FROM (
	SELECT council_code FROM checklist_progress WHERE term = $1
	GROUP BY council_code HAVING bool_and(state = 'done')) d)::int`

// RehearsalProgress reads the progress of every council of term.
func (s *Store) RehearsalProgress(ctx context.Context, term election.Term) (RehearsalProgress, error) {
	var p RehearsalProgress
	err := s.db.QueryRow(ctx, `
		SELECT
			(SELECT count(*) FROM councils WHERE term = $1)::int,
			(SELECT count(DISTINCT council_code) FROM tasks WHERE term = $1)::int,
			`+councilsDoneSQL+`,
			(SELECT count(*) FROM tasks WHERE term = $1 AND state = 'open')::int,
			(SELECT count(*) FROM tasks WHERE term = $1 AND state = 'done')::int`,
		string(term)).Scan(&p.Councils, &p.CouncilsWithTasks, &p.CouncilsDone, &p.TasksOpen, &p.TasksDone)
	if err != nil {
		return p, fmt.Errorf("store: rehearsal progress of %s: %w", term, err)
	}
	return p, nil
}

// RehearsalEndState is what the records of an election hold once its
// checklists have run: counts, and counts of what should never be there
// (every "Without", "Unconfirmed" and "Duplicate" field is zero in a
// clean end state).
type RehearsalEndState struct {
	Councils int
	Persons  int
	// CouncilsDone counts councils whose every reported area is done.
	CouncilsDone int
	TasksOpen    int
	// TasksDone counts completions: tasks closed by a person.
	TasksDone      int
	TasksCancelled int
	// AuditCompletions counts the task.complete rows of the audit log
	// about the election's tasks.
	AuditCompletions int
	// DoneWithoutAudit counts completed tasks with no task.complete row.
	DoneWithoutAudit int
	// AuditWithoutDone counts task.complete rows whose task is not done.
	AuditWithoutDone int
	// DuplicateAudit counts tasks with more than one task.complete row.
	DuplicateAudit int
	// Confirmed counts persons confirmed by an adopted credential
	// resolution.
	Confirmed    int
	Certificates int
	// ConfirmedWithoutCertificate counts confirmed persons with no
	// certificate.
	ConfirmedWithoutCertificate int
	// CertificatesUnconfirmed counts certificates of persons who are not
	// confirmed.
	CertificatesUnconfirmed int
	// DuplicateCertificateNumbers counts (council, number) pairs held by
	// more than one certificate.
	DuplicateCertificateNumbers int
	// Notices counts the reminders and escalations recorded;
	// DuplicateNotices counts notices (task, kind, lead) recorded more
	// than once. The primary key of task_notices should make it zero
	// whatever retries do: the check says so of the records themselves.
	Notices          int
	DuplicateNotices int
}

// RehearsalEndState counts what the end-state checks of a rehearsal need
// for term, in one snapshot.
func (s *Store) RehearsalEndState(ctx context.Context, term election.Term) (RehearsalEndState, error) {
	var e RehearsalEndState
	err := s.db.QueryRow(ctx, `
		WITH done AS (
			SELECT task_id FROM tasks WHERE term = $1 AND state = 'done'
		), audit AS (
			SELECT subject, count(*) AS n FROM audit_log
			WHERE term = $1 AND action = 'task.complete' GROUP BY subject
		), confirmed AS (
			SELECT d.council_code, d.person_id FROM credential_decisions d
			JOIN credential_resolutions r USING (term, council_code)
			WHERE d.term = $1 AND d.confirmed
		), certs AS (
			SELECT council_code, number, person_id FROM certificates WHERE term = $1
		), notices AS (
			SELECT n.task_id, n.kind, n.lead_seconds FROM task_notices n JOIN tasks t USING (task_id) WHERE t.term = $1
		)
		SELECT
			(SELECT count(*) FROM councils WHERE term = $1)::int,
			(SELECT count(*) FROM elected_persons WHERE term = $1)::int,
			`+councilsDoneSQL+`,
			(SELECT count(*) FROM tasks WHERE term = $1 AND state = 'open')::int,
			(SELECT count(*) FROM done)::int,
			(SELECT count(*) FROM tasks WHERE term = $1 AND state = 'cancelled')::int,
			(SELECT coalesce(sum(n), 0) FROM audit)::int,
			(SELECT count(*) FROM done WHERE task_id NOT IN (SELECT subject FROM audit))::int,
			(SELECT count(*) FROM audit WHERE subject NOT IN (SELECT task_id FROM done))::int,
			(SELECT count(*) FROM audit WHERE n > 1)::int,
			(SELECT count(*) FROM confirmed)::int,
			(SELECT count(*) FROM certs)::int,
			(SELECT count(*) FROM confirmed c WHERE NOT EXISTS (SELECT 1 FROM certs k WHERE k.person_id = c.person_id))::int,
			(SELECT count(*) FROM certs k WHERE NOT EXISTS (SELECT 1 FROM confirmed c WHERE c.person_id = k.person_id))::int,
			(SELECT count(*) FROM (SELECT 1 FROM certs GROUP BY council_code, number HAVING count(*) > 1) d)::int,
			(SELECT count(*) FROM notices)::int,
			(SELECT count(*) FROM (SELECT 1 FROM notices GROUP BY task_id, kind, lead_seconds HAVING count(*) > 1) d)::int`,
		string(term)).Scan(&e.Councils, &e.Persons, &e.CouncilsDone, &e.TasksOpen, &e.TasksDone, &e.TasksCancelled,
		&e.AuditCompletions, &e.DoneWithoutAudit, &e.AuditWithoutDone, &e.DuplicateAudit,
		&e.Confirmed, &e.Certificates, &e.ConfirmedWithoutCertificate, &e.CertificatesUnconfirmed,
		&e.DuplicateCertificateNumbers, &e.Notices, &e.DuplicateNotices)
	if err != nil {
		return e, fmt.Errorf("store: end state of %s: %w", term, err)
	}
	return e, nil
}

// TasksDoneByCouncil counts the completed tasks of each council of term.
func (s *Store) TasksDoneByCouncil(ctx context.Context, term election.Term) (map[election.CouncilCode]int, error) {
	rows, err := s.db.Query(ctx, `
		SELECT council_code, count(*)::int FROM tasks WHERE term = $1 AND state = 'done' GROUP BY council_code`,
		string(term))
	if err != nil {
		return nil, fmt.Errorf("store: tasks done by council of %s: %w", term, err)
	}
	defer rows.Close()
	out := map[election.CouncilCode]int{}
	for rows.Next() {
		var code string
		var n int
		if err := rows.Scan(&code, &n); err != nil {
			return nil, fmt.Errorf("store: tasks done by council of %s: %w", term, err)
		}
		out[election.CouncilCode(code)] = n
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: tasks done by council of %s: %w", term, err)
	}
	return out, nil
}
