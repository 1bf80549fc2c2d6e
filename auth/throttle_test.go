package auth

import (
	"testing"
	"time"
)

func TestThrottleDelay(t *testing.T) {
	tests := []struct {
		failures int
		want     time.Duration
	}{
		{-1, 0}, {0, 0}, {1, 0}, {2, 0},
		{3, time.Second}, {4, 2 * time.Second}, {5, 4 * time.Second}, {12, 512 * time.Second},
		{13, ThrottleMaxDelay}, {40, ThrottleMaxDelay}, {1 << 30, ThrottleMaxDelay},
	}
	for _, tt := range tests {
		if got := ThrottleDelay(tt.failures); got != tt.want {
			t.Errorf("ThrottleDelay(%d) = %v, want %v", tt.failures, got, tt.want)
		}
	}
}

func TestNextAttemptAt(t *testing.T) {
	last := time.Date(2026, 3, 20, 9, 0, 0, 0, time.UTC)
	if got := NextAttemptAt(2, last); !got.IsZero() {
		t.Errorf("NextAttemptAt(2) = %v, want no wait", got)
	}
	if got, want := NextAttemptAt(5, last), last.Add(4*time.Second); !got.Equal(want) {
		t.Errorf("NextAttemptAt(5) = %v, want %v", got, want)
	}
	// A guesser's budget: at most a few dozen guesses a day per key.
	n, at := 0, last
	for end := last.Add(24 * time.Hour); ; n++ {
		at = later(at, NextAttemptAt(n, at))
		if at.After(end) {
			break
		}
	}
	if n < 10 || n > 110 {
		t.Errorf("%d guesses a day at one key; the policy says about a hundred", n)
	}
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
