package auth

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
)

// Password hashing uses argon2id (RFC 9106) from golang.org/x/crypto with
// OWASP's recommended parameters; hashes are stored in the PHC string
// format "$argon2id$v=19$m=47104,t=1,p=1$<salt>$<key>", so parameters can
// be raised later and old hashes still check (see NeedsRehash).
const (
	argonMemory  = 46 * 1024 // KiB
	argonTime    = 1
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// The password policy (chính sách mật khẩu).
const (
	MinPasswordLength = 10  // characters
	MaxPasswordLength = 256 // characters; longer is refused, not truncated
)

// ErrWeakPassword is wrapped by ValidatePassword's errors.
var ErrWeakPassword = errors.New("password does not meet the policy")

// ValidatePassword checks pw against the password policy: valid UTF-8, at
// least MinPasswordLength and at most MaxPasswordLength characters, no
// control characters, and not one character repeated.
func ValidatePassword(pw string) error {
	if !utf8.ValidString(pw) {
		return fmt.Errorf("%w: not valid UTF-8", ErrWeakPassword)
	}
	n := utf8.RuneCountInString(pw)
	if n < MinPasswordLength {
		return fmt.Errorf("%w: at least %d characters, got %d", ErrWeakPassword, MinPasswordLength, n)
	}
	if n > MaxPasswordLength {
		return fmt.Errorf("%w: at most %d characters, got %d", ErrWeakPassword, MaxPasswordLength, n)
	}
	if strings.IndexFunc(pw, unicode.IsControl) >= 0 {
		return fmt.Errorf("%w: control characters are not allowed", ErrWeakPassword)
	}
	first, _ := utf8.DecodeRuneInString(pw)
	if strings.Trim(pw, string(first)) == "" {
		return fmt.Errorf("%w: one character repeated", ErrWeakPassword)
	}
	return nil
}

// HashPassword hashes pw with argon2id and a fresh random salt, for
// storing. It does not apply the policy; call ValidatePassword first.
func HashPassword(pw string) (string, error) {
	salt := make([]byte, argonSaltLen)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("auth: salt: %w", err)
	}
	p := argonParams{memory: argonMemory, time: argonTime, threads: argonThreads}
	key := argon2.IDKey([]byte(pw), salt, p.time, p.memory, p.threads, argonKeyLen)
	return p.encode(salt, key), nil
}

// CheckPassword reports whether pw matches hash, comparing in constant
// time. A malformed hash matches nothing.
func CheckPassword(hash, pw string) bool {
	p, salt, want, err := decodeHash(hash)
	if err != nil {
		return false
	}
	got := argon2.IDKey([]byte(pw), salt, p.time, p.memory, p.threads, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1
}

// DummyCheck spends the time and memory of checking pw against a hash, and
// checks nothing. Sign-in calls it when the user name is unknown (or
// disabled) so that the answer takes as long as for a known user and timing
// does not reveal which user names exist. It runs CheckPassword itself,
// against a hash of HashPassword's parameters, so the two cost the same by
// construction.
func DummyCheck(pw string) {
	_ = CheckPassword(dummyHash(), pw)
}

// dummyHash is a well-formed hash of the current parameters that no
// password matches in practice: zero salt, zero key.
func dummyHash() string {
	p := argonParams{memory: argonMemory, time: argonTime, threads: argonThreads}
	return p.encode(make([]byte, argonSaltLen), make([]byte, argonKeyLen))
}

// NeedsRehash reports whether hash was made with other parameters than
// HashPassword uses now (or is malformed), so that sign-in can store a new
// hash of the password it has just checked.
func NeedsRehash(hash string) bool {
	p, salt, key, err := decodeHash(hash)
	return err != nil || p != (argonParams{memory: argonMemory, time: argonTime, threads: argonThreads}) ||
		len(salt) != argonSaltLen || len(key) != argonKeyLen
}

// NewPassword generates a strong random password: 20 characters from an
// alphabet without look-alikes (about 110 bits), for a new user who is
// told it once.
func NewPassword() (string, error) {
	const alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"
	const n = 20
	b := make([]byte, n)
	for i := range b {
		// Rejection sampling: no bias towards the first letters.
		for {
			var c [1]byte
			if _, err := rand.Read(c[:]); err != nil {
				return "", fmt.Errorf("auth: new password: %w", err)
			}
			if int(c[0]) < 256-256%len(alphabet) {
				b[i] = alphabet[int(c[0])%len(alphabet)]
				break
			}
		}
	}
	return string(b), nil
}

// argonParams are the cost parameters of one argon2id hash.
type argonParams struct {
	memory  uint32
	time    uint32
	threads uint8
}

func (p argonParams) encode(salt, key []byte) string {
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s",
		argon2.Version, p.memory, p.time, p.threads, b64.EncodeToString(salt), b64.EncodeToString(key))
}

// decodeHash reads a PHC argon2id string, refusing parameters outside sane
// bounds so a tampered row cannot make a check take minutes.
func decodeHash(hash string) (argonParams, []byte, []byte, error) {
	var p argonParams
	parts := strings.Split(hash, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" {
		return p, nil, nil, errors.New("auth: not an argon2id hash")
	}
	var version int
	if _, err := fmt.Sscanf(parts[2], "v=%d", &version); err != nil || version != argon2.Version {
		return p, nil, nil, fmt.Errorf("auth: argon2 version %q unsupported", parts[2])
	}
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &p.memory, &p.time, &p.threads); err != nil {
		return p, nil, nil, fmt.Errorf("auth: argon2 parameters %q: %w", parts[3], err)
	}
	if p.memory < 8 || p.memory > 1<<20 || p.time < 1 || p.time > 16 || p.threads < 1 || p.threads > 16 {
		return p, nil, nil, fmt.Errorf("auth: argon2 parameters %q out of bounds", parts[3])
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil || len(salt) < 8 {
		return p, nil, nil, errors.New("auth: bad argon2 salt")
	}
	key, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil || len(key) < 16 || len(key) > 64 {
		return p, nil, nil, errors.New("auth: bad argon2 key")
	}
	return p, salt, key, nil
}
