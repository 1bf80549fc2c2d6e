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

// SendQueuedMail claims up to limit queued notice mails, sends them over
// one SMTP connection and records, mail by mail, what the server said:
// accepted mail is never sent again, mail refused for good (5xx) is given
// up, and the rest is freed for the next try. When any mail failed for
// now, it returns an error after recording the rest, so Temporal retries
// it and the retry sends only what was not accepted.
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
	who, err := a.namesIn(ctx, queued)
	if err != nil {
		return b, err
	}
	msgs := make([]smtpmail.Message, len(queued))
	for i, m := range queued {
		msgs[i] = noticeMail(m, who[i], a.Mail.WebURL)
	}
	var failed []error
	for i, sendErr := range a.Mail.Sender.Send(ctx, msgs) {
		if sendErr == nil {
			err = a.Store.MailSent(ctx, queued[i].ID)
			b.Sent++
		} else {
			permanent := smtpmail.Permanent(sendErr)
			err = a.Store.MailNotSent(ctx, queued[i].ID, sendErr.Error(), permanent)
			if permanent {
				b.GivenUp++
			} else {
				failed = append(failed, fmt.Errorf("mail %d to %s: %w", queued[i].ID, queued[i].To, sendErr))
			}
		}
		if err != nil {
			return b, err
		}
	}
	activity.GetLogger(ctx).Info("notice mail", "claimed", b.Claimed, "sent", b.Sent, "given_up", b.GivenUp, "failed", len(failed))
	if len(failed) > 0 {
		return b, fmt.Errorf("%d of %d mails not sent, to be tried again: %w", len(failed), b.Claimed, failed[0])
	}
	return b, nil
}

// namesIn reads the full name of the person each mail's task is about
// ("" for none) from Postgres, one query per term.
func (a *Activities) namesIn(ctx context.Context, queued []store.QueuedMail) ([]string, error) {
	type about struct {
		persons []election.PersonID
		cadres  []election.CadreID
	}
	ids := make([]string, len(queued))
	byTerm := map[election.Term]*about{}
	for i, m := range queued {
		if byTerm[m.Task.Term] == nil {
			byTerm[m.Task.Term] = &about{}
		}
		ab := byTerm[m.Task.Term]
		if c, ok := checklist.CadreOf(m.Task); ok {
			ab.cadres, ids[i] = append(ab.cadres, c), string(c)
		} else if p, ok := checklist.ComplainantOf(m.Task); ok {
			ab.persons, ids[i] = append(ab.persons, p), string(p)
		}
	}
	names := map[election.Term]map[string]string{}
	for term, ab := range byTerm {
		n, err := a.Store.NamesOf(ctx, term, ab.persons, ab.cadres)
		if err != nil {
			return nil, err
		}
		names[term] = n
	}
	who := make([]string, len(queued))
	for i, m := range queued {
		if ids[i] != "" {
			who[i] = names[m.Task.Term][ids[i]]
		}
	}
	return who, nil
}
