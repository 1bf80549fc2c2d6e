package config

import (
	"strings"
	"testing"

	"github.com/rs/zerolog"
)

func mapLookup(m map[string]string) Lookup {
	return func(k string) (string, bool) { v, ok := m[k]; return v, ok }
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name    string
		env     map[string]string
		want    Config
		wantErr string
	}{
		{"defaults", map[string]string{}, Config{TaskQueue: DefaultTaskQueue, LogLevel: zerolog.InfoLevel}, ""},
		{"all set", map[string]string{
			EnvDatabaseURL: " postgres://u@h/db ", EnvTaskQueue: "q2", EnvLogLevel: "DEBUG", EnvWorkflowPollers: " 8 ",
		}, Config{DatabaseURL: "postgres://u@h/db", TaskQueue: "q2", LogLevel: zerolog.DebugLevel, WorkflowPollers: 8}, ""},
		{"bad level", map[string]string{EnvLogLevel: "loud"}, Config{}, "ELECTIONFLOW_LOG_LEVEL"},
		{"pollers not a number", map[string]string{EnvWorkflowPollers: "many"}, Config{}, "ELECTIONFLOW_WORKFLOW_POLLERS"},
		{"no pollers", map[string]string{EnvWorkflowPollers: "0"}, Config{}, "from 1 to 64"},
		{"too many pollers", map[string]string{EnvWorkflowPollers: "65"}, Config{}, "from 1 to 64"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FromEnv(mapLookup(tt.env))
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.DatabaseURL != tt.want.DatabaseURL || got.TaskQueue != tt.want.TaskQueue || got.LogLevel != tt.want.LogLevel {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestRequireDatabaseURL(t *testing.T) {
	c, _ := FromEnv(mapLookup(nil))
	if _, err := c.RequireDatabaseURL(); err == nil || !strings.Contains(err.Error(), EnvDatabaseURL) {
		t.Errorf("err = %v", err)
	}
}

func TestTemporalClientOptions(t *testing.T) {
	c, err := FromEnv(mapLookup(map[string]string{
		"TEMPORAL_ADDRESS": "temporal:7233", "TEMPORAL_NAMESPACE": "elections",
		"TEMPORAL_CONFIG_FILE": t.TempDir() + "/none.toml",
	}))
	if err != nil {
		t.Fatal(err)
	}
	opts, err := c.TemporalClientOptions()
	if err != nil {
		t.Fatal(err)
	}
	if opts.HostPort != "temporal:7233" || opts.Namespace != "elections" {
		t.Errorf("HostPort=%q Namespace=%q", opts.HostPort, opts.Namespace)
	}
}
