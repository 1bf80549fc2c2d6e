package pglocal

import (
	"context"
	"fmt"
	"io"
	"syscall"
	"time"
)

// restartConfig is what a Cluster keeps from Start to run its server
// again after Crash: the binaries, the OS user, the options and the log.
type restartConfig struct {
	binDir string
	owner  *owner
	opts   Options
	log    io.Writer
}

// crashWait bounds the wait for an immediate shutdown before the
// postmaster is killed outright.
const crashWait = 10 * time.Second

// current returns the running server process and its log tail; Crash and
// StartAgain replace them.
func (c *Cluster) current() (*process, func() string) {
	c.procMu.Lock()
	defer c.procMu.Unlock()
	return c.proc, c.logTail
}

// Crash stops the server the way a crash would, for chaos rehearsals:
// an immediate shutdown (SIGQUIT to the postmaster, which ends every
// backend at once, without a checkpoint, so the next start runs crash
// recovery from the WAL), or SIGKILL if it has not exited within 10 s.
// Open connections fail at once. The data folder and port stay the
// cluster's: StartAgain brings the server back on them.
//
// An immediate shutdown rather than SIGKILL of the postmaster: both lose
// nothing committed, but backends outliving a killed postmaster keep its
// shared memory and make the next start fail until they notice, which
// would measure PostgreSQL's housekeeping rather than electionflow.
func (c *Cluster) Crash(ctx context.Context) error {
	proc, _ := c.current()
	if proc.exited() {
		return fmt.Errorf("pglocal: postgres on %s is not running", c.pgdata)
	}
	if err := proc.cmd.Process.Signal(syscall.SIGQUIT); err != nil {
		return fmt.Errorf("pglocal: immediate shutdown of postgres (pid %d): %w", proc.cmd.Process.Pid, err)
	}
	select {
	case <-proc.done:
		return nil
	case <-time.After(crashWait):
	case <-ctx.Done():
	}
	_ = proc.cmd.Process.Kill()
	<-proc.done
	return nil
}

// StartAgain starts the server again on the cluster's folder and port
// after Crash (PostgreSQL runs crash recovery first) and waits until it
// accepts connections; URL stays the same, so pools that retry reconnect
// by themselves. It refuses while the server still runs.
func (c *Cluster) StartAgain(ctx context.Context) error {
	proc, _ := c.current()
	if !proc.exited() {
		return fmt.Errorf("pglocal: postgres on %s still runs (pid %d); Crash or Stop it first", c.pgdata, proc.cmd.Process.Pid)
	}
	if err := removeStalePID(c.pgdata); err != nil {
		return err
	}
	timeout := c.restart.opts.StartTimeout
	if timeout <= 0 {
		timeout = defaultStartTimeout
	}
	startCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	next, _, err := startServer(startCtx, c.restart.binDir, c.pgdata, c.port, c.restart.owner, c.restart.opts, c.restart.log)
	if err != nil {
		return fmt.Errorf("pglocal: start again on port %d: %w", c.port, err)
	}
	c.procMu.Lock()
	c.proc, c.logTail = next.proc, next.logTail
	c.procMu.Unlock()
	return nil
}
