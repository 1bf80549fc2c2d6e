// Package smtpmail sends electionflow's email notifications (thông báo qua
// thư điện tử) through an SMTP server with github.com/wneessen/go-mail.
//
// FromEnv reads where and how to send (SMTP_URL, MAIL_FROM); a Sender sends
// a batch of Messages over one connection and reports one result per
// message, so an outbox can mark each row sent, retry it later, or give up
// on it when Permanent says retrying cannot help.
package smtpmail
