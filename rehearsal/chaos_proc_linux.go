package rehearsal

import "syscall"

// childAttr puts a child in a process group of its own and has the kernel
// SIGKILL it when the thread that started it (kept for the child's life)
// ends, i.e. when the rehearsal dies.
func childAttr() *syscall.SysProcAttr {
	return &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
}
