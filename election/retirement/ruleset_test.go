package retirement

import (
	"errors"
	"strings"
	"testing"

	"electionflow/election"
)

func TestRuleSets(t *testing.T) {
	sets := RuleSets()
	if len(sets) != 2 || sets[0].ID != Decree26 || sets[1].ID != Decree177 {
		t.Fatalf("RuleSets() = %+v, want decree 26 then decree 177", sets)
	}
	if !sets[0].Verified || sets[1].Verified {
		t.Errorf("verified flags = %v, %v; want true, false", sets[0].Verified, sets[1].Verified)
	}
	if sets[0].EffectiveFrom.String() != "2015-05-01" || sets[1].EffectiveFrom.String() != "2025-01-01" {
		t.Errorf("effective dates = %s, %s", sets[0].EffectiveFrom, sets[1].EffectiveFrom)
	}
	if !strings.Contains(sets[0].Citation, "26/2015/NĐ-CP") || !strings.Contains(sets[1].Citation, "177/2024/NĐ-CP") ||
		!strings.Contains(sets[1].Citation, "67/2025/NĐ-CP") {
		t.Errorf("citations = %q, %q", sets[0].Citation, sets[1].Citation)
	}
	for i := 1; i < len(sets); i++ {
		if !sets[i-1].EffectiveFrom.Before(sets[i].EffectiveFrom) {
			t.Errorf("rule sets out of effective order at %d", i)
		}
	}
	for _, s := range sets {
		if s.Name == "" || s.Citation == "" {
			t.Errorf("rule set %s lacks a name or citation", s.ID)
		}
	}
	// The caller's copy is its own: changing it changes nothing here.
	sets[0].Verified = false
	sets[1].ID = "changed"
	if again := RuleSets(); !again[0].Verified || again[1].ID != Decree177 {
		t.Errorf("RuleSets shares state between calls: %+v", again)
	}
}

func TestInForce(t *testing.T) {
	tests := []struct {
		at   string
		want RuleSetID
		err  error
	}{
		{"2021-05-23", Decree26, nil},
		{"2026-03-15", Decree177, nil},
		{"2015-05-01", Decree26, nil},
		{"2024-12-31", Decree26, nil},
		{"2025-01-01", Decree177, nil},
		{"2040-01-01", Decree177, nil},
		{"2015-04-30", "", ErrNotInForce},
		{"2011-05-22", "", ErrNotInForce},
	}
	for _, tt := range tests {
		got, err := InForce(election.MustParseDate(tt.at))
		if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) {
			t.Errorf("InForce(%s) error = %v, want %v", tt.at, err, tt.err)
			continue
		}
		if got.ID != tt.want {
			t.Errorf("InForce(%s) = %s, want %s", tt.at, got.ID, tt.want)
		}
	}
	if _, err := InForce(election.Date{}); !errors.Is(err, ErrInvalidInput) {
		t.Errorf("InForce(zero) error = %v, want ErrInvalidInput", err)
	}
}
