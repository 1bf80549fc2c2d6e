package devserver

import (
	"slices"
	"sync/atomic"

	"github.com/rs/zerolog"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/log/tag"
)

// defaultServerLogLevel is used when the caller's zerolog.Logger has no level
// of its own (zerolog.New leaves it at TraceLevel): the Temporal server is
// chatty at info level, and a developer's terminal should stay readable.
const defaultServerLogLevel = zerolog.WarnLevel

// serverLogLevel returns the minimum level of server log lines written to l.
// A level the caller set explicitly (l.Level(zerolog.InfoLevel)) is honoured;
// an unset level (TraceLevel) becomes defaultServerLogLevel.
func serverLogLevel(l zerolog.Logger) zerolog.Level {
	if lvl := l.GetLevel(); lvl != zerolog.TraceLevel {
		return lvl
	}
	return defaultServerLogLevel
}

// zerologAdapter adapts a zerolog.Logger to the Temporal server's log.Logger.
// The minimum level is shared by every logger derived with With, so that
// Server.Stop can silence the warnings the server routinely emits while it
// shuts down.
type zerologAdapter struct {
	zl  zerolog.Logger
	min *atomic.Int32 // a zerolog.Level
}

var (
	_ log.Logger     = zerologAdapter{}
	_ log.WithLogger = zerologAdapter{}
)

// newZerologAdapter returns a server logger writing to zl at or above min.
func newZerologAdapter(zl zerolog.Logger, min zerolog.Level) zerologAdapter {
	lvl := &atomic.Int32{}
	lvl.Store(int32(min))
	return zerologAdapter{zl: zl.With().Str("component", "temporal-server").Logger(), min: lvl}
}

// setMinLevel changes the minimum level of this logger and of all loggers
// derived from it.
func (a zerologAdapter) setMinLevel(l zerolog.Level) { a.min.Store(int32(l)) }

// Debug implements log.Logger.
func (a zerologAdapter) Debug(msg string, tags ...tag.Tag) { a.log(zerolog.DebugLevel, msg, tags) }

// Info implements log.Logger.
func (a zerologAdapter) Info(msg string, tags ...tag.Tag) { a.log(zerolog.InfoLevel, msg, tags) }

// Warn implements log.Logger.
func (a zerologAdapter) Warn(msg string, tags ...tag.Tag) { a.log(zerolog.WarnLevel, msg, tags) }

// Error implements log.Logger.
func (a zerologAdapter) Error(msg string, tags ...tag.Tag) { a.log(zerolog.ErrorLevel, msg, tags) }

// DPanic implements log.Logger. An embedded server must not take the host
// process down, so it is logged as an error.
func (a zerologAdapter) DPanic(msg string, tags ...tag.Tag) { a.log(zerolog.ErrorLevel, msg, tags) }

// Panic implements log.Logger; logged as an error, see DPanic.
func (a zerologAdapter) Panic(msg string, tags ...tag.Tag) { a.log(zerolog.ErrorLevel, msg, tags) }

// Fatal implements log.Logger; logged as an error, see DPanic.
func (a zerologAdapter) Fatal(msg string, tags ...tag.Tag) { a.log(zerolog.ErrorLevel, msg, tags) }

// With implements log.WithLogger: the tags become fields of every line.
func (a zerologAdapter) With(tags ...tag.Tag) log.Logger {
	ctx := a.zl.With()
	for _, t := range tags {
		ctx = ctx.Interface(t.Key(), t.Value())
	}
	return zerologAdapter{zl: ctx.Logger(), min: a.min}
}

// routineWarnings are messages the embedded server logs as warnings in
// normal operation, which tell a developer nothing; they are logged at
// debug level instead. The trailer one comes from server v1.32's gRPC
// interceptor, whose context wrapping is not wired up in that release.
func routineWarnings() []string {
	return []string{"TrailerToContextMetadataInterceptor: Trailer had metadata but context not wrapped"}
}

func (a zerologAdapter) log(lvl zerolog.Level, msg string, tags []tag.Tag) {
	if lvl == zerolog.WarnLevel && slices.Contains(routineWarnings(), msg) {
		lvl = zerolog.DebugLevel
	}
	if lvl < zerolog.Level(a.min.Load()) {
		return
	}
	e := a.zl.WithLevel(lvl)
	if e == nil { // disabled by the logger's own or the global level
		return
	}
	for _, t := range tags {
		e = e.Interface(t.Key(), t.Value())
	}
	e.Msg(msg)
}
