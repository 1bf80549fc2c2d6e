package checklist

import "time"

// The mail outbox's contract (hộp thư đi): one long-running workflow per
// namespace sends the notice mail the store queued (see store/mailoutbox.go)
// through the send activity, a batch at a time.
const (
	// WorkflowMailOutbox is the workflow type that sends queued mail.
	WorkflowMailOutbox = "MailOutbox"
	// MailOutboxWorkflowID is its one workflow ID: a worker with mail
	// configured starts it unless it runs already.
	MailOutboxWorkflowID = "electionflow/mail-outbox"
	// ActivitySendQueuedMail claims queued mail, sends it and records what
	// the SMTP server said, mail by mail, so a retry sends only what was
	// not accepted.
	ActivitySendQueuedMail = "SendQueuedMail"
)

// MailSendTimeout bounds one send activity: a batch of mail to one SMTP
// server. The store's claim on the batch lasts longer (MailClaimLease), so
// a batch is never sent by two attempts at once.
const MailSendTimeout = 2 * time.Minute

// MailClaimLease is how long a send activity holds the mail it claimed.
const MailClaimLease = MailSendTimeout + time.Minute

// MailOutboxInput sets the pace of the mail outbox.
type MailOutboxInput struct {
	// Every is how long the outbox waits after a round that found less
	// than a full batch (default 5 s): how late a notice's mail may leave.
	Every time.Duration
	// Batch is how many notices one activity mails at most (default 500),
	// taken person by person; each person gets one mail of theirs, a
	// digest of at most 100 notices.
	Batch int
	// Rounds is how many rounds one run makes before it continues as new,
	// which keeps its history short (default 300: about 3,000 events).
	Rounds int
}

// WithDefaults fills the zero fields of in with their defaults.
func (in MailOutboxInput) WithDefaults() MailOutboxInput {
	if in.Every <= 0 {
		in.Every = 5 * time.Second
	}
	if in.Batch <= 0 {
		in.Batch = 500
	}
	if in.Rounds <= 0 {
		in.Rounds = 300
	}
	return in
}

// MailBatch is what one send activity did, counted in notices (a digest
// mail carries several): of Claimed, Sent were accepted by the SMTP server
// and GivenUp refused for good (no such mailbox). The rest failed for
// now: the activity then returns an error and Temporal retries it.
type MailBatch struct {
	Claimed, Sent, GivenUp int
}
