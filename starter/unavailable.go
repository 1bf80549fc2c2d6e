package main

import (
	"errors"
	"fmt"

	"electionflow/store"
)

// exitUnavailable is starter's exit code when the database could not be
// reached: the command changed nothing it had not committed and may be
// run again once PostgreSQL is back, so a script can tell it from a
// failure (1) and from bad usage (2).
const exitUnavailable = 3

// explainUnavailable puts "database unavailable" in front of an error
// that store.Unavailable recognises (connection refused or lost, server
// shutting down or starting up); other errors pass unchanged.
func explainUnavailable(err error) error {
	if err == nil || errors.Is(err, store.ErrUnavailable) || !store.Unavailable(err) {
		return err
	}
	return fmt.Errorf("%w\n  (%w)", store.ErrUnavailable, err)
}
