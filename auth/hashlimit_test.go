package auth

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// However many ask at once, no more than Concurrent hold a turn; those
// beyond the queue are refused at once.
func TestHashLimiterBounds(t *testing.T) {
	l, err := NewHashLimiter(2, 10, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	var running, peak, done, busy atomic.Int64
	gate := make(chan struct{})
	var wg sync.WaitGroup
	for range 40 {
		wg.Go(func() {
			release, err := l.Acquire(t.Context())
			if errors.Is(err, ErrBusy) {
				busy.Add(1)
				return
			}
			if err != nil {
				t.Error(err)
				return
			}
			n := running.Add(1)
			for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
			}
			<-gate
			running.Add(-1)
			done.Add(1)
			release()
		})
	}
	// Let every goroutine reach the limiter, then open the gate.
	for deadline := time.Now().Add(10 * time.Second); busy.Load() < 28 && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	close(gate)
	wg.Wait()
	if peak.Load() != 2 || done.Load() != 12 || busy.Load() != 28 {
		t.Errorf("peak %d at once, %d done, %d refused; want 2, 12 (2 running + 10 queued), 28", peak.Load(), done.Load(), busy.Load())
	}
}

func TestHashLimiterWaitAndCancel(t *testing.T) {
	l, err := NewHashLimiter(1, 5, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	release, err := l.Acquire(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := l.Acquire(t.Context()); !errors.Is(err, ErrBusy) {
		t.Errorf("a wait past its limit = %v, want ErrBusy", err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if _, err := l.Acquire(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled wait = %v, want context.Canceled", err)
	}
	release()
	again, err := l.Acquire(t.Context())
	if err != nil {
		t.Errorf("after release: %v", err)
	} else {
		again()
	}
}

func TestNewHashLimiter(t *testing.T) {
	l, err := NewHashLimiter(0, 0, 0)
	if err != nil || l.Concurrent() != DefaultConcurrentHashes() || l.queue != int64(32*l.Concurrent()) || l.wait != 15*time.Second {
		t.Errorf("defaults: %+v, %v", l, err)
	}
	for _, bad := range [][3]int{{-1, 0, 0}, {0, -1, 0}, {0, 0, -1}} {
		if _, err := NewHashLimiter(bad[0], bad[1], time.Duration(bad[2])); err == nil {
			t.Errorf("NewHashLimiter%v accepted", bad)
		}
	}
}
