package checklist

import (
	"testing"
	"time"
)

func TestSummarize(t *testing.T) {
	d1 := time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC)
	d2 := d1.Add(48 * time.Hour)
	p := Progress{Areas: []AreaProgress{
		{Area: "credentials", State: AreaRunning, Step: "resolution", OpenTasks: 1, OverdueTasks: 1, NextDeadline: d2},
		{Area: "first-session", State: AreaRunning, Step: "date", OpenTasks: 2, NextDeadline: d1},
		{Area: "commendations", State: AreaPending},
	}}
	p.Summarize()
	if p.Stage != "credentials/resolution" || p.OpenTasks != 3 || p.OverdueTasks != 1 || !p.NextDeadline.Equal(d1) {
		t.Errorf("summarize = %+v", p)
	}
	p.Areas[0].State = AreaDone
	p.Summarize()
	if p.Stage != "first-session/date" {
		t.Errorf("stage %s", p.Stage)
	}
	// A lean checklist knows an area runs, not its step.
	p.Areas[1].Step = ""
	p.Summarize()
	if p.Stage != "first-session" {
		t.Errorf("stage without a step %s", p.Stage)
	}
	p.Areas[1].State, p.Areas[2].State = AreaDone, AreaDone
	p.Summarize()
	if p.Stage != "done" {
		t.Errorf("all done: %+v", p)
	}
}
