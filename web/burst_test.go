package web

import (
	"fmt"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"electionflow/auth"
)

// memoryPeak samples the heap and the resident set of this process until
// stopped, keeping the highest of each.
type memoryPeak struct {
	heap, rss atomic.Uint64
	stop      chan struct{}
	done      sync.WaitGroup
}

// heapBytes is the memory the heap's objects occupy, live or not yet swept.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// rssBytes is the resident set size of this process (Linux), or 0.
func rssBytes() uint64 {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 2 {
		return 0
	}
	pages, _ := strconv.ParseUint(f[1], 10, 64)
	return pages * uint64(os.Getpagesize())
}

func startMemoryPeak() *memoryPeak {
	m := &memoryPeak{stop: make(chan struct{})}
	m.done.Go(func() {
		for {
			m.heap.Store(max(m.heap.Load(), heapBytes()))
			m.rss.Store(max(m.rss.Load(), rssBytes()))
			select {
			case <-m.stop:
				return
			case <-time.After(time.Millisecond):
			}
		}
	})
	return m
}

func (m *memoryPeak) end() (heap, rss uint64) {
	close(m.stop)
	m.done.Wait()
	return m.heap.Load(), m.rss.Load()
}

// burstFigures are one burst's memory, in MiB.
type burstFigures struct {
	baseRSS, peakRSS, baseHeap, peakHeap float64
	statuses                             map[int]int
	took                                 time.Duration
}

// burst sends n unauthenticated sign-ins at once, each for another user
// name nobody holds, to a server allowing concurrent password checks, and
// measures memory meanwhile.
func burst(t *testing.T, concurrent, n int) burstFigures {
	s, db := testDB(t)
	srv := newServer(t, s, db, &fakeOps{})
	srv.ConcurrentHashes = concurrent
	ts := startServer(t, srv)
	clients := make([]*http.Client, n)
	for i := range clients {
		clients[i] = browser(t)
	}
	runtime.GC()
	debug.FreeOSMemory()
	const mib = 1 << 20
	f := burstFigures{baseRSS: float64(rssBytes()) / mib, baseHeap: float64(heapBytes()) / mib, statuses: map[int]int{}}
	peak := startMemoryPeak()
	start := time.Now()
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			r := do(t, clients[i], "POST", ts.URL+"/signin",
				url.Values{"username": {fmt.Sprintf("burst-%d", i)}, "password": {"a wrong password"}}, nil)
			mu.Lock()
			f.statuses[r.status]++
			mu.Unlock()
		})
	}
	wg.Wait()
	f.took = time.Since(start)
	heap, rss := peak.end()
	f.peakHeap, f.peakRSS = float64(heap)/mib, float64(rss)/mib
	return f
}

// A burst of 40 concurrent sign-ins keeps memory flat: with the hash
// limit, at most auth.DefaultConcurrentHashes checks of auth.HashMemory
// run at once; without it (40 at once, as before) all 40 do. The figures
// are printed (go test -v -run TestSignInBurstMemory ./web); the test fails
// if the bounded burst's heap grows by more than a third of what the
// unbounded one's grows.
func TestSignInBurstMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates about 2 GiB")
	}
	const n = 40
	// Bounded first, so the unbounded burst's pages do not count in its
	// resident set.
	after := burst(t, 0, n)
	before := burst(t, n, n)
	for _, f := range []struct {
		name string
		burstFigures
	}{{fmt.Sprintf("%d at once (before)", n), before}, {fmt.Sprintf("%d at once (after)", auth.DefaultConcurrentHashes()), after}} {
		t.Logf("%d sign-ins, %-20s heap %6.0f -> peak %6.0f MiB; RSS %6.0f -> peak %6.0f MiB; %v; answers %v",
			n, f.name, f.baseHeap, f.peakHeap, f.baseRSS, f.peakRSS, f.took.Round(10*time.Millisecond), f.statuses)
	}
	growBefore, growAfter := before.peakHeap-before.baseHeap, after.peakHeap-after.baseHeap
	t.Logf("heap growth: before %.0f MiB, after %.0f MiB, ratio %.1f; peak RSS ratio %.1f",
		growBefore, growAfter, growBefore/growAfter, before.peakRSS/after.peakRSS)
	// Every sign-in is checked and refused, or finds no turn in time and
	// is asked to come back (503): nothing else.
	for _, f := range []burstFigures{before, after} {
		if f.statuses[http.StatusUnauthorized]+f.statuses[http.StatusServiceUnavailable] != n || f.statuses[http.StatusUnauthorized] == 0 {
			t.Errorf("answers to the burst: %v", f.statuses)
		}
	}
	if growAfter*3 > growBefore {
		t.Errorf("the bounded burst grew the heap by %.0f MiB, the unbounded one by %.0f MiB", growAfter, growBefore)
	}
}
