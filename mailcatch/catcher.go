package mailcatch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-smtp"
)

// Limits on what a Catcher keeps.
const (
	// MaxKept is how many messages a Catcher keeps; older ones are dropped.
	MaxKept = 1000
	// MaxMessageBytes is the largest message accepted; a larger one is
	// refused with 552.
	MaxMessageBytes = 10 << 20
	// MaxKeptBytes bounds the raw bytes of all messages kept; older ones
	// are dropped past it (the newest is always kept).
	MaxKeptBytes = 256 << 20
)

// Message is one mail as caught.
type Message struct {
	// N numbers the messages 1, 2, 3... in arrival order.
	N  int       `json:"n"`
	At time.Time `json:"at"`
	// From and To are the envelope (MAIL FROM, RCPT TO).
	From string   `json:"from"`
	To   []string `json:"to"`
	// User is the name the client authenticated as ("" without AUTH).
	User string `json:"user,omitempty"`
	// FromHeader and ToHeader are the From and To header fields decoded,
	// e.g. "Nguyễn Văn An <an@example.vn>".
	FromHeader string `json:"from_header"`
	ToHeader   string `json:"to_header"`
	// MessageID is the Message-ID without <>; Subject is decoded from RFC
	// 2047, so Vietnamese reads as written.
	MessageID string `json:"message_id"`
	Subject   string `json:"subject"`
	// Text is the text/plain body decoded (quoted-printable or base64, from
	// inside multipart/alternative or mixed), with \n line ends.
	Text string `json:"text"`
	// Raw is the message exactly as received; it is shared between copies,
	// so do not modify it. The page serves it at /messages/{n}/raw.
	Raw []byte `json:"-"`
}

// Catcher is a running SMTP server that keeps what it receives (at most
// MaxKept messages and MaxKeptBytes). It is safe for concurrent use.
type Catcher struct {
	server *smtp.Server
	ln     net.Listener
	addr   string
	served chan struct{}

	mu         sync.Mutex
	kept       []Message
	limit      int
	limitBytes int
	keptBytes  int
	last       int
	changed    chan struct{}
	refusals   map[string]refusal
}

// refusal is what RefuseNext asked for one address.
type refusal struct{ code, left int }

// Start listens for SMTP on addr ("127.0.0.1:0" for any free port) without
// TLS. No authentication is needed, but AUTH PLAIN with any credentials is
// accepted, so a sender configured with a user works too.
func Start(addr string) (*Catcher, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("mailcatch: listen on %s: %w", addr, err)
	}
	c := &Catcher{
		ln:         ln,
		addr:       ln.Addr().String(),
		served:     make(chan struct{}),
		limit:      MaxKept,
		limitBytes: MaxKeptBytes,
		changed:    make(chan struct{}),
		refusals:   map[string]refusal{},
	}
	s := smtp.NewServer(smtp.BackendFunc(func(*smtp.Conn) (smtp.Session, error) {
		return &session{catcher: c}, nil
	}))
	s.Domain = "mailcatch.localhost"
	s.AllowInsecureAuth = true
	s.MaxMessageBytes = MaxMessageBytes
	s.MaxRecipients = 100
	s.ReadTimeout = time.Minute
	s.WriteTimeout = time.Minute
	s.ErrorLog = log.New(io.Discard, "", 0)
	c.server = s
	go func() {
		defer close(c.served)
		_ = s.Serve(ln)
	}()
	return c, nil
}

// Addr is the host:port the Catcher listens on.
func (c *Catcher) Addr() string { return c.addr }

// Close stops listening and drops open connections; the messages caught so
// far stay readable.
func (c *Catcher) Close() error {
	err := c.server.Close()
	// The server closes only the listeners its Serve has registered: a
	// Close right after Start could come first.
	if lerr := c.ln.Close(); lerr != nil && !errors.Is(lerr, net.ErrClosed) && err == nil {
		err = lerr
	}
	<-c.served
	if err != nil && !errors.Is(err, smtp.ErrServerClosed) {
		return fmt.Errorf("mailcatch: close %s: %w", c.addr, err)
	}
	return nil
}

// Messages returns the messages kept, in arrival order (a new slice; see
// Message.Raw).
func (c *Catcher) Messages() []Message {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.copyLocked()
}

func (c *Catcher) copyLocked() []Message {
	out := slices.Clone(c.kept)
	for i := range out {
		out[i].To = slices.Clone(out[i].To)
	}
	return out
}

// Wait returns the messages once ok(messages) holds, checking at start and
// after each new message. When ctx ends first it returns the messages it
// last saw with an error wrapping ctx's cause.
func (c *Catcher) Wait(ctx context.Context, ok func([]Message) bool) ([]Message, error) {
	for {
		c.mu.Lock()
		msgs, changed := c.copyLocked(), c.changed
		c.mu.Unlock()
		if ok(msgs) {
			return msgs, nil
		}
		select {
		case <-ctx.Done():
			return msgs, fmt.Errorf("mailcatch: waiting with %d messages: %w", len(msgs), context.Cause(ctx))
		case <-changed:
		}
	}
}

// RefuseNext makes the next n RCPT TO for address (case-insensitive) be
// refused with code, e.g. 451 (temporary) or 550 (permanent), so tests can
// make a send fail part way. A later call for the same address replaces
// the earlier one; n <= 0 cancels it. code must be 400..599: anything else
// is a bug in the caller and panics.
func (c *Catcher) RefuseNext(address string, code, n int) {
	if code < 400 || code > 599 {
		panic(fmt.Sprintf("mailcatch: RefuseNext code %d is not a 4xx or 5xx reply", code))
	}
	key := strings.ToLower(address)
	c.mu.Lock()
	defer c.mu.Unlock()
	if n <= 0 {
		delete(c.refusals, key)
		return
	}
	c.refusals[key] = refusal{code: code, left: n}
}

// refuse consumes one pending refusal for address, returning the reply to
// give, or nil to accept it.
func (c *Catcher) refuse(address string) error {
	key := strings.ToLower(address)
	c.mu.Lock()
	defer c.mu.Unlock()
	r, ok := c.refusals[key]
	if !ok {
		return nil
	}
	if r.left--; r.left <= 0 {
		delete(c.refusals, key)
	} else {
		c.refusals[key] = r
	}
	return &smtp.SMTPError{
		Code:         r.code,
		EnhancedCode: smtp.EnhancedCode{r.code / 100, 0, 0},
		Message:      "refused by mailcatch (RefuseNext)",
	}
}

// keep stores one received message, dropping the oldest past the limits,
// and wakes Wait.
func (c *Catcher) keep(m Message) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.last++
	m.N = c.last
	c.kept = append(c.kept, m)
	c.keptBytes += len(m.Raw)
	drop := 0
	for len(c.kept)-drop > 1 && (len(c.kept)-drop > c.limit || c.keptBytes > c.limitBytes) {
		c.keptBytes -= len(c.kept[drop].Raw)
		drop++
	}
	c.kept = slices.Delete(c.kept, 0, drop)
	close(c.changed)
	c.changed = make(chan struct{})
}
