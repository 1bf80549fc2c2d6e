package auth

import (
	"net/netip"
	"testing"
)

func TestClientKey(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"192.0.2.7", "192.0.2.7"},
		{"::ffff:192.0.2.7", "192.0.2.7"},
		{"2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"},
		{"2001:db8:1:2:ffff::1", "2001:db8:1:2::/64"},
		{"fe80::1%eth0", "fe80::/64"},
		{"::1", "::/64"},
	}
	for _, tt := range tests {
		if got := ClientKey(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("ClientKey(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
	if got := ClientKey(netip.Addr{}); got != "unknown" {
		t.Errorf("ClientKey(invalid) = %q", got)
	}
}
