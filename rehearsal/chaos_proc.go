package rehearsal

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"
)

// child is a process a chaos rehearsal started and may kill: a worker or
// the Temporal server.
type child struct {
	name string
	cmd  *exec.Cmd
	done chan struct{} // closed once it has exited and been reaped
	err  error         // its exit, valid once done is closed
}

// startChild starts bin with args and env, its output appended to
// logPath. On Linux the child gets SIGKILL if the rehearsal dies, so no
// worker or server outlives a rehearsal killed itself; it runs in a
// process group of its own so a Ctrl-C on the terminal reaches only the
// rehearsal, which stops its children in order.
func startChild(name, bin string, args, env []string, logPath string, out io.Writer) (*child, error) {
	logFile, err := os.OpenFile(logPath, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("chaos: log of %s: %w", name, err)
	}
	cmd := exec.Command(bin, args...)
	cmd.Env = env
	if out != nil {
		cmd.Stdout, cmd.Stderr = io.MultiWriter(logFile, out), io.MultiWriter(logFile, out)
	} else {
		cmd.Stdout, cmd.Stderr = logFile, logFile
	}
	cmd.SysProcAttr = childAttr()
	cmd.WaitDelay = 5 * time.Second
	c := &child{name: name, cmd: cmd, done: make(chan struct{})}
	started := make(chan error, 1)
	// The parent-death signal fires when the thread that forked the child
	// ends: that thread stays locked to this goroutine for the child's
	// life (as pglocal does for postgres).
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		defer logFile.Close()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		c.err = cmd.Wait()
		close(c.done)
	}()
	if err := <-started; err != nil {
		return nil, fmt.Errorf("chaos: start %s (%s): %w", name, bin, err)
	}
	return c, nil
}

// pid is the child's process ID.
func (c *child) pid() int { return c.cmd.Process.Pid }

// exited says whether the child has ended.
func (c *child) exited() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// kill sends SIGKILL and waits for the child to be reaped.
func (c *child) kill() {
	_ = c.cmd.Process.Kill()
	<-c.done
}

// stop asks the child to stop (SIGTERM), as an operator would, and kills
// it if it has not stopped within wait.
func (c *child) stop(wait time.Duration) {
	if c.exited() {
		return
	}
	_ = c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-c.done:
	case <-time.After(wait):
		c.kill()
	}
}

// lineWatch is an io.Writer that closes seen when a line containing
// marker has been written through it, e.g. the line a server prints once
// it serves.
type lineWatch struct {
	marker string
	seen   chan struct{}
	mu     sync.Mutex
	buf    bytes.Buffer
	once   sync.Once
}

func newLineWatch(marker string) *lineWatch {
	return &lineWatch{marker: marker, seen: make(chan struct{})}
}

func (l *lineWatch) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buf.Write(p)
	if strings.Contains(l.buf.String(), l.marker) {
		l.once.Do(func() { close(l.seen) })
		l.buf.Reset()
	} else if l.buf.Len() > 4096 {
		// keep only the tail, where a marker split over writes would be
		tail := l.buf.Bytes()[l.buf.Len()-len(l.marker):]
		l.buf = *bytes.NewBuffer(append([]byte(nil), tail...))
	}
	return len(p), nil
}

// childEnv is the environment of the children: ours without the
// variables that would point them elsewhere (DATABASE_URL, TEMPORAL_*,
// ELECTIONFLOW_*), with set added.
func childEnv(set map[string]string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if name == "DATABASE_URL" || strings.HasPrefix(name, "TEMPORAL_") || strings.HasPrefix(name, "ELECTIONFLOW_") {
			continue
		}
		env = append(env, kv)
	}
	for k, v := range set {
		env = append(env, k+"="+v)
	}
	return env
}
