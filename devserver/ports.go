package devserver

import (
	"fmt"
	"math/rand/v2"
	"net"
	"strconv"
)

// Free ports are drawn from below Linux's default range of ephemeral ports
// (32768–60999), which the kernel also hands to every outgoing connection:
// a port picked there by listening on port 0 is often taken again, before
// the server binds it, by one of the many client sockets of tests running
// in parallel, and Temporal's services then fail to listen.
const (
	firstDrawnPort = 20000
	lastDrawnPort  = 32767
	portDraws      = 50
)

// freePort returns a TCP port on host that is free now: one drawn at
// random below the ephemeral range and checked by listening on it, or,
// after portDraws taken ones, one the kernel picks. Another process can
// still take it before the server binds it; drawing outside the ephemeral
// range makes that rare.
func freePort(host string) (int, error) {
	for range portDraws {
		port := firstDrawnPort + rand.IntN(lastDrawnPort-firstDrawnPort+1)
		if checkPortFree(host, port) == nil {
			return port, nil
		}
	}
	l, err := net.Listen("tcp", net.JoinHostPort(host, "0"))
	if err != nil {
		return 0, fmt.Errorf("find free port on %s: %w", host, err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	if err := l.Close(); err != nil {
		return 0, fmt.Errorf("release probe port %d on %s: %w", port, host, err)
	}
	return port, nil
}

// checkPortFree returns a descriptive error if port on host is already taken.
func checkPortFree(host string, port int) error {
	l, err := net.Listen("tcp", net.JoinHostPort(host, strconv.Itoa(port)))
	if err != nil {
		return fmt.Errorf("port %d on %s is not available: %w", port, host, err)
	}
	if err := l.Close(); err != nil {
		return fmt.Errorf("release probe port %d on %s: %w", port, host, err)
	}
	return nil
}

// resolvePort returns port if it is set (after checking that it is free) or
// a free port if it is 0. what names the port in errors.
func resolvePort(host string, port int, what string) (int, error) {
	if port < 0 || port > 65535 {
		return 0, fmt.Errorf("%s port %d out of range", what, port)
	}
	if port == 0 {
		p, err := freePort(host)
		if err != nil {
			return 0, fmt.Errorf("%s port: %w", what, err)
		}
		return p, nil
	}
	if err := checkPortFree(host, port); err != nil {
		return 0, fmt.Errorf("%s port: %w", what, err)
	}
	return port, nil
}
