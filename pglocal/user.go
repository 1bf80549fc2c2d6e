package pglocal

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/user"
	"path/filepath"
	"strconv"
	"syscall"
)

// owner is the OS user that runs initdb and postgres and owns the data
// folder.
type owner struct {
	name   string
	uid    int
	gid    int
	groups []int
	// cred switches the child processes to this user; nil when they run as
	// the calling process itself (which is then not root).
	cred *syscall.Credential
}

// resolveOwner picks the user postgres runs as: the calling user, or, when
// the caller is root, runAs ("postgres" if that user exists, else "nobody").
func resolveOwner(runAs string) (*owner, error) {
	if os.Geteuid() != 0 {
		o := &owner{uid: os.Geteuid(), gid: os.Getegid()}
		if u, err := user.Current(); err == nil {
			o.name = u.Username
		}
		if gs, err := os.Getgroups(); err == nil {
			o.groups = gs
		}
		return o, nil
	}
	name := runAs
	if name == "" {
		name = "nobody"
		if _, err := user.Lookup("postgres"); err == nil {
			name = "postgres"
		}
	}
	u, err := user.Lookup(name)
	if err != nil {
		return nil, fmt.Errorf("pglocal: running as root, so postgres must run as another user: look up RunAs user %q: %w", name, err)
	}
	uid, err := strconv.Atoi(u.Uid)
	if err != nil {
		return nil, fmt.Errorf("pglocal: RunAs user %q has a non-numeric uid %q: %w", name, u.Uid, err)
	}
	gid, err := strconv.Atoi(u.Gid)
	if err != nil {
		return nil, fmt.Errorf("pglocal: RunAs user %q has a non-numeric gid %q: %w", name, u.Gid, err)
	}
	if uid == 0 {
		return nil, fmt.Errorf("pglocal: RunAs user %q is root, and PostgreSQL refuses to run as root: choose an unprivileged user", name)
	}
	o := &owner{name: name, uid: uid, gid: gid}
	// An empty, non-nil list drops root's supplementary groups.
	supplementary := []uint32{}
	if ids, err := u.GroupIds(); err == nil {
		for _, id := range ids {
			if g, err := strconv.Atoi(id); err == nil {
				o.groups = append(o.groups, g)
				if g != gid {
					supplementary = append(supplementary, uint32(g))
				}
			}
		}
	}
	o.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: supplementary}
	return o, nil
}

// String names the user for messages.
func (o *owner) String() string {
	if o.name == "" {
		return fmt.Sprintf("uid %d", o.uid)
	}
	return fmt.Sprintf("%q (uid %d)", o.name, o.uid)
}

// canSearch reports whether the owner may pass through folder dir (x bit),
// judged from the mode bits (ACLs are not looked at).
func (o *owner) canSearch(fi fs.FileInfo) bool {
	if o.uid == 0 {
		return true
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return true // cannot tell; let postgres report it
	}
	perm := fi.Mode().Perm()
	switch {
	case int(st.Uid) == o.uid:
		return perm&0o100 != 0
	case o.inGroup(int(st.Gid)):
		return perm&0o010 != 0
	default:
		return perm&0o001 != 0
	}
}

func (o *owner) inGroup(gid int) bool {
	if gid == o.gid {
		return true
	}
	for _, g := range o.groups {
		if g == gid {
			return true
		}
	}
	return false
}

// checkReachable returns an error naming the first existing folder above
// dir that the owner cannot pass through.
func (o *owner) checkReachable(dir string) error {
	for p := filepath.Dir(dir); ; p = filepath.Dir(p) {
		fi, err := os.Stat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			// Created by pglocal later, traversable.
		case err != nil:
			return fmt.Errorf("pglocal: check folder %s: %w", p, err)
		case !o.canSearch(fi):
			return fmt.Errorf("pglocal: postgres runs as user %s, which cannot reach the data folder %s: "+
				"folder %s (mode %v) is not searchable by that user; run `chmod o+x %s` (os.MkdirTemp and t.TempDir make 0700 folders) "+
				"or choose a DataDir elsewhere", o, dir, p, fi.Mode().Perm(), p)
		}
		if p == filepath.Dir(p) {
			return nil
		}
	}
}

// chown gives path to the owner when pglocal runs as root.
func (o *owner) chown(path string) error {
	if o.cred == nil {
		return nil
	}
	if err := os.Lchown(path, o.uid, o.gid); err != nil {
		return fmt.Errorf("pglocal: give %s to user %s: %w", path, o, err)
	}
	return nil
}

// chownTree gives root and everything under it to the owner, when root is
// owned by someone else (e.g. a cluster made earlier with another RunAs).
func (o *owner) chownTree(root string) error {
	if o.cred == nil {
		return nil
	}
	fi, err := os.Lstat(root)
	if err != nil {
		return fmt.Errorf("pglocal: inspect %s: %w", root, err)
	}
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && int(st.Uid) == o.uid && int(st.Gid) == o.gid {
		return nil
	}
	err = filepath.WalkDir(root, func(path string, _ fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		return os.Lchown(path, o.uid, o.gid)
	})
	if err != nil {
		return fmt.Errorf("pglocal: give %s to user %s: %w", root, o, err)
	}
	return nil
}
