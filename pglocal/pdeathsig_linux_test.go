package pglocal

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// orphanDirEnv marks the child process of TestServerStopsWhenParentDies
// and names its folder.
const orphanDirEnv = "PGLOCAL_TEST_ORPHAN_DIR"

// TestServerStopsWhenParentDies kills (SIGKILL) a process that started a
// cluster and expects the server to shut down by itself, and the cluster
// to start again afterwards.
func TestServerStopsWhenParentDies(t *testing.T) {
	if dir := os.Getenv(orphanDirEnv); dir != "" {
		c, err := Start(context.Background(), Options{DataDir: filepath.Join(dir, "cluster"), NoFsync: true})
		if err != nil {
			t.Fatal(err)
		}
		tmp := filepath.Join(dir, "pid.tmp")
		if err := os.WriteFile(tmp, []byte(strconv.Itoa(c.proc.cmd.Process.Pid)), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, filepath.Join(dir, "pid")); err != nil {
			t.Fatal(err)
		}
		time.Sleep(2 * time.Minute) // until the parent kills us
		return
	}
	t.Parallel()
	dir := reachableDir(t)
	var out bytes.Buffer
	cmd := exec.Command(os.Args[0], "-test.run=^TestServerStopsWhenParentDies$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), orphanDirEnv+"="+dir)
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	defer func() { _ = cmd.Process.Kill() }()

	var pid int
	for deadline := time.Now().Add(90 * time.Second); pid == 0; {
		if b, err := os.ReadFile(filepath.Join(dir, "pid")); err == nil {
			pid, _ = strconv.Atoi(strings.TrimSpace(string(b)))
			break
		}
		select {
		case err := <-exited:
			t.Fatalf("child ended before starting the server: %v\n%s", err, out.String())
		case <-time.After(50 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("child did not start the server in time:\n%s", out.String())
		}
	}
	if alive, isPostgres := inspectProcess(pid); !alive || !isPostgres {
		t.Fatalf("server pid %d: alive %v, postgres %v", pid, alive, isPostgres)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	<-exited
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		if alive, _ := inspectProcess(pid); !alive {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server pid %d still runs after its parent was killed", pid)
		}
	}

	c := startCluster(t, Options{DataDir: filepath.Join(dir, "cluster"), NoFsync: true})
	var one int
	if err := connect(t, c.URL()).QueryRow(context.Background(), "SELECT 1").Scan(&one); err != nil || one != 1 {
		t.Fatalf("after restart: %d, %v", one, err)
	}
}
