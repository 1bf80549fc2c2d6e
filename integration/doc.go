// Package integration holds the end-to-end tests of electionflow: a real
// Temporal server in process (go.temporal.io/server/temporaltest), real
// Postgres, the real worker registrations and the same client path starter
// uses (package ops). It has no code of its own.
package integration
