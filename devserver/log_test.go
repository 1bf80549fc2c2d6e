package devserver

import (
	"bytes"
	"strings"
	"testing"

	"github.com/rs/zerolog"
	"go.temporal.io/server/common/log/tag"
)

func TestServerLogLevels(t *testing.T) {
	tests := []struct {
		name  string
		min   zerolog.Level
		log   func(a zerologAdapter)
		shown bool
	}{
		{"a warning", zerolog.WarnLevel, func(a zerologAdapter) { a.Warn("shard is slow", tag.NewStringTag("shard", "1")) }, true},
		{"info below warn", zerolog.WarnLevel, func(a zerologAdapter) { a.Info("started") }, false},
		{"a routine warning", zerolog.WarnLevel, func(a zerologAdapter) { a.Warn(routineWarnings()[0]) }, false},
		{"a routine warning when debugging", zerolog.DebugLevel, func(a zerologAdapter) { a.Warn(routineWarnings()[0]) }, true},
		{"an error", zerolog.WarnLevel, func(a zerologAdapter) { a.Error("persistence failed") }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			tt.log(newZerologAdapter(zerolog.New(&out), tt.min))
			if shown := out.Len() > 0; shown != tt.shown {
				t.Errorf("shown = %v, want %v: %q", shown, tt.shown, out.String())
			}
			if tt.shown && !strings.Contains(out.String(), `"component":"temporal-server"`) {
				t.Errorf("line lacks the component: %s", out.String())
			}
		})
	}
}
