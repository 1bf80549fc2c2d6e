package pglocal

import (
	"bytes"
	"fmt"
	"os"
	"syscall"
)

// serverAttr returns the process attributes of initdb and postgres: run as
// cred (nil = as ourselves), in a process group of their own so that a
// Ctrl-C on the terminal reaches only us (we stop the server in order), and
// with SIGINT (fast shutdown) sent by the kernel when the thread that
// started it ends, i.e. when our process dies (see launch).
func serverAttr(cred *syscall.Credential) *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Credential: cred, Setpgid: true, Pdeathsig: syscall.SIGINT}
}

// inspectProcess reports whether pid is a live (not zombie) process and
// whether it is a postgres process.
func inspectProcess(pid int) (alive, isPostgres bool) {
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false, false
	}
	// Format: pid (comm) state ...; comm may hold spaces and parentheses.
	if i := bytes.LastIndexByte(stat, ')'); i >= 0 && i+2 < len(stat) && (stat[i+2] == 'Z' || stat[i+2] == 'X') {
		return false, false
	}
	cmdline, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", pid))
	if err != nil {
		return true, true // cannot tell; assume the worst
	}
	return true, bytes.Contains(cmdline, []byte("postgres")) || bytes.Contains(cmdline, []byte("postmaster"))
}
