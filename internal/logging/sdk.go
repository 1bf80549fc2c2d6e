package logging

import (
	"fmt"

	"github.com/rs/zerolog"
	sdklog "go.temporal.io/sdk/log"
)

// SDKLogger adapts a zerolog logger to go.temporal.io/sdk/log.Logger, for
// client.Options.Logger.
func SDKLogger(l zerolog.Logger) sdklog.Logger {
	return sdkLogger{l: l.With().Str("component", "temporal-sdk").Logger()}
}

// sdkLogger implements sdklog.Logger and sdklog.WithLogger.
type sdkLogger struct{ l zerolog.Logger }

func (s sdkLogger) Debug(msg string, keyvals ...interface{}) { s.log(s.l.Debug(), msg, keyvals) }
func (s sdkLogger) Info(msg string, keyvals ...interface{})  { s.log(s.l.Info(), msg, keyvals) }
func (s sdkLogger) Warn(msg string, keyvals ...interface{})  { s.log(s.l.Warn(), msg, keyvals) }
func (s sdkLogger) Error(msg string, keyvals ...interface{}) { s.log(s.l.Error(), msg, keyvals) }

// With returns a logger that adds keyvals to every message.
func (s sdkLogger) With(keyvals ...interface{}) sdklog.Logger {
	return sdkLogger{l: s.l.With().Fields(fields(keyvals)).Logger()}
}

func (s sdkLogger) log(e *zerolog.Event, msg string, keyvals []interface{}) {
	e.Fields(fields(keyvals)).Msg(msg)
}

// fields turns the SDK's alternating key/value list into zerolog fields; an
// odd trailing value is kept under "extra" rather than dropped.
func fields(keyvals []interface{}) map[string]interface{} {
	m := make(map[string]interface{}, len(keyvals)/2+1)
	for i := 0; i+1 < len(keyvals); i += 2 {
		m[fmt.Sprint(keyvals[i])] = keyvals[i+1]
	}
	if len(keyvals)%2 == 1 {
		m["extra"] = keyvals[len(keyvals)-1]
	}
	return m
}
