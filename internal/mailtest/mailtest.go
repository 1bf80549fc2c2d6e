// Package mailtest starts, for a test, a real SMTP server that keeps what
// it receives (mailcatch) and a sender that mails to it, so tests of
// notice mail use no mock.
package mailtest

import (
	"testing"

	"electionflow/mailcatch"
	"electionflow/smtpmail"
)

// From is the sender of the tests' mail.
const From = "Ủy ban bầu cử <bau-cu@example.vn>"

// Start starts a catcher on a free port, closed when the test ends, and
// a sender that mails to it as From.
func Start(t testing.TB) (*mailcatch.Catcher, *smtpmail.Sender) {
	t.Helper()
	c, err := mailcatch.Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	cfg, err := smtpmail.Local(c.Addr(), From)
	if err != nil {
		t.Fatal(err)
	}
	sender, err := smtpmail.NewSender(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return c, sender
}
