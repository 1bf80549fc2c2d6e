package smtpmail

import (
	"errors"

	gomail "github.com/wneessen/go-mail"
)

// Permanent reports whether err is a permanent refusal, so retrying cannot
// help: a 5xx reply to the message (e.g. 550 unknown mailbox, 552 too
// large) or a message that fails validation (ErrInvalidMessage). Temporary
// replies (4xx), network errors, timeouts and failures to connect or
// authenticate are not permanent: fixing the server or the configuration
// makes a retry succeed.
func Permanent(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, ErrInvalidMessage) {
		return true
	}
	var se *gomail.SendError
	if errors.As(err, &se) {
		code := se.ErrorCode()
		return code >= 500 && code <= 599
	}
	return false
}
