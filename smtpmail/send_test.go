package smtpmail

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"testing"
	"time"

	"electionflow/mailcatch"
)

const testFrom = "Ủy ban bầu cử tỉnh Lâm Đồng <bau-cu@example.vn>"

// startCatcher starts a real SMTP server for one test and a Config that
// sends to it in clear text.
func startCatcher(t *testing.T) (*mailcatch.Catcher, Config) {
	t.Helper()
	return startCatcherOn(t, "127.0.0.1:0")
}

// startCatcherOn is startCatcher on a given address.
func startCatcherOn(t *testing.T, addr string) (*mailcatch.Catcher, Config) {
	t.Helper()
	c, err := mailcatch.Start(addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	})
	host, port, err := net.SplitHostPort(c.Addr())
	if err != nil {
		t.Fatal(err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	return c, Config{Host: host, Port: p, TLS: TLSNone, From: testFrom}
}

func newSender(t *testing.T, c Config) *Sender {
	t.Helper()
	s, err := NewSender(c)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// notice is a Vietnamese task notice to person i.
func notice(i int) Message {
	return Message{
		ID:      fmt.Sprintf("notice-12-user-%d@electionflow", i),
		ToName:  fmt.Sprintf("Nguyễn Thị Hồng Nhung %d", i),
		To:      fmt.Sprintf("nhung%d@example.vn", i),
		Subject: "Nhiệm vụ mới: Xác nhận tư cách đại biểu HĐND xã Phú Thượng — hạn 19/4/2026",
		Text: "Kính gửi chị Nhung,\n\nỦy ban bầu cử giao cho chị nhiệm vụ \"Thông qua nghị quyết xác nhận tư cách\".\n" +
			"Mở nhiệm vụ: https://electionflow.example.vn/tasks/checklist%2F2026%2Fxa-phu-thuong%2Fcred-1\n" +
			strings.Repeat("Dòng dài để kiểm tra việc ngắt dòng quoted-printable: đại biểu Hội đồng nhân dân. ", 3) + "\n",
	}
}

// waitFor waits for n messages, failing the test after 10 s.
func waitFor(t *testing.T, c *mailcatch.Catcher, n int) []mailcatch.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	msgs, err := c.Wait(ctx, func(m []mailcatch.Message) bool { return len(m) >= n })
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

func TestSendVietnameseArrivesIntact(t *testing.T) {
	catcher, cfg := startCatcher(t)
	sent := []Message{notice(1), notice(2), notice(3)}
	sent[2].ToName = "" // a recipient without a name
	for i, err := range newSender(t, cfg).Send(context.Background(), sent) {
		if err != nil {
			t.Fatalf("message %d: %v", i, err)
		}
	}
	got := waitFor(t, catcher, len(sent))
	if len(got) != len(sent) {
		t.Fatalf("caught %d messages, want %d", len(got), len(sent))
	}
	for i, m := range got {
		want := sent[i]
		wantTo := "<" + want.To + ">"
		if want.ToName != "" {
			wantTo = want.ToName + " " + wantTo
		}
		checks := []struct{ what, got, want string }{
			{"subject", m.Subject, want.Subject},
			{"text", m.Text, want.Text},
			{"Message-ID", m.MessageID, want.ID},
			{"To header", m.ToHeader, wantTo},
			{"From header", m.FromHeader, "Ủy ban bầu cử tỉnh Lâm Đồng <bau-cu@example.vn>"},
			{"envelope from", m.From, "bau-cu@example.vn"},
			{"envelope to", strings.Join(m.To, ","), want.To},
		}
		for _, c := range checks {
			if c.got != c.want {
				t.Errorf("message %d %s = %q, want %q", i, c.what, c.got, c.want)
			}
		}
		for j, b := range m.Raw {
			if b > 127 {
				t.Fatalf("message %d: raw byte %d is not ASCII: subject, names and body must be encoded\n%s", i, j, m.Raw)
			}
		}
		if !strings.Contains(string(m.Raw), "Auto-Submitted: auto-generated") {
			t.Errorf("message %d has no Auto-Submitted header:\n%s", i, m.Raw)
		}
	}
}

func TestSendRefusedRecipient(t *testing.T) {
	tests := []struct {
		code      int
		permanent bool
	}{
		{451, false},
		{550, true},
	}
	for _, tt := range tests {
		t.Run(strconv.Itoa(tt.code), func(t *testing.T) {
			catcher, cfg := startCatcher(t)
			sent := []Message{notice(1), notice(2), notice(3)}
			catcher.RefuseNext(strings.ToUpper(sent[1].To), tt.code, 1)
			errs := newSender(t, cfg).Send(context.Background(), sent)
			if errs[0] != nil || errs[2] != nil {
				t.Fatalf("the others failed: %v", errs)
			}
			if errs[1] == nil {
				t.Fatal("the refused message has no error")
			}
			if got := Permanent(errs[1]); got != tt.permanent {
				t.Fatalf("Permanent(%v) = %v, want %v", errs[1], got, tt.permanent)
			}
			if !strings.Contains(errs[1].Error(), strconv.Itoa(tt.code)) || !strings.Contains(errs[1].Error(), sent[1].ID) {
				t.Errorf("error %q does not name the code and the message", errs[1])
			}
			got := waitFor(t, catcher, 2)
			if len(got) != 2 || got[0].MessageID != sent[0].ID || got[1].MessageID != sent[2].ID {
				t.Fatalf("caught %+v, want messages 1 and 3", got)
			}
			// The refusal was used up: a retry goes through.
			if err := newSender(t, cfg).Send(context.Background(), sent[1:2])[0]; err != nil {
				t.Fatalf("retry: %v", err)
			}
		})
	}
}

func TestSendInvalidMessageSkipsOnlyIt(t *testing.T) {
	catcher, cfg := startCatcher(t)
	sent := []Message{notice(1), notice(2), notice(3)}
	sent[1].To = "not an address"
	errs := newSender(t, cfg).Send(context.Background(), sent)
	if errs[0] != nil || errs[2] != nil {
		t.Fatalf("the others failed: %v", errs)
	}
	if !errors.Is(errs[1], ErrInvalidMessage) || !Permanent(errs[1]) {
		t.Fatalf("errs[1] = %v, want a permanent ErrInvalidMessage", errs[1])
	}
	if got := waitFor(t, catcher, 2); len(got) != 2 {
		t.Fatalf("caught %d, want 2", len(got))
	}
}

func TestSendClosedPortFailsEveryMessage(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	if err := ln.Close(); err != nil {
		t.Fatal(err)
	}
	cfg := Config{Host: "127.0.0.1", Port: port, TLS: TLSNone, From: testFrom, Username: "u", Password: "secret-pw"}
	errs := newSender(t, cfg).Send(context.Background(), []Message{notice(1), notice(2)})
	for i, err := range errs {
		if err == nil {
			t.Fatalf("message %d sent to a closed port", i)
		}
		if Permanent(err) {
			t.Errorf("connection failure %v is permanent", err)
		}
		if !strings.Contains(err.Error(), "connect to smtp://u@127.0.0.1:") || strings.Contains(err.Error(), "secret-pw") {
			t.Errorf("error %q: want the server named without the password", err)
		}
	}
}

func TestSendRequiresTheTLSItWasGiven(t *testing.T) {
	for _, mode := range []TLS{TLSStartTLS, TLSImplicit} {
		t.Run(string(mode), func(t *testing.T) {
			catcher, cfg := startCatcher(t) // speaks no TLS
			cfg.TLS = mode
			for i, err := range newSender(t, cfg).Send(context.Background(), []Message{notice(1), notice(2)}) {
				if err == nil {
					t.Fatalf("message %d sent in clear text with TLS %s", i, mode)
				}
			}
			if n := len(catcher.Messages()); n != 0 {
				t.Fatalf("caught %d messages", n)
			}
		})
	}
}

func TestSendAuthenticates(t *testing.T) {
	catcher, cfg := startCatcher(t)
	cfg.Username, cfg.Password = "bau-cu", "s3cret"
	if err := newSender(t, cfg).Send(context.Background(), []Message{notice(1)})[0]; err != nil {
		t.Fatal(err)
	}
	if got := waitFor(t, catcher, 1)[0].User; got != "bau-cu" {
		t.Fatalf("authenticated as %q, want bau-cu", got)
	}
}

func TestSendHonoursContext(t *testing.T) {
	t.Run("cancelled before", func(t *testing.T) {
		catcher, cfg := startCatcher(t)
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		for i, err := range newSender(t, cfg).Send(ctx, []Message{notice(1), notice(2)}) {
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("message %d: err = %v, want context.Canceled", i, err)
			}
		}
		if n := len(catcher.Messages()); n != 0 {
			t.Fatalf("caught %d messages", n)
		}
	})
	t.Run("server never answers", func(t *testing.T) {
		// A listener that accepts and never greets: only ctx can end the wait
		// before the 15 s timeout.
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		defer ln.Close()
		go func() {
			for {
				conn, err := ln.Accept()
				if err != nil {
					return
				}
				defer conn.Close()
			}
		}()
		cfg := Config{Host: "127.0.0.1", Port: ln.Addr().(*net.TCPAddr).Port, TLS: TLSNone, From: testFrom}
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		errs := newSender(t, cfg).Send(ctx, []Message{notice(1), notice(2)})
		if took := time.Since(start); took > Timeout/2 {
			t.Fatalf("Send took %v: ctx was not honoured", took)
		}
		for i, err := range errs {
			if !errors.Is(err, context.DeadlineExceeded) || Permanent(err) {
				t.Fatalf("message %d: err = %v, want a non-permanent context.DeadlineExceeded", i, err)
			}
		}
	})
}

func TestSendNothing(t *testing.T) {
	_, cfg := startCatcher(t)
	if errs := newSender(t, cfg).Send(context.Background(), nil); len(errs) != 0 {
		t.Fatalf("errs = %v", errs)
	}
}

// BenchmarkSendBatch sends batches of 100 Vietnamese notices over one
// connection to a local catcher; it reports messages per second.
func BenchmarkSendBatch(b *testing.B) {
	catcher, err := mailcatch.Start("127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	defer func() {
		if err := catcher.Close(); err != nil {
			b.Error(err)
		}
	}()
	_, port, err := net.SplitHostPort(catcher.Addr())
	if err != nil {
		b.Fatal(err)
	}
	p, err := strconv.Atoi(port)
	if err != nil {
		b.Fatal(err)
	}
	s, err := NewSender(Config{Host: "127.0.0.1", Port: p, TLS: TLSNone, From: testFrom})
	if err != nil {
		b.Fatal(err)
	}
	batch := make([]Message, 100)
	for i := range batch {
		batch[i] = notice(i)
	}
	for b.Loop() {
		for i, err := range s.Send(context.Background(), batch) {
			if err != nil {
				b.Fatalf("message %d: %v", i, err)
			}
		}
	}
	b.ReportMetric(float64(b.N*len(batch))/b.Elapsed().Seconds(), "msgs/s")
}
