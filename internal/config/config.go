// Package config reads the settings every electionflow binary shares from
// the environment: Postgres from DATABASE_URL, the Temporal connection
// through go.temporal.io/sdk/contrib/envconfig (TEMPORAL_ADDRESS,
// TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TLS variables and temporal.toml
// profiles), and electionflow's own ELECTIONFLOW_* variables. The same
// binaries thus talk to the embedded stack, a self-hosted cluster or
// Temporal Cloud without code changes.
package config

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/rs/zerolog"
	"go.temporal.io/sdk/client"
	"go.temporal.io/sdk/contrib/envconfig"
)

// Names of the environment variables electionflow reads itself. The
// Temporal connection variables are read by envconfig; see TemporalEnv.
const (
	EnvDatabaseURL = "DATABASE_URL"
	EnvTaskQueue   = "ELECTIONFLOW_TASK_QUEUE"
	EnvLogLevel    = "ELECTIONFLOW_LOG_LEVEL"
	EnvDataDir     = "ELECTIONFLOW_DATA_DIR"
	// EnvWorkflowPollers is how many workflow task pollers a worker runs;
	// unset means the measured default (see wiring.DefaultWorkflowPollers).
	EnvWorkflowPollers = "ELECTIONFLOW_WORKFLOW_POLLERS"
)

// DefaultTaskQueue is the task queue workers poll and starters use when
// ELECTIONFLOW_TASK_QUEUE is unset.
const DefaultTaskQueue = "electionflow"

// TemporalEnv lists the Temporal connection variables that envconfig reads
// (besides TEMPORAL_GRPC_META_* headers), for help text and the compose
// file test.
func TemporalEnv() []string {
	return []string{
		"TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE", "TEMPORAL_API_KEY",
		"TEMPORAL_TLS", "TEMPORAL_TLS_CLIENT_CERT_PATH", "TEMPORAL_TLS_CLIENT_CERT_DATA",
		"TEMPORAL_TLS_CLIENT_KEY_PATH", "TEMPORAL_TLS_CLIENT_KEY_DATA",
		"TEMPORAL_TLS_SERVER_CA_CERT_PATH", "TEMPORAL_TLS_SERVER_CA_CERT_DATA",
		"TEMPORAL_TLS_SERVER_NAME", "TEMPORAL_TLS_DISABLE_HOST_VERIFICATION",
		"TEMPORAL_CLIENT_AUTHORITY", "TEMPORAL_CODEC_ENDPOINT", "TEMPORAL_CODEC_AUTH",
		"TEMPORAL_CONFIG_FILE", "TEMPORAL_PROFILE",
	}
}

// EnvNames lists every environment variable the binaries read.
func EnvNames() []string {
	return append([]string{EnvDatabaseURL, EnvTaskQueue, EnvLogLevel, EnvDataDir, EnvWorkflowPollers}, TemporalEnv()...)
}

// Lookup reads one environment variable; os.LookupEnv in production, a map
// in tests.
type Lookup func(name string) (string, bool)

// Config is what the binaries share, read once at start.
type Config struct {
	// DatabaseURL is the Postgres connection string; empty means "none
	// given" (devstack and tests then start a private cluster).
	DatabaseURL string
	TaskQueue   string
	LogLevel    zerolog.Level
	// WorkflowPollers is the worker's workflow task pollers; 0 means the
	// default.
	WorkflowPollers int
	// Lookup is where the values came from; the Temporal client options
	// are read through it too.
	Lookup Lookup
}

// FromEnv reads the configuration; lookup nil means os.LookupEnv.
func FromEnv(lookup Lookup) (Config, error) {
	if lookup == nil {
		lookup = os.LookupEnv
	}
	c := Config{TaskQueue: DefaultTaskQueue, LogLevel: zerolog.InfoLevel, Lookup: lookup}
	if v, ok := lookup(EnvDatabaseURL); ok {
		c.DatabaseURL = strings.TrimSpace(v)
	}
	if v, ok := lookup(EnvTaskQueue); ok && strings.TrimSpace(v) != "" {
		c.TaskQueue = strings.TrimSpace(v)
	}
	if v, ok := lookup(EnvLogLevel); ok && strings.TrimSpace(v) != "" {
		lvl, err := zerolog.ParseLevel(strings.ToLower(strings.TrimSpace(v)))
		if err != nil || lvl == zerolog.NoLevel {
			return Config{}, fmt.Errorf("config: %s=%q: want trace, debug, info, warn or error", EnvLogLevel, v)
		}
		c.LogLevel = lvl
	}
	if v, ok := lookup(EnvWorkflowPollers); ok && strings.TrimSpace(v) != "" {
		n, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || n < 1 || n > 64 {
			return Config{}, fmt.Errorf("config: %s=%q: want a number of pollers from 1 to 64", EnvWorkflowPollers, v)
		}
		c.WorkflowPollers = n
	}
	return c, nil
}

// RequireDatabaseURL returns the database URL or an error saying how to set it.
func (c Config) RequireDatabaseURL() (string, error) {
	if c.DatabaseURL == "" {
		return "", fmt.Errorf("config: %s is not set (e.g. postgres://user:pass@host:5432/electionflow; devstack prints one)", EnvDatabaseURL)
	}
	return c.DatabaseURL, nil
}

// TemporalClientOptions returns the Temporal client options from temporal.toml
// and the TEMPORAL_* variables; with nothing set it connects to
// localhost:7233, namespace "default".
func (c Config) TemporalClientOptions() (client.Options, error) {
	env := envLookup(c.Lookup)
	opts, err := envconfig.LoadClientOptions(envconfig.LoadClientOptionsRequest{EnvLookup: env})
	if err != nil {
		return client.Options{}, fmt.Errorf("config: temporal client options: %w", err)
	}
	return opts, nil
}

// envLookup adapts Lookup to envconfig.EnvLookup.
type envLookup Lookup

// LookupEnv implements envconfig.EnvLookup.
func (l envLookup) LookupEnv(key string) (string, bool) { return l(key) }

// Environ implements envconfig.EnvLookup; only TEMPORAL_GRPC_META_* headers
// are read from it, which tests never set.
func (l envLookup) Environ() []string { return os.Environ() }
