package activities

import (
	"strings"
	"testing"
	"time"

	"electionflow/election"
	"electionflow/store"
)

func TestNoticeMailText(t *testing.T) {
	kind := election.KindVerifyCadreRecord
	task := election.Task{ID: "2026-2031/00004/verify-cadre-record/CB 001", Term: "2026-2031", Council: "00004",
		Kind: kind, Role: election.RoleHR, Due: time.Date(2026, 4, 12, 10, 0, 0, 0, time.UTC)}
	queued := func(k election.NoticeKind, lead time.Duration) store.QueuedMail {
		return store.QueuedMail{ID: 7, Notice: 3, Kind: k, Lead: lead, Task: task,
			CouncilName: "Hội đồng nhân dân phường Ba Đình", To: "lan@example.vn", ToName: "Nguyễn Thị Lan"}
	}
	title := "Xác minh"
	if f, ok := election.FormOf(kind); ok {
		title = f.Title.Vi
	}
	for _, tt := range []struct {
		mail      store.QueuedMail
		who       string
		subject   []string
		body      []string
		notInBody []string
	}{
		{queued(election.NoticeReminder, 72*time.Hour), "Hoàng Văn Bình",
			[]string{"[Nhắc hạn] ", title, " — Hoàng Văn Bình — phường Ba Đình"},
			[]string{"Kính gửi Nguyễn Thị Lan,", "trong 3 ngày", "Về: Hoàng Văn Bình", "Hạn: 17:00 ngày 12/04/2026",
				"Mở việc: https://baucu.example.vn/tasks/2026-2031/00004/verify-cadre-record/CB%20001\n"}, nil},
		{queued(election.NoticeReminder, 5*time.Hour), "", []string{"[Nhắc hạn] ", title + " — phường Ba Đình"},
			[]string{"trong 5 giờ"}, []string{"Về:"}},
		{queued(election.NoticeEscalation, 0), "", []string{"[Báo quá hạn] "}, []string{"đã quá hạn", "phụ trách"}, nil},
		{queued(election.NoticeDeadlineMissed, 0), "", []string{"[Quá hạn luật định] "}, []string{"thời hạn luật định"}, nil},
	} {
		m := noticeMail(tt.mail, tt.who, "https://baucu.example.vn/")
		for _, s := range tt.subject {
			if !strings.Contains(m.Subject, s) {
				t.Errorf("%s: subject %q lacks %q", tt.mail.Kind, m.Subject, s)
			}
		}
		for _, s := range tt.body {
			if !strings.Contains(m.Text, s) {
				t.Errorf("%s: body lacks %q:\n%s", tt.mail.Kind, s, m.Text)
			}
		}
		for _, s := range tt.notInBody {
			if strings.Contains(m.Text, s) {
				t.Errorf("%s: body has %q:\n%s", tt.mail.Kind, s, m.Text)
			}
		}
		if m.ID != "notice-3-mail-7@electionflow" || m.To != "lan@example.vn" || m.ToName != "Nguyễn Thị Lan" {
			t.Errorf("message %q to %q <%s>", m.ID, m.ToName, m.To)
		}
		if err := m.Validate(); err != nil {
			t.Errorf("%s: %v", tt.mail.Kind, err)
		}
	}
}

func TestDigestMailText(t *testing.T) {
	task := func(id string) election.Task {
		return election.Task{ID: election.TaskID("2026-2031/00004/set-session-date/" + id), Term: "2026-2031", Council: "00004",
			Kind: election.KindSetSessionDate, Due: time.Date(2026, 4, 19, 10, 0, 0, 0, time.UTC)}
	}
	mail := func(id int64, k election.NoticeKind, tk election.Task) store.QueuedMail {
		return store.QueuedMail{ID: id, Notice: id + 100, Kind: k, Task: tk, CouncilName: "Hội đồng nhân dân phường Ba Đình",
			To: "lan@example.vn", ToName: "Nguyễn Thị Lan"}
	}
	ms := []store.QueuedMail{mail(4, election.NoticeReminder, task("a")), mail(5, election.NoticeEscalation, task("b")),
		mail(6, election.NoticeEscalation, task("c"))}
	m := digestMail(ms, map[election.TaskID]string{task("b").ID: "Hoàng Văn Bình"}, "https://baucu.example.vn")
	if m.Subject != "[3 thông báo] Báo quá hạn: 2, Nhắc hạn: 1" || m.ID != "notices-3-from-mail-4@electionflow" || m.To != "lan@example.vn" {
		t.Errorf("digest %q, %q to %q", m.Subject, m.ID, m.To)
	}
	for _, want := range []string{"Kính gửi Nguyễn Thị Lan,", "có 3 thông báo", "1. [Nhắc hạn] ", "2. [Báo quá hạn] ", "— Hoàng Văn Bình — phường Ba Đình",
		"3. [Báo quá hạn] ", "   Hạn: 17:00 ngày 19/04/2026", "   Mở việc: https://baucu.example.vn/tasks/2026-2031/00004/set-session-date/c\n"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, m.Text)
		}
	}
	if err := m.Validate(); err != nil {
		t.Error(err)
	}
}
