package wiring

import (
	"strings"
	"testing"
)

func TestMailFromEnv(t *testing.T) {
	for _, tt := range []struct {
		name    string
		env     map[string]string
		mail    bool
		problem string // in the error; "" for none
	}{
		{"unset", map[string]string{}, false, ""},
		{"set", map[string]string{"SMTP_URL": "smtp://127.0.0.1:1025?tls=none", "MAIL_FROM": "bau-cu@example.vn",
			"WEB_URL": "https://baucu.example.vn"}, true, ""},
		{"no web URL", map[string]string{"SMTP_URL": "smtp://127.0.0.1:1025?tls=none", "MAIL_FROM": "bau-cu@example.vn"}, false, "WEB_URL"},
		{"relative web URL", map[string]string{"SMTP_URL": "smtp://127.0.0.1:1025?tls=none", "MAIL_FROM": "bau-cu@example.vn",
			"WEB_URL": "baucu.example.vn"}, false, "WEB_URL"},
		{"web URL with a query", map[string]string{"SMTP_URL": "smtp://127.0.0.1:1025?tls=none", "MAIL_FROM": "bau-cu@example.vn",
			"WEB_URL": "https://baucu.example.vn/?x=1"}, false, "WEB_URL"},
		{"no sender", map[string]string{"SMTP_URL": "smtp://127.0.0.1:1025?tls=none", "WEB_URL": "https://baucu.example.vn"}, false, "MAIL_FROM"},
		{"bad SMTP URL", map[string]string{"SMTP_URL": "http://u:s3cret@x", "MAIL_FROM": "bau-cu@example.vn",
			"WEB_URL": "https://baucu.example.vn"}, false, "SMTP_URL"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, err := MailFromEnv(func(k string) (string, bool) { v, ok := tt.env[k]; return v, ok })
			if (m != nil) != tt.mail || (err == nil) != (tt.problem == "") || (err != nil && !strings.Contains(err.Error(), tt.problem)) {
				t.Fatalf("MailFromEnv = %+v, %v; want mail %v, problem %q", m, err, tt.mail, tt.problem)
			}
			if err != nil && strings.Contains(err.Error(), "s3cret") {
				t.Errorf("the error shows the password: %v", err)
			}
			if m != nil && (m.WebURL != tt.env["WEB_URL"] || strings.Contains(m.Via, "s3cret") || m.Sender == nil) {
				t.Errorf("mail %+v", m)
			}
		})
	}
}
