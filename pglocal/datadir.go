package pglocal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// prepareDataDir makes sure dataDir exists, belongs to the owner and can be
// reached by it. Folders created here above dataDir are made 0755, dataDir
// itself 0700; folders that already existed keep their mode.
func prepareDataDir(dataDir string, o *owner) error {
	if err := o.checkReachable(dataDir); err != nil {
		return err
	}
	var missing []string
	for p := dataDir; ; p = filepath.Dir(p) {
		_, err := os.Stat(p)
		if err == nil {
			break
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("pglocal: check data folder %s: %w", p, err)
		}
		missing = append(missing, p)
		if p == filepath.Dir(p) {
			break
		}
	}
	for i := len(missing) - 1; i >= 0; i-- {
		mode := fs.FileMode(0o755)
		if missing[i] == dataDir {
			mode = 0o700
		}
		if err := os.Mkdir(missing[i], mode); err != nil && !errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("pglocal: create data folder %s: %w", missing[i], err)
		}
		// Mkdir applies the umask; set the mode meant.
		if err := os.Chmod(missing[i], mode); err != nil {
			return fmt.Errorf("pglocal: set mode of %s: %w", missing[i], err)
		}
	}
	fi, err := os.Stat(dataDir)
	if err != nil {
		return fmt.Errorf("pglocal: check data folder %s: %w", dataDir, err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("pglocal: data folder %s is not a folder", dataDir)
	}
	if err := o.chown(dataDir); err != nil {
		return err
	}
	// The owner must be able to enter and write dataDir even when the caller
	// made it with a restrictive mode for another user.
	if o.cred != nil && fi.Mode().Perm()&0o700 != 0o700 {
		if err := os.Chmod(dataDir, fi.Mode().Perm()|0o700); err != nil {
			return fmt.Errorf("pglocal: set mode of %s: %w", dataDir, err)
		}
	}
	return nil
}

// clusterState tells whether pgdata holds an initialised cluster, and of
// which major version.
func clusterState(pgdata string) (major string, initialised bool, err error) {
	b, err := os.ReadFile(filepath.Join(pgdata, "PG_VERSION"))
	if err == nil {
		return strings.TrimSpace(string(b)), true, nil
	}
	if !errors.Is(err, fs.ErrNotExist) {
		return "", false, fmt.Errorf("pglocal: read %s: %w", filepath.Join(pgdata, "PG_VERSION"), err)
	}
	entries, err := os.ReadDir(pgdata)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "", false, nil
	case err != nil:
		return "", false, fmt.Errorf("pglocal: read cluster folder %s: %w", pgdata, err)
	case len(entries) > 0:
		return "", false, fmt.Errorf("pglocal: %s is neither empty nor a PostgreSQL cluster (no PG_VERSION); "+
			"remove it, or choose another DataDir", pgdata)
	}
	return "", false, nil
}
