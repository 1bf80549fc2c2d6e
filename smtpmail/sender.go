package smtpmail

import (
	"context"
	"crypto/tls"
	"fmt"
	"net"
	"net/mail"
	"time"

	gomail "github.com/wneessen/go-mail"
	gosmtp "github.com/wneessen/go-mail/smtp"
)

// Timeout bounds connecting and each step of a send (a reply from the
// server); ctx can end a send sooner.
const Timeout = 15 * time.Second

// Sender sends messages with one Config. It is safe for concurrent use:
// each Send opens its own connection.
type Sender struct {
	cfg  Config
	from *mail.Address
}

// NewSender checks c (see Config.Validate) and returns a Sender for it.
func NewSender(c Config) (*Sender, error) {
	if err := c.Validate(); err != nil {
		return nil, err
	}
	from, err := parseFrom(c.From)
	if err != nil {
		return nil, err
	}
	return &Sender{cfg: c, from: from}, nil
}

// Config is the configuration s sends with.
func (s *Sender) Config() Config { return s.cfg }

// Send sends msgs over one connection and returns one error per message, in
// order (nil: the server accepted it). A failure to connect or authenticate
// gives that error for every message; a message that fails validation gets
// an error wrapping ErrInvalidMessage without stopping the others. When ctx
// ends, the connection is closed and every message not yet accepted gets an
// error wrapping ctx's cause.
func (s *Sender) Send(ctx context.Context, msgs []Message) []error {
	errs := make([]error, len(msgs))
	if len(msgs) == 0 {
		return errs
	}
	conn, err := s.connect(ctx)
	if err != nil {
		for i := range errs {
			errs[i] = err
		}
		return errs
	}
	defer conn.close()
	for i, m := range msgs {
		if ctx.Err() != nil {
			errs[i] = fmt.Errorf("smtpmail: message %q to %s not sent: %w", m.ID, m.To, context.Cause(ctx))
			continue
		}
		errs[i] = conn.send(ctx, s.from, m)
	}
	return errs
}

// connection is one SMTP session: go-mail's client and the connection it
// dialled, closed early when the Send's ctx ends.
type connection struct {
	client *gomail.Client
	smtp   *gosmtp.Client
	stop   func() bool
	raw    net.Conn
}

// connect dials, greets, secures and authenticates as s.cfg says.
func (s *Sender) connect(ctx context.Context) (*connection, error) {
	c := &connection{stop: func() bool { return false }}
	// go-mail calls dial synchronously inside DialToSMTPClientWithContext.
	dial := func(dctx context.Context, network, addr string) (net.Conn, error) {
		raw, err := s.dialer().DialContext(dctx, network, addr)
		if err != nil {
			return nil, err
		}
		c.raw = raw
		c.stop = context.AfterFunc(ctx, func() { _ = raw.Close() })
		return raw, nil
	}
	client, err := gomail.NewClient(s.cfg.Host, s.options(dial)...)
	if err != nil {
		return nil, fmt.Errorf("smtpmail: configure %s: %w", s.cfg, err)
	}
	c.client = client
	c.smtp, err = client.DialToSMTPClientWithContext(ctx)
	if err != nil {
		// go-mail leaves the connection open when the greeting, STARTTLS
		// or AUTH fails.
		if c.raw != nil {
			c.stop()
			_ = c.raw.Close()
		}
		return nil, fmt.Errorf("smtpmail: connect to %s: %w", s.cfg, causeOr(ctx, err))
	}
	return c, nil
}

// dialer opens the TCP connection, with TLS from the start for TLSImplicit.
func (s *Sender) dialer() interface {
	DialContext(ctx context.Context, network, addr string) (net.Conn, error)
} {
	nd := &net.Dialer{Timeout: Timeout}
	if s.cfg.TLS != TLSImplicit {
		return nd
	}
	return &tls.Dialer{NetDialer: nd, Config: &tls.Config{ServerName: s.cfg.Host, MinVersion: tls.VersionTLS12}}
}

// options are the go-mail client options for s.cfg and the dial function.
func (s *Sender) options(dial gomail.DialContextFunc) []gomail.Option {
	opts := []gomail.Option{
		gomail.WithPort(s.cfg.Port),
		gomail.WithTimeout(Timeout),
		gomail.WithDialContextFunc(dial),
		gomail.WithoutNoop(),
	}
	switch s.cfg.TLS {
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	}
	if s.cfg.Username != "" {
		// go-mail's PLAIN and LOGIN refuse to send the password in clear
		// text except to localhost; the challenge mechanisms never send it.
		opts = append(opts,
			gomail.WithUsername(s.cfg.Username),
			gomail.WithPassword(s.cfg.Password),
			gomail.WithOpportunisticSMTPAuth(gomail.SMTPAuthSCRAMSHA256, gomail.SMTPAuthSCRAMSHA1,
				gomail.SMTPAuthPlain, gomail.SMTPAuthLogin, gomail.SMTPAuthCramMD5))
	}
	return opts
}

// send sends one message on the open connection.
func (c *connection) send(ctx context.Context, from *mail.Address, m Message) error {
	msg, err := build(from, m)
	if err != nil {
		return err
	}
	if err := c.client.SendWithSMTPClient(c.smtp, msg); err != nil {
		return fmt.Errorf("smtpmail: send %q to %s: %w", m.ID, m.To, causeOr(ctx, err))
	}
	return nil
}

// close ends the session politely; the messages are already accepted, so a
// failing QUIT changes nothing.
func (c *connection) close() {
	c.stop()
	_ = c.client.CloseWithSMTPClient(c.smtp)
	_ = c.raw.Close()
}

// causeOr is ctx's cause when ctx has ended (the error was then most likely
// the closed connection), else err.
func causeOr(ctx context.Context, err error) error {
	if ctx.Err() != nil {
		return fmt.Errorf("%w (%w)", context.Cause(ctx), err)
	}
	return err
}
