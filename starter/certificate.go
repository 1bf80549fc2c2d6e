package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"electionflow/election"
	"electionflow/internal/config"
	"electionflow/store"
)

func certificateCommand() command {
	return command{
		name:    "certificate",
		summary: "write an issued delegate certificate to a PDF file",
		help: `Writes certificate number --number of council --council, as issued with the
council's credential resolution, to the PDF file --out. An existing file is
kept unless --force is given; the file is written whole or not at all.`,
		flags: func(flags *flag.FlagSet) func(context.Context, env, config.Config, []string) error {
			term := termFlag(flags)
			council := flags.String("council", "", "council code (required)")
			number := flags.Int("number", 0, "certificate number within the council, from 1 (required)")
			out := flags.String("out", "", "PDF file to write (required)")
			force := flags.Bool("force", false, "overwrite --out if it exists")
			return func(ctx context.Context, e env, cfg config.Config, args []string) error {
				if len(args) > 0 {
					return usageError("certificate takes no arguments")
				}
				if *number <= 0 {
					return usageError("--number is required: a certificate number from 1")
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
				pdf, err := s.CertificatePDF(ctx, t, code, *number)
				if errors.Is(err, store.ErrNotFound) {
					n, cerr := s.CountCertificates(ctx, t, code)
					if cerr != nil {
						return cerr
					}
					if n == 0 {
						return fmt.Errorf("council %s of election %s has no certificates yet (they are issued with its credential resolution)", code, t)
					}
					return fmt.Errorf("council %s has no certificate number %d (it has %d, numbered from 1)", code, *number, n)
				}
				if err != nil {
					return err
				}
				if err := writeFileAtomic(*out, pdf); err != nil {
					return err
				}
				fmt.Fprintf(e.stdout, "wrote %s: certificate %d of council %s (%d bytes)\n", *out, *number, code, len(pdf))
				return nil
			}
		},
	}
}

// writeFileAtomic writes data to a temporary file next to name and renames
// it over name, so name is never left half written.
func writeFileAtomic(name string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp, 0o644)
	}
	if err == nil {
		err = os.Rename(tmp, name)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", name, err)
	}
	return nil
}

// councilAndOut checks the --council and --out of a command that writes a
// council's PDF: the code valid, the file named, and not there already
// unless force.
func councilAndOut(council, out string, force bool) (election.CouncilCode, error) {
	if council == "" {
		return "", usageError("--council is required")
	}
	code, err := election.ParseCouncilCode(council)
	if err != nil {
		return "", usageError("--council: %v", err)
	}
	if out == "" {
		return "", usageError("--out is required: the PDF file to write")
	}
	if !force {
		if _, err := os.Lstat(out); err == nil {
			return "", fmt.Errorf("%s exists: pass --force to overwrite it", out)
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
	}
	return code, nil
}
