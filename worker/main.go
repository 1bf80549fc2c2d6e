// Command worker is the electionflow worker process: it applies the
// database schema, connects to Temporal and runs the checklist workflows
// and their activities until interrupted. It links no Temporal server, so
// it runs the same against devstack, a self-hosted cluster or Temporal Cloud.
//
// Configuration is from the environment only: DATABASE_URL for Postgres;
// TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, TEMPORAL_API_KEY, TEMPORAL_TLS_* and
// temporal.toml profiles for Temporal; ELECTIONFLOW_TASK_QUEUE and
// ELECTIONFLOW_LOG_LEVEL; SMTP_URL, MAIL_FROM and WEB_URL to mail notices.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"electionflow/checklist"
	"electionflow/internal/config"
	"electionflow/internal/logging"
	"electionflow/internal/wiring"
	"electionflow/store"
)

func main() {
	if len(os.Args) > 1 {
		fmt.Fprint(os.Stderr, usage)
		if os.Args[1] == "-h" || os.Args[1] == "--help" || os.Args[1] == "help" {
			os.Exit(0)
		}
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.LookupEnv, os.Stderr); err != nil {
		fmt.Fprintf(os.Stderr, "worker: %v\n", err)
		os.Exit(1)
	}
}

const usage = `Usage: worker

Runs the electionflow Temporal worker until interrupted (Ctrl-C or SIGTERM),
then stops gracefully. It takes no arguments; it reads the environment:

  DATABASE_URL             Postgres connection string (required)
  TEMPORAL_ADDRESS         Temporal frontend host:port (default localhost:7233)
  TEMPORAL_NAMESPACE       namespace (default "default"); also TEMPORAL_API_KEY,
                           TEMPORAL_TLS_*, TEMPORAL_PROFILE and temporal.toml
  ELECTIONFLOW_TASK_QUEUE  task queue to poll (default electionflow)
  ELECTIONFLOW_LOG_LEVEL   trace, debug, info, warn or error (default info)

Notices by email (optional; without SMTP_URL they show in the web app only):

  SMTP_URL   smtp://[user[:password]@]host[:port][?tls=starttls|tls|none]
             (default tls=starttls, port 587; 465 for tls, 25 for none)
  MAIL_FROM  sender, e.g. "Ủy ban bầu cử <bau-cu@example.vn>"
  WEB_URL    the web app's address, for the links to tasks in the mail

With SMTP_URL set the worker starts the mail outbox workflow
(electionflow/mail-outbox) unless it runs already, and sends each notice's
mail once to every user who receives the notice and gave an address.
`

// run is the worker process: settings from lookup, logs to logw.
func run(ctx context.Context, lookup config.Lookup, logw io.Writer) error {
	cfg, err := config.FromEnv(lookup)
	if err != nil {
		return err
	}
	log := logging.New(logw, cfg.LogLevel)
	url, err := cfg.RequireDatabaseURL()
	if err != nil {
		return err
	}
	mail, err := wiring.MailFromEnv(lookup)
	if err != nil {
		return err
	}
	s, err := store.OpenMigrated(ctx, url)
	if err != nil {
		return err
	}
	defer s.Close()

	c, err := wiring.Dial(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer c.Close()

	w := wiring.NewWorker(c, cfg.TaskQueue, s, cfg.WorkflowPollers, mail)
	if mail != nil {
		if _, err := wiring.StartMailOutbox(ctx, c, cfg.TaskQueue, checklist.MailOutboxInput{}); err != nil {
			return err
		}
		log.Info().Str("smtp", mail.Via).Str("web", mail.WebURL).Msg("notices are mailed")
	} else {
		log.Info().Msg("notices show in the web app only: SMTP_URL is not set")
	}
	log.Info().Str("task_queue", cfg.TaskQueue).Msg("worker started; Ctrl-C to stop")
	// Run blocks until ctx is done, then stops the worker gracefully.
	if err := w.Run(stopChannel(ctx)); err != nil && !errors.Is(err, context.Canceled) {
		return fmt.Errorf("run worker: %w", err)
	}
	log.Info().Msg("worker stopped")
	return nil
}

// stopChannel adapts ctx to the interrupt channel worker.Run expects.
func stopChannel(ctx context.Context) <-chan interface{} {
	ch := make(chan interface{})
	go func() {
		<-ctx.Done()
		close(ch)
	}()
	return ch
}
