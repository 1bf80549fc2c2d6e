// Command starter is electionflow's command line. Administrators apply the
// database schema, import an election's roster from CSV files (or generate
// a demo election) and start the councils' checklists; staff list, inspect
// and complete their tasks (or simulate staff for a demo); managers follow a
// council's live progress, print the summary report and fetch certificate
// PDFs. It reads Postgres from DATABASE_URL and the Temporal connection from
// the TEMPORAL_* variables (envconfig).
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
