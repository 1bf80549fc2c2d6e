package auth

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"
)

// ErrBusy is returned by HashLimiter.Acquire when too many password checks
// are running or waiting: the caller answers "try again shortly" (503 with
// Retry-After) rather than queue without end.
var ErrBusy = errors.New("auth: too many password checks at once")

// HashMemory is what one argon2id check of HashPassword's parameters
// allocates, in bytes: the figure that makes HashLimiter necessary.
const HashMemory = argonMemory * 1024

// DefaultConcurrentHashes is how many password checks a HashLimiter from
// NewHashLimiter(0, ...) lets run at once: one per core, at most 4. A check
// is CPU-bound, so more at once would not finish sooner, and each holds
// HashMemory.
func DefaultConcurrentHashes() int { return max(1, min(runtime.GOMAXPROCS(0), 4)) }

// HashLimiter bounds the memory sign-in can take (giới hạn băm mật khẩu
// đồng thời): at most Concurrent password checks (HashMemory each) run at
// once; up to Queue more wait their turn, each at most Wait; past that a
// check is refused with ErrBusy. A burst of sign-ins then costs time, not
// memory: Concurrent × HashMemory at most. The zero value is not usable;
// make one with NewHashLimiter.
type HashLimiter struct {
	slots   chan struct{}
	queue   int64
	wait    time.Duration
	waiting atomic.Int64
}

// NewHashLimiter makes a limiter of concurrent checks at once
// (DefaultConcurrentHashes when 0), with queue waiting (32 per check at
// once when 0), each for at most wait (15 s when 0: a burst of 40
// sign-ins on a busy 2-core machine took 5 s to check).
func NewHashLimiter(concurrent, queue int, wait time.Duration) (*HashLimiter, error) {
	if concurrent < 0 || queue < 0 || wait < 0 {
		return nil, fmt.Errorf("auth: hash limiter of %d at once, %d waiting for %v: none may be negative", concurrent, queue, wait)
	}
	if concurrent == 0 {
		concurrent = DefaultConcurrentHashes()
	}
	if queue == 0 {
		queue = 32 * concurrent
	}
	if wait == 0 {
		wait = 15 * time.Second
	}
	return &HashLimiter{slots: make(chan struct{}, concurrent), queue: int64(queue), wait: wait}, nil
}

// Concurrent is how many checks may run at once.
func (l *HashLimiter) Concurrent() int { return cap(l.slots) }

// Acquire waits for a turn to check a password. On success the caller
// runs its check and then calls release, once. It returns ErrBusy when the
// queue is full or the wait runs out, and ctx's error when ctx ends first.
func (l *HashLimiter) Acquire(ctx context.Context) (release func(), err error) {
	select {
	case l.slots <- struct{}{}:
		return l.release, nil
	default:
	}
	if l.waiting.Add(1) > l.queue {
		l.waiting.Add(-1)
		return nil, ErrBusy
	}
	defer l.waiting.Add(-1)
	timer := time.NewTimer(l.wait)
	defer timer.Stop()
	select {
	case l.slots <- struct{}{}:
		return l.release, nil
	case <-timer.C:
		return nil, ErrBusy
	case <-ctx.Done():
		return nil, fmt.Errorf("auth: waiting to check a password: %w", ctx.Err())
	}
}

func (l *HashLimiter) release() { <-l.slots }
