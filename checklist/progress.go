package checklist

import "time"

// Summarize derives the checklist's stage and totals from its areas: the
// stage is the first area not done, with its step when known.
func (p *Progress) Summarize() {
	p.OpenTasks, p.OverdueTasks, p.NextDeadline = 0, 0, time.Time{}
	p.Stage = "done"
	for _, a := range p.Areas {
		p.OpenTasks += a.OpenTasks
		p.OverdueTasks += a.OverdueTasks
		if !a.NextDeadline.IsZero() && (p.NextDeadline.IsZero() || a.NextDeadline.Before(p.NextDeadline)) {
			p.NextDeadline = a.NextDeadline
		}
		if p.Stage == "done" && a.State != AreaDone {
			p.Stage = string(a.Area) + "/" + a.Step
			if a.Step == "" { // lean: the step is on the area's workflow
				p.Stage = string(a.Area)
			}
			if a.State == AreaPending {
				p.Stage = string(a.Area) + "/pending"
			}
		}
	}
}
