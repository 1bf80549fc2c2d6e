package pglocal

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

// process is a started child whose end can be waited for from several
// places.
type process struct {
	cmd  *exec.Cmd
	done chan struct{} // closed when the child has exited and been reaped
	err  error         // result of cmd.Wait, valid once done is closed
}

// launch starts cmd and reaps it on a goroutine locked to its OS thread for
// the child's whole life. On Linux the parent-death signal fires when the
// thread that forked the child ends, and the Go runtime may end threads
// (golang.org/issue/27505); keeping the forking thread busy until the child
// exits makes the signal fire only when our process dies.
func launch(cmd *exec.Cmd) (*process, error) {
	p := &process{cmd: cmd, done: make(chan struct{})}
	started := make(chan error, 1)
	go func() {
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		if err := cmd.Start(); err != nil {
			started <- err
			return
		}
		started <- nil
		p.err = cmd.Wait()
		close(p.done)
	}()
	if err := <-started; err != nil {
		return nil, fmt.Errorf("pglocal: start %s: %w", cmd.Path, err)
	}
	return p, nil
}

// exited reports whether the child has ended.
func (p *process) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// childEnv is the environment of initdb and postgres: ours without the
// libpq variables (PGDATA, PGPORT, ...) and locale settings that could
// change their behaviour, with messages in English so they can be
// recognised.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "PG") || strings.HasPrefix(name, "LC_") || name == "LANG" || name == "LANGUAGE" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "LC_ALL=C")
}

// runTool runs a short-lived program (initdb) as the owner and returns its
// combined output; it is killed when ctx ends.
func runTool(ctx context.Context, o *owner, dir string, name string, args ...string) (string, error) {
	var out strings.Builder
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = childEnv()
	cmd.SysProcAttr = serverAttr(o.cred)
	w := &syncWriter{w: &out}
	cmd.Stdout, cmd.Stderr = w, w
	cmd.WaitDelay = 5 * time.Second
	p, err := launch(cmd)
	if err != nil {
		return "", err
	}
	select {
	case <-p.done:
	case <-ctx.Done():
		_ = cmd.Process.Kill()
		<-p.done
		return w.String(), fmt.Errorf("pglocal: %s interrupted: %w", name, ctx.Err())
	}
	return w.String(), p.err
}
