//go:build unix && !linux

package pglocal

import (
	"context"
	"errors"
	"os/exec"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// serverAttr returns the process attributes of initdb and postgres: run as
// cred (nil = as ourselves) in a process group of their own. This system
// has no parent-death signal; a server left by a crash is found through its
// postmaster.pid at the next Start.
func serverAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Setpgid: true}
}

// inspectProcess reports whether pid is a live process and whether it is a
// postgres process.
func inspectProcess(pid int) (alive, isPostgres bool) {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return false, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "ps", "-p", strconv.Itoa(pid), "-o", "command=").Output()
	if err != nil {
		return true, true // cannot tell; assume the worst
	}
	s := strings.TrimSpace(string(out))
	if s == "" {
		return false, false
	}
	return true, strings.Contains(s, "postgres") || strings.Contains(s, "postmaster")
}
