package main

import (
	"strings"
	"testing"
)

// Bad flags of rehearse are refused before anything is opened, with the
// command's help; help describes the figures.
func TestRehearseFlags(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"help", []string{"help", "rehearse"}, 0, "-history-sample"},
		{"help lists it", []string{"help"}, 0, "rehearse"},
		{"no provinces", []string{"rehearse", "--provinces", "0"}, 2, "--provinces 0: want 1..34"},
		{"too many provinces", []string{"rehearse", "--provinces", "35"}, 2, "--provinces 35: want 1..34"},
		{"negative communes", []string{"rehearse", "--communes", "-1"}, 2, "--communes -1: want 0..200"},
		{"national with provinces", []string{"rehearse", "--national", "--provinces", "2"}, 2, "--national sets the size of the election: drop [--provinces]"},
		{"national with both", []string{"rehearse", "--communes", "5", "--national", "--provinces", "2"}, 2, "drop [--communes --provinces]"},
		{"no workers", []string{"rehearse", "--workers", "0"}, 2, "--workers 0: want 1..256"},
		{"negative baseline", []string{"rehearse", "--baseline", "-5s"}, 2, "--baseline -5s"},
		{"idle zero", []string{"rehearse", "--idle", "0"}, 2, "--idle 0s: want more than 0"},
		{"negative sample", []string{"rehearse", "--history-sample", "-3"}, 2, "--history-sample -3"},
		{"unknown generation", []string{"rehearse", "--generation", "second"}, 2, `--generation "second": want current or first`},
		{"an argument", []string{"rehearse", "national"}, 2, "rehearse takes no arguments"},
		{"not a number", []string{"rehearse", "--provinces", "four"}, 2, "invalid value"},
		{"valid, but no database", []string{"rehearse", "--national"}, 1, "DATABASE_URL is not set"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := starter(t, "", tt.args...)
			if code != tt.wantCode || !strings.Contains(out, tt.want) {
				t.Errorf("starter %q = %d, want %d and %q in:\n%s", tt.args, code, tt.wantCode, tt.want, out)
			}
			if tt.wantCode == 2 && !strings.Contains(out, "Usage: starter rehearse") {
				t.Errorf("starter %q does not show the command's help:\n%s", tt.args, out)
			}
		})
	}
}
