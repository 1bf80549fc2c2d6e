package retirement

import (
	"errors"
	"strings"
	"testing"

	"electionflow/election"
)

func TestRuleSets(t *testing.T) {
	sets := RuleSets()
	if len(sets) != 3 || sets[0].ID != Decree26 || sets[1].ID != Decree177 || sets[2].ID != Decree178As67 {
		t.Fatalf("RuleSets() = %+v, want decree 26, 177, 178 as amended by 67", sets)
	}
	periods := []string{"01/05/2015 – 31/12/2024", "từ 01/01/2025", "từ 15/03/2025"}
	for i, s := range sets {
		if s.Period() != periods[i] {
			t.Errorf("%s: period %q, want %q", s.ID, s.Period(), periods[i])
		}
		if s.Name == "" || s.Citation == "" || s.Covers == "" || len(s.Sources) == 0 || len(s.Disagreements) == 0 {
			t.Errorf("rule set %s lacks a name, citation, coverage, sources or disagreements", s.ID)
		}
		// Every formula the calculator applies cites an article of its own.
		for _, k := range []FormulaKey{FormulaEarlyConditions, FormulaPerEarlyYear, FormulaSeniority, FormulaReassignment, FormulaAwait} {
			if a := s.Article(k); a == s.Citation || !strings.Contains(a, "điều") {
				t.Errorf("%s: formula %s cites %q", s.ID, k, a)
			}
		}
		// Nobody has read the official texts: each says so.
		if !strings.Contains(s.Sources[0].Note, "không tìm thấy") {
			t.Errorf("%s: first source does not say the official text was not found: %+v", s.ID, s.Sources[0])
		}
		if i > 0 && sets[i-1].EffectiveFrom.After(s.EffectiveFrom) {
			t.Errorf("rule sets out of effective order at %d", i)
		}
	}
	if !strings.Contains(sets[2].Citation, "67/2025/NĐ-CP") || !strings.Contains(strings.Join(sets[2].Disagreements, "\n"), "744.788.125") {
		t.Errorf("decree 178/67 does not cite Decree 67 or record the worked example's disagreeing total")
	}
	// The caller's copy is its own: changing it changes nothing here.
	sets[1].ID = "changed"
	sets[2].Formulas[0].Article = "changed"
	if again := RuleSets(); again[1].ID != Decree177 || again[2].Formulas[0].Article == "changed" {
		t.Errorf("RuleSets shares state between calls")
	}
}

func TestInForce(t *testing.T) {
	tests := []struct {
		at   string
		want RuleSetID
		err  error
	}{
		{"2021-05-23", Decree26, nil},
		{"2015-05-01", Decree26, nil},
		{"2024-12-31", Decree26, nil},
		{"2025-01-01", Decree177, nil},
		{"2025-03-14", Decree177, nil},
		{"2025-03-15", Decree178As67, nil},
		{"2026-03-15", Decree178As67, nil},
		{"2040-01-01", Decree178As67, nil},
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

func TestChoose(t *testing.T) {
	tests := []struct {
		id   RuleSetID
		at   string
		want RuleSetID
		err  error
	}{
		{"", "2026-03-15", Decree178As67, nil},
		{Decree177, "2026-03-15", Decree177, nil},
		{Decree26, "2021-05-23", Decree26, nil},
		{Decree26, "2026-03-15", "", ErrNotInForce},
		{Decree178As67, "2025-03-14", "", ErrNotInForce},
		{"", "2010-01-01", "", ErrNotInForce},
		{"decree-1-1990", "2026-03-15", "", ErrUnknownRuleSet},
	}
	for _, tt := range tests {
		got, err := Choose(tt.id, election.MustParseDate(tt.at))
		if !errors.Is(err, tt.err) || (tt.err == nil && err != nil) || got.ID != tt.want {
			t.Errorf("Choose(%q, %s) = %s, %v; want %s, %v", tt.id, tt.at, got.ID, err, tt.want, tt.err)
		}
	}
}

func TestCheckVerification(t *testing.T) {
	tests := []struct {
		name string
		v    Verification
		want error
	}{
		{"complete", Verification{RuleSet: Decree26, Verified: true, By: "thuky", Source: "Công báo số 317+318"}, nil},
		{"revocation needs no source", Verification{RuleSet: Decree26, By: "thuky"}, nil},
		{"no person", Verification{RuleSet: Decree26, Verified: true, Source: "Công báo"}, ErrInvalidInput},
		{"no source", Verification{RuleSet: Decree26, Verified: true, By: "thuky", Source: "  "}, ErrInvalidInput},
		{"unknown rule set", Verification{RuleSet: "decree-1", Verified: true, By: "thuky", Source: "x"}, ErrUnknownRuleSet},
	}
	for _, tt := range tests {
		if err := CheckVerification(tt.v); !errors.Is(err, tt.want) || (tt.want == nil && err != nil) {
			t.Errorf("%s: CheckVerification = %v, want %v", tt.name, err, tt.want)
		}
	}
}
