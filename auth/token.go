package auth

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"strings"
)

// TokenPrefix starts every API token (mã truy cập API), so a leaked one is
// easy to recognise and scan for.
const TokenPrefix = "efw_"

// NewToken makes an API token: 32 random bytes, base64url without padding,
// after TokenPrefix. plain is shown to the user once; only hash (its
// SHA-256, see TokenHash) is stored.
func NewToken() (plain string, hash []byte, err error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", nil, fmt.Errorf("auth: new token: %w", err)
	}
	plain = TokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	return plain, TokenHash(plain), nil
}

// TokenHash is the SHA-256 of a token as presented, the key the store
// looks tokens up by. A token has 256 random bits, so a fast hash suffices.
func TokenHash(plain string) []byte {
	h := sha256.Sum256([]byte(plain))
	return h[:]
}

// LooksLikeToken reports whether s has the form of a token NewToken makes,
// so a request can be refused before any database look-up.
func LooksLikeToken(s string) bool {
	rest, ok := strings.CutPrefix(s, TokenPrefix)
	if !ok || len(rest) != base64.RawURLEncoding.EncodedLen(32) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(rest)
	return err == nil
}
