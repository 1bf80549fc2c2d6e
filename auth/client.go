package auth

import "net/netip"

// ClientKey is the part of a client's address that sign-in throttling
// counts failures by (địa chỉ máy khách): the whole address for IPv4, the
// /64 network for IPv6, since one IPv6 host usually holds a whole /64 and
// could otherwise take a fresh address for every guess. An IPv4 address
// mapped into IPv6 counts as IPv4; an invalid address is "unknown", one
// key shared by every such client.
func ClientKey(addr netip.Addr) string {
	addr = addr.Unmap()
	switch {
	case !addr.IsValid():
		return "unknown"
	case addr.Is4():
		return addr.String()
	}
	p, err := addr.WithZone("").Prefix(64)
	if err != nil {
		return "unknown"
	}
	return p.String()
}
