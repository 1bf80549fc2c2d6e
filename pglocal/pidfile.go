package pglocal

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// removeStalePID deletes the postmaster.pid left in pgdata by a server that
// no longer runs (crash, power loss, killed container), whose pid may since
// have been reused by an unrelated process. It refuses when a postgres
// process with that pid is still running.
func removeStalePID(pgdata string) error {
	path := filepath.Join(pgdata, "postmaster.pid")
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pglocal: read %s: %w", path, err)
	}
	sc := bufio.NewScanner(f)
	first := ""
	if sc.Scan() {
		first = strings.TrimSpace(sc.Text())
	}
	f.Close()
	pid, err := strconv.Atoi(first)
	if err == nil && pid > 0 {
		alive, isPostgres := inspectProcess(pid)
		if alive && isPostgres {
			return fmt.Errorf("pglocal: a PostgreSQL server (pid %d) already runs on %s; stop it (`kill -INT %d`) "+
				"or choose another DataDir", pid, pgdata, pid)
		}
	}
	if err := os.Remove(path); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("pglocal: remove stale %s: %w", path, err)
	}
	return nil
}
