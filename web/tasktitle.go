package web

import (
	"context"
	"time"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/store"
)

// taskTitles names each task for people, as Camunda Tasklist does: what
// to do, for whom and where, e.g. "Xác minh quá trình đóng BHXH và tiền
// lương — Nguyễn Văn A — xã Vạn Sơn". Who is read from Postgres here (the
// elected person a complaint concerns, the outgoing cadre), never from a
// workflow; a task about nobody in particular is named by its subject.
func (s *Server) taskTitles(ctx context.Context, l lang, tasks []store.InboxTask) (map[election.TaskID]string, error) {
	who := make(map[election.TaskID]string, len(tasks))
	byTerm := map[election.Term][]store.InboxTask{}
	for _, t := range tasks {
		byTerm[t.Term] = append(byTerm[t.Term], t)
	}
	for term, ts := range byTerm {
		var persons []election.PersonID
		var cadres []election.CadreID
		ids := make(map[election.TaskID]string, len(ts))
		for _, t := range ts {
			id := subjectPerson(t.Task)
			ids[t.ID] = id
			if t.Kind == election.KindReviewComplaint {
				persons = append(persons, election.PersonID(id))
			} else if id != "" {
				cadres = append(cadres, election.CadreID(id))
			}
		}
		names, err := s.Store.NamesOf(ctx, term, persons, cadres)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			if name := names[ids[t.ID]]; name != "" {
				who[t.ID] = name
			} else {
				who[t.ID] = l.Subject(t.Task)
			}
		}
	}
	titles := make(map[election.TaskID]string, len(tasks))
	for _, t := range tasks {
		// The inbox row carries the council's name only; a People's
		// Council's name gives its place, the National Assembly's is
		// shown whole.
		place := election.Council{Name: t.CouncilName}.Locality()
		if place == "" {
			place = t.CouncilName
		}
		titles[t.ID] = l.Label("kind", t.Kind) + " — " + who[t.ID] + " — " + place
	}
	return titles, nil
}

// subjectPerson is the ID of the person a task is about, read from its
// subject: the elected person of a complaint, the cadre of a cadre's case;
// empty for other tasks.
func subjectPerson(t election.Task) string {
	if id, ok := checklist.CadreOf(t); ok {
		return string(id)
	}
	if id, ok := checklist.ComplainantOf(t); ok {
		return string(id)
	}
	return ""
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
