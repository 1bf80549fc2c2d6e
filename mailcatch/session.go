package mailcatch

import (
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// session is one SMTP connection to a Catcher: the envelope so far and who
// authenticated.
type session struct {
	catcher *Catcher
	user    string
	from    string
	to      []string
}

var _ smtp.AuthSession = (*session)(nil)

// AuthMechanisms offers PLAIN only.
func (s *session) AuthMechanisms() []string { return []string{sasl.Plain} }

// Auth accepts any credentials and remembers the user name.
func (s *session) Auth(string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(_, username, _ string) error {
		s.user = username
		return nil
	}), nil
}

// Mail starts a transaction.
func (s *session) Mail(from string, _ *smtp.MailOptions) error {
	s.from, s.to = from, nil
	return nil
}

// Rcpt adds a recipient unless RefuseNext asked to refuse it.
func (s *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	if err := s.catcher.refuse(to); err != nil {
		return err
	}
	s.to = append(s.to, to)
	return nil
}

// Data reads the message and keeps it.
func (s *session) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		var reply *smtp.SMTPError
		if errors.As(err, &reply) {
			return reply // go-smtp sends its code (552 too large) only unwrapped
		}
		return fmt.Errorf("mailcatch: read message from %s: %w", s.from, err)
	}
	m := decode(raw)
	m.At, m.From, m.To, m.User = time.Now(), s.from, append([]string(nil), s.to...), s.user
	s.catcher.keep(m)
	return nil
}

// Reset ends the transaction; authentication stays.
func (s *session) Reset() { s.from, s.to = "", nil }

// Logout ends the session.
func (s *session) Logout() error { return nil }
