package activities

import (
	"context"
	"errors"
	"fmt"

	"go.temporal.io/sdk/activity"

	"electionflow/checklist"
	"electionflow/election"
	"electionflow/smtpmail"
	"electionflow/store"
)

// NoticeMail is how a worker mails notices: the SMTP sender, and the web
// app's address for the links to tasks (e.g. https://baucu.example.vn).
type NoticeMail struct {
	Sender *smtpmail.Sender
	WebURL string
	// Via says where mail goes, without the password, for logs.
	Via string
}

// errNoMail is the send activity's error on a worker without mail
// configured: retryable, so that a worker with mail takes the next try.
var errNoMail = errors.New("mail is not configured on this worker (SMTP_URL, MAIL_FROM, WEB_URL)")

// SendQueuedMail claims up to limit queued notices to mail, writes each
// person one mail of theirs (a digest when there are several, at most
// MaxNoticesPerMail each), sends them over one SMTP connection and
// records, mail by mail, what the server said: accepted notices are never
// mailed again, those refused for good (5xx) are given up, and the rest
// are freed for the next try. When any mail failed for now, it returns an
// error after recording the rest, so Temporal retries it and the retry
// sends only what was not accepted.
func (a *Activities) SendQueuedMail(ctx context.Context, limit int) (checklist.MailBatch, error) {
	var b checklist.MailBatch
	if a.Mail == nil || a.Mail.Sender == nil {
		return b, errNoMail
	}
	queued, err := a.Store.ClaimMail(ctx, limit, checklist.MailClaimLease)
	if err != nil || len(queued) == 0 {
		return b, err
	}
	b.Claimed = len(queued)
	tasks := make([]election.Task, len(queued))
	for i, m := range queued {
		tasks[i] = m.Task
	}
	names, err := a.Store.NamesAbout(ctx, tasks)
	if err != nil {
		return b, err
	}
	groups := byRecipient(queued)
	msgs := make([]smtpmail.Message, len(groups))
	for i, g := range groups {
		msgs[i] = g.message(names, a.Mail.WebURL)
	}
	var failed []error
	for i, sendErr := range a.Mail.Sender.Send(ctx, msgs) {
		permanent := sendErr != nil && smtpmail.Permanent(sendErr)
		for _, m := range groups[i].mails {
			if sendErr == nil {
				err = a.Store.MailSent(ctx, m.ID)
			} else {
				err = a.Store.MailNotSent(ctx, m.ID, sendErr.Error(), permanent)
			}
			if err != nil {
				return b, err
			}
		}
		switch {
		case sendErr == nil:
			b.Sent += len(groups[i].mails)
		case permanent:
			b.GivenUp += len(groups[i].mails)
		default:
			failed = append(failed, fmt.Errorf("mail to %s: %w", groups[i].mails[0].To, sendErr))
		}
	}
	activity.GetLogger(ctx).Info("notice mail", "notices", b.Claimed, "mails", len(msgs), "sent", b.Sent, "given_up", b.GivenUp, "failed", len(failed))
	if len(failed) > 0 {
		return b, fmt.Errorf("%d of %d mails not sent, to be tried again: %w", len(failed), len(msgs), failed[0])
	}
	return b, nil
}

// MaxNoticesPerMail is how many notices one mail lists at most: a
// national manager's escalations on a deadline day come as a few long
// mails, not thousands of short ones.
const MaxNoticesPerMail = 100

// recipientMail is the notices one mail tells one person.
type recipientMail struct {
	mails []store.QueuedMail
}

// byRecipient groups claimed notices into mails: each person's in the
// order claimed, at most MaxNoticesPerMail a mail.
func byRecipient(queued []store.QueuedMail) []*recipientMail {
	var groups []*recipientMail
	open := map[int64]*recipientMail{}
	for _, m := range queued {
		g := open[m.User]
		if g == nil || len(g.mails) == MaxNoticesPerMail {
			g = &recipientMail{}
			open[m.User] = g
			groups = append(groups, g)
		}
		g.mails = append(g.mails, m)
	}
	return groups
}

// message writes the group's mail, naming whom each task is about from
// names (store.NamesAbout): one notice's own mail, or a digest.
func (g *recipientMail) message(names map[election.TaskID]string, webURL string) smtpmail.Message {
	if len(g.mails) == 1 {
		return noticeMail(g.mails[0], names[g.mails[0].Task.ID], webURL)
	}
	return digestMail(g.mails, names, webURL)
}
