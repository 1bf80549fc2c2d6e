// Package rehearsal runs electionflow's performance benchmark: it
// generates a demo election of a given size under a term of its own,
// imports it through the real import path, starts every checklist, lets
// simulated staff complete every task, and measures what a run costs
// (tasks a second, the completion round trip staff see, history events
// and workflow tasks per human task, read through the Temporal API). In
// the same run and on the same server it measures a bare baseline (a tiny
// workflow whose update handler runs one activity that does nothing), so
// every figure comes with its ratio, and it checks the end state: every
// checklist done, every task closed, one audit row per completion, one
// certificate per confirmed person.
//
// RunChaos is the chaos rehearsal: the same run on processes of its own
// (Stack) that it harms while staff work (worker processes killed,
// electionflow's Postgres and the Temporal server restarted), accounting
// for every error staff saw and every retry, with the same end-state
// checks.
//
// `starter rehearse` (and `starter rehearse --chaos`) is its command
// line; tests run a small rehearsal and a small chaos rehearsal through
// the same Run and RunChaos.
package rehearsal

import (
	"errors"
	"fmt"
	"math"
	"time"

	"electionflow/demo"
)

// Defaults of Options, as `starter rehearse` offers them: the 164-council
// election the issues measure (4 provinces × 40 communes), 8 simulated
// staff, a 20 s baseline of each kind.
const (
	DefaultProvinces = 4
	DefaultCommunes  = 40
	DefaultWorkers   = 8
	DefaultBaseline  = 20 * time.Second
	// DefaultIdle is how long the checklists may stand still, with tasks
	// left, before the rehearsal is called stalled.
	DefaultIdle = 2 * time.Minute
	// ElectionDayAge is how many days before the run election day falls:
	// complaints have closed, so every resolution can be adopted at once,
	// and the nearest deadline (nominations close, E+30) with its
	// reminders (3 and 1 days before) lies days after the run, so no timer
	// fires while it runs.
	ElectionDayAge = 20
	// MaxWorkers bounds Options.Workers.
	MaxWorkers = 256
	// autoSampleCouncils is the number of councils whose full histories
	// are read when the election has more than autoAllCouncils councils
	// and Options.HistorySample is zero.
	autoSampleCouncils = 200
	autoAllCouncils    = 400
)

// ErrOptions is wrapped by every error of Options.Validate.
var ErrOptions = errors.New("rehearsal options")

// Options say what election to rehearse and how.
type Options struct {
	// Provinces and Communes (per province) size the election; both zero
	// with National.
	Provinces int
	Communes  int
	// National rehearses the whole country: the National Assembly and 34
	// provinces of 98 communes each (demo.NationalRehearsal).
	National bool
	// Workers is the number of simulated staff working at once, and of
	// concurrent senders in the baseline.
	Workers int
	// Baseline is how long each bare baseline runs; zero skips it.
	Baseline time.Duration
	// Seed selects the demo election and the simulated outcomes.
	Seed int64
	// Idle is how long nothing may move, with checklists not done, before
	// the rehearsal stops as stalled; zero means DefaultIdle.
	Idle time.Duration
	// HistorySample is the number of councils whose histories are read in
	// full to count workflow tasks; zero means every council up to 400
	// councils, else a sample of 200.
	HistorySample int
	// ChecklistType is the workflow type the checklists start as; empty
	// means the current generation (see ops.Ops.ChecklistType).
	ChecklistType string
	// JSONPath, when set, is where the figures are written as JSON.
	JSONPath string
	// Chaos, when set, injects faults while staff work (see Chaos).
	Chaos *Chaos
	// Now is the clock of election day and of the term's choice; nil
	// means time.Now.
	Now func() time.Time
}

// DefaultOptions returns the options of `starter rehearse` without flags.
func DefaultOptions() Options {
	return Options{Provinces: DefaultProvinces, Communes: DefaultCommunes, Workers: DefaultWorkers,
		Baseline: DefaultBaseline, Seed: 1, Idle: DefaultIdle}
}

// Validate reports the first problem of the options, wrapping ErrOptions.
func (o Options) Validate() error {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %s", ErrOptions, fmt.Sprintf(format, args...))
	}
	switch {
	case o.National && (o.Provinces != 0 || o.Communes != 0):
		return bad("--national sets the size of the election: give no --provinces or --communes with it")
	case !o.National && (o.Provinces < 1 || o.Provinces > demo.NationalRehearsal(0).Provinces):
		return bad("--provinces %d: want 1..%d", o.Provinces, demo.NationalRehearsal(0).Provinces)
	case !o.National && (o.Communes < 0 || o.Communes > demo.MaxCommunesPerProvince):
		return bad("--communes %d: want 0..%d communes per province", o.Communes, demo.MaxCommunesPerProvince)
	case o.Workers < 1 || o.Workers > MaxWorkers:
		return bad("--workers %d: want 1..%d", o.Workers, MaxWorkers)
	case o.Baseline < 0:
		return bad("--baseline %v: want 0 (no baseline) or more", o.Baseline)
	case o.Baseline > 0 && o.Baseline < time.Second:
		return bad("--baseline %v: want at least 1s, or 0 to skip it", o.Baseline)
	case o.Idle < 0:
		return bad("--idle %v: want more than 0", o.Idle)
	case o.HistorySample < 0:
		return bad("--history-sample %d: want 0 (automatic) or more councils", o.HistorySample)
	case o.Chaos != nil && o.Chaos.Injector == nil:
		return bad("a chaos rehearsal needs an injector of faults")
	case o.Chaos != nil:
		return o.Chaos.Plan.Validate()
	}
	return nil
}

// withDefaults fills the options whose zero value means a default.
func (o Options) withDefaults() Options {
	if o.Idle == 0 {
		o.Idle = DefaultIdle
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Chaos != nil && o.HistorySample == 0 {
		// Retries are counted in full histories: read every council's.
		o.HistorySample = math.MaxInt32
	}
	return o
}

// demoParams returns the demo election the options ask for, before its
// term and election day are chosen.
func (o Options) demoParams() demo.Params {
	if o.National {
		return demo.NationalRehearsal(o.Seed)
	}
	p := demo.DefaultParams()
	p.Seed, p.Provinces, p.CommunesPerProvince = o.Seed, o.Provinces, o.Communes
	return p
}

// scale describes the size asked for, for the table.
func (o Options) scale() string {
	if o.National {
		return "national (National Assembly, 34 provinces × 98 communes)"
	}
	return fmt.Sprintf("%d province(s) × %d commune(s)", o.Provinces, o.Communes)
}

// historySample is how many councils of n get their histories read in full.
func (o Options) historySample(n int) int {
	switch {
	case o.HistorySample > 0:
		return min(o.HistorySample, n)
	case n <= autoAllCouncils:
		return n
	}
	return autoSampleCouncils
}
