package logging

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/rs/zerolog"
	sdklog "go.temporal.io/sdk/log"
)

func TestSDKLogger(t *testing.T) {
	var buf bytes.Buffer
	l := SDKLogger(New(&buf, zerolog.InfoLevel))
	l.Debug("hidden", "k", 1)
	l.Info("started worker", "TaskQueue", "electionflow", "odd")
	l.(sdklog.WithLogger).With("Namespace", "default").Warn("retrying")

	lines := bytes.Split(bytes.TrimSpace(buf.Bytes()), []byte("\n"))
	if len(lines) != 2 {
		t.Fatalf("got %d lines, want 2 (debug filtered): %s", len(lines), buf.String())
	}
	var first, second map[string]interface{}
	if err := json.Unmarshal(lines[0], &first); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(lines[1], &second); err != nil {
		t.Fatal(err)
	}
	if first["message"] != "started worker" || first["TaskQueue"] != "electionflow" || first["extra"] != "odd" || first["level"] != "info" {
		t.Errorf("first line %v", first)
	}
	if second["Namespace"] != "default" || second["level"] != "warn" || second["component"] != "temporal-sdk" {
		t.Errorf("second line %v", second)
	}
}
