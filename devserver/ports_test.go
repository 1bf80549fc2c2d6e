package devserver

import (
	"net"
	"strconv"
	"testing"
)

// Free ports come from below the ephemeral range, where client sockets do
// not take them, and are free when returned; a port in use is refused.
func TestFreePortAvoidsEphemeralRange(t *testing.T) {
	seen := map[int]bool{}
	for range 20 {
		p, err := freePort("127.0.0.1")
		if err != nil {
			t.Fatal(err)
		}
		if p < firstDrawnPort || p > lastDrawnPort {
			t.Errorf("port %d outside %d..%d", p, firstDrawnPort, lastDrawnPort)
		}
		seen[p] = true
		l, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(p)))
		if err != nil {
			t.Fatalf("port %d was returned free but cannot be bound: %v", p, err)
		}
		if _, err := resolvePort("127.0.0.1", p, "test"); err == nil {
			t.Errorf("port %d in use was accepted", p)
		}
		l.Close()
	}
	if len(seen) < 15 {
		t.Errorf("20 draws gave only %d distinct ports", len(seen))
	}
}
