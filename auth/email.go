package auth

import (
	"fmt"
	"net/mail"
	"strings"
)

// MaxEmailLength is the longest email address (địa chỉ thư điện tử)
// accepted, as SMTP allows (RFC 5321's path limit less its brackets).
const MaxEmailLength = 254

// NormalizeEmail checks an email address a user gives for notices and
// returns it trimmed, with its domain lower-cased; "" (no address) stays
// "". A display name, several addresses or a malformed one are refused.
func NormalizeEmail(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", nil
	}
	if len(s) > MaxEmailLength {
		return "", fmt.Errorf("email address of %d characters: at most %d", len(s), MaxEmailLength)
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Name != "" || a.Address != s {
		return "", fmt.Errorf("email address %q: want a single address such as lan@example.vn", s)
	}
	at := strings.LastIndexByte(s, '@')
	local, domain := s[:at], strings.ToLower(s[at+1:])
	if !strings.Contains(domain, ".") || strings.HasPrefix(domain, ".") || strings.HasSuffix(domain, ".") {
		return "", fmt.Errorf("email address %q: the domain %q has no dot-separated name", s, domain)
	}
	return local + "@" + domain, nil
}
