package devserver

import (
	"fmt"
	"net"
	"strconv"
)

// freePort asks the kernel for a free TCP port on host by listening on port 0
// and closing the listener again. Another process can in theory take the port
// before the server binds it; for a laptop or a test run that race is
// acceptable (the Temporal CLI dev server does the same).
func freePort(host string) (int, error) {
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
