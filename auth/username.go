package auth

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._@-]{1,63}$`)

// NormalizeUsername validates a user name (tên đăng nhập) and returns it
// lower-cased, the form it is stored and looked up in: 2 to 64 ASCII
// letters, digits, '.', '_', '@' or '-', starting with a letter or digit.
func NormalizeUsername(s string) (string, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	if !usernamePattern.MatchString(n) {
		return "", fmt.Errorf("%q is not a user name (2 to 64 ASCII letters, digits, '.', '_', '@' or '-', starting with a letter or digit)", s)
	}
	return n, nil
}

// NormalizeDisplayName validates a person's display name (họ tên), such as
// "Nguyễn Thị Lan", and returns it trimmed: 1 to 200 characters, no
// control characters.
func NormalizeDisplayName(s string) (string, error) {
	n := strings.TrimSpace(s)
	switch {
	case n == "":
		return "", fmt.Errorf("a display name is required")
	case !utf8.ValidString(n):
		return "", fmt.Errorf("display name %q is not valid UTF-8", s)
	case utf8.RuneCountInString(n) > 200:
		return "", fmt.Errorf("display name is longer than 200 characters")
	case strings.IndexFunc(n, unicode.IsControl) >= 0:
		return "", fmt.Errorf("display name %q has control characters", s)
	}
	return n, nil
}
