package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"

	"electionflow/election"
)

// TaskReach is where one of a user's grants lets them work: the tasks of
// Role in the election Term, within Province or Council when set.
type TaskReach struct {
	Term     election.Term
	Role     election.Role
	Province election.ProvinceCode
	Council  election.CouncilCode
}

// InboxQuery asks for one page of the open tasks within any of Reach,
// narrowed by the inbox's filters.
type InboxQuery struct {
	Reach       []TaskReach
	Council     election.CouncilCode // empty: every council
	Kind        election.TaskKind    // empty: every kind
	OverdueOnly bool
	// ClaimedBy keeps the tasks this user has claimed; Unclaimed keeps
	// those nobody has (as Camunda Tasklist's "assigned to me" and
	// "unassigned"). Both unset: claimed or not.
	ClaimedBy string
	Unclaimed bool
	// Offset skips that many tasks; Limit bounds the page (0 means 100).
	Offset, Limit int
	// Sort orders the page; empty means SortDue.
	Sort InboxSort
}

// InboxSort is an order of the inbox.
type InboxSort string

// The inbox's orders: soonest due first, else by council or by kind and
// then soonest due.
const (
	SortDue     InboxSort = "due"
	SortCouncil InboxSort = "council"
	SortKind    InboxSort = "kind"
)

// orderBy is the SQL order of s, ending on the task ID so pages never
// overlap.
func (s InboxSort) orderBy() (string, error) {
	switch s {
	case "", SortDue:
		return "t.due_at NULLS LAST, t.task_id", nil
	case SortCouncil:
		return "t.council_code, t.due_at NULLS LAST, t.task_id", nil
	case SortKind:
		return "t.kind, t.due_at NULLS LAST, t.task_id", nil
	}
	return "", fmt.Errorf("sort %q: want due, council or kind", string(s))
}

// TaskPage is one page of open tasks, soonest due first, and how many
// match in all.
type TaskPage struct {
	Tasks []InboxTask
	Total int
}

// Inbox returns a page of the open tasks within q.Reach that match its
// filters, in one query whatever the number of grants. No reach, no tasks.
func (s *Store) Inbox(ctx context.Context, q InboxQuery) (TaskPage, error) {
	if len(q.Reach) == 0 {
		return TaskPage{}, nil
	}
	if q.ClaimedBy != "" && q.Unclaimed {
		return TaskPage{}, fmt.Errorf("store: inbox: tasks claimed by %s and unclaimed: want one or the other", q.ClaimedBy)
	}
	if q.Offset < 0 {
		return TaskPage{}, fmt.Errorf("store: inbox: offset %d: want 0 or more", q.Offset)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	order, err := q.Sort.orderBy()
	if err != nil {
		return TaskPage{}, fmt.Errorf("store: inbox: %w", err)
	}
	filters, reach, args := inboxConditions(q)
	// The page: from each reach the first offset+limit tasks, which an
	// index walk in due order finds without sorting every match, then
	// the page among them (UNION drops a task two grants both reach).
	branches := make([]string, len(reach))
	for i, r := range reach {
		branches[i] = `(SELECT t.task_id` + inboxFrom + ` WHERE ` + filters + ` AND ` + r + `
			ORDER BY ` + order + ` LIMIT ` + strconv.Itoa(q.Offset+limit) + `)`
	}
	batch := &pgx.Batch{}
	var page TaskPage
	batch.Queue(`SELECT `+taskColumns+` FROM (`+strings.Join(branches, " UNION ")+`) p
		JOIN tasks t ON t.task_id = p.task_id JOIN councils c ON c.term = t.term AND c.code = t.council_code
		ORDER BY `+order+`
		LIMIT `+strconv.Itoa(limit)+` OFFSET `+strconv.Itoa(q.Offset), args...).Query(func(rows pgx.Rows) error {
		var err error
		page.Tasks, err = pgx.CollectRows(rows, scanTask)
		return err
	})
	batch.Queue(`SELECT count(*)`+inboxFrom+` WHERE `+filters+` AND (`+strings.Join(reach, " OR ")+`)`, args...).
		QueryRow(func(row pgx.Row) error { return row.Scan(&page.Total) })
	if err := s.db.SendBatch(ctx, batch).Close(); err != nil {
		return TaskPage{}, fmt.Errorf("store: inbox: %w", err)
	}
	return page, nil
}

// inboxFrom joins the tasks to their councils, for the province of each.
const inboxFrom = `
	FROM tasks t JOIN councils c ON c.term = t.term AND c.code = t.council_code`

// inboxConditions are the SQL conditions of q, with their arguments: the
// inbox's filters, and one condition per reach.
func inboxConditions(q InboxQuery) (filters string, reach []string, args []any) {
	args = []any{string(q.Council), string(q.Kind), q.OverdueOnly}
	arg := func(v any) string { args = append(args, v); return "$" + strconv.Itoa(len(args)) }
	reach = make([]string, len(q.Reach))
	for i, r := range q.Reach {
		c := "t.term = " + arg(string(r.Term)) + " AND t.role = " + arg(string(r.Role))
		if r.Province != "" {
			c += " AND c.province = " + arg(string(r.Province))
		}
		if r.Council != "" {
			c += " AND t.council_code = " + arg(string(r.Council))
		}
		reach[i] = "(" + c + ")"
	}
	filters = `t.state = 'open' AND ($1 = '' OR t.council_code = $1) AND ($2 = '' OR t.kind = $2) AND (NOT $3 OR t.overdue)`
	switch {
	case q.ClaimedBy != "":
		filters += " AND t.claimed_by = " + arg(q.ClaimedBy)
	case q.Unclaimed:
		filters += " AND t.claimed_by IS NULL"
	}
	return filters, reach, args
}
