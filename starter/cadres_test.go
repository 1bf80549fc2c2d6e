package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"electionflow/election"
	"electionflow/internal/pgtest"
	"electionflow/store"
)

func TestCorrectCadre(t *testing.T) {
	db := pgtest.NewDatabase(t)
	if code, out := starter(t, db, "import", filepath.Join("..", "roster", "testdata", "good")); code != 0 {
		t.Fatalf("import = %d:\n%s", code, out)
	}
	tests := []struct {
		args     []string
		wantCode int
		want     string
	}{
		{[]string{"correct-cadre", "CB-001", "--insurance-months", "400", "--salary", "15200000", "--actor", "tccb"}, 0, "corrected cadre CB-001"},
		{[]string{"correct-cadre", "CB-001", "--salary", "15200000"}, 2, "--insurance-months is required"},
		{[]string{"correct-cadre", "CB-001", "--insurance-months", "700", "--salary", "1"}, 2, "0..600"},
		{[]string{"correct-cadre", "CB-001", "--insurance-months", "400"}, 2, "--salary is required"},
		{[]string{"correct-cadre", "CB-404", "--insurance-months", "400", "--salary", "1"}, 1, "not found"},
		{[]string{"correct-cadre"}, 2, "one cadre ID"},
	}
	for _, tt := range tests {
		code, out := starter(t, db, tt.args...)
		if code != tt.wantCode || !strings.Contains(out, tt.want) {
			t.Errorf("starter %q = %d, want %d and %q:\n%s", tt.args, code, tt.wantCode, tt.want, out)
		}
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Cadre(context.Background(), "2026-2031", "CB-001")
	if err != nil || c.InsuranceMonths != 400 || c.MonthlySalary != election.VND(15_200_000) {
		t.Errorf("cadre after the correction: %+v, %v", c, err)
	}
	trail, err := s.AuditTrail(context.Background(), "cadre/CB-001")
	if err != nil || len(trail) != 1 || trail[0].Actor != "tccb" || strings.Contains(string(trail[0].Detail), "15200000") {
		t.Errorf("audit of the correction: %+v, %v", trail, err)
	}
}
