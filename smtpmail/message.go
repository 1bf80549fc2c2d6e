package smtpmail

import (
	"errors"
	"fmt"
	"net/mail"
	"strings"
	"unicode"
	"unicode/utf8"

	gomail "github.com/wneessen/go-mail"
)

// Message is one email to one person.
type Message struct {
	// ID is the Message-ID without <>, e.g. "notice-12-user-3@electionflow".
	// The outbox gives a stable one so a mail client can drop a duplicate
	// when a retry sends the same message twice. Empty means a random one.
	ID string
	// ToName is the recipient's display name (Vietnamese, may be ""); To is
	// the bare address.
	ToName, To string
	// Subject is the UTF-8 subject line (tiêu đề), Vietnamese.
	Subject string
	// Text is the UTF-8 plain-text body.
	Text string
}

// ErrInvalidMessage is wrapped by the error of a message that can never be
// sent as given (an address that does not parse, a control character in the
// subject); Permanent reports true for it.
var ErrInvalidMessage = errors.New("invalid message")

// Validate checks m before anything is sent: To a bare address, ID a
// Message-ID's id-left@id-right in visible ASCII, ToName and Subject one
// line of valid UTF-8, Text valid UTF-8. Its errors wrap ErrInvalidMessage.
func (m Message) Validate() error {
	if err := m.validate(); err != nil {
		return fmt.Errorf("smtpmail: message %q: %w: %w", m.ID, ErrInvalidMessage, err)
	}
	return nil
}

func (m Message) validate() error {
	a, err := mail.ParseAddress(m.To)
	if err != nil {
		return fmt.Errorf("recipient %q: %w", m.To, err)
	}
	if a.Address != m.To {
		return fmt.Errorf("recipient %q is not a bare address (put the name in ToName)", m.To)
	}
	if m.ID != "" && !validMessageID(m.ID) {
		return fmt.Errorf("message ID %q is not of the form left@right in visible ASCII without <>", m.ID)
	}
	if err := oneLine("recipient name", m.ToName); err != nil {
		return err
	}
	if err := oneLine("subject", m.Subject); err != nil {
		return err
	}
	if !utf8.ValidString(m.Text) {
		return errors.New("body is not valid UTF-8")
	}
	return nil
}

// oneLine refuses invalid UTF-8 and control characters in a header value.
func oneLine(what, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", what)
	}
	if i := strings.IndexFunc(s, unicode.IsControl); i >= 0 {
		return fmt.Errorf("%s has a control character at byte %d", what, i)
	}
	return nil
}

// validMessageID accepts left@right where both sides are non-empty runs of
// visible ASCII other than the characters that delimit or quote a msg-id.
func validMessageID(id string) bool {
	left, right, ok := strings.Cut(id, "@")
	if !ok || left == "" || right == "" || strings.Contains(right, "@") {
		return false
	}
	for _, r := range id {
		if r <= ' ' || r > '~' || strings.ContainsRune(`<>()[]\,;:"`, r) {
			return false
		}
	}
	return true
}

// build turns m into a go-mail message from the given sender: UTF-8,
// quoted-printable body, RFC 2047 encoded subject and names, and
// Auto-Submitted so auto-responders stay quiet (RFC 3834).
func build(from *mail.Address, m Message) (*gomail.Msg, error) {
	if err := m.Validate(); err != nil {
		return nil, err
	}
	msg := gomail.NewMsg(gomail.WithCharset(gomail.CharsetUTF8), gomail.WithEncoding(gomail.EncodingQP))
	msg.FromMailAddress(from)
	msg.SetAddrHeaderFromMailAddress(gomail.HeaderTo, &mail.Address{Name: m.ToName, Address: m.To})
	msg.Subject(m.Subject)
	if m.ID != "" {
		msg.SetMessageIDWithValue(m.ID)
	}
	msg.SetDate()
	msg.SetGenHeader("Auto-Submitted", "auto-generated")
	msg.SetBodyString(gomail.TypeTextPlain, m.Text)
	return msg, nil
}
