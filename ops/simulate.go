package ops

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
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
	// Idle is how long to wait for new tasks (areas open them as they go)
	// before stopping; zero means 10 s.
	Idle time.Duration
	// MaxTasks stops after that many tasks; zero means no limit.
	MaxTasks int
	Seed     uint64
	// Now gives today's date for outcomes; nil means time.Now.
	Now func() time.Time
}

// SimReport counts what simulated staff did.
type SimReport struct {
	Completed int
	Refused   int
	ByKind    map[election.TaskKind]int
}

// Simulate completes open tasks as staff would, through CompleteTask, with
// realistic outcomes, until no task has appeared for opts.Idle, MaxTasks
// are done or ctx ends. each, if not nil, is told of every task done or
// refused.
func (o *Ops) Simulate(ctx context.Context, opts SimOptions, each func(t store.InboxTask, err error)) (SimReport, error) {
	if opts.UpheldShare < 0 || opts.UpheldShare > 1 {
		return SimReport{}, fmt.Errorf("upheld share %v: want 0..1", opts.UpheldShare)
	}
	if opts.Idle <= 0 {
		opts.Idle = 10 * time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5eed))
	report := SimReport{ByKind: map[election.TaskKind]int{}}
	// refused remembers tasks the workflow refused, so they are not tried
	// in a loop; a person would look at them.
	refused := map[election.TaskID]bool{}
	lastWork := time.Now()
	for {
		if err := ctx.Err(); err != nil {
			return report, nil
		}
		tasks, err := o.Store.ListTasks(ctx, store.TaskFilter{Term: opts.Term, Province: opts.Province, Limit: 500})
		if err != nil {
			return report, err
		}
		worked := false
		for _, t := range tasks {
			if refused[t.ID] {
				continue
			}
			if opts.MaxTasks > 0 && report.Completed >= opts.MaxTasks {
				return report, nil
			}
			outcome, err := simulatedOutcome(t.Task, rng, opts.UpheldShare, election.Today(opts.Now()))
			if err != nil {
				return report, err
			}
			_, err = o.CompleteTask(ctx, checklist.CompleteTaskRequest{
				TaskID: t.ID, Actor: "sim-" + string(t.Role), Role: t.Role, Source: "simulated-staff", Outcome: outcome,
			})
			var refusal *RefusedError
			switch {
			case errors.As(err, &refusal):
				refused[t.ID] = true
				report.Refused++
			case err != nil && ctx.Err() != nil:
				return report, nil
			case err != nil:
				return report, err
			default:
				report.Completed++
				report.ByKind[t.Kind]++
				worked = true
			}
			if each != nil {
				each(t, err)
			}
			if opts.Pace > 0 {
				select {
				case <-ctx.Done():
					return report, nil
				case <-time.After(opts.Pace):
				}
			}
		}
		if worked {
			lastWork = time.Now()
			continue
		}
		if time.Since(lastWork) >= opts.Idle {
			return report, nil
		}
		select {
		case <-ctx.Done():
			return report, nil
		case <-time.After(250 * time.Millisecond):
		}
	}
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
// enter it on day today.
func simulatedOutcome(t election.Task, rng *rand.Rand, upheldShare float64, today election.Date) (json.RawMessage, error) {
	var v any
	switch t.Kind {
	case election.KindReviewComplaint:
		o := election.ReviewOutcome{Decision: election.Dismissed}
		reasons := dismissedReasons()
		if rng.Float64() < upheldShare {
			o.Decision, reasons = election.Upheld, upheldReasons()
		}
		o.Reason = reasons[rng.IntN(len(reasons))]
		v = o
	case election.KindAdoptResolution:
		v = election.ResolutionOutcome{ResolutionNo: fmt.Sprintf("%d/NQ-UBBC", 1+rng.IntN(200)), AdoptedOn: today}
	case election.KindHandOverCertificates:
		v = election.HandoverOutcome{HandedOverOn: today, Note: "Đã trao tại hội nghị"}
	default:
		return nil, fmt.Errorf("simulated staff do not know task kind %q", t.Kind)
	}
	return json.Marshal(v)
}
