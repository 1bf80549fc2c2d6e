// Package logging builds the zerolog logger every electionflow binary uses
// and adapts it to the Temporal SDK's logger interface, so the SDK's own
// messages (worker start, activity retries) land in the same stream with
// the same level filter.
package logging

import (
	"io"
	"os"
	"time"

	"github.com/mattn/go-isatty"
	"github.com/rs/zerolog"
)

// New returns a logger at level writing to w: human-readable with colours
// on a terminal, JSON lines otherwise (for log collectors).
func New(w io.Writer, level zerolog.Level) zerolog.Logger {
	out := w
	if f, ok := w.(*os.File); ok && isatty.IsTerminal(f.Fd()) {
		out = zerolog.ConsoleWriter{Out: w, TimeFormat: time.TimeOnly}
	}
	return zerolog.New(out).Level(level).With().Timestamp().Logger()
}
