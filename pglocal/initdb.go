package pglocal

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
)

// initCluster runs initdb into pgdata as the owner: UTF-8 encoding, so that
// Vietnamese text is stored as written, with the C.UTF-8 locale (codepoint
// order, Unicode-aware upper/lower) where the system has it, else with no
// locale. Every local connection is trusted.
func initCluster(ctx context.Context, binDir, dataDir, pgdata string, o *owner, noSync bool) error {
	initdb := filepath.Join(binDir, "initdb")
	args := []string{"-D", pgdata, "-U", SuperUser, "-A", "trust", "-E", "UTF8"}
	if noSync {
		args = append(args, "--no-sync")
	}
	out, err := runTool(ctx, o, dataDir, initdb, append(args, "--locale=C.UTF-8")...)
	if err != nil && ctx.Err() == nil && strings.Contains(out, "locale") {
		// The system lacks C.UTF-8 (e.g. macOS); initdb has cleaned up.
		out, err = runTool(ctx, o, dataDir, initdb, append(args, "--no-locale")...)
	}
	if err != nil {
		return fmt.Errorf("pglocal: initdb into %s as user %s: %w; output:%s", pgdata, o, err, indent(out, 15))
	}
	return nil
}

// indent returns the last n lines of s, indented for an error message.
func indent(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return "\n\t" + strings.Join(lines, "\n\t")
}
