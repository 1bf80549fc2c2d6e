package smtpmail

import (
	"strings"
	"testing"
)

func TestFromEnv(t *testing.T) {
	const password = "s3cret%40pw" // percent-encoded in the URL: s3cret@pw
	const from = "Ủy ban bầu cử <bau-cu@example.vn>"
	tests := []struct {
		name    string
		url     string
		from    string
		want    Config
		wantOK  bool
		wantErr string
	}{
		{name: "not configured", url: "", from: from},
		{name: "not configured, blanks", url: "  ", from: ""},
		{name: "defaults: starttls on 587", url: "smtp://mail.example.vn", from: from, wantOK: true,
			want: Config{Host: "mail.example.vn", Port: 587, TLS: TLSStartTLS, From: from}},
		{name: "tls defaults to 465", url: "smtp://mail.example.vn?tls=tls", from: from, wantOK: true,
			want: Config{Host: "mail.example.vn", Port: 465, TLS: TLSImplicit, From: from}},
		{name: "none defaults to 25", url: "smtp://127.0.0.1?tls=none", from: "a@b.vn", wantOK: true,
			want: Config{Host: "127.0.0.1", Port: 25, TLS: TLSNone, From: "a@b.vn"}},
		{name: "user, password, port", url: "smtp://bau-cu:" + password + "@mail.example.vn:2525/?tls=starttls", from: from, wantOK: true,
			want: Config{Host: "mail.example.vn", Port: 2525, Username: "bau-cu", Password: "s3cret@pw", TLS: TLSStartTLS, From: from}},
		{name: "IPv6 host", url: "smtp://[::1]:1025?tls=none", from: from, wantOK: true,
			want: Config{Host: "::1", Port: 1025, TLS: TLSNone, From: from}},
		{name: "bad scheme", url: "smtps://u:" + password + "@mail.example.vn", from: from, wantErr: `SMTP_URL: scheme "smtps"`},
		{name: "no scheme", url: "mail.example.vn:587", from: from, wantErr: "SMTP_URL"},
		{name: "not a URL", url: "smtp://u:" + password + "@mail.example.vn:port", from: from, wantErr: "SMTP_URL: not a URL"},
		{name: "bad escape in password", url: "smtp://u:s3cret%zz@mail.example.vn", from: from, wantErr: "SMTP_URL: not a URL"},
		{name: "unescaped Vietnamese password", url: "smtp://u:s3cret-mật@mail.example.vn", from: from, wantErr: "SMTP_URL: not a URL"},
		{name: "port 0", url: "smtp://u:" + password + "@mail.example.vn:0", from: from, wantErr: `SMTP_URL: port "0"`},
		{name: "port too big", url: "smtp://u:" + password + "@mail.example.vn:65536", from: from, wantErr: `SMTP_URL: port "65536"`},
		{name: "no host", url: "smtp://u:" + password + "@:25", from: from, wantErr: "SMTP_URL: no host"},
		{name: "bad tls", url: "smtp://u:" + password + "@mail.example.vn?tls=ssl", from: from, wantErr: `SMTP_URL: tls="ssl"`},
		{name: "tls twice", url: "smtp://mail.example.vn?tls=none&tls=tls", from: from, wantErr: "SMTP_URL: tls given more than once"},
		{name: "unknown parameter", url: "smtp://mail.example.vn?tsl=none", from: from, wantErr: `SMTP_URL: unknown parameter "tsl"`},
		{name: "path", url: "smtp://mail.example.vn/inbox", from: from, wantErr: "SMTP_URL: has a path"},
		{name: "missing MAIL_FROM", url: "smtp://u:" + password + "@mail.example.vn", from: "", wantErr: "MAIL_FROM (required with SMTP_URL)"},
		{name: "unparsable MAIL_FROM", url: "smtp://u:" + password + "@mail.example.vn", from: "Ủy ban <không có>", wantErr: "MAIL_FROM"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{EnvSMTPURL: tt.url, EnvMailFrom: tt.from}
			got, ok, err := FromEnv(func(k string) string { return env[k] })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want it to contain %q", err, tt.wantErr)
				}
				for _, secret := range []string{password, "s3cret"} {
					if strings.Contains(err.Error(), secret) {
						t.Fatalf("err %q shows the password", err)
					}
				}
				if ok {
					t.Fatal("ok with an error")
				}
				return
			}
			if err != nil {
				t.Fatalf("err = %v", err)
			}
			if ok != tt.wantOK || got != tt.want {
				t.Fatalf("got %+v, %v; want %+v, %v", got, ok, tt.want, tt.wantOK)
			}
			if ok && strings.Contains(got.String(), "s3cret") {
				t.Fatalf("String() %q shows the password", got.String())
			}
		})
	}
}

func TestConfigString(t *testing.T) {
	c := Config{Host: "mail.example.vn", Port: 587, Username: "bau-cu", Password: "secret-pw", TLS: TLSStartTLS,
		From: "Ủy ban bầu cử <bau-cu@example.vn>"}
	want := "smtp://bau-cu@mail.example.vn:587?tls=starttls from Ủy ban bầu cử <bau-cu@example.vn>"
	if got := c.String(); got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
	c.Username, c.TLS, c.Host = "", TLSNone, "::1"
	if got, want := c.String(), "smtp://[::1]:587?tls=none from Ủy ban bầu cử <bau-cu@example.vn>"; got != want {
		t.Fatalf("String() = %q, want %q", got, want)
	}
}

func TestNewSenderValidates(t *testing.T) {
	good := Config{Host: "127.0.0.1", Port: 25, TLS: TLSNone, From: "Ủy ban bầu cử <bau-cu@example.vn>"}
	tests := []struct {
		name    string
		edit    func(*Config)
		wantErr string
	}{
		{"good", func(*Config) {}, ""},
		{"no host", func(c *Config) { c.Host = "" }, "no SMTP host"},
		{"port 0", func(c *Config) { c.Port = 0 }, "port 0"},
		{"port 65536", func(c *Config) { c.Port = 65536 }, "port 65536"},
		{"bad TLS", func(c *Config) { c.TLS = "ssl" }, `TLS "ssl"`},
		{"empty TLS", func(c *Config) { c.TLS = "" }, `TLS ""`},
		{"no From", func(c *Config) { c.From = "" }, "no sender address"},
		{"bad From", func(c *Config) { c.From = "bau-cu at example.vn" }, "sender address"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := good
			tt.edit(&c)
			c.Password = "secret-pw"
			s, err := NewSender(c)
			if tt.wantErr == "" {
				if err != nil || s == nil {
					t.Fatalf("NewSender = %v, %v", s, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if strings.Contains(err.Error(), "secret-pw") {
				t.Fatalf("err %q shows the password", err)
			}
		})
	}
}

func TestLocal(t *testing.T) {
	c, err := Local("127.0.0.1:1025", "bau-cu@example.vn")
	if err != nil || c != (Config{Host: "127.0.0.1", Port: 1025, TLS: TLSNone, From: "bau-cu@example.vn"}) {
		t.Errorf("Local = %+v, %v", c, err)
	}
	for _, bad := range [][2]string{{"127.0.0.1", "a@example.vn"}, {"127.0.0.1:x", "a@example.vn"}, {"127.0.0.1:25", "not an address"}} {
		if _, err := Local(bad[0], bad[1]); err == nil {
			t.Errorf("Local(%q, %q) accepted", bad[0], bad[1])
		}
	}
}
