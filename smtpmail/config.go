package smtpmail

import (
	"errors"
	"fmt"
	"net"
	"net/mail"
	"net/url"
	"strconv"
)

// TLS says how the connection to the SMTP server is secured.
type TLS string

// The ways a connection to the SMTP server can be secured.
const (
	// TLSNone sends in clear text: only for a server on the same host or
	// network (a local catcher, a relay on localhost).
	TLSNone TLS = "none"
	// TLSStartTLS connects in clear text and requires STARTTLS before
	// anything else is sent (submission, port 587).
	TLSStartTLS TLS = "starttls"
	// TLSImplicit speaks TLS from the first byte (submissions, port 465).
	TLSImplicit TLS = "tls"
)

// DefaultPort is the port used for t when SMTP_URL names none.
func (t TLS) DefaultPort() int {
	switch t {
	case TLSImplicit:
		return 465
	case TLSNone:
		return 25
	default:
		return 587
	}
}

// valid reports whether t is one of the known ways.
func (t TLS) valid() bool {
	return t == TLSNone || t == TLSStartTLS || t == TLSImplicit
}

// Config is where and how mail is sent.
type Config struct {
	Host string
	Port int
	// Username and Password are optional: the sender authenticates (SASL
	// SCRAM, PLAIN, LOGIN or CRAM-MD5, whichever the server offers first in
	// that order) only when Username is not empty. PLAIN and LOGIN are used
	// only over TLS or to localhost, so a password never crosses a network
	// in clear text.
	Username, Password string
	TLS                TLS
	// From is the sender (người gửi), an RFC 5322 address that may carry a
	// display name: "Ủy ban bầu cử <bau-cu@example.vn>".
	From string
}

// Validate checks that c can be used to send: Host set, Port in 1..65535,
// a known TLS and a From that parses. Its errors never contain Password.
func (c Config) Validate() error {
	if c.Host == "" {
		return errors.New("smtpmail: no SMTP host")
	}
	if c.Port < 1 || c.Port > 65535 {
		return fmt.Errorf("smtpmail: SMTP port %d is not in 1..65535", c.Port)
	}
	if !c.TLS.valid() {
		return fmt.Errorf("smtpmail: TLS %q is not one of none, starttls, tls", c.TLS)
	}
	if _, err := parseFrom(c.From); err != nil {
		return err
	}
	return nil
}

// parseFrom parses the sender address; it is the one home of that rule.
func parseFrom(from string) (*mail.Address, error) {
	if from == "" {
		return nil, errors.New("smtpmail: no sender address")
	}
	a, err := mail.ParseAddress(from)
	if err != nil {
		return nil, fmt.Errorf("smtpmail: sender address %q: %w", from, err)
	}
	return a, nil
}

// String describes c for logs and startup banners, e.g.
// "smtp://user@host:587?tls=starttls from Ủy ban bầu cử <bau-cu@example.vn>".
// It never contains the password.
func (c Config) String() string {
	u := url.URL{
		Scheme:   "smtp",
		Host:     net.JoinHostPort(c.Host, strconv.Itoa(c.Port)),
		RawQuery: "tls=" + url.QueryEscape(string(c.TLS)),
	}
	if c.Username != "" {
		u.User = url.User(c.Username)
	}
	return u.String() + " from " + c.From
}

// Local is the configuration for a server at addr (host:port) on this
// machine, in clear text and without a password, such as devstack's mail
// catcher, sending as from.
func Local(addr, from string) (Config, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return Config{}, fmt.Errorf("smtp address %q: %w", addr, err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		return Config{}, fmt.Errorf("smtp address %q: port %q: %w", addr, port, err)
	}
	c := Config{Host: host, Port: p, TLS: TLSNone, From: from}
	return c, c.Validate()
}
