package store

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"electionflow/auth"
	"electionflow/election"
)

// Notification is a notice a workflow recorded about a task (thông báo: a
// reminder, an escalation, a legal deadline missed) as one user receives
// it, with the task it is about and whether this user has read it.
type Notification struct {
	ID          int64
	Kind        election.NoticeKind
	At          time.Time
	Lead        time.Duration
	Task        election.TaskID
	TaskKind    election.TaskKind
	TaskState   election.TaskState
	Subject     string
	Term        election.Term
	Council     election.CouncilCode
	CouncilName string
	Read        bool
}

// NotificationPage is one page of a user's notifications, newest first,
// with how many they have in all and how many of those are unread.
type NotificationPage struct {
	Notifications []Notification
	Total, Unread int
}

// noticesFrom joins the notices to their tasks and councils, for what a
// page shows of them; which notices a user receives needs task_notices
// alone (its place columns, see migration 00014).
const noticesFrom = `
	FROM task_notices n JOIN tasks t ON t.task_id = n.task_id
	JOIN councils c ON c.term = t.term AND c.code = t.council_code`

// noticeReach is the SQL condition (with its arguments appended to args)
// that says which notices the holder of grants receives: this is the one
// home of that rule.
//
//   - a reminder (nhắc hạn) goes to whoever may complete the task: a grant
//     of the task's role whose scope covers its council, as
//     auth.User.CanCompleteAs decides;
//   - an escalation (báo quá hạn) or a missed legal deadline goes to the
//     managers (lãnh đạo) and administrators whose scope covers the
//     task's council, and to the supervisors (người phụ trách) of the
//     task's role there: its role held for a province or the whole
//     election (auth.Grant.IsSupervisor), who can assign the task.
//
// No grant, no notice: the condition is then false. queueMail reads the
// same rule from the notice's side.
func noticeReach(grants []auth.Grant, args *[]any) string {
	arg := func(v any) string { *args = append(*args, v); return "$" + strconv.Itoa(len(*args)) }
	var or []string
	for _, g := range grants {
		var c string
		switch {
		case g.IsSupervisor():
			c = "n.role = " + arg(string(g.Role)) + " AND (n.kind = " + arg(string(election.NoticeReminder)) +
				" OR n.kind = ANY(" + arg(overseenKinds()) + "))"
		case auth.IsStaffRole(g.Role):
			c = "n.kind = " + arg(string(election.NoticeReminder)) + " AND n.role = " + arg(string(g.Role))
		case isOverseer(g.Role):
			c = "n.kind = ANY(" + arg(overseenKinds()) + ")"
		default:
			continue
		}
		c += " AND n.term = " + arg(string(g.Scope.Term))
		switch g.Scope.Kind {
		case auth.ScopeElection:
		case auth.ScopeProvince:
			c += " AND n.province = " + arg(string(g.Scope.Province))
		case auth.ScopeCouncil:
			c += " AND n.council_code = " + arg(string(g.Scope.Council))
		default:
			continue // a malformed scope covers nothing
		}
		or = append(or, "("+c+")")
	}
	if len(or) == 0 {
		return "false"
	}
	return "(" + strings.Join(or, " OR ") + ")"
}

// overseenKinds are the notices that go to the overseers of a scope
// rather than to whoever may complete the task: escalations and missed
// legal deadlines.
func overseenKinds() []string {
	return []string{string(election.NoticeEscalation), string(election.NoticeDeadlineMissed)}
}

// isOverseer says whether a role receives the overseen notices of its
// scope: managers (lãnh đạo) and administrators.
func isOverseer(r election.Role) bool {
	return r == election.RoleManager || r == election.RoleAdministrator
}

// unreadBy is the SQL condition that the user (argument $1) has not read
// notice n: n is above the user's read mark (argument $2, see
// readThrough) and has no row of its own in notice_reads.
const unreadBy = `(n.id > $2 AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.user_id = $1 AND r.notice_id = n.id))`

// noticeReadWindow is how many of the newest notices "mark all read"
// records one by one rather than under the user's read mark: a notice's
// number is taken when its transaction inserts it, and one still
// uncommitted when the user marks all read must stay unread. This assumes
// fewer than this many notices are recorded while one notice's
// transaction is open (they are recorded one short transaction each).
const noticeReadWindow = 1000

// readThrough is the user's read mark: every notice numbered up to it is
// read (0: none is by the mark).
func (s *Store) readThrough(ctx context.Context, userID int64) (int64, error) {
	var through int64
	err := s.db.QueryRow(ctx, `SELECT coalesce(max(through_id), 0) FROM notice_read_marks WHERE user_id = $1`, userID).Scan(&through)
	if err != nil {
		return 0, fmt.Errorf("read mark of user #%d: %w", userID, err)
	}
	return through, nil
}

// UnreadNotifications counts the notices u receives and has not read, up
// to limit (at least 1): the count in every page's header, so a query
// that stops at limit, however many an election-wide manager has, and
// looks only above the user's read mark.
func (s *Store) UnreadNotifications(ctx context.Context, u auth.User, limit int) (int, error) {
	if limit < 1 {
		return 0, fmt.Errorf("store: unread notifications of %s: limit %d: want 1 or more", u.Username, limit)
	}
	through, err := s.readThrough(ctx, u.ID)
	if err != nil {
		return 0, fmt.Errorf("store: unread notifications of %s: %w", u.Username, err)
	}
	args := []any{u.ID, through}
	reach := noticeReach(u.Grants, &args)
	var n int
	err = s.db.QueryRow(ctx, `SELECT count(*) FROM (SELECT FROM task_notices n WHERE `+reach+` AND `+unreadBy+`
		LIMIT `+strconv.Itoa(limit)+`) unread`, args...).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: unread notifications of %s: %w", u.Username, err)
	}
	return n, nil
}

// NotificationQuery asks for a page of a user's notifications: Offset
// skips that many, Limit bounds the page (0 means 100), UnreadOnly keeps
// the unread ones.
type NotificationQuery struct {
	Offset, Limit int
	UnreadOnly    bool
}

// Notifications returns a page of the notices u receives, newest first,
// with the counts of all and of unread ones.
func (s *Store) Notifications(ctx context.Context, u auth.User, q NotificationQuery) (NotificationPage, error) {
	if q.Offset < 0 {
		return NotificationPage{}, fmt.Errorf("store: notifications of %s: offset %d: want 0 or more", u.Username, q.Offset)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 100
	}
	through, err := s.readThrough(ctx, u.ID)
	if err != nil {
		return NotificationPage{}, fmt.Errorf("store: notifications of %s: %w", u.Username, err)
	}
	args := []any{u.ID, through}
	reach := noticeReach(u.Grants, &args)
	onlyUnread := ""
	if q.UnreadOnly {
		onlyUnread = " AND " + unreadBy
	}
	var page NotificationPage
	batch := &pgx.Batch{}
	batch.Queue(`SELECT n.id, n.kind, n.at, n.lead_seconds, t.task_id, t.kind, t.state, t.subject, t.term, t.council_code, c.name,
			NOT `+unreadBy+noticesFrom+` WHERE `+reach+onlyUnread+`
		ORDER BY n.at DESC, n.id DESC LIMIT `+strconv.Itoa(limit)+` OFFSET `+strconv.Itoa(q.Offset), args...).
		Query(func(rows pgx.Rows) error {
			var err error
			page.Notifications, err = pgx.CollectRows(rows, scanNotification)
			return err
		})
	batch.Queue(`SELECT count(*), count(*) FILTER (WHERE `+unreadBy+`) FROM task_notices n WHERE `+reach, args...).
		QueryRow(func(row pgx.Row) error { return row.Scan(&page.Total, &page.Unread) })
	if err := s.db.SendBatch(ctx, batch).Close(); err != nil {
		return NotificationPage{}, fmt.Errorf("store: notifications of %s: %w", u.Username, err)
	}
	return page, nil
}

// scanNotification scans a row of Notifications.
func scanNotification(row pgx.CollectableRow) (Notification, error) {
	var n Notification
	var kind, task, taskKind, state, term, council string
	var lead int64
	err := row.Scan(&n.ID, &kind, &n.At, &lead, &task, &taskKind, &state, &n.Subject, &term, &council, &n.CouncilName, &n.Read)
	n.Kind, n.Lead, n.Task, n.TaskKind = election.NoticeKind(kind), time.Duration(lead)*time.Second, election.TaskID(task), election.TaskKind(taskKind)
	n.TaskState, n.Term, n.Council = election.TaskState(state), election.Term(term), election.CouncilCode(council)
	return n, err
}

// MarkNotificationRead records that u has read notice id. Reading it twice
// changes nothing; a notice u does not receive, or that does not exist, is
// ErrNotFound and records nothing.
func (s *Store) MarkNotificationRead(ctx context.Context, u auth.User, id int64) error {
	args := []any{u.ID, id}
	reach := noticeReach(u.Grants, &args)
	var found int
	err := s.db.QueryRow(ctx, `
		WITH target AS (SELECT n.id FROM task_notices n WHERE n.id = $2 AND `+reach+`),
		marked AS (INSERT INTO notice_reads (user_id, notice_id) SELECT $1, id FROM target ON CONFLICT DO NOTHING)
		SELECT count(*) FROM target`, args...).Scan(&found)
	if err == nil && found == 0 {
		err = fmt.Errorf("notice %d for %s: %w", id, u.Username, ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("store: mark notification read: %w", err)
	}
	return nil
}

// MarkAllNotificationsRead records that u has read every notice they
// receive, and returns how many were unread. The newest
// noticeReadWindow notices of all are recorded one by one; the user's
// read mark covers those before them, so the header's count never looks
// through them again.
func (s *Store) MarkAllNotificationsRead(ctx context.Context, u auth.User) (int, error) {
	var unread int
	err := s.InTx(ctx, func(in *Store) error {
		tx := in.db
		through, err := in.readThrough(ctx, u.ID)
		if err != nil {
			return err
		}
		var newest int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(id), 0) FROM task_notices`).Scan(&newest); err != nil {
			return err
		}
		mark := max(through, newest-noticeReadWindow)
		args := []any{u.ID, through}
		reach := noticeReach(u.Grants, &args)
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM task_notices n WHERE `+reach+` AND `+unreadBy, args...).Scan(&unread); err != nil {
			return err
		}
		args = append(args, mark)
		if _, err := tx.Exec(ctx, `
			INSERT INTO notice_reads (user_id, notice_id)
			SELECT $1, n.id FROM task_notices n WHERE `+reach+` AND n.id > $`+strconv.Itoa(len(args))+` AND n.id > $2
			ON CONFLICT DO NOTHING`, args...); err != nil {
			return err
		}
		if mark <= through {
			return nil
		}
		if _, err := tx.Exec(ctx, `
			INSERT INTO notice_read_marks (user_id, through_id) VALUES ($1, $2)
			ON CONFLICT (user_id) DO UPDATE SET through_id = greatest(notice_read_marks.through_id, excluded.through_id)`,
			u.ID, mark); err != nil {
			return err
		}
		// Rows under the mark say nothing more.
		_, err = tx.Exec(ctx, `DELETE FROM notice_reads WHERE user_id = $1 AND notice_id <= $2`, u.ID, mark)
		return err
	})
	if err != nil {
		return 0, fmt.Errorf("store: mark all notifications of %s read: %w", u.Username, err)
	}
	return unread, nil
}
