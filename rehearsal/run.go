package rehearsal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
	"time"

	"go.temporal.io/api/workflowservice/v1"

	"electionflow/demo"
	"electionflow/election"
	"electionflow/internal/importer"
	"electionflow/ops"
	"electionflow/roster"
	"electionflow/simstaff"
	"electionflow/store"
)

// Output is where a rehearsal writes: the table of figures, and the log
// of what it is doing with its progress line.
type Output struct {
	Table io.Writer
	Log   io.Writer
}

// ErrInterrupted is returned (wrapped) when the context ended the
// rehearsal before the end; the figures so far have been printed.
var ErrInterrupted = errors.New("rehearsal interrupted")

// ErrEndState is returned (wrapped) when the rehearsal ended with its
// records not as they should be; Figures.Problems says what is wrong.
var ErrEndState = errors.New("rehearsal did not end clean")

// upheldShare is the share of complaints simulated committees uphold.
const upheldShare = 0.1

// Run rehearses the election opts asks for on the Temporal server and
// database of o, whose workers serve o.TaskQueue: generate and import it,
// start every checklist, complete every task with simulated staff, read
// the histories, run the bare baselines, check the end state. It prints
// the table of figures to out.Table (also when ctx ends first: the
// figures so far), writes them to opts.JSONPath when set, and returns
// them. The error wraps ErrInterrupted or ErrEndState when the run did
// not end clean.
func Run(ctx context.Context, o *ops.Ops, opts Options, out Output) (Figures, error) {
	if err := opts.Validate(); err != nil {
		return Figures{}, err
	}
	opts = opts.withDefaults()
	if opts.ChecklistType != "" {
		with := *o
		with.ChecklistType = opts.ChecklistType
		o = &with
	}
	r := &run{o: o, opts: opts, out: out, fig: Figures{Scale: opts.scale(), Workers: opts.Workers, ChecklistType: opts.ChecklistType}}
	if opts.Chaos != nil {
		r.chaos = newChaosLedger(opts.Chaos.Plan)
		r.chaos.fig.Planned = len(opts.Chaos.Plan.Schedule())
	}
	err := r.rehearse(ctx)
	r.fig.Interrupted = ctx.Err() != nil
	r.finish()
	if werr := r.report(); werr != nil {
		err = errors.Join(err, werr)
	}
	switch {
	case err != nil && r.fig.Interrupted:
		return r.fig, fmt.Errorf("%w: %w", ErrInterrupted, err)
	case r.fig.Interrupted:
		return r.fig, fmt.Errorf("%w: the figures above are those so far", ErrInterrupted)
	case err != nil:
		return r.fig, err
	case !r.fig.EndStateOK:
		return r.fig, fmt.Errorf("%w: %s", ErrEndState, problemList(r.fig.Problems))
	}
	return r.fig, nil
}

// run is one rehearsal under way.
type run struct {
	o    *ops.Ops
	opts Options
	out  Output
	term election.Term
	fig  Figures

	// Set while checklists run, read by the progress line.
	mu         sync.Mutex
	started    time.Time // the first start
	roundTrips []time.Duration
	completed  int
	doneAt     time.Time
	firstAt    time.Time
	// sampleCouncils and workflowTasks feed workflow tasks per task.
	workflowTasks, sampleTasks int
	// endState is what the end-state check read; nil before.
	endState *store.RehearsalEndState
	// chaos is the ledger of a chaos rehearsal; nil otherwise.
	chaos *chaosLedger
}

func (r *run) logf(format string, args ...any) { fmt.Fprintf(r.out.Log, format+"\n", args...) }

// rehearse does the work; the figures are filled in as it goes.
func (r *run) rehearse(ctx context.Context) error {
	day := electionDay(r.opts)
	term, err := r.chooseTerm(ctx, day)
	if err != nil {
		return err
	}
	r.term, r.fig.Term = term, string(term)
	if err := r.importElection(ctx, day); err != nil {
		return err
	}
	err = r.runChecklists(ctx)
	if r.chaos != nil {
		r.settleChaos(ctx)
	}
	if err != nil {
		return err
	}
	if ctx.Err() != nil {
		return nil
	}
	if err := r.countHistories(ctx); err != nil {
		return err
	}
	if err := r.checkEndState(ctx); err != nil {
		return err
	}
	return r.baselines(ctx)
}

// electionDay is election day of a rehearsal run now: ElectionDayAge
// days back.
func electionDay(opts Options) election.Date {
	return election.Today(opts.Now()).AddDays(-ElectionDayAge)
}

// chooseTerm picks a term no election of the database and no workflow of
// the server uses, from the clock: the first year is election day's (as
// a term must), the last far from any real term.
func (r *run) chooseTerm(ctx context.Context, day election.Date) (election.Term, error) {
	list, err := r.o.Store.ListElections(ctx)
	if err != nil {
		return "", err
	}
	used := map[election.Term]bool{}
	for _, e := range list {
		used[e.Term] = true
	}
	first := day.Time().Year()
	low := first + 11 // never a real term of four to ten years
	span := 9999 - low + 1
	from := int(r.opts.Now().Unix() / 60 % int64(span))
	for i := range 100 {
		term := election.Term(fmt.Sprintf("%04d-%04d", first, low+(from+i)%span))
		if used[term] {
			continue
		}
		n, err := r.o.Temporal.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{
			Query: fmt.Sprintf("WorkflowId STARTS_WITH '%s'", termPrefix(term)),
		})
		if err != nil {
			return "", fmt.Errorf("rehearsal: check that term %s is unused: %w", term, err)
		}
		if n.GetCount() == 0 {
			return term, nil
		}
	}
	return "", fmt.Errorf("rehearsal: no unused term found for election day %s", day)
}

// importElection generates the election and imports it through the path
// of `starter import`.
func (r *run) importElection(ctx context.Context, day election.Date) error {
	p := r.opts.demoParams()
	p.ElectionDay, p.Term = day, r.term
	roll, err := demo.Generate(p)
	if err != nil {
		return fmt.Errorf("rehearsal: generate the election: %w", err)
	}
	dir, err := os.MkdirTemp("", "rehearsal-roster-")
	if err != nil {
		return fmt.Errorf("rehearsal: %w", err)
	}
	defer os.RemoveAll(dir)
	dir = filepath.Join(dir, string(r.term))
	if err := roster.WriteDir(dir, roll); err != nil {
		return fmt.Errorf("rehearsal: write the roster: %w", err)
	}
	r.logf("rehearsal %s: %s, %d councils, %d elected persons; election day %s", r.term, r.opts.scale(),
		len(roll.Councils), len(roll.Persons), day)
	actor := store.Actor{Name: "rehearsal", Role: election.RoleAdministrator, Source: "starter rehearse"}
	if _, err := importer.Import(ctx, r.out.Log, r.o.Store, dir, actor); err != nil {
		return fmt.Errorf("rehearsal: import: %w", err)
	}
	r.fig.Councils, r.fig.Persons = len(roll.Councils), len(roll.Persons)
	return nil
}

// runChecklists starts every checklist and runs simulated staff until
// every checklist is done, ctx ends or nothing moves for opts.Idle.
func (r *run) runChecklists(ctx context.Context) error {
	simCtx, stopSim := context.WithCancel(ctx)
	defer stopSim()
	monitorDone := make(chan error, 1)
	r.mu.Lock()
	r.started = time.Now()
	r.mu.Unlock()
	go func() { monitorDone <- r.monitor(simCtx, stopSim) }()
	defer func() {
		stopSim()
		<-monitorDone
		fmt.Fprintln(r.out.Log)
	}()

	r.logf("starting %d checklists ...", r.fig.Councils)
	report, err := r.o.StartChecklists(ctx, store.CouncilFilter{Term: r.term}, nil)
	if err != nil {
		return fmt.Errorf("rehearsal: start the checklists: %w", err)
	}
	r.fig.StartS = seconds(time.Since(r.started))
	if len(report.Failed) > 0 {
		return fmt.Errorf("rehearsal: %d of %d checklists failed to start, the first: %w",
			len(report.Failed), r.fig.Councils, report.Failed[0])
	}
	r.logf("\nstarted %d checklists in %.1f s; simulated staff at work (%d at once)", report.Started, r.fig.StartS, r.opts.Workers)

	if r.opts.Chaos != nil {
		stopFaults := r.startFaults(simCtx)
		defer func() {
			stopSim()
			stopFaults()
		}()
	}
	failures := 0
	for {
		rep, err := simstaff.Simulate(simCtx, r.o, simstaff.Options{
			Term: r.term, UpheldShare: upheldShare, Idle: r.opts.Idle, Workers: r.opts.Workers, Seed: uint64(r.opts.Seed),
			RoundTrip: r.recordRoundTrip,
		}, nil)
		r.fig.Refused += rep.Refused
		if r.isDone() || ctx.Err() != nil {
			return nil
		}
		if err != nil {
			// A completion that failed (not refused): the server was busy,
			// a connection dropped. Staff would try again; so do they.
			r.fig.CompletionErrors++
			if r.opts.Chaos != nil {
				if err := r.staffFailedInChaos(simCtx, err); err != nil {
					return err
				}
				continue
			}
			if failures++; failures >= 5 {
				return fmt.Errorf("rehearsal: simulated staff failed %d times in a row, the last: %w", failures, err)
			}
			r.logf("\nsimulated staff: %v; again", err)
			continue
		}
		failures = 0
		// Simulate stopped because nothing moved for opts.Idle: let the
		// monitor look once more before calling it a stall.
		time.Sleep(1500 * time.Millisecond)
		if r.isDone() {
			return nil
		}
		r.fig.Problems = append(r.fig.Problems, fmt.Sprintf("stalled: nothing moved for %v before every checklist was done", r.opts.Idle))
		return nil
	}
}

// recordRoundTrip keeps the round trip of every accepted completion, and
// in a chaos rehearsal notes every answer in the ledger.
func (r *run) recordRoundTrip(t store.InboxTask, took time.Duration, err error) {
	now := time.Now()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.chaos != nil {
		r.chaos.completion(t, now.Add(-took), now, err)
	}
	if err != nil {
		return
	}
	r.roundTrips = append(r.roundTrips, took)
	r.completed++
}

// isDone says whether the monitor has seen every checklist done.
func (r *run) isDone() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return !r.doneAt.IsZero()
}

// monitor polls Postgres (and, once every area reports done, Temporal)
// four times a second: it notes when every council's first tasks are open
// and when every checklist is done (then it stops the simulated staff),
// and redraws the progress line once a second.
func (r *run) monitor(ctx context.Context, stopSim context.CancelFunc) error {
	tick := time.NewTicker(250 * time.Millisecond)
	defer tick.Stop()
	var drawn time.Time
	failing := false
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		p, err := r.o.Store.RehearsalProgress(ctx, r.term)
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			if !failing { // once per outage, not four times a second
				r.logf("\nprogress: %v", err)
			}
			failing = true
			continue
		}
		failing = false
		now := time.Now()
		r.mu.Lock()
		if r.firstAt.IsZero() && p.Councils > 0 && p.CouncilsWithTasks == p.Councils {
			r.firstAt = now
		}
		started, completed := r.started, r.completed
		r.mu.Unlock()
		if p.Councils > 0 && p.CouncilsDone == p.Councils && p.TasksOpen == 0 {
			running, err := r.runningChecklists(ctx)
			if err == nil && running == 0 {
				r.mu.Lock()
				r.doneAt = now
				r.mu.Unlock()
				r.drawProgress(p, completed, now.Sub(started))
				stopSim()
				return nil
			}
		}
		if now.Sub(drawn) >= time.Second {
			drawn = now
			r.drawProgress(p, completed, now.Sub(started))
		}
	}
}

// drawProgress redraws the progress line on the log.
func (r *run) drawProgress(p store.RehearsalProgress, completed int, elapsed time.Duration) {
	fmt.Fprintf(r.out.Log, "\r%4.0f s  councils done %d/%d, first tasks open %d/%d, tasks done %d, open %d, %.1f tasks/s   ",
		elapsed.Seconds(), p.CouncilsDone, p.Councils, p.CouncilsWithTasks, p.Councils, completed, p.TasksOpen,
		float64(completed)/max(elapsed.Seconds(), 0.001))
}

// runningChecklists counts the term's workflows (checklists, areas,
// cases, of any generation) Temporal's visibility still shows running.
func (r *run) runningChecklists(ctx context.Context) (int64, error) {
	resp, err := r.o.Temporal.CountWorkflow(ctx, &workflowservice.CountWorkflowExecutionsRequest{
		Query: fmt.Sprintf("WorkflowId STARTS_WITH '%s' AND ExecutionStatus = 'Running'", termPrefix(r.term)),
	})
	if err != nil {
		return 0, fmt.Errorf("rehearsal: count running checklists: %w", err)
	}
	return resp.GetCount(), nil
}

// countHistories reads every workflow of the term through the Temporal
// API: history events, statuses and, for a sample, workflow tasks.
func (r *run) countHistories(ctx context.Context) error {
	r.logf("reading the histories of the term's workflows ...")
	runs, err := listRuns(ctx, r.o.Temporal, r.term, r.fig.Councils, 30*time.Second)
	if err != nil {
		return err
	}
	councils, err := r.o.Store.Councils(ctx, store.CouncilFilter{Term: r.term})
	if err != nil {
		return err
	}
	codes := make([]election.CouncilCode, len(councils))
	for i, c := range councils {
		codes[i] = c.Code
	}
	n := r.opts.historySample(len(codes))
	sample := map[election.CouncilCode]bool{}
	for _, c := range sampleCouncils(codes, n) {
		sample[c] = true
	}
	h, err := readHistories(ctx, r.o.Temporal, r.term, runs, sample)
	if err != nil {
		return err
	}
	done, err := r.o.Store.TasksDoneByCouncil(ctx, r.term)
	if err != nil {
		return err
	}
	for c := range sample {
		r.sampleTasks += done[c]
	}
	r.workflowTasks = h.workflowTasks
	r.fig.Retries = h.retries
	r.fig.Workflows, r.fig.HistoryEvents = h.runs, h.events
	r.fig.WorkflowTaskCouncils, r.fig.WorkflowTasksSampled = len(sample), len(sample) < len(codes)
	if h.checklistsCompleted != r.fig.Councils {
		r.fig.Problems = append(r.fig.Problems, fmt.Sprintf("%d of %d checklists completed in Temporal", h.checklistsCompleted, r.fig.Councils))
	}
	if h.notClosedCount > 0 {
		r.fig.Problems = append(r.fig.Problems, fmt.Sprintf("%d workflow runs of the term not completed, e.g. %v", h.notClosedCount, h.notClosed))
	}
	return nil
}

// checkEndState checks the records of the term and notes every problem.
func (r *run) checkEndState(ctx context.Context) error {
	e, err := r.o.Store.RehearsalEndState(ctx, r.term)
	if err != nil {
		return err
	}
	r.fig.Tasks = e.TasksDone
	r.fig.Problems = append(r.fig.Problems, endStateProblems(e)...)
	r.fig.EndStateOK = len(r.fig.Problems) == 0
	r.endState = &e
	return nil
}

// endStateProblems lists what is wrong with the records of a rehearsal
// that should have ended: every council done, no task stuck open, one
// audit row per completion, one certificate per confirmed person, no
// certificate number twice, no notice recorded twice.
func endStateProblems(e store.RehearsalEndState) []string {
	var ps []string
	bad := func(format string, args ...any) { ps = append(ps, fmt.Sprintf(format, args...)) }
	if e.CouncilsDone != e.Councils {
		bad("%d of %d councils have every area done in the progress table", e.CouncilsDone, e.Councils)
	}
	if e.TasksOpen > 0 {
		bad("%d task(s) still open", e.TasksOpen)
	}
	if e.TasksDone == 0 {
		bad("no task was completed")
	}
	if e.AuditCompletions != e.TasksDone || e.DoneWithoutAudit > 0 || e.AuditWithoutDone > 0 || e.DuplicateAudit > 0 {
		bad("%d completion(s) but %d task.complete audit row(s): %d completion(s) without one, %d row(s) without a completion, %d task(s) with several",
			e.TasksDone, e.AuditCompletions, e.DoneWithoutAudit, e.AuditWithoutDone, e.DuplicateAudit)
	}
	if e.Confirmed == 0 {
		bad("no person confirmed")
	}
	if e.Certificates != e.Confirmed || e.ConfirmedWithoutCertificate > 0 || e.CertificatesUnconfirmed > 0 {
		bad("%d confirmed person(s) but %d certificate(s): %d confirmed without one, %d of persons not confirmed",
			e.Confirmed, e.Certificates, e.ConfirmedWithoutCertificate, e.CertificatesUnconfirmed)
	}
	if e.DuplicateCertificateNumbers > 0 {
		bad("%d certificate number(s) used twice in a council", e.DuplicateCertificateNumbers)
	}
	if e.DuplicateNotices > 0 {
		bad("%d reminder(s) or escalation(s) recorded more than once", e.DuplicateNotices)
	}
	return ps
}

// printEndState prints the end state checked.
func printEndState(w io.Writer, e store.RehearsalEndState) {
	fmt.Fprintln(w, "end state")
	fmt.Fprintf(w, "  checklists done         %d of %d (progress table); %d task(s) open, %d cancelled\n",
		e.CouncilsDone, e.Councils, e.TasksOpen, e.TasksCancelled)
	fmt.Fprintf(w, "  completions, audit rows %d, %d\n", e.TasksDone, e.AuditCompletions)
	fmt.Fprintf(w, "  confirmed, certificates %d, %d; %d duplicate certificate number(s)\n",
		e.Confirmed, e.Certificates, e.DuplicateCertificateNumbers)
	fmt.Fprintf(w, "  notices                 %d reminder(s) and escalation(s); %d recorded twice\n", e.Notices, e.DuplicateNotices)
}

// baselines runs the two bare baselines, one after the other, on a task
// queue of the rehearsal's own served by a worker in this process.
func (r *run) baselines(ctx context.Context) error {
	if r.opts.Baseline == 0 {
		return nil
	}
	queue := "electionflow-rehearsal-bare-" + string(r.term)
	stop, err := startBareWorker(r.o.Temporal, queue)
	if err != nil {
		return err
	}
	defer stop()
	r.fig.BaselineS = seconds(r.opts.Baseline)
	for _, local := range []bool{false, true} {
		kind := "activity"
		if local {
			kind = "local-activity"
		}
		r.logf("bare baseline, update handler with one %s: %d senders for %v ...", kind, r.opts.Workers, r.opts.Baseline)
		res, err := runBare(ctx, r.o.Temporal, queue, "rehearsal-bare/"+string(r.term)+"/"+kind, local, r.opts.Workers, r.opts.Baseline)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			return err
		}
		perS := rate(res.updates, res.elapsed)
		p50, p95, p99 := ms(Percentile(res.roundTrips, 50)), ms(Percentile(res.roundTrips, 95)), ms(Percentile(res.roundTrips, 99))
		if local {
			r.fig.BareLocalUpdates, r.fig.BareLocalUpdatesPerS = res.updates, perS
			r.fig.BareLocalP50Ms, r.fig.BareLocalP95Ms, r.fig.BareLocalP99Ms = p50, p95, p99
		} else {
			r.fig.BareActivityUpdates, r.fig.BareActivityUpdatesPerS = res.updates, perS
			r.fig.BareActivityP50Ms, r.fig.BareActivityP95Ms, r.fig.BareActivityP99Ms = p50, p95, p99
		}
	}
	return nil
}

// finish computes the figures that follow from the measurements.
func (r *run) finish() {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.started.IsZero() && !r.firstAt.IsZero() {
		r.fig.FirstTasksOpenS = seconds(r.firstAt.Sub(r.started))
	}
	if !r.started.IsZero() && !r.doneAt.IsZero() {
		r.fig.EndToEndS = seconds(r.doneAt.Sub(r.started))
	}
	if r.fig.Tasks == 0 {
		r.fig.Tasks = r.completed // interrupted before the end state was read
		if r.fig.EndToEndS == 0 && !r.started.IsZero() {
			// tasks/s so far
			r.fig.TasksPerS = rate(r.completed, time.Since(r.started))
		}
	}
	r.fig.RoundTripP50Ms = ms(Percentile(r.roundTrips, 50))
	r.fig.RoundTripP95Ms = ms(Percentile(r.roundTrips, 95))
	r.fig.RoundTripP99Ms = ms(Percentile(r.roundTrips, 99))
	r.fig.derive(r.workflowTasks, r.sampleTasks)
	r.fig.Targets = Targets(r.fig, r.opts.National)
}

// report prints the table and writes the JSON.
func (r *run) report() error {
	if r.fig.Interrupted {
		fmt.Fprintln(r.out.Table, "interrupted: the figures so far")
	}
	err := r.fig.PrintTable(r.out.Table)
	if r.fig.Chaos != nil {
		err = errors.Join(err, r.fig.Chaos.PrintTable(r.out.Table, r.fig.Retries))
	}
	if r.endState != nil {
		printEndState(r.out.Table, *r.endState)
	}
	if len(r.fig.Problems) > 0 {
		fmt.Fprintln(r.out.Table, "PROBLEMS:")
		for _, p := range r.fig.Problems {
			fmt.Fprintf(r.out.Table, "  %s\n", p)
		}
	} else if r.fig.EndStateOK {
		fmt.Fprintln(r.out.Table, "end state: clean")
	}
	if r.opts.JSONPath != "" {
		if werr := r.fig.WriteJSON(r.opts.JSONPath); werr != nil {
			return errors.Join(err, werr)
		}
	}
	return err
}
