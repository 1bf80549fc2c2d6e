package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"electionflow/internal/config"
	"electionflow/resolution"
	"electionflow/store"
)

func resolutionCommand() command {
	return command{
		name:    "resolution",
		summary: "write a council's credential resolution to a PDF file",
		help: `Writes the credential resolution (nghị quyết xác nhận tư cách người trúng cử)
of council --council, as its committee adopted it, to the PDF file --out:
its number from the committee's register, every person elected, confirmed
or not with the reason, and the signature block. An existing file is kept
unless --force is given; the file is written whole or not at all.`,
		flags: func(flags *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(flags)
			council := flags.String("council", "", "council code (required)")
			out := flags.String("out", "", "PDF file to write (required)")
			force := flags.Bool("force", false, "overwrite --out if it exists")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("resolution takes no arguments")
				}
				code, err := councilAndOut(*council, *out, *force)
				if err != nil {
					return err
				}
				s, t, err := openElection(ctx, cfg, *term)
				if err != nil {
					return err
				}
				defer s.Close()
				if _, _, err := s.Council(ctx, t, code); errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("election %s has no council %s", t, code)
				}
				doc, err := s.ResolutionDocument(ctx, t, code)
				if errors.Is(err, store.ErrNotFound) {
					return fmt.Errorf("council %s of election %s has not adopted its credential resolution yet", code, t)
				}
				if err != nil {
					return err
				}
				pdf, err := resolution.Render(doc)
				if err != nil {
					return err
				}
				if err := writeFileAtomic(*out, pdf); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "wrote %s: resolution %s of council %s, %d persons (%d bytes)\n", *out, doc.ResolutionNo, code, len(doc.Lines), len(pdf))
				return nil
			}
		},
	}
}
