package smtpmail

import (
	"errors"
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// Names of the environment variables FromEnv reads.
const (
	// EnvSMTPURL is smtp://[user[:password]@]host[:port][?tls=none|starttls|tls];
	// empty means email is not configured.
	EnvSMTPURL = "SMTP_URL"
	// EnvMailFrom is the sender address, required when SMTP_URL is set.
	EnvMailFrom = "MAIL_FROM"
)

// FromEnv reads the configuration: SMTP_URL
// (smtp://[user[:password]@]host[:port][?tls=none|starttls|tls]; the port
// defaults to 587 for starttls, 465 for tls and 25 for none; tls defaults to
// starttls) and MAIL_FROM. ok is false (and err nil) when SMTP_URL is empty:
// mail is not configured. Bad values give an error naming the variable that
// never contains the password.
func FromEnv(getenv func(string) string) (c Config, ok bool, err error) {
	raw := strings.TrimSpace(getenv(EnvSMTPURL))
	if raw == "" {
		return Config{}, false, nil
	}
	c, err = parseSMTPURL(raw)
	if err != nil {
		return Config{}, false, fmt.Errorf("%s: %w", EnvSMTPURL, err)
	}
	c.From = strings.TrimSpace(getenv(EnvMailFrom))
	if _, err := parseFrom(c.From); err != nil {
		return Config{}, false, fmt.Errorf("%s (required with %s): %w", EnvMailFrom, EnvSMTPURL, err)
	}
	if err := c.Validate(); err != nil {
		return Config{}, false, fmt.Errorf("%s: %w", EnvSMTPURL, err)
	}
	return c, true, nil
}

// parseSMTPURL reads everything but the sender from SMTP_URL. url.Parse's
// own errors are not wrapped: they can quote the password.
func parseSMTPURL(raw string) (Config, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return Config{}, errors.New("not a URL of the form smtp://[user[:password]@]host[:port][?tls=none|starttls|tls]")
	}
	if u.Scheme != "smtp" {
		return Config{}, fmt.Errorf("scheme %q is not smtp", u.Scheme)
	}
	if u.Opaque != "" || (u.Path != "" && u.Path != "/") || u.Fragment != "" {
		return Config{}, errors.New("has a path or fragment; want smtp://[user[:password]@]host[:port][?tls=...]")
	}
	c := Config{Host: u.Hostname(), TLS: TLSStartTLS}
	if c.Host == "" {
		return Config{}, errors.New("no host")
	}
	if u.User != nil {
		c.Username = u.User.Username()
		c.Password, _ = u.User.Password()
	}
	if c.TLS, err = tlsFromQuery(u.RawQuery); err != nil {
		return Config{}, err
	}
	c.Port = c.TLS.DefaultPort()
	if p := u.Port(); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 || n > 65535 {
			return Config{}, fmt.Errorf("port %q is not in 1..65535", p)
		}
		c.Port = n
	}
	return c, nil
}

// tlsFromQuery reads the tls parameter, refusing any other parameter so a
// misspelt one is not silently ignored.
func tlsFromQuery(rawQuery string) (TLS, error) {
	q, err := url.ParseQuery(rawQuery)
	if err != nil {
		return "", fmt.Errorf("query %q: %w", rawQuery, err)
	}
	for k := range q {
		if k != "tls" {
			return "", fmt.Errorf("unknown parameter %q (only tls=none|starttls|tls)", k)
		}
	}
	if len(q["tls"]) > 1 {
		return "", errors.New("tls given more than once")
	}
	t := TLS(q.Get("tls"))
	if t == "" {
		return TLSStartTLS, nil
	}
	if !t.valid() {
		return "", fmt.Errorf("tls=%q is not one of none, starttls, tls", string(t))
	}
	return t, nil
}
