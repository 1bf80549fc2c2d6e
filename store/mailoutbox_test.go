package store

import (
	"context"
	"errors"
	"slices"
	"sort"
	"testing"
	"time"

	"electionflow/auth"
	"electionflow/election"
)

// queuedFor lists the notices queued in the outbox for a user, described
// as the notice fixture names them, sorted.
func queuedFor(t *testing.T, s *Store, userID int64) []string {
	t.Helper()
	rows, err := s.db.Query(context.Background(), `
		SELECT n.kind, t.kind, t.council_code FROM mail_outbox o
		JOIN task_notices n ON n.id = o.notice_id JOIN tasks t ON t.task_id = n.task_id
		WHERE o.user_id = $1`, userID)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var n Notification
		var kind, taskKind, council string
		if err := rows.Scan(&kind, &taskKind, &council); err != nil {
			t.Fatal(err)
		}
		n.Kind, n.TaskKind, n.Council = election.NoticeKind(kind), election.TaskKind(taskKind), election.CouncilCode(council)
		got = append(got, describe(n))
	}
	sort.Strings(got)
	return got
}

// The outbox queues a notice's mail for exactly the users who see it in
// the web app (the two forms of one rule), when they gave an address and
// are not disabled.
func TestQueuedMailFollowsReach(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	const term election.Term = "2026-2031"
	g := func(r election.Role, sc auth.Scope) auth.Grant { return auth.Grant{Role: r, Scope: sc} }
	users := map[string][]auth.Grant{
		"office04":  {g(election.RoleCouncilOffice, auth.CouncilScope(term, "00004"))},
		"office01":  {g(election.RoleCouncilOffice, auth.ProvinceScope(term, "01"))},
		"office79":  {g(election.RoleCouncilOffice, auth.ProvinceScope(term, "79"))},
		"manager79": {g(election.RoleManager, auth.ProvinceScope(term, "79"))},
		"office08":  {g(election.RoleCouncilOffice, auth.CouncilScope(term, "00008"))},
		"ubbc04":    {g(election.RoleElectionCommittee, auth.CouncilScope(term, "00004"))},
		"ubbc-all":  {g(election.RoleElectionCommittee, auth.ElectionScope(term))},
		"manager01": {g(election.RoleManager, auth.ProvinceScope(term, "01"))},
		"manager04": {g(election.RoleManager, auth.CouncilScope(term, "00004"))},
		"managerqh": {g(election.RoleManager, auth.CouncilScope(term, "QH"))},
		"admin":     {g(election.RoleAdministrator, auth.ElectionScope(term))},
		"hr":        {g(election.RoleHR, auth.ElectionScope(term))},
		"oldterm":   {g(election.RoleCouncilOffice, auth.CouncilScope("2021-2026", "00004"))},
		"both":      {g(election.RoleCouncilOffice, auth.CouncilScope(term, "00004")), g(election.RoleManager, auth.ProvinceScope(term, "01"))},
		"nobody":    nil,
	}
	byName := map[string]auth.User{}
	for name, grants := range users {
		byName[name] = noticeUser(t, s, name, grants...)
		if err := s.SetEmail(ctx, name, name+"@example.vn", admin); err != nil {
			t.Fatal(err)
		}
	}
	noEmail := noticeUser(t, s, "no-email", users["office04"]...)
	disabled := noticeUser(t, s, "disabled", users["admin"]...)
	if err := s.SetEmail(ctx, "disabled", "disabled@example.vn", admin); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDisabled(ctx, "disabled", true, admin); err != nil {
		t.Fatal(err)
	}
	noticeFixture(t, s)
	for name, u := range byName {
		page, err := s.Notifications(ctx, u, NotificationQuery{})
		if err != nil {
			t.Fatal(err)
		}
		var sees []string
		for _, n := range page.Notifications {
			sees = append(sees, describe(n))
		}
		sort.Strings(sees)
		if got := queuedFor(t, s, u.ID); !slices.Equal(got, sees) {
			t.Errorf("%s: mail queued for %v, but the web app shows %v", name, got, sees)
		}
	}
	if got := queuedFor(t, s, byName["admin"].ID); len(got) != 2 {
		t.Errorf("admin: %v queued, want the escalation and the missed deadline", got)
	}
	for _, u := range []auth.User{noEmail, disabled} {
		if got := queuedFor(t, s, u.ID); len(got) != 0 {
			t.Errorf("%s: %v queued, want nothing", u.Username, got)
		}
	}
}

// A notice recorded again (an activity retried) queues no second mail.
func TestNotifyTaskTwiceQueuesOnce(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	noticeUser(t, s, "office04", auth.Grant{Role: election.RoleCouncilOffice, Scope: auth.CouncilScope("2026-2031", "00004")})
	if err := s.SetEmail(ctx, "office04", "office04@example.vn", admin); err != nil {
		t.Fatal(err)
	}
	notices := noticeFixture(t, s)
	for range 2 {
		if err := s.NotifyTask(ctx, notices["reminder 04"]); err != nil {
			t.Fatal(err)
		}
	}
	if tally, err := s.MailTally(ctx); err != nil || tally != (MailTally{Queued: 1}) {
		t.Errorf("tally %+v, %v; want one mail queued", tally, err)
	}
}

// mailFixture queues the fixture's escalation and missed deadline for two
// administrators with addresses: four mails.
func mailFixture(t *testing.T, s *Store) {
	t.Helper()
	for _, name := range []string{"admin1", "admin2"} {
		noticeUser(t, s, name, auth.Grant{Role: election.RoleAdministrator, Scope: auth.ElectionScope("2026-2031")})
		if err := s.SetEmail(context.Background(), name, name+"@example.vn", admin); err != nil {
			t.Fatal(err)
		}
	}
	noticeFixture(t, s)
}

func TestClaimMail(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	mailFixture(t, s)
	first, err := s.ClaimMail(ctx, 3, time.Minute)
	if err != nil || len(first) != 3 {
		t.Fatalf("claim 3: %d mails, %v", len(first), err)
	}
	m := first[0]
	if m.To != "admin1@example.vn" && m.To != "admin2@example.vn" || m.ToName == "" || m.CouncilName == "" ||
		m.Task.ID == "" || m.Task.Due.IsZero() || m.Attempts != 1 || m.NoticeAt.IsZero() {
		t.Errorf("claimed mail %+v", m)
	}
	second, err := s.ClaimMail(ctx, 3, time.Minute)
	if err != nil || len(second) != 1 {
		t.Fatalf("claim while 3 are leased: %d mails, %v; want the 1 left", len(second), err)
	}
	if err := s.MailSent(ctx, first[0].ID); err != nil {
		t.Fatal(err)
	}
	if err := s.MailNotSent(ctx, first[1].ID, "451 try later", false); err != nil {
		t.Fatal(err)
	}
	if err := s.MailNotSent(ctx, first[2].ID, "550 no such mailbox", true); err != nil {
		t.Fatal(err)
	}
	again, err := s.ClaimMail(ctx, 10, time.Minute)
	if err != nil || len(again) != 1 || again[0].ID != first[1].ID || again[0].Attempts != 2 {
		t.Fatalf("after sent, refused for now and refused for good: claimed %+v, %v; want only the one to retry", again, err)
	}
	if tally, err := s.MailTally(ctx); err != nil || tally != (MailTally{Queued: 2, Sent: 1, GivenUp: 1}) {
		t.Errorf("tally %+v, %v", tally, err)
	}
	// A sent mail stays sent even if its sender reports it again.
	if err := s.MailNotSent(ctx, first[0].ID, "late", true); err != nil {
		t.Fatal(err)
	}
	if tally, _ := s.MailTally(ctx); tally.Sent != 1 {
		t.Errorf("a sent mail was reported failed afterwards: tally %+v", tally)
	}
}

// A lease runs out: a sender that died leaves its mail to the next.
func TestClaimMailAfterLease(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	mailFixture(t, s)
	if got, err := s.ClaimMail(ctx, 10, 50*time.Millisecond); err != nil || len(got) != 4 {
		t.Fatalf("claim: %d, %v", len(got), err)
	}
	time.Sleep(100 * time.Millisecond)
	if got, err := s.ClaimMail(ctx, 10, time.Minute); err != nil || len(got) != 4 {
		t.Errorf("claim after the lease ended: %d, %v; want all 4", len(got), err)
	}
}

// Mail queued more than MailMaxAge ago is given up, not sent late.
func TestClaimMailGivesUpOldMail(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	mailFixture(t, s)
	if _, err := s.db.Exec(ctx, `UPDATE mail_outbox SET queued_at = now() - interval '25 hours'
		WHERE id = (SELECT min(id) FROM mail_outbox)`); err != nil {
		t.Fatal(err)
	}
	got, err := s.ClaimMail(ctx, 10, time.Minute)
	if err != nil || len(got) != 3 {
		t.Fatalf("claim: %d, %v; want the 3 fresh ones", len(got), err)
	}
	if tally, _ := s.MailTally(ctx); tally.GivenUp != 1 {
		t.Errorf("tally %+v; want the old one given up", tally)
	}
	if _, err := s.ClaimMail(ctx, 0, time.Minute); err == nil {
		t.Error("a claim of 0 mails was accepted")
	}
	if _, err := s.ClaimMail(ctx, 1, 0); err == nil {
		t.Error("a claim with no lease was accepted")
	}
}

func TestSetEmail(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	noticeUser(t, s, "lan")
	audits := func() int {
		var n int
		if err := s.db.QueryRow(ctx, `SELECT count(*) FROM audit_log WHERE action = 'user.set-email'`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if err := s.SetEmail(ctx, "Lan", " Lan@Example.VN ", admin); err != nil {
		t.Fatal(err)
	}
	if u, _ := s.UserByName(ctx, "lan"); u.Email != "Lan@example.vn" {
		t.Errorf("email %q", u.Email)
	}
	if err := s.SetEmail(ctx, "lan", "Lan@example.vn", admin); err != nil || audits() != 1 {
		t.Errorf("the same address again: %v, %d audit rows; want nothing changed", err, audits())
	}
	if err := s.SetEmail(ctx, "lan", "not an address", admin); err == nil {
		t.Error("a malformed address was accepted")
	}
	if err := s.SetEmail(ctx, "nobody", "x@example.vn", admin); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown user: %v", err)
	}
	if err := s.SetEmail(ctx, "lan", "", admin); err != nil {
		t.Fatal(err)
	}
	if u, _ := s.UserByName(ctx, "lan"); u.Email != "" || audits() != 2 {
		t.Errorf("after removing: email %q, %d audit rows", u.Email, audits())
	}
}

// Mail is claimed person by person, so a sender can put each person's
// notices in one mail.
func TestClaimMailPersonByPerson(t *testing.T) {
	ctx := context.Background()
	s := openWithRoster(t)
	mailFixture(t, s) // each notice queues for admin1, then admin2
	got, err := s.ClaimMail(ctx, 2, time.Minute)
	if err != nil || len(got) != 2 || got[0].To != got[1].To || got[0].User != got[1].User || got[0].ID >= got[1].ID {
		t.Fatalf("claimed %+v, %v; want one person's two mails, in order", got, err)
	}
	rest, err := s.ClaimMail(ctx, 10, time.Minute)
	if err != nil || len(rest) != 2 || rest[0].To == got[0].To || rest[0].To != rest[1].To {
		t.Errorf("then claimed %+v, %v; want the other person's two", rest, err)
	}
}
