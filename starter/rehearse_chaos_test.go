package main

import (
	"strings"
	"testing"
)

// The chaos flags are refused when bad, and a missing binary is named
// with how to get one, before anything starts.
func TestRehearseChaosFlags(t *testing.T) {
	tests := []struct {
		name     string
		args     []string
		wantCode int
		want     string
	}{
		{"help", []string{"help", "rehearse"}, 0, "-worker-kills"},
		{"negative kills", []string{"rehearse", "--chaos", "--worker-kills", "-1"}, 2, "fault counts -1/1/1"},
		{"no worker processes", []string{"rehearse", "--chaos", "--worker-processes", "0"}, 2, "--worker-processes 0"},
		{"negative outage", []string{"rehearse", "--chaos", "--postgres-down", "-1s"}, 2, "--postgres-down -1s"},
		{"no worker binary", []string{"rehearse", "--chaos", "--worker-bin", "/nonexistent/worker"}, 1, "the worker binary /nonexistent/worker"},
		{"no devstack binary", []string{"rehearse", "--chaos", "--worker-bin", "/bin/sh", "--devstack-bin", "/nonexistent/devstack"}, 1,
			"the devstack binary /nonexistent/devstack"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out := starter(t, "", tt.args...)
			if code != tt.wantCode || !strings.Contains(out, tt.want) {
				t.Errorf("starter %q = %d, want %d and %q in:\n%s", tt.args, code, tt.wantCode, tt.want, out)
			}
		})
	}
}
