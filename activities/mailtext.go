package activities

import (
	"fmt"
	"net/url"
	"strings"
	"time"

	"electionflow/election"
	"electionflow/smtpmail"
	"electionflow/store"
)

// noticeMail writes the mail of one queued notice in Vietnamese: what is
// due, for whom, by when, and a link to the task on the web app at
// webURL. who is the full name of the person the task is about ("" for a
// task about nobody in particular), read from Postgres by the activity,
// never from a workflow. The Message-ID is the outbox row's, the same on
// every try, so a mail client drops a copy sent twice.
func noticeMail(m store.QueuedMail, who, webURL string) smtpmail.Message {
	title, name := taskNames(m, who)
	var b strings.Builder
	fmt.Fprintf(&b, "Kính gửi %s,\n\n%s\n\n", m.ToName, noticeSentence(m))
	fmt.Fprintf(&b, "Việc: %s\n", title)
	if who != "" {
		fmt.Fprintf(&b, "Về: %s\n", who)
	}
	fmt.Fprintf(&b, "Hội đồng: %s (mã %s), nhiệm kỳ %s\n", m.CouncilName, m.Task.Council, m.Task.Term)
	if !m.Task.Due.IsZero() {
		fmt.Fprintf(&b, "Hạn: %s\n", written(m.Task.Due))
	}
	fmt.Fprintf(&b, "\nMở việc: %s\n\n", taskLink(webURL, m.Task.ID))
	b.WriteString(mailFooter(webURL))
	return smtpmail.Message{
		ID:      fmt.Sprintf("notice-%d-mail-%d@electionflow", m.Notice, m.ID),
		ToName:  m.ToName,
		To:      m.To,
		Subject: "[" + m.Kind.Title().Vi + "] " + name,
		Text:    b.String(),
	}
}

// digestMail writes one mail of several notices to one person: how many
// of each kind in the subject, then each notice with its task's due time
// and link, in the order they were recorded. Its Message-ID names its
// first outbox row and its count, the same when a retry groups the same
// notices again.
func digestMail(ms []store.QueuedMail, names map[election.TaskID]string, webURL string) smtpmail.Message {
	var b strings.Builder
	fmt.Fprintf(&b, "Kính gửi %s,\n\nAnh/chị có %d thông báo về các việc dưới đây.\n", ms[0].ToName, len(ms))
	count := map[election.NoticeKind]int{}
	for i, m := range ms {
		count[m.Kind]++
		_, name := taskNames(m, names[m.Task.ID])
		fmt.Fprintf(&b, "\n%d. [%s] %s\n", i+1, m.Kind.Title().Vi, name)
		if !m.Task.Due.IsZero() {
			fmt.Fprintf(&b, "   Hạn: %s\n", written(m.Task.Due))
		}
		fmt.Fprintf(&b, "   Mở việc: %s\n", taskLink(webURL, m.Task.ID))
	}
	b.WriteString("\n" + mailFooter(webURL))
	var kinds []string
	for _, k := range []election.NoticeKind{election.NoticeEscalation, election.NoticeDeadlineMissed, election.NoticeReminder} {
		if count[k] > 0 {
			kinds = append(kinds, fmt.Sprintf("%s: %d", k.Title().Vi, count[k]))
		}
	}
	return smtpmail.Message{
		ID:      fmt.Sprintf("notices-%d-from-mail-%d@electionflow", len(ms), ms[0].ID),
		ToName:  ms[0].ToName,
		To:      ms[0].To,
		Subject: fmt.Sprintf("[%d thông báo] %s", len(ms), strings.Join(kinds, ", ")),
		Text:    b.String(),
	}
}

// taskNames are a notice's task kind's title, and the task named for
// people (election.TaskName).
func taskNames(m store.QueuedMail, who string) (title, name string) {
	title = string(m.Task.Kind)
	if f, ok := election.FormOf(m.Task.Kind); ok && f.Title.Vi != "" {
		title = f.Title.Vi
	}
	return title, election.TaskName(title, who, m.CouncilName)
}

// taskLink is the address of a task's page on the web app at webURL.
func taskLink(webURL string, id election.TaskID) string {
	return strings.TrimSuffix(webURL, "/") + "/tasks/" + taskPath(id)
}

// mailFooter closes every notice mail.
func mailFooter(webURL string) string {
	return fmt.Sprintf("Thư này do electionflow gửi tự động, không cần trả lời. Mọi thông báo của anh/chị có tại %s/notifications.\n",
		strings.TrimSuffix(webURL, "/"))
}

// noticeSentence says in one sentence what the notice is about.
func noticeSentence(m store.QueuedMail) string {
	switch m.Kind {
	case election.NoticeReminder:
		return fmt.Sprintf("Việc dưới đây sẽ đến hạn trong %s mà chưa hoàn thành.", inWords(m.Lead))
	case election.NoticeEscalation:
		return "Việc dưới đây đã quá hạn mà chưa hoàn thành; anh/chị nhận thư này vì phụ trách nơi có việc đó."
	case election.NoticeDeadlineMissed:
		return "Đã quá thời hạn luật định mà việc dưới đây chưa hoàn thành; anh/chị nhận thư này vì phụ trách nơi có việc đó."
	}
	return "Có thông báo về việc dưới đây."
}

// inWords writes a lead time in days or hours: "3 ngày", "5 giờ".
func inWords(d time.Duration) string {
	if d >= 24*time.Hour && d%(24*time.Hour) == 0 {
		return fmt.Sprintf("%d ngày", d/(24*time.Hour))
	}
	return fmt.Sprintf("%d giờ", max(1, int(d.Round(time.Hour)/time.Hour)))
}

// written writes a due time as offices do, in the office's zone:
// "17:00 ngày 12/04/2026".
func written(t time.Time) string {
	return t.In(election.OfficeZone()).Format("15:04 ngày 02/01/2006")
}

// taskPath escapes each part of a task ID for the web app's /tasks/ path.
func taskPath(id election.TaskID) string {
	parts := strings.Split(string(id), "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}
