package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rs/zerolog"

	"electionflow/devserver"
	"electionflow/internal/config"
	"electionflow/internal/pgtest"
	"electionflow/store"
)

func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }

type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func lookupOf(m map[string]string) config.Lookup {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

// The worker migrates the database, polls its task queue on the server of
// TEMPORAL_ADDRESS, and stops gracefully when its context ends.
func TestWorkerRunsAndStops(t *testing.T) {
	srv, err := devserver.Start(context.Background(), devserver.Options{DataDir: t.TempDir(), UIPort: -1, Logger: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	db := pgtest.NewDatabase(t)
	env := lookupOf(map[string]string{
		config.EnvDatabaseURL: db, "TEMPORAL_ADDRESS": srv.FrontendAddress(), "TEMPORAL_NAMESPACE": srv.Namespace(),
		config.EnvTaskQueue: "worker-test", "TEMPORAL_CONFIG_FILE": filepath.Join(t.TempDir(), "none.toml"),
	})
	var logs syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, env, &logs) }()

	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(logs.String(), "worker started") {
		if time.Now().After(deadline) {
			t.Fatalf("worker did not start:\n%s", logs.String())
		}
		select {
		case err := <-done:
			t.Fatalf("worker exited early: %v\n%s", err, logs.String())
		case <-time.After(50 * time.Millisecond):
		}
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("worker run: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("worker did not stop within 20 s of its context ending")
	}
	for _, want := range []string{`"task_queue":"worker-test"`, "worker stopped", `"component":"temporal-sdk"`} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("logs lack %s:\n%s", want, logs.String())
		}
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(context.Background()); err != nil || v == 0 {
		t.Errorf("worker did not migrate: version %d, %v", v, err)
	}
}

func TestWorkerBadConfig(t *testing.T) {
	db := pgtest.NewDatabase(t)
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"no database", map[string]string{}, "DATABASE_URL is not set"},
		{"bad log level", map[string]string{config.EnvLogLevel: "loud"}, "ELECTIONFLOW_LOG_LEVEL"},
		{"no temporal", map[string]string{config.EnvDatabaseURL: db, "TEMPORAL_ADDRESS": "127.0.0.1:1"}, "connect to Temporal at 127.0.0.1:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.env["TEMPORAL_CONFIG_FILE"] = filepath.Join(t.TempDir(), "none.toml")
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			err := run(ctx, lookupOf(tt.env), &syncBuffer{})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}
