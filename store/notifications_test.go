package store

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/election"
)

// noticeFixture opens three tasks, records five notices on them and
// returns the notices by name.
func noticeFixture(t *testing.T, s *Store) map[string]TaskNotice {
	t.Helper()
	return noticeFixtureBy(t, s, s.NotifyTask)
}

// noticeFixtureBy is noticeFixture with the notices recorded by record.
func noticeFixtureBy(t *testing.T, s *Store, record func(context.Context, TaskNotice) error) map[string]TaskNotice {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2026, 4, 10, 8, 0, 0, 0, time.UTC)
	task := func(council election.CouncilCode, kind election.TaskKind, role election.Role) election.Task {
		return election.Task{ID: election.NewTaskID("2026-2031", council, kind, "x"), Term: "2026-2031", Council: council,
			Kind: kind, Subject: "x", Role: role, Due: at.Add(48 * time.Hour)}
	}
	hand04 := task("00004", election.KindHandOverCertificates, election.RoleCouncilOffice)
	hand08 := task("00008", election.KindHandOverCertificates, election.RoleCouncilOffice)
	review04 := task("00004", election.KindReviewComplaint, election.RoleElectionCommittee)
	for _, tk := range []election.Task{hand04, hand08, review04} {
		if err := s.OpenTasks(ctx, "wf/"+string(tk.Council), []election.Task{tk}); err != nil {
			t.Fatal(err)
		}
	}
	notices := map[string]TaskNotice{
		"reminder 04":        {Task: hand04, Kind: election.NoticeReminder, Lead: 24 * time.Hour, At: at},
		"reminder 08":        {Task: hand08, Kind: election.NoticeReminder, Lead: 24 * time.Hour, At: at.Add(time.Hour)},
		"review reminder 04": {Task: review04, Kind: election.NoticeReminder, Lead: 24 * time.Hour, At: at.Add(2 * time.Hour)},
		"escalation 04":      {Task: hand04, Kind: election.NoticeEscalation, At: at.Add(3 * time.Hour)},
		"missed 08":          {Task: hand08, Kind: election.NoticeDeadlineMissed, At: at.Add(4 * time.Hour)},
	}
	for _, n := range notices {
		if err := record(ctx, n); err != nil {
			t.Fatal(err)
		}
	}
	return notices
}

// noticeUser creates a user with grants and returns them as auth sees them.
func noticeUser(t *testing.T, s *Store, name string, grants ...auth.Grant) auth.User {
	t.Helper()
	ctx := context.Background()
	if _, err := s.CreateUser(ctx, name, name, "$argon2id$fake", admin); err != nil {
		t.Fatal(err)
	}
	for _, g := range grants {
		if err := s.GrantRole(ctx, name, g, admin); err != nil {
			t.Fatal(err)
		}
	}
	u, err := s.UserByName(ctx, name)
	if err != nil {
		t.Fatal(err)
	}
	return u.User
}

// describe names a notification as the fixture does.
func describe(n Notification) string {
	switch {
	case n.Kind == election.NoticeReminder && n.TaskKind == election.KindReviewComplaint:
		return "review reminder " + string(n.Council[3:])
	case n.Kind == election.NoticeReminder:
		return "reminder " + string(n.Council[3:])
	case n.Kind == election.NoticeEscalation:
		return "escalation " + string(n.Council[3:])
	}
	return "missed " + string(n.Council[3:])
}

func TestNotificationsGoToTheirRecipients(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	noticeFixture(t, s)
	const term election.Term = "2026-2031"
	g := func(r election.Role, sc auth.Scope) auth.Grant { return auth.Grant{Role: r, Scope: sc} }
	tests := []struct {
		name   string
		grants []auth.Grant
		want   []string // newest first
	}{
		{"office04", []auth.Grant{g(election.RoleCouncilOffice, auth.CouncilScope(term, "00004"))}, []string{"reminder 04"}},
		{"office08", []auth.Grant{g(election.RoleCouncilOffice, auth.CouncilScope(term, "00008"))}, []string{"reminder 08"}},
		{"office01", []auth.Grant{g(election.RoleCouncilOffice, auth.ProvinceScope(term, "01"))}, []string{"missed 08", "escalation 04", "reminder 08", "reminder 04"}},
		{"office-all", []auth.Grant{g(election.RoleCouncilOffice, auth.ElectionScope(term))}, []string{"missed 08", "escalation 04", "reminder 08", "reminder 04"}},
		{"ubbc-all", []auth.Grant{g(election.RoleElectionCommittee, auth.ElectionScope(term))}, []string{"review reminder 04"}},
		{"office79", []auth.Grant{g(election.RoleCouncilOffice, auth.ProvinceScope(term, "79"))}, nil},
		{"ubbc04", []auth.Grant{g(election.RoleElectionCommittee, auth.CouncilScope(term, "00004"))}, []string{"review reminder 04"}},
		{"manager01", []auth.Grant{g(election.RoleManager, auth.ProvinceScope(term, "01"))}, []string{"missed 08", "escalation 04"}},
		{"manager04", []auth.Grant{g(election.RoleManager, auth.CouncilScope(term, "00004"))}, []string{"escalation 04"}},
		{"managerqh", []auth.Grant{g(election.RoleManager, auth.CouncilScope(term, "QH"))}, nil},
		{"admin", []auth.Grant{g(election.RoleAdministrator, auth.ElectionScope(term))}, []string{"missed 08", "escalation 04"}},
		{"hr", []auth.Grant{g(election.RoleHR, auth.ElectionScope(term))}, nil},
		{"oldterm", []auth.Grant{g(election.RoleCouncilOffice, auth.CouncilScope("2021-2026", "00004"))}, nil},
		{"nobody", nil, nil},
		{"both", []auth.Grant{g(election.RoleCouncilOffice, auth.CouncilScope(term, "00004")), g(election.RoleManager, auth.CouncilScope(term, "00004"))},
			[]string{"escalation 04", "reminder 04"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := noticeUser(t, s, tt.name, tt.grants...)
			page, err := s.Notifications(ctx, u, NotificationQuery{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, n := range page.Notifications {
				got = append(got, describe(n))
				if n.Read || n.CouncilName == "" || n.Task == "" {
					t.Errorf("notification %+v", n)
				}
			}
			if !slices.Equal(got, tt.want) || page.Total != len(tt.want) || page.Unread != len(tt.want) {
				t.Errorf("notifications %v (total %d, unread %d), want %v", got, page.Total, page.Unread, tt.want)
			}
			if n, err := s.UnreadNotifications(ctx, u, 100); err != nil || n != len(tt.want) {
				t.Errorf("unread %d, %v; want %d", n, err, len(tt.want))
			}
		})
	}
}

func TestMarkNotificationsRead(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	noticeFixture(t, s)
	const term election.Term = "2026-2031"
	office01 := noticeUser(t, s, "office01", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.ProvinceScope(term, "01")})
	office04 := noticeUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	manager := noticeUser(t, s, "manager01", auth.Grant{Role: election.RoleManager, Scope: auth.ProvinceScope(term, "01")})
	unread := func(u auth.User) int {
		t.Helper()
		n, err := s.UnreadNotifications(ctx, u, 100)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	mine, err := s.Notifications(ctx, office04, NotificationQuery{})
	if err != nil || len(mine.Notifications) != 1 {
		t.Fatalf("notifications of office04: %+v, %v", mine, err)
	}
	id := mine.Notifications[0].ID
	for range 2 { // twice: the second changes nothing
		if err := s.MarkNotificationRead(ctx, office04, id); err != nil {
			t.Fatal(err)
		}
	}
	if n := unread(office04); n != 0 {
		t.Errorf("office04 has %d unread after reading its one notice", n)
	}
	// office01 supervises the province's council offices: two reminders,
	// an escalation and a missed deadline.
	if n := unread(office01); n != 4 {
		t.Errorf("office01 has %d unread, want 4: read state is per user", n)
	}
	page, _ := s.Notifications(ctx, office04, NotificationQuery{})
	if len(page.Notifications) != 1 || !page.Notifications[0].Read || page.Unread != 0 || page.Total != 1 {
		t.Errorf("office04's page after reading: %+v", page)
	}

	// The manager's escalation is not office04's to mark, nor is a notice
	// that does not exist.
	esc, _ := s.Notifications(ctx, manager, NotificationQuery{})
	for _, bad := range []int64{esc.Notifications[0].ID, -1, 1 << 40} {
		if err := s.MarkNotificationRead(ctx, office04, bad); !errors.Is(err, ErrNotFound) {
			t.Errorf("marking notice %d read for office04: %v, want not found", bad, err)
		}
	}
	if n := unread(manager); n != 2 {
		t.Errorf("manager has %d unread, want 2", n)
	}
	if n := count(t, s, `SELECT count(*) FROM notice_reads`); n != 1 {
		t.Errorf("%d read rows, want 1", n)
	}

	for round, want := range []int{2, 0} { // the second round finds nothing left
		n, err := s.MarkAllNotificationsRead(ctx, manager)
		if err != nil || n != want {
			t.Errorf("mark all read, round %d: %d, %v; want %d", round, n, err, want)
		}
	}
	if n := unread(manager); n != 0 {
		t.Errorf("manager has %d unread after marking all read", n)
	}
	if n := unread(office01); n != 4 {
		t.Errorf("office01 has %d unread after the manager read the escalation and missed deadline they share, want 4", n)
	}
	if _, err := s.Notifications(ctx, manager, NotificationQuery{Offset: -1}); err == nil {
		t.Error("a negative offset was accepted")
	}
	// The header's count stops at its limit.
	if n, err := s.UnreadNotifications(ctx, office01, 1); err != nil || n != 1 {
		t.Errorf("office01's unread up to 1: %d, %v", n, err)
	}
	if _, err := s.UnreadNotifications(ctx, office01, 0); err == nil {
		t.Error("a count up to 0 was accepted")
	}
}

// Past noticeReadWindow notices, "mark all read" leaves a read mark
// instead of a row per notice, and a notice recorded after it is unread.
func TestMarkAllReadLeavesAMark(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	notices := noticeFixture(t, s)
	hand04 := notices["reminder 04"]
	extra := noticeReadWindow + 100
	if _, err := s.pool.Exec(ctx, `
		INSERT INTO task_notices (task_id, kind, lead_seconds, at, role)
		SELECT $1, 'reminder', g, $2, 'council-office' FROM generate_series(1, $3::int) g`,
		string(hand04.Task.ID), hand04.At, extra); err != nil {
		t.Fatal(err)
	}
	const term election.Term = "2026-2031"
	office04 := noticeUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope(term, "00004")})
	office01 := noticeUser(t, s, "office01", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.ProvinceScope(term, "01")})
	unread := func(u auth.User) int {
		t.Helper()
		n, err := s.UnreadNotifications(ctx, u, 1<<20)
		if err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := unread(office04); n != extra+1 {
		t.Fatalf("office04 has %d unread, want %d", n, extra+1)
	}
	if n, err := s.MarkAllNotificationsRead(ctx, office04); err != nil || n != extra+1 {
		t.Fatalf("mark all read: %d, %v; want %d", n, err, extra+1)
	}
	if n := unread(office04); n != 0 {
		t.Errorf("office04 has %d unread after marking all read", n)
	}
	if rows := count(t, s, `SELECT count(*) FROM notice_reads WHERE user_id = $1`, office04.ID); rows > noticeReadWindow {
		t.Errorf("%d read rows: the mark should cover all but the newest %d", rows, noticeReadWindow)
	}
	if marks := count(t, s, `SELECT count(*) FROM notice_read_marks WHERE user_id = $1 AND through_id > 0`, office04.ID); marks != 1 {
		t.Errorf("%d read marks, want 1", marks)
	}
	page, err := s.Notifications(ctx, office04, NotificationQuery{})
	if err != nil || page.Total != extra+1 || page.Unread != 0 || slices.ContainsFunc(page.Notifications, func(n Notification) bool { return !n.Read }) {
		t.Errorf("office04's page after marking all read: total %d, unread %d, %v", page.Total, page.Unread, err)
	}

	later := TaskNotice{Task: hand04.Task, Kind: election.NoticeReminder, Lead: 72 * time.Hour, At: hand04.At.Add(24 * time.Hour)}
	if err := s.NotifyTask(ctx, later); err != nil {
		t.Fatal(err)
	}
	if n := unread(office04); n != 1 {
		t.Errorf("office04 has %d unread after a new notice, want 1", n)
	}
	if page, _ := s.Notifications(ctx, office04, NotificationQuery{Limit: 1}); len(page.Notifications) != 1 || page.Notifications[0].Read || page.Unread != 1 {
		t.Errorf("the newest notice on office04's page: %+v", page)
	}
	if page, err := s.Notifications(ctx, office04, NotificationQuery{UnreadOnly: true}); err != nil || len(page.Notifications) != 1 ||
		page.Notifications[0].Lead != later.Lead || page.Total != extra+2 {
		t.Errorf("office04's unread only: %+v, %v", page, err)
	}
	// office01 supervises the province's council offices: the reminders,
	// and the fixture's escalation and missed deadline too.
	if n := unread(office01); n != extra+5 {
		t.Errorf("office01 has %d unread, want %d: office04's mark is theirs alone", n, extra+5)
	}
	if n, err := s.MarkAllNotificationsRead(ctx, office04); err != nil || n != 1 {
		t.Errorf("mark all read again: %d, %v; want 1", n, err)
	}
	if n := unread(office04); n != 0 {
		t.Errorf("office04 has %d unread after marking all read again", n)
	}
}
