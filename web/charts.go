package web

import (
	"fmt"
	"html/template"

	"electionflow/auth"
	"electionflow/chart"
	"electionflow/election"
	"electionflow/store"
)

// chartView is a chart (biểu đồ) of a page with its inline SVG.
type chartView struct {
	chart.Chart
	SVG template.HTML
}

// viewOf renders c for a page. The SVG is built by package chart, which
// escapes every label, so it is safe as HTML.
func viewOf(c chart.Chart) chartView {
	return chartView{Chart: c, SVG: template.HTML(c.SVG())}
}

// topProvinces is how many provinces the chart of overdue work shows.
const topProvinces = 10

// The inks of the charts' series, as app.css colours the board's bars.
const (
	inkDone       = 0x1f6f43
	inkRunning    = 0xb45309
	inkNotStarted = 0xe4e7eb
	inkOverdue    = 0xa3161b
	inkPast       = 0x5b6470
)

// rollupCharts are the charts of a rollup: councils by stage of each
// area, and the provinces with the most overdue tasks and councils past
// a legal deadline.
func rollupCharts(l lang, rollup []store.ProvinceRollup) []chartView {
	return []chartView{viewOf(stageChart(l, rollup)), viewOf(lateChart(l, rollup))}
}

// stageChart is a stacked bar per checklist area: how many councils of
// the rollup have it done, running and not started.
func stageChart(l lang, rollup []store.ProvinceRollup) chart.Chart {
	c := chart.Chart{Title: l.T("chart.stages"), Stacked: true, Empty: l.T("no.councils"), Series: []chart.Series{
		{Label: l.Label("area-state", "done"), Class: "done", Color: inkDone},
		{Label: l.Label("area-state", "running"), Class: "running", Color: inkRunning},
		{Label: l.Label("area-state", "pending"), Class: "notstarted", Color: inkNotStarted},
	}}
	var areas []store.AreaTally
	for _, p := range rollup {
		for i, a := range p.Areas {
			if i == len(areas) {
				areas = append(areas, store.AreaTally{Area: a.Area})
			}
			areas[i].Done += a.Done
			areas[i].Running += a.Running
			areas[i].NotStarted += a.NotStarted
		}
	}
	for _, a := range areas {
		c.Rows = append(c.Rows, chart.Row{Label: l.Label("area", a.Area), Values: []int{a.Done, a.Running, a.NotStarted}})
	}
	return c
}

// lateChart is a bar each for overdue tasks and councils past a legal
// deadline, for the topProvinces provinces with most of them.
func lateChart(l lang, rollup []store.ProvinceRollup) chart.Chart {
	c := chart.Chart{Title: l.F("chart.late", topProvinces), Empty: l.T("chart.late.none"), Series: []chart.Series{
		{Label: l.T("overdue.tasks"), Class: "overdue", Color: inkOverdue},
		{Label: l.T("past.deadline"), Class: "past", Color: inkPast},
	}}
	rows := make([]chart.Row, len(rollup))
	for i, p := range rollup {
		rows[i] = chart.Row{Label: provinceName(l, p.Province), Values: []int{p.OverdueTasks, p.PastDeadline}}
	}
	c.Rows = chart.Top(rows, topProvinces)
	return c
}

// provinceName names a rollup's row: "Tỉnh/thành 01", or the National
// Assembly's level for the row without a province.
func provinceName(l lang, p election.ProvinceCode) string {
	if p == "" {
		return l.Label("level", "national")
	}
	return l.T("province") + " " + string(p)
}

// reportCharts are the report's charts over its councils (codes, already
// filtered as the report asks): the rollup of their standings, drawn as
// on the board.
func (s *Server) reportCharts(r request, codes []election.CouncilCode) ([]chartView, error) {
	_, cal, standings, err := s.standingsInReach(r.Context(), r.User, auth.ActViewReport, r.URL.Query())
	if err != nil {
		return nil, fmt.Errorf("report charts: %w", err)
	}
	in := make(map[election.CouncilCode]bool, len(codes))
	for _, c := range codes {
		in[c] = true
	}
	kept := standings[:0]
	for _, st := range standings {
		if in[st.Council.Code] {
			kept = append(kept, st)
		}
	}
	return rollupCharts(r.L, store.RollUp(kept, cal, election.Today(s.now()))), nil
}
