package simstaff

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"slices"
	"strconv"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/store"
)

// filler fills in one task's outcome as its kind's outcome form says, as a
// person would on day today, reading what they would know from the
// database.
type filler struct {
	store       *store.Store
	task        election.Task
	rng         *rand.Rand
	upheldShare float64
	today       election.Date
}

// taskRand is a task's own random source: its outcome depends on the seed
// and the task, not on which simulated worker took it or when.
func taskRand(seed uint64, id election.TaskID) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(id))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// outcome is the task's outcome JSON, built and checked by its kind's
// outcome form, as the web form's would be.
func (f filler) outcome(ctx context.Context) (json.RawMessage, error) {
	form, ok := election.FormOf(f.task.Kind)
	if !ok {
		return nil, fmt.Errorf("simulated staff do not know task kind %q", f.task.Kind)
	}
	if form.IsList() {
		v, err := f.list(ctx, form.ListFill)
		if err != nil {
			return nil, err
		}
		raw, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("outcome of %s: %w", f.task.ID, err)
		}
		return form.Build(map[string]string{"outcome": string(raw)})
	}
	values := make(map[string]string, len(form.Fields))
	for _, x := range form.Fields {
		v, err := f.value(ctx, x, values)
		if err != nil {
			return nil, fmt.Errorf("%s of %s: %w", x.Name, f.task.ID, err)
		}
		values[x.Name] = v
	}
	return form.Build(values)
}

// value fills in one field; chosen holds the fields filled before it.
func (f filler) value(ctx context.Context, x election.OutcomeField, chosen map[string]string) (string, error) {
	switch x.Fill.By {
	case "":
		return "", nil
	case election.FillPick:
		share := x.Fill.RareShare
		if share < 0 {
			share = f.upheldShare
		}
		if f.rng.Float64() < share {
			return x.Fill.Rare, nil
		}
		return x.Fill.Usual, nil
	case election.FillSample:
		decided := chosen["decision"]
		if decided == "" {
			decided = chosen["result"]
		}
		samples, ok := x.Fill.Samples[decided]
		if !ok {
			samples = x.Fill.Samples[""]
		}
		if len(samples) == 0 {
			return "", nil
		}
		return samples[f.rng.IntN(len(samples))], nil
	case election.FillDocumentNo:
		return fmt.Sprintf(x.Fill.Format, 1+f.rng.IntN(x.Fill.Max)), nil
	case election.FillDay:
		d, err := f.day(ctx, x.Fill.Window)
		return d.String(), err
	case election.FillConfirmedCount:
		confirmed, err := f.store.ConfirmedDelegates(ctx, f.task.Term, f.task.Council)
		return strconv.Itoa(len(confirmed)), err
	case election.FillYes:
		return "1", nil
	case election.FillCadreOption:
		option, err := f.cadreOption(ctx)
		return string(option), err
	}
	return "", fmt.Errorf("simulated staff cannot fill a field by %q", x.Fill.By)
}

// day is today, kept within the window the council's records allow: a
// late council's staff record what happened on time, as they would from
// their papers.
func (f filler) day(ctx context.Context, w election.DateWindow) (election.Date, error) {
	t := f.task
	switch w {
	case election.WindowToday:
		return f.today, nil
	case election.WindowResolution, election.WindowSession:
		c, e, err := f.store.Council(ctx, t.Term, t.Council)
		if err != nil {
			return election.Date{}, err
		}
		cal, err := e.Calendar()
		if err != nil {
			return election.Date{}, err
		}
		d := cal.For(c)
		earliest := election.ResolutionEarliest(cal.ElectionDay, d.ComplaintsFiled.Due)
		if w == election.WindowResolution {
			return within(f.today, earliest, d.CredentialResolution.Due), nil
		}
		if _, adopted, found, err := f.store.Resolution(ctx, t.Term, t.Council); err != nil {
			return election.Date{}, err
		} else if found {
			earliest = adopted
		}
		// Simulated staff hold the session at once, so its opening is
		// not in the future.
		return within(f.today, earliest, d.FirstSession.Due), nil
	case election.WindowHandover, election.WindowDocuments:
		_, adopted, _, err := f.store.Resolution(ctx, t.Term, t.Council)
		if err != nil || w == election.WindowHandover {
			return within(f.today, adopted, adopted.AddDays(3)), err
		}
		fs, err := f.store.FirstSessionOf(ctx, t.Term, t.Council)
		return within(f.today, adopted, fs.SessionDate), err
	case election.WindowOpening, election.WindowApproval:
		fs, err := f.store.FirstSessionOf(ctx, t.Term, t.Council)
		if w == election.WindowOpening {
			return within(f.today, fs.SessionDate, fs.SessionDate), err
		}
		return within(f.today, fs.OpenedOn, fs.OpenedOn.AddDays(10)), err
	}
	return election.Date{}, fmt.Errorf("unknown date window %q", w)
}

// within is the date simulated staff write: today, unless that falls
// outside [from, to]; then the bound it passed.
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

// cadreOf is the cadre a cadre case's task is about (checklist.CadreOf).
func cadreOf(t election.Task) (election.CadreID, error) {
	id, ok := checklist.CadreOf(t)
	if !ok {
		return "", fmt.Errorf("task %s: subject %q names no cadre", t.ID, t.Subject)
	}
	return id, nil
}

// cadreOption is the option a cadre picks: early retirement when it is
// open, else the first open option of the latest computation.
func (f filler) cadreOption(ctx context.Context) (election.CadreOption, error) {
	cadre, err := cadreOf(f.task)
	if err != nil {
		return "", err
	}
	round, err := f.store.LatestAssessmentRound(ctx, f.task.Term, cadre)
	if err != nil {
		return "", err
	}
	a, err := f.store.Assessment(ctx, f.task.Term, cadre, round)
	if err != nil {
		return "", err
	}
	var open []election.CadreOption
	for _, opt := range a.Options {
		if opt.Eligible {
			open = append(open, election.CadreOption(opt.Kind))
		}
	}
	if len(open) == 0 {
		return "", fmt.Errorf("cadre %s has no open option", cadre)
	}
	if slices.Contains(open, election.OptionEarlyRetirement) {
		return election.OptionEarlyRetirement, nil
	}
	return open[0], nil
}
