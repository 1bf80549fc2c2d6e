// Command starter is the administrators' command line for electionflow:
// it applies the database schema, imports an election's roster from CSV
// files and generates demo elections. It reads Postgres from DATABASE_URL
// and the Temporal connection from the TEMPORAL_* variables (envconfig).
//
// Run `starter help` for the commands.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], env{stdout: os.Stdout, stderr: os.Stderr, lookup: os.LookupEnv}))
}
