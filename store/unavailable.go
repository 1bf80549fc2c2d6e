package store

import (
	"errors"
	"io"
	"net"
	"strings"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrUnavailable is what callers wrap an error with when Unavailable says
// the database could not be reached, so people read "database
// unavailable" rather than a driver's message.
var ErrUnavailable = errors.New("database unavailable: PostgreSQL cannot be reached (down, restarting or unreachable); try again when it is back")

// Unavailable says whether err means the database could not be reached
// or went away mid-request (connection refused or reset, the server
// shutting down, starting up or in recovery), as opposed to a problem
// with the request itself. It is the one home of that rule: the command
// line and the chaos rehearsal both classify errors with it. Nothing of
// such a request was committed unless its commit had answered.
func Unavailable(err error) bool {
	if err == nil {
		return false
	}
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) {
		return unavailableCode(pgErr.Code)
	}
	// Not the net.Error interface: every syscall.Errno (ENOENT of a
	// missing file too) satisfies it.
	var connectErr *pgconn.ConnectError
	var opErr *net.OpError
	switch {
	case errors.As(err, &connectErr), errors.As(err, &opErr):
		return true
	case errors.Is(err, pgconn.ErrConnClosed), errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	return pgconn.SafeToRetry(err)
}

// unavailableCode says whether a SQLSTATE is the server going away or not
// yet serving: class 08 (connection exception), admin_shutdown,
// crash_shutdown, cannot_connect_now (starting up, in recovery).
func unavailableCode(code string) bool {
	return strings.HasPrefix(code, "08") || code == "57P01" || code == "57P02" || code == "57P03"
}
