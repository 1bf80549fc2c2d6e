// Package workflows holds electionflow's deterministic workflow code: one
// checklist per council and one child workflow per checklist area. It
// carries identifiers and decisions only; personal data stays in Postgres
// and is read by activities.
package workflows
