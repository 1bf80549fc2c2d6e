package web

import (
	"context"
	"time"

	"electionflow/election"
	"electionflow/store"
)

// taskTitles names each task for people, as Camunda Tasklist does: what
// to do, for whom and where (election.TaskName), e.g. "Xác minh quá
// trình đóng BHXH và tiền lương — Nguyễn Văn A — xã Vạn Sơn". Who is read
// from Postgres here (store.NamesAbout), never from a workflow; a task
// about nobody in particular is named by its subject.
func (s *Server) taskTitles(ctx context.Context, l lang, tasks []store.InboxTask) (map[election.TaskID]string, error) {
	plain := make([]election.Task, len(tasks))
	for i, t := range tasks {
		plain[i] = t.Task
	}
	names, err := s.Store.NamesAbout(ctx, plain)
	if err != nil {
		return nil, err
	}
	titles := make(map[election.TaskID]string, len(tasks))
	for _, t := range tasks {
		who := names[t.ID]
		if who == "" {
			who = l.Subject(t.Task)
		}
		titles[t.ID] = election.TaskName(l.Label("kind", t.Kind), who, t.CouncilName)
	}
	return titles, nil
}

// dueState says how near a due time is, for the inbox's colours: overdue,
// due within 3 days ("soon"), or later ("").
func dueState(due, now time.Time) string {
	switch {
	case due.IsZero():
		return ""
	case !due.After(now):
		return "overdue"
	case due.Sub(now) <= 72*time.Hour:
		return "soon"
	}
	return ""
}

// dueIn says in words how far a due time is from now: "quá hạn 2 ngày",
// "còn 5 giờ", "còn 3 ngày".
func dueIn(l lang, due, now time.Time) string {
	if due.IsZero() {
		return ""
	}
	d := due.Sub(now)
	key := "due.in"
	if d < 0 {
		key, d = "due.ago", -d
	}
	if d < 24*time.Hour {
		return l.F(key+".hours", max(1, int(d.Hours()+0.5)))
	}
	return l.F(key+".days", int(d.Hours()/24+0.5))
}
