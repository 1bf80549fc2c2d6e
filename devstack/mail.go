package main

import (
	"fmt"
	"net"
	"strconv"

	"electionflow/activities"
	"electionflow/mailcatch"
	"electionflow/smtpmail"
)

// demoMailFrom is the sender of devstack's notice mail.
const demoMailFrom = "Ủy ban bầu cử <bau-cu@electionflow.example>"

// caughtMail is devstack's local mail: a catcher SMTP server, the page
// that shows what it caught, and the worker's mail settings that send to
// it.
type caughtMail struct {
	// Notice is what the in-process worker mails notices with.
	Notice *activities.NoticeMail
	// SMTPURL is the SMTP_URL of the catcher, for workers started apart.
	SMTPURL string
	// PageURL shows the caught mail.
	PageURL string
	stops   []func()
}

// stop shuts the catcher and its page.
func (m *caughtMail) stop() {
	for i := len(m.stops) - 1; i >= 0; i-- {
		m.stops[i]()
	}
}

// catchMail starts the catcher on host:o.smtpPort and its page on
// host:o.mailPort, and the settings that mail notices to it with links to
// the web app at webURL.
func catchMail(o options, webURL string) (*caughtMail, error) {
	c, err := mailcatch.Start(net.JoinHostPort(o.host, strconv.Itoa(o.smtpPort)))
	if err != nil {
		return nil, fmt.Errorf("mail catcher: %w (another port: -smtp-port; no mail: -mail=false)", err)
	}
	m := &caughtMail{stops: []func(){func() { _ = c.Close() }}}
	ln, pageURL, err := listen("mail catcher's page", o.host, o.mailPort)
	if err != nil {
		m.stop()
		return nil, fmt.Errorf("%w (another port: -mail-port; no mail: -mail=false)", err)
	}
	m.stops = append(m.stops, serve(ln, c.Handler()))
	cfg, err := smtpmail.Local(c.Addr(), demoMailFrom)
	if err != nil {
		m.stop()
		return nil, fmt.Errorf("mail catcher: %w", err)
	}
	sender, err := smtpmail.NewSender(cfg)
	if err != nil {
		m.stop()
		return nil, fmt.Errorf("mail catcher: %w", err)
	}
	m.Notice = &activities.NoticeMail{Sender: sender, WebURL: webURL, Via: cfg.String()}
	m.SMTPURL = "smtp://" + c.Addr() + "?tls=none"
	m.PageURL = pageURL
	return m, nil
}

// frontEnds are what devstack serves people beside Temporal: the web front
// end's listener, taken before the worker starts so that notice mail can
// link to it, and the mail catcher (nil without mail or web).
type frontEnds struct {
	webLn  net.Listener
	webURL string
	mail   *caughtMail
}

// openFrontEnds takes the web front end's port and starts the mail
// catcher, as o asks.
func openFrontEnds(o options) (*frontEnds, error) {
	fe := &frontEnds{}
	if o.webPort < 0 {
		return fe, nil
	}
	var err error
	if fe.webLn, fe.webURL, err = listen("web front end", o.host, o.webPort); err != nil {
		return nil, err
	}
	if o.mail {
		if fe.mail, err = catchMail(o, fe.webURL); err != nil {
			fe.close()
			return nil, err
		}
	}
	return fe, nil
}

// notices is how the in-process worker mails notices: nil without mail.
func (fe *frontEnds) notices() *activities.NoticeMail {
	if fe.mail == nil {
		return nil
	}
	return fe.mail.Notice
}

// close stops the catcher and frees the web front end's port.
func (fe *frontEnds) close() {
	if fe.mail != nil {
		fe.mail.stop()
	}
	if fe.webLn != nil {
		_ = fe.webLn.Close()
	}
}
