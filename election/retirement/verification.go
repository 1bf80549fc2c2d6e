package retirement

import (
	"fmt"
	"strings"
	"time"
)

// Verification is the recorded act of a person who checked a rule set
// against the official text (đối chiếu với văn bản gốc), or who revoked that
// check. It is kept in the database with the audit log; this package only
// applies it. The zero value means: never verified.
type Verification struct {
	// RuleSet is the rule set checked.
	RuleSet RuleSetID
	// Verified is true after a verification, false after a revocation.
	Verified bool
	// By is the user who did it.
	By string
	// Source is the official text checked against, e.g. the gazette
	// (Công báo) number and page.
	Source string
	// At is when it was recorded.
	At time.Time
}

// CheckVerification rejects a verification or revocation that is not a
// complete record: an unknown rule set, no person, or (to verify) no source.
func CheckVerification(v Verification) error {
	if _, err := lookup(v.RuleSet); err != nil {
		return fmt.Errorf("verification: %w", err)
	}
	if strings.TrimSpace(v.By) == "" {
		return fmt.Errorf("verification of %s: who checked it is not set: %w", v.RuleSet, ErrInvalidInput)
	}
	if v.Verified && strings.TrimSpace(v.Source) == "" {
		return fmt.Errorf("verification of %s: the official text checked against is not set: %w", v.RuleSet, ErrInvalidInput)
	}
	return nil
}

// covers reports whether v verifies rule set id.
func (v Verification) covers(id RuleSetID) bool { return v.Verified && v.RuleSet == id }

// describe writes the state of verification in Vietnamese for an
// explanation.
func (v Verification) describe() string {
	return fmt.Sprintf("Bộ quy tắc đã được %s đối chiếu với văn bản: %s.", v.By, v.Source)
}
