package wiring

import (
	"context"
	"fmt"
	"net/url"

	enumspb "go.temporal.io/api/enums/v1"
	"go.temporal.io/sdk/client"

	"electionflow/activities"
	"electionflow/checklist"
	"electionflow/internal/config"
	"electionflow/smtpmail"
)

// MailFromEnv reads how the worker mails notices: SMTP_URL and MAIL_FROM
// (smtpmail.FromEnv), and WEB_URL, the web app's address for the links in
// the mail, required with them. It returns nil, and no error, when
// SMTP_URL is unset: notices then show in the web app only.
func MailFromEnv(lookup config.Lookup) (*activities.NoticeMail, error) {
	getenv := func(name string) string { v, _ := lookup(name); return v }
	cfg, ok, err := smtpmail.FromEnv(getenv)
	if err != nil || !ok {
		return nil, err
	}
	web := getenv("WEB_URL")
	u, err := url.Parse(web)
	if web == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
		return nil, fmt.Errorf("WEB_URL %q: with SMTP_URL set, give the web app's address for the links in mail, e.g. https://baucu.example.vn", web)
	}
	sender, err := smtpmail.NewSender(cfg)
	if err != nil {
		return nil, fmt.Errorf("SMTP_URL, MAIL_FROM: %w", err)
	}
	return &activities.NoticeMail{Sender: sender, WebURL: web, Via: cfg.String()}, nil
}

// StartMailOutbox starts the mail outbox workflow on taskQueue unless it
// runs already (another worker started it), and returns its run ID.
func StartMailOutbox(ctx context.Context, c client.Client, taskQueue string, in checklist.MailOutboxInput) (string, error) {
	run, err := c.ExecuteWorkflow(ctx, client.StartWorkflowOptions{
		ID:                       checklist.MailOutboxWorkflowID,
		TaskQueue:                taskQueue,
		WorkflowIDConflictPolicy: enumspb.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING,
		WorkflowIDReusePolicy:    enumspb.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE,
	}, checklist.WorkflowMailOutbox, in)
	if err != nil {
		return "", fmt.Errorf("start the mail outbox: %w", err)
	}
	return run.GetRunID(), nil
}
