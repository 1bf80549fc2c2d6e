package ops

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"time"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/store"
)

// SimOptions say how simulated staff work.
type SimOptions struct {
	Term     election.Term
	Province election.ProvinceCode // empty: every province
	// UpheldShare is the share of complaints the committee upholds (0..1).
	UpheldShare float64
	// Pace is the pause after each completed task, so a demo shows
	// progress moving; zero works flat out.
	Pace time.Duration
	// Idle is how long to wait, once no checklist in scope moves (no task
	// opened, no progress reported), before stopping; zero means 10 s.
	Idle time.Duration
	// MaxTasks stops after that many tasks; zero means no limit.
	MaxTasks int
	// Workers is how many staff work at once, for rehearsals of a whole
	// election; zero means one.
	Workers int
	// Seed makes the outcomes repeatable: each task's outcome depends on
	// the seed and the task alone, not on the order tasks are done in.
	Seed uint64
	// Now gives today's date for outcomes; nil means time.Now.
	Now func() time.Time
	// RoundTrip, if not nil, is told how long each completion took as
	// staff see it, from sending it to its answer (accepted, refused or
	// failed), one call at a time; a rehearsal measures latency with it.
	RoundTrip func(t store.InboxTask, took time.Duration, err error)
}

// SimReport counts what simulated staff did.
type SimReport struct {
	Completed int
	Refused   int
	ByKind    map[election.TaskKind]int
}

// Simulate completes open tasks as staff would, through CompleteTask, with
// realistic outcomes, until the checklists in scope have not moved for
// opts.Idle, MaxTasks are done or ctx ends. Moving counts any progress
// the workflows report, not only new tasks, so a slow step between two
// tasks (certificates being written, a busy worker) does not end it early.
// each, if not nil, is told of every task done or refused, one call at a
// time.
func (o *Ops) Simulate(ctx context.Context, opts SimOptions, each func(t store.InboxTask, err error)) (SimReport, error) {
	if opts.UpheldShare < 0 || opts.UpheldShare > 1 {
		return SimReport{}, fmt.Errorf("upheld share %v: want 0..1", opts.UpheldShare)
	}
	if opts.Workers < 0 {
		return SimReport{}, fmt.Errorf("%d workers: want 1 or more", opts.Workers)
	}
	if opts.Idle <= 0 {
		opts.Idle = 10 * time.Second
	}
	if opts.Workers == 0 {
		opts.Workers = 1
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	sim := &simulation{o: o, opts: opts, each: each, report: SimReport{ByKind: map[election.TaskKind]int{}},
		refused: map[election.TaskID]bool{}}
	lastWork := time.Now()
	var lastSeen time.Time // the store's last activity, as last read
	for {
		if ctx.Err() != nil {
			return sim.report, nil
		}
		tasks, err := o.Store.ListTasks(ctx, store.TaskFilter{Term: opts.Term, Province: opts.Province, Limit: 500})
		if err != nil {
			return sim.report, err
		}
		worked, err := sim.round(ctx, tasks)
		if err != nil || sim.full() {
			return sim.report, err
		}
		if worked {
			lastWork = time.Now()
			continue
		}
		// Compared for change only, so the database's clock need not
		// agree with ours.
		moved, err := o.Store.LastActivity(ctx, opts.Term, opts.Province)
		if err != nil && ctx.Err() != nil {
			return sim.report, nil
		} else if err != nil {
			return sim.report, err
		}
		if !moved.Equal(lastSeen) {
			lastSeen, lastWork = moved, time.Now()
		}
		if time.Since(lastWork) >= opts.Idle {
			return sim.report, nil
		}
		select {
		case <-ctx.Done():
			return sim.report, nil
		case <-time.After(250 * time.Millisecond):
		}
	}
}

// simulation is one run of simulated staff: what they have done so far.
type simulation struct {
	o    *Ops
	opts SimOptions
	each func(store.InboxTask, error)

	mu     sync.Mutex
	report SimReport
	// refused remembers tasks the workflow refused, so they are not tried
	// in a loop; a person would look at them.
	refused map[election.TaskID]bool
}

// full says whether MaxTasks are done.
func (s *simulation) full() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts.MaxTasks > 0 && s.report.Completed >= s.opts.MaxTasks
}

// round completes the listed tasks not refused before, opts.Workers at a
// time, and says whether any was completed. An error other than a refusal
// stops the round and is returned (none when ctx ended).
func (s *simulation) round(ctx context.Context, tasks []store.InboxTask) (bool, error) {
	s.mu.Lock()
	todo := slices.DeleteFunc(slices.Clone(tasks), func(t store.InboxTask) bool { return s.refused[t.ID] })
	if s.opts.MaxTasks > 0 {
		todo = todo[:min(len(todo), s.opts.MaxTasks-s.report.Completed)]
	}
	s.mu.Unlock()
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	next := make(chan store.InboxTask)
	var wg sync.WaitGroup
	worked := false
	for range min(s.opts.Workers, len(todo)) {
		wg.Go(func() {
			for t := range next {
				done, err := s.complete(ctx, t)
				if err != nil {
					cancel(err)
					return
				}
				if done {
					s.mu.Lock()
					worked = true
					s.mu.Unlock()
				}
				if s.opts.Pace > 0 {
					select {
					case <-ctx.Done():
						return
					case <-time.After(s.opts.Pace):
					}
				}
			}
		})
	}
feed:
	for _, t := range todo {
		select {
		case next <- t:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := context.Cause(ctx); err != nil && !errors.Is(err, context.Canceled) && !errors.Is(err, context.DeadlineExceeded) {
		return worked, err
	}
	return worked, nil
}

// complete does one task; true when the workflow accepted it. A refusal
// is counted and remembered, not returned.
func (s *simulation) complete(ctx context.Context, t store.InboxTask) (bool, error) {
	outcome, err := s.o.simulatedOutcome(ctx, t.Task, taskRand(s.opts.Seed, t.ID), s.opts.UpheldShare, election.Today(s.opts.Now()))
	if err != nil {
		if ctx.Err() != nil {
			return false, nil
		}
		return false, err
	}
	sent := time.Now()
	_, err = s.o.CompleteTask(ctx, checklist.CompleteTaskRequest{
		TaskID: t.ID, Actor: "sim-" + string(t.Role), Role: t.Role, Source: "simulated-staff", Outcome: outcome,
	})
	took := time.Since(sent)
	var refusal *RefusedError
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opts.RoundTrip != nil && (err == nil || ctx.Err() == nil) {
		s.opts.RoundTrip(t, took, err)
	}
	switch {
	case errors.As(err, &refusal):
		s.refused[t.ID] = true
		s.report.Refused++
	case err != nil && ctx.Err() != nil:
		return false, nil
	case err != nil:
		return false, err
	default:
		s.report.Completed++
		s.report.ByKind[t.Kind]++
	}
	if s.each != nil {
		s.each(t, err)
	}
	return err == nil, nil
}

// taskRand is a task's own random source: its outcome depends on the seed
// and the task, not on which simulated worker took it or when.
func taskRand(seed uint64, id election.TaskID) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(id))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// upheldReasons and dismissedReasons are what reviewers write.
func upheldReasons() []string {
	return []string{
		"Kết quả xác minh cho thấy người trúng cử kê khai tài sản, thu nhập không trung thực",
		"Có căn cứ về việc vi phạm quy định vận động bầu cử",
		"Xác minh cho thấy người trúng cử không đủ tiêu chuẩn đại biểu theo quy định",
	}
}

func dismissedReasons() []string {
	return []string{
		"Nội dung khiếu nại không có cơ sở sau khi xác minh",
		"Đơn tố cáo không có căn cứ, người trúng cử đủ tiêu chuẩn",
		"Khiếu nại đã được giải thích, người khiếu nại đồng ý rút đơn",
	}
}

// simulatedOutcome is a plausible outcome for a task, as a person would
// enter it on day today, reading what they would know from the database.
func (o *Ops) simulatedOutcome(ctx context.Context, t election.Task, rng *rand.Rand, upheldShare float64, today election.Date) (json.RawMessage, error) {
	var v any
	switch t.Kind {
	case election.KindReviewComplaint:
		r := election.ReviewOutcome{Decision: election.Dismissed}
		reasons := dismissedReasons()
		if rng.Float64() < upheldShare {
			r.Decision, reasons = election.Upheld, upheldReasons()
		}
		r.Reason = reasons[rng.IntN(len(reasons))]
		v = r
	case election.KindAdoptResolution:
		cal, _, err := o.calendarOf(ctx, t)
		if err != nil {
			return nil, err
		}
		earliest := election.ResolutionEarliest(cal.ElectionDay, cal.Due(election.DeadlineComplaintsFiled))
		v = election.ResolutionOutcome{ResolutionNo: fmt.Sprintf("%d/NQ-UBBC", 1+rng.IntN(200)),
			AdoptedOn: within(today, earliest, cal.Due(election.DeadlineCredentialResolution))}
	case election.KindHandOverCertificates:
		_, adopted, _, err := o.Store.Resolution(ctx, t.Term, t.Council)
		if err != nil {
			return nil, err
		}
		v = election.HandoverOutcome{HandedOverOn: within(today, adopted, adopted.AddDays(3)), Note: "Đã trao tại hội nghị"}
	case election.KindSetSessionDate:
		cal, c, err := o.calendarOf(ctx, t)
		if err != nil {
			return nil, err
		}
		earliest := election.ResolutionEarliest(cal.ElectionDay, cal.Due(election.DeadlineComplaintsFiled))
		if _, adopted, found, err := o.Store.Resolution(ctx, t.Term, t.Council); err != nil {
			return nil, err
		} else if found {
			earliest = adopted
		}
		// Today, within the legal window: simulated staff hold the
		// session at once, so its opening is not in the future.
		v = election.SessionDateOutcome{SessionDate: within(today, earliest, cal.FirstSessionDue(c))}
	case election.KindSendSessionDocuments:
		confirmed, err := o.Store.ConfirmedDelegates(ctx, t.Term, t.Council)
		if err != nil {
			return nil, err
		}
		fs, err := o.Store.FirstSessionOf(ctx, t.Term, t.Council)
		if err != nil {
			return nil, err
		}
		_, adopted, _, err := o.Store.Resolution(ctx, t.Term, t.Council)
		if err != nil {
			return nil, err
		}
		v = election.DocumentsOutcome{SentOn: within(today, adopted, fs.SessionDate), Recipients: len(confirmed)}
	case election.KindOpenSession:
		fs, err := o.Store.FirstSessionOf(ctx, t.Term, t.Council)
		if err != nil {
			return nil, err
		}
		v = election.OpeningOutcome{OpenedOn: within(today, fs.SessionDate, fs.SessionDate), CredentialReportPresented: true}
	case election.KindSubmitNominations:
		c, _, err := o.Store.Council(ctx, t.Term, t.Council)
		if err != nil {
			return nil, err
		}
		v = election.NominationsOutcome{Nominations: []election.Nomination{
			{ID: "N1", NomineeKind: election.NomineeCollective, Nominee: "Ban bầu cử " + strings.TrimPrefix(c.Name, "Hội đồng nhân dân "),
				Achievement: "Tổ chức bầu cử đúng luật, an toàn; tỷ lệ cử tri đi bầu trên 99%"},
			{ID: "N2", NomineeKind: election.NomineeCollective, Nominee: "Tổ bầu cử số 1",
				Achievement: "Hoàn thành sớm việc kiểm phiếu, không có khiếu nại"},
			{ID: "N3", NomineeKind: election.NomineeIndividual, Nominee: "Tổ trưởng Tổ bầu cử số 2",
				Achievement: "Tích cực tuyên truyền, vận động cử tri"},
		}}
	case election.KindAppraiseNomination:
		a := election.AppraisalOutcome{Decision: election.AppraisalApprove}
		if rng.Float64() < 0.2 {
			a = election.AppraisalOutcome{Decision: election.AppraisalReject, Reason: "Hồ sơ chưa đủ thành tích theo quy định"}
		}
		v = a
	case election.KindReviewCommendations:
		sum, err := o.Store.CommendationSummary(ctx, t.Term, t.Council)
		if err != nil {
			return nil, err
		}
		var votes []election.CouncilVote
		for _, n := range sum.Nominations {
			if n.Appraised && n.Status != election.NominationAppraisalRejected {
				yes := true
				votes = append(votes, election.CouncilVote{Nomination: n.ID, Approve: &yes})
			}
		}
		v = election.CouncilReviewOutcome{Decisions: votes}
	case election.KindDecideCommendations:
		v = election.DecisionOutcome{DecisionNo: fmt.Sprintf("%d/QĐ-UBND", 1+rng.IntN(900)), DecidedOn: today}
	case election.KindVerifyCadreRecord:
		v = election.VerifyRecordOutcome{Result: election.RecordVerified, Note: "Đã đối chiếu sổ BHXH"}
	case election.KindRecordCadreChoice:
		option, err := o.simulatedChoice(ctx, t)
		if err != nil {
			return nil, err
		}
		v = election.CadreChoiceOutcome{Option: option}
	case election.KindApproveCadreBenefits:
		v = election.CadreApprovalOutcome{Decision: election.Approve}
	case election.KindDecideCadreBenefits:
		v = election.DecisionOutcome{DecisionNo: fmt.Sprintf("%d/QĐ-UBND", 1+rng.IntN(900)), DecidedOn: today}
	case election.KindRecordLeadership:
		return o.simulatedLeadership(ctx, t)
	case election.KindRecordApprovals:
		return o.simulatedApprovals(ctx, t, rng, today)
	default:
		return nil, fmt.Errorf("simulated staff do not know task kind %q", t.Kind)
	}
	return json.Marshal(v)
}

// simulatedLeadership elects confirmed delegates to the offices that need
// one, and an outsider as a People's Committee vice-chair.
func (o *Ops) simulatedLeadership(ctx context.Context, t election.Task) (json.RawMessage, error) {
	c, _, err := o.Store.Council(ctx, t.Term, t.Council)
	if err != nil {
		return nil, err
	}
	confirmed, err := o.Store.ConfirmedDelegates(ctx, t.Term, t.Council)
	if err != nil {
		return nil, err
	}
	var results []election.LeadershipResult
	next := 0
	for _, spec := range election.Positions(c.Level) {
		if !spec.Single || spec.PerCommittee {
			continue
		}
		if next < len(confirmed) {
			results = append(results, election.LeadershipResult{Position: spec.Code, Person: confirmed[next]})
			next++
		}
	}
	for _, spec := range election.Positions(c.Level) {
		if spec.Code == "ubnd-vice-chair" {
			results = append(results, election.LeadershipResult{Position: spec.Code, Name: "Phó Chủ tịch UBND (ngoài HĐND)"})
		}
	}
	return json.Marshal(election.LeadershipOutcome{Results: results})
}

// simulatedApprovals approves every recorded result that needs it.
func (o *Ops) simulatedApprovals(ctx context.Context, t election.Task, rng *rand.Rand, today election.Date) (json.RawMessage, error) {
	c, _, err := o.Store.Council(ctx, t.Term, t.Council)
	if err != nil {
		return nil, err
	}
	results, err := o.Store.LeadershipOf(ctx, t.Term, t.Council)
	if err != nil {
		return nil, err
	}
	fs, err := o.Store.FirstSessionOf(ctx, t.Term, t.Council)
	if err != nil {
		return nil, err
	}
	bodies := map[election.PositionCode]string{}
	for _, spec := range election.Positions(c.Level) {
		bodies[spec.Code] = spec.ApprovalBody
	}
	var approvals []election.Approval
	for _, r := range election.NeedingApproval(c.Level, results) {
		approvals = append(approvals, election.Approval{Position: r.Position, Committee: r.Committee, Person: r.Person,
			Name: r.Name, Body: bodies[r.Position], DecisionNo: fmt.Sprintf("%d/QĐ-PC", 1+rng.IntN(900)),
			ApprovedOn: within(today, fs.OpenedOn, fs.OpenedOn.AddDays(10))})
	}
	return json.Marshal(election.ApprovalsOutcome{Approvals: approvals})
}

// calendarOf returns the legal calendar of a task's election and its council.
func (o *Ops) calendarOf(ctx context.Context, t election.Task) (election.Calendar, election.Council, error) {
	c, e, err := o.Store.Council(ctx, t.Term, t.Council)
	if err != nil {
		return election.Calendar{}, c, err
	}
	cal, err := e.Calendar()
	return cal, c, err
}

// within is the date simulated staff write: today, unless that falls
// outside [from, to]; then the bound it passed. A late council's staff
// record what happened on time, as they would from their papers.
func within(today, from, to election.Date) election.Date {
	switch {
	case !to.IsZero() && today.After(to):
		if to.Before(from) {
			return from
		}
		return to
	case today.Before(from):
		return from
	}
	return today
}

// simulatedChoice is the option a cadre picks: early retirement when it is
// open, else the first open option of the latest computation.
func (o *Ops) simulatedChoice(ctx context.Context, t election.Task) (string, error) {
	parts := strings.Split(string(t.ID), "/")
	if len(parts) < 5 {
		return "", fmt.Errorf("task %s does not name a cadre", t.ID)
	}
	cadre := election.CadreID(parts[3])
	round, err := o.Store.LatestAssessmentRound(ctx, t.Term, cadre)
	if err != nil {
		return "", err
	}
	a, err := o.Store.Assessment(ctx, t.Term, cadre, round)
	if err != nil {
		return "", err
	}
	var open []string
	for _, opt := range a.Options {
		if opt.Eligible {
			open = append(open, string(opt.Kind))
		}
	}
	if len(open) == 0 {
		return "", fmt.Errorf("cadre %s has no open option", cadre)
	}
	if slices.Contains(open, "early-retirement") {
		return "early-retirement", nil
	}
	return open[0], nil
}
