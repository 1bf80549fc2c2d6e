package pglocal

import (
	"context"
	"io"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// nonRootDirEnv marks the child process of TestRunsAsNormalUser and names
// its folder.
const nonRootDirEnv = "PGLOCAL_TEST_NONROOT_DIR"

// TestRunsAsNormalUser starts, uses and stops a cluster as an unprivileged
// user, as on a developer's laptop. Run as root, it re-executes the test
// binary as "nobody" and checks that the child passed.
func TestRunsAsNormalUser(t *testing.T) {
	if dir := os.Getenv(nonRootDirEnv); dir != "" {
		if os.Geteuid() == 0 {
			t.Fatal("child runs as root")
		}
		exerciseCluster(t, filepath.Join(dir, "cluster"))
		return
	}
	t.Parallel()
	if os.Geteuid() != 0 {
		exerciseCluster(t, filepath.Join(t.TempDir(), "cluster"))
		return
	}
	u, err := user.Lookup("nobody")
	if err != nil {
		t.Skipf("no unprivileged user to run as: %v", err)
	}
	uid, _ := strconv.Atoi(u.Uid)
	gid, _ := strconv.Atoi(u.Gid)

	// The test binary usually sits in a 0700 build folder: copy it where
	// nobody can run it.
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(reachableDir(t), "pglocal.test")
	copyFile(t, exe, bin, 0o755)

	dir := reachableDir(t)
	if err := os.Chown(dir, uid, gid); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run=^TestRunsAsNormalUser$", "-test.count=1", "-test.v")
	cmd.Env = append(os.Environ(), nonRootDirEnv+"="+dir)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{
		Credential: &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid), Groups: []uint32{}},
	}
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "--- PASS: TestRunsAsNormalUser") {
		t.Fatalf("child as nobody: %v\n%s", err, out)
	}
}

// exerciseCluster starts a cluster as the calling user, round-trips
// Vietnamese text and stops it.
func exerciseCluster(t *testing.T, dataDir string) {
	ctx := context.Background()
	// RunAs matters only to root; a user that does not exist proves it is ignored.
	c := startCluster(t, Options{DataDir: dataDir, NoFsync: true, RunAs: "no-such-user-is-needed"})
	if status, err := os.ReadFile("/proc/" + strconv.Itoa(c.proc.cmd.Process.Pid) + "/status"); err == nil {
		if uid := strconv.Itoa(os.Geteuid()); !strings.Contains(string(status), "\nUid:\t"+uid+"\t") {
			t.Errorf("postgres does not run as uid %s:\n%s", uid, status)
		}
	}
	conn := connect(t, c.URL())
	if _, err := conn.Exec(ctx, `CREATE TABLE council (id int PRIMARY KEY, name text NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO council VALUES (1, $1)`, councilName); err != nil {
		t.Fatal(err)
	}
	checkCouncil(t, conn)
	conn.Close(ctx)
	if err := c.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	src, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	dst, err := os.OpenFile(to, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(dst, src); err != nil {
		t.Fatal(err)
	}
	if err := dst.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(to, mode); err != nil {
		t.Fatal(err)
	}
}
