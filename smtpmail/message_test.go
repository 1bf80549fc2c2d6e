package smtpmail

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestMessageValidate(t *testing.T) {
	good := Message{ID: "notice-12-user-3@electionflow", ToName: "Nguyễn Thị Hồng Nhung", To: "nhung@example.vn",
		Subject: "Nhiệm vụ mới: Xác nhận tư cách đại biểu", Text: "Xin chào,\nhttps://electionflow.example.vn/tasks/7\n"}
	tests := []struct {
		name    string
		edit    func(*Message)
		wantErr string
	}{
		{"good", func(*Message) {}, ""},
		{"no ID is allowed", func(m *Message) { m.ID = "" }, ""},
		{"no name is allowed", func(m *Message) { m.ToName = "" }, ""},
		{"no recipient", func(m *Message) { m.To = "" }, "recipient"},
		{"recipient not an address", func(m *Message) { m.To = "nhung at example.vn" }, "recipient"},
		{"recipient with a name", func(m *Message) { m.To = "Nhung <nhung@example.vn>" }, "not a bare address"},
		{"ID in brackets", func(m *Message) { m.ID = "<a@b>" }, "message ID"},
		{"ID without @", func(m *Message) { m.ID = "notice-12" }, "message ID"},
		{"ID with two @", func(m *Message) { m.ID = "a@b@c" }, "message ID"},
		{"ID with a space", func(m *Message) { m.ID = "a b@c" }, "message ID"},
		{"ID with a newline", func(m *Message) { m.ID = "a@c\r\nBcc: x@y" }, "message ID"},
		{"ID not ASCII", func(m *Message) { m.ID = "thông-báo@electionflow" }, "message ID"},
		{"subject with a newline", func(m *Message) { m.Subject = "Nhiệm vụ\r\nBcc: x@y" }, "subject has a control character"},
		{"subject not UTF-8", func(m *Message) { m.Subject = "Nhi\xff" }, "subject is not valid UTF-8"},
		{"name with a newline", func(m *Message) { m.ToName = "Nhung\n" }, "recipient name has a control character"},
		{"body not UTF-8", func(m *Message) { m.Text = "\xc3" }, "body is not valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := good
			tt.edit(&m)
			err := m.Validate()
			if tt.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate = %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want %q", err, tt.wantErr)
			}
			if !errors.Is(err, ErrInvalidMessage) || !Permanent(err) {
				t.Fatalf("err %v: not ErrInvalidMessage or not Permanent", err)
			}
		})
	}
}

func TestPermanentPlainErrors(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want bool
	}{
		{"nil", nil, false},
		{"network", errors.New("dial tcp 127.0.0.1:1: connection refused"), false},
		{"an error text that looks like a 5xx", errors.New("550 no such user"), false},
		{"context", fmt.Errorf("send: %w", context.Canceled), false},
		{"invalid message", fmt.Errorf("outbox: %w", ErrInvalidMessage), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Permanent(tt.err); got != tt.want {
				t.Fatalf("Permanent(%v) = %v, want %v", tt.err, got, tt.want)
			}
		})
	}
}
