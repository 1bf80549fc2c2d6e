package integration

import (
	"bytes"
	"context"
	"testing"
	"time"

	"electionflow/checklist"
	"electionflow/simstaff"
	"electionflow/store"
)

// A whole election, from import to certificates handed over, through the
// client path staff use; the worker is stopped and replaced half way.
func TestElectionToCertificates(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 8*time.Minute)
	defer cancel()
	st := newStack(t, 11, 3)
	councils := len(st.roster.Councils)
	w := st.startWorker()
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}

	report, err := st.ops.StartChecklists(ctx, store.CouncilFilter{Term: st.term()}, nil)
	if err != nil || report.Started != councils || report.Already != 0 || len(report.Failed) != 0 {
		t.Fatalf("start: %+v, %v", report, err)
	}
	again, err := st.ops.StartChecklists(ctx, store.CouncilFilter{Term: st.term()}, nil)
	if err != nil || again.Started != 0 || again.Already != councils {
		t.Fatalf("second start: %+v, %v", again, err)
	}

	// Half the work with the first worker, the rest with a new one.
	sim := simstaff.Options{Term: st.term(), UpheldShare: 0.4, Seed: 5, Idle: 5 * time.Second}
	complaints := len(st.roster.Complaints)
	// Per council: its complaints' reviews, the resolution and the
	// handover; the session date, documents, opening, leadership and
	// approvals (every council elects a chair, whose election needs one);
	// the nominations, one appraisal each (3 from simulated staff), the
	// council's review and the decision.
	totalTasks := complaints + 2*councils + 5*councils
	sim.MaxTasks = (totalTasks + 5*councils) / 2
	logRefusal := func(task store.InboxTask, err error) {
		if err != nil {
			t.Logf("%s: %v", task.ID, err)
		}
	}
	first := st.simulateUntil(ctx, sim, logRefusal, func(r simstaff.Report) bool { return r.Completed >= sim.MaxTasks })
	if first.Completed != sim.MaxTasks || first.Refused != 0 {
		t.Fatalf("first half: %+v", first)
	}
	// A worker that dies holding a workflow task stalls its council for
	// the workflow task timeout, kept short for the checklist and its areas.
	council := st.roster.Councils[0].Code
	for _, id := range []string{checklist.WorkflowID(st.term(), council), checklist.AreaWorkflowID(st.term(), council, checklist.AreaCredentials)} {
		desc, err := st.ts.GetDefaultClient().DescribeWorkflowExecution(ctx, id, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := desc.GetExecutionConfig().GetDefaultWorkflowTaskTimeout().AsDuration(); got != checklist.WorkflowTaskTimeout {
			t.Errorf("%s: workflow task timeout %v, want %v", id, got, checklist.WorkflowTaskTimeout)
		}
	}
	w.Stop()
	w = st.startWorker()
	if err := w.Start(); err != nil {
		t.Fatal(err)
	}
	defer w.Stop()
	// The rest with three simulated staff at once, as a rehearsal would.
	sim.MaxTasks, sim.Workers = 0, 3
	rest := st.simulateUntil(ctx, sim, logRefusal, func(simstaff.Report) bool { return st.checklistsClosed(ctx) })
	if rest.Refused != 0 {
		t.Fatalf("second half: %+v", rest)
	}
	st.waitChecklistsClosed(ctx)
	// Commendation tasks depend on the appraisals: one to submit, one per
	// nomination, then a review and a decision if any passed appraisal.
	totalTasks += councils + st.count(`SELECT count(*) FROM nominations`) +
		2*st.count(`SELECT count(DISTINCT council_code) FROM nominations WHERE status <> 'appraisal-rejected'`)
	// Outgoing cadres: a verification each, then choice, approval and
	// decision for those with an option open.
	cadres := len(st.roster.Cadres)
	withOption := st.count(`SELECT count(*) FROM benefit_assessments WHERE assessment->'Options' @> '[{"Eligible": true}]'`)
	totalTasks += cadres + 3*withOption
	if withOption == 0 {
		t.Error("no cadre had an option open: the test proves nothing about benefit decisions")
	}
	if got := first.Completed + rest.Completed; got != totalTasks {
		t.Fatalf("completed %d tasks, want %d (%d complaints, %d councils)", got, totalTasks, complaints, councils)
	}

	persons := len(st.roster.Persons)
	checks := []struct {
		name  string
		query string
		want  int
	}{
		{"tasks in the inbox", `SELECT count(*) FROM tasks`, totalTasks},
		{"tasks still open", `SELECT count(*) FROM tasks WHERE state <> 'done'`, 0},
		{"completion audit rows", `SELECT count(*) FROM audit_log WHERE action = 'task.complete'`, totalTasks},
		{"tasks audited twice", `SELECT count(*) FROM (SELECT subject FROM audit_log WHERE action = 'task.complete' GROUP BY subject HAVING count(*) > 1) x`, 0},
		{"completions by simulated staff", `SELECT count(*) FROM audit_log WHERE action = 'task.complete' AND actor LIKE 'sim-%' AND source = 'simulated-staff'`, totalTasks},
		{"resolution lines", `SELECT count(*) FROM credential_decisions`, persons},
		{"resolutions adopted", `SELECT count(*) FROM credential_resolutions`, councils},
		{"certificates for the not confirmed", `SELECT count(*) FROM certificates c JOIN credential_decisions d USING (term, person_id) WHERE NOT d.confirmed`, 0},
		{"confirmed without a certificate", `SELECT count(*) FROM credential_decisions d LEFT JOIN certificates c USING (term, person_id) WHERE d.confirmed AND c.person_id IS NULL`, 0},
		{"councils with gaps in certificate numbers", `SELECT count(*) FROM (SELECT council_code FROM certificates GROUP BY council_code HAVING max(number) <> count(*)) x`, 0},
		{"certificates not handed over", `SELECT count(*) FROM certificates WHERE handed_over_at IS NULL`, 0},
		{"certificates not citing their council's resolution as recorded", `SELECT count(*) FROM certificates c JOIN credential_resolutions r USING (term, council_code) WHERE c.resolution_no <> r.resolution_no OR r.resolution_no = ''`, 0},
		{"resolutions simulated staff left unnumbered outside the register", `SELECT count(*) FROM credential_resolutions WHERE register_number IS NULL`, 0},
		{"areas not done", `SELECT count(*) FROM checklist_progress WHERE state <> 'done'`, 0},
		{"areas reported", `SELECT count(*) FROM checklist_progress`, 4 * councils},
		{"cadres assessed", `SELECT count(DISTINCT cadre_id) FROM benefit_assessments`, len(st.roster.Cadres)},
		{"benefit decisions, one per cadre with an option", `SELECT count(*) FROM benefit_decisions`, st.count(`SELECT count(*) FROM benefit_assessments WHERE assessment->'Options' @> '[{"Eligible": true}]'`)},
		{"decisions on an option that was not open", `SELECT count(*) FROM benefit_decisions d JOIN benefit_assessments a USING (term, cadre_id, round) WHERE NOT a.assessment->'Options' @> jsonb_build_array(jsonb_build_object('Kind', d.option, 'Eligible', true))`, 0},
		{"decisions not flagged though no rule set is verified", `SELECT count(*) FROM benefit_decisions WHERE NOT needs_hr_confirmation`, 0},
		{"commendation decisions", `SELECT count(*) FROM commendation_decisions`, st.count(`SELECT count(DISTINCT council_code) FROM nominations WHERE status = 'approved'`)},
		{"approved nominations outside a decision", `SELECT count(*) FROM nominations n LEFT JOIN commendation_decisions d USING (term, council_code) WHERE n.status = 'approved' AND d.decision_no IS NULL`, 0},
		{"rejections without a reason", `SELECT count(*) FROM nominations WHERE status LIKE '%rejected' AND reason = ''`, 0},
		{"first sessions opened", `SELECT count(*) FROM first_sessions WHERE opened_on IS NOT NULL AND opened_on <= deadline`, councils},
		{"documents to other than every confirmed delegate", `SELECT count(*) FROM first_sessions f WHERE recipients <> (SELECT count(*) FROM credential_decisions d WHERE d.term = f.term AND d.council_code = f.council_code AND d.confirmed)`, 0},
		{"leadership held by someone not confirmed in that council", `SELECT count(*) FROM leadership_results l LEFT JOIN credential_decisions d ON d.term = l.term AND d.person_id = l.person_id WHERE l.person_id IS NOT NULL AND (d.confirmed IS NOT TRUE OR d.council_code <> l.council_code)`, 0},
		{"chairs elected", `SELECT count(*) FROM leadership_results WHERE position = 'hdnd-chair'`, councils},
		{"chairs without approval", `SELECT count(*) FROM leadership_results WHERE position IN ('hdnd-chair', 'ubnd-chair') AND decision_no IS NULL`, 0},
	}
	for _, c := range checks {
		if got := st.count(c.query); got != c.want {
			t.Errorf("%s: %d, want %d", c.name, got, c.want)
		}
	}
	// Not confirmed are exactly the persons of upheld complaints.
	upheld := st.count(`
		SELECT count(DISTINCT k.person_id) FROM tasks t
		JOIN complaints k ON k.term = t.term AND k.complaint_id = split_part(t.task_id, '/', 4)
		WHERE t.kind = 'review-complaint' AND t.outcome->>'decision' = 'upheld'`)
	if upheld == 0 {
		t.Error("no complaint was upheld: the test proves nothing about refusing certificates")
	}
	if got := st.count(`SELECT count(*) FROM credential_decisions WHERE NOT confirmed`); got != upheld {
		t.Errorf("%d persons not confirmed, %d with an upheld complaint", got, upheld)
	}
	confirmed := st.count(`SELECT count(*) FROM credential_decisions WHERE confirmed`)
	if got := st.count(`SELECT count(*) FROM certificates`); got != confirmed || confirmed != persons-upheld {
		t.Errorf("%d certificates, %d confirmed, %d persons, %d upheld", got, confirmed, persons, upheld)
	}
	pdf, err := st.store.CertificatePDF(ctx, st.term(), st.roster.Councils[0].Code, 1)
	if err != nil || !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("certificate 1 of %s: %.8q, %v", st.roster.Councils[0].Code, pdf, err)
	}

	// The progress query of a finished checklist.
	p, err := st.ops.Progress(ctx, st.term(), st.roster.Councils[0].Code)
	if err != nil || p.Stage != "done" || p.OpenTasks != 0 {
		t.Errorf("progress %+v, %v", p, err)
	}
	// Starting again after the end starts nothing either.
	after, err := st.ops.StartChecklists(ctx, store.CouncilFilter{Term: st.term()}, nil)
	if err != nil || after.Started != 0 || after.Already != councils {
		t.Errorf("start after the end: %+v, %v", after, err)
	}

	checkHistories(t, st)
}
