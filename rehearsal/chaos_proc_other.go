//go:build unix && !linux

package rehearsal

import "syscall"

// childAttr puts a child in a process group of its own; without Linux's
// parent-death signal, a child outlives a rehearsal that is killed.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true}
}
