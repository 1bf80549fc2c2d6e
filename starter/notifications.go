package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"text/tabwriter"

	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

// notificationsCommand lists a user's unread notifications (thông báo
// chưa đọc), as the web app's /notifications page shows them.
func notificationsCommand() command {
	return command{
		name:    "notifications",
		args:    "<username>",
		summary: "list a user's unread reminders and escalations",
		help: `Lists the unread notifications of a user, newest first: the reminders of the
tasks they may complete, and the escalations and missed legal deadlines of the
councils they manage, administer or supervise (a staff role held for a province
or the whole election), as the web app's /notifications page does.
Reading them here marks nothing read.`,
		flags: func(fs *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			limit := fs.Int("limit", 100, "list at most this many")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) != 1 {
					return usageError("notifications takes one user name")
				}
				if *limit < 1 {
					return usageError("--limit %d: want 1 or more", *limit)
				}
				s, err := openStore(ctx, cfg)
				if err != nil {
					return err
				}
				defer s.Close()
				u, err := s.UserByName(ctx, args[0])
				if errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("no user %q: see starter users", args[0])
				}
				if err != nil {
					return err
				}
				page, err := s.Notifications(ctx, u.User, store.NotificationQuery{Limit: *limit, UnreadOnly: true})
				if err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "%s: %d unread of %d notification(s)\n", u.Username, page.Unread, page.Total)
				return printNotifications(e, page.Notifications)
			}
		},
	}
}

// printNotifications writes notifications as a table.
func printNotifications(e env, list []store.Notification) error {
	if len(list) == 0 {
		return nil
	}
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "id\tat\tnotice\ttask\tkind\tcouncil\tstate")
	for _, n := range list {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s %s\t%s\n", n.ID, n.At.In(election.OfficeZone()).Format("2006-01-02 15:04"),
			n.Kind, n.Task, n.TaskKind, n.Council, n.CouncilName, n.TaskState)
	}
	return tw.Flush()
}
