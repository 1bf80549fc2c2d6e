package mailcatch

import (
	"context"
	"errors"
	"fmt"
	"net/smtp"
	"net/textproto"
	"strings"
	"testing"
	"time"
)

// start runs a Catcher for one test.
func start(t *testing.T) *Catcher {
	t.Helper()
	c, err := Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := c.Close(); err != nil {
			t.Error(err)
		}
	})
	return c
}

// send delivers one message with the standard library's SMTP client, a
// client independent of this package and of smtpmail.
func send(c *Catcher, auth smtp.Auth, to, subject, body string) error {
	msg := fmt.Sprintf("From: <bau-cu@example.vn>\r\nTo: <%s>\r\nSubject: %s\r\n\r\n%s\r\n", to, subject, body)
	return smtp.SendMail(c.Addr(), auth, "bau-cu@example.vn", []string{to}, []byte(msg))
}

// wait waits up to 10 s for n messages.
func wait(t *testing.T, c *Catcher, n int) []Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	msgs, err := c.Wait(ctx, func(m []Message) bool { return len(m) >= n })
	if err != nil {
		t.Fatal(err)
	}
	return msgs
}

func TestCatchesInOrder(t *testing.T) {
	c := start(t)
	for i := 1; i <= 3; i++ {
		if err := send(c, nil, fmt.Sprintf("user%d@example.vn", i), fmt.Sprintf("s%d", i), "body"); err != nil {
			t.Fatal(err)
		}
	}
	msgs := wait(t, c, 3)
	for i, m := range msgs {
		if m.N != i+1 || m.Subject != fmt.Sprintf("s%d", i+1) || m.From != "bau-cu@example.vn" ||
			len(m.To) != 1 || m.To[0] != fmt.Sprintf("user%d@example.vn", i+1) || m.Text != "body\n" || m.At.IsZero() || m.User != "" {
			t.Fatalf("message %d = %+v", i, m)
		}
	}
	msgs[0].To[0] = "changed@example.vn"
	if got := c.Messages()[0].To[0]; got != "user1@example.vn" {
		t.Fatalf("Messages is not a copy: %s", got)
	}
}

func TestAcceptsAnyPlainAuth(t *testing.T) {
	c := start(t)
	if err := send(c, smtp.PlainAuth("", "bau-cu", "whatever", "127.0.0.1"), "a@example.vn", "s", "b"); err != nil {
		t.Fatal(err)
	}
	if got := wait(t, c, 1)[0].User; got != "bau-cu" {
		t.Fatalf("User = %q, want bau-cu", got)
	}
}

func TestWaitReturnsOnCondition(t *testing.T) {
	c := start(t)
	errc := make(chan error, 1)
	go func() {
		time.Sleep(20 * time.Millisecond)
		errc <- send(c, nil, "late@example.vn", "late", "b")
	}()
	msgs := wait(t, c, 1)
	if msgs[0].Subject != "late" {
		t.Fatalf("got %+v", msgs)
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
}

func TestWaitHonoursContext(t *testing.T) {
	c := start(t)
	if err := send(c, nil, "a@example.vn", "one", "b"); err != nil {
		t.Fatal(err)
	}
	wait(t, c, 1)
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	msgs, err := c.Wait(ctx, func(m []Message) bool { return len(m) >= 2 })
	if !errors.Is(err, context.DeadlineExceeded) || len(msgs) != 1 {
		t.Fatalf("Wait = %d messages, %v; want 1 and DeadlineExceeded", len(msgs), err)
	}
}

func TestRefuseNext(t *testing.T) {
	c := start(t)
	c.RefuseNext("Nhung@Example.VN", 451, 2)
	c.RefuseNext("other@example.vn", 550, 1)
	c.RefuseNext("other@example.vn", 550, 0) // cancelled
	codes := []int{}
	for range 3 {
		err := send(c, nil, "nhung@example.vn", "s", "b")
		var te *textproto.Error
		switch {
		case err == nil:
			codes = append(codes, 250)
		case errors.As(err, &te):
			codes = append(codes, te.Code)
		default:
			t.Fatal(err)
		}
	}
	if fmt.Sprint(codes) != "[451 451 250]" {
		t.Fatalf("replies %v, want [451 451 250]", codes)
	}
	if err := send(c, nil, "other@example.vn", "s", "b"); err != nil {
		t.Fatalf("cancelled refusal still refuses: %v", err)
	}
	if got := len(wait(t, c, 2)); got != 2 {
		t.Fatalf("caught %d", got)
	}
}

func TestRefuseNextPanicsOnANonErrorCode(t *testing.T) {
	c := start(t)
	defer func() {
		if recover() == nil {
			t.Fatal("RefuseNext(250) did not panic")
		}
	}()
	c.RefuseNext("a@example.vn", 250, 1)
}

func TestKeepsAtMostLimit(t *testing.T) {
	c := start(t)
	c.mu.Lock()
	c.limit = 3
	c.mu.Unlock()
	for i := 1; i <= 5; i++ {
		if err := send(c, nil, "a@example.vn", fmt.Sprint(i), "b"); err != nil {
			t.Fatal(err)
		}
	}
	msgs := wait(t, c, 3)
	got := []int{}
	for _, m := range msgs {
		got = append(got, m.N)
	}
	if fmt.Sprint(got) != "[3 4 5]" {
		t.Fatalf("kept %v, want [3 4 5]", got)
	}
	if MaxKept != 1000 {
		t.Fatalf("MaxKept = %d", MaxKept)
	}
}

func TestKeepsAtMostLimitBytes(t *testing.T) {
	c := start(t)
	for i := 1; i <= 3; i++ {
		if err := send(c, nil, "a@example.vn", fmt.Sprint(i), strings.Repeat("x", 500)); err != nil {
			t.Fatal(err)
		}
	}
	one := len(wait(t, c, 3)[0].Raw)
	c.mu.Lock()
	c.limitBytes = 2*one + one/2 // room for two
	c.mu.Unlock()
	if err := send(c, nil, "a@example.vn", "4", strings.Repeat("x", 500)); err != nil {
		t.Fatal(err)
	}
	msgs := wait(t, c, 2)
	if len(msgs) != 2 || msgs[0].N != 3 || msgs[1].N != 4 {
		t.Fatalf("kept %d messages from N=%d, want 3 and 4", len(msgs), msgs[0].N)
	}
	c.mu.Lock()
	c.limitBytes = 1 // smaller than any message: the newest still stays
	c.mu.Unlock()
	if err := send(c, nil, "a@example.vn", "5", "b"); err != nil {
		t.Fatal(err)
	}
	if msgs := wait(t, c, 1); len(msgs) != 1 || msgs[0].N != 5 {
		t.Fatalf("kept %+v, want only N=5", msgs)
	}
}

func TestRefusesTooLargeMessage(t *testing.T) {
	c := start(t)
	err := send(c, nil, "a@example.vn", "big", strings.Repeat(strings.Repeat("x", 99)+"\n", MaxMessageBytes/100+1))
	var te *textproto.Error
	if !errors.As(err, &te) || te.Code != 552 {
		t.Fatalf("err = %v, want a 552 reply", err)
	}
	if err := send(c, nil, "a@example.vn", "small", "b"); err != nil {
		t.Fatal(err)
	}
	if msgs := wait(t, c, 1); len(msgs) != 1 || msgs[0].Subject != "small" {
		t.Fatalf("caught %+v", msgs)
	}
}

func TestCloseKeepsMessagesAndIsIdempotent(t *testing.T) {
	c, err := Start("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	if err := send(c, nil, "a@example.vn", "s", "b"); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatalf("second Close: %v", err)
	}
	if len(c.Messages()) != 1 {
		t.Fatal("messages lost on Close")
	}
	if err := send(c, nil, "a@example.vn", "s", "b"); err == nil {
		t.Fatal("sent to a closed catcher")
	}
}

func TestStartOnABadAddress(t *testing.T) {
	if _, err := Start("127.0.0.1:-1"); err == nil || !strings.Contains(err.Error(), "127.0.0.1:-1") {
		t.Fatalf("err = %v", err)
	}
}
