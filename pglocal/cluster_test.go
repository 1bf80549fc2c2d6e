package pglocal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/jackc/pgx/v5"
)

const councilName = "Hội đồng nhân dân xã Tân Hòa"

// TestStartRestartKeepsData starts a cluster with the default (safe)
// settings, as root via RunAs when the test runs as root, stores
// Vietnamese text, stops, plants a stale postmaster.pid as a crash would
// leave, starts again on the same folder and finds the data.
func TestStartRestartKeepsData(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	opts := Options{DataDir: filepath.Join(reachableDir(t), "cluster")}

	c := startCluster(t, opts)
	if !strings.HasPrefix(c.URL(), "postgres://"+SuperUser+"@127.0.0.1:"+strconv.Itoa(c.Port())+"/"+DefaultDatabase) {
		t.Errorf("URL() = %q", c.URL())
	}
	if os.Geteuid() == 0 {
		checkRunsAsRunAs(t, c)
	}
	conn := connect(t, c.URL())
	var enc string
	if err := conn.QueryRow(ctx, "SHOW server_encoding").Scan(&enc); err != nil || enc != "UTF8" {
		t.Errorf("server_encoding = %q, %v; want UTF8", enc, err)
	}
	if _, err := conn.Exec(ctx, `CREATE TABLE council (id int PRIMARY KEY, name text NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO council VALUES (1, $1)`, councilName); err != nil {
		t.Fatal(err)
	}
	checkCouncil(t, conn)
	conn.Close(ctx)

	// A second server on the same folder is refused with a clear error.
	if c2, err := Start(ctx, opts); err == nil {
		_ = c2.Stop(ctx)
		t.Error("second Start on a running cluster succeeded")
	} else if !strings.Contains(err.Error(), "already runs on") {
		t.Errorf("second Start on a running cluster: %v", err)
	}

	if err := c.Stop(ctx); err != nil {
		t.Fatalf("Stop: %v", err)
	}
	if err := c.Stop(ctx); err != nil {
		t.Fatalf("second Stop: %v", err)
	}
	probe, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if conn, err := pgx.Connect(probe, c.URL()); err == nil {
		conn.Close(ctx)
		t.Fatal("server still accepts connections after Stop")
	}

	// A crash leaves postmaster.pid behind, and its pid may since belong to
	// an unrelated process of the same user, which postgres alone would take
	// for a running server.
	pidFile := filepath.Join(c.DataDir(), "pgdata", "postmaster.pid")
	fi, err := os.Stat(filepath.Dir(pidFile))
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	sleeper := exec.Command("sleep", "60")
	if os.Geteuid() == 0 {
		sleeper.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: st.Uid, Gid: st.Gid, Groups: []uint32{}}}
	}
	if err := sleeper.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { _ = sleeper.Process.Kill(); _ = sleeper.Wait() }()
	if err := os.WriteFile(pidFile, []byte(strconv.Itoa(sleeper.Process.Pid)+"\n"+filepath.Dir(pidFile)+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(pidFile, int(st.Uid), int(st.Gid)); err != nil {
		t.Fatal(err)
	}

	// An explicit port held by another process fails with the server's
	// reason; a picked port that got taken is reported for a retry.
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	heldPort := held.Addr().(*net.TCPAddr).Port
	taken := opts
	taken.Port = heldPort
	if c2, err := Start(ctx, taken); err == nil {
		_ = c2.Stop(ctx)
		t.Error("Start on a taken port succeeded")
	} else if !strings.Contains(err.Error(), "Address already in use") {
		t.Errorf("Start on a taken port: %v", err)
	}
	binDir, err := FindBinaries("")
	if err != nil {
		t.Fatal(err)
	}
	o, err := resolveOwner("")
	if err != nil {
		t.Fatal(err)
	}
	if _, portTaken, err := startServer(ctx, binDir, filepath.Dir(pidFile), heldPort, o, Options{}, io.Discard); err == nil || !portTaken {
		t.Errorf("startServer on a taken port: portTaken %v, err %v", portTaken, err)
	}
	held.Close()

	c2 := startCluster(t, opts)
	checkCouncil(t, connect(t, c2.URL()))
	// The unix socket lies in pgdata.
	checkCouncil(t, connect(t, fmt.Sprintf("host=%s port=%d user=%s dbname=%s", filepath.Dir(pidFile), c2.Port(), SuperUser, DefaultDatabase)))
	if err := c2.Stop(ctx); err != nil {
		t.Fatalf("Stop after restart: %v", err)
	}
	if log, err := os.ReadFile(filepath.Join(c.DataDir(), "postgres.log")); err != nil || !strings.Contains(string(log), "ready to accept connections") {
		t.Errorf("postgres.log lacks the server output (err %v)", err)
	}
}

func checkCouncil(t *testing.T, conn *pgx.Conn) {
	t.Helper()
	var name string
	var chars int
	err := conn.QueryRow(context.Background(), `SELECT name, char_length(name) FROM council WHERE id = 1`).Scan(&name, &chars)
	if err != nil {
		t.Fatalf("select: %v", err)
	}
	if name != councilName || chars != utf8.RuneCountInString(councilName) {
		t.Errorf("got %q (%d characters), want %q (%d)", name, chars, councilName, utf8.RuneCountInString(councilName))
	}
}

// checkRunsAsRunAs checks that the server and its files belong to the
// default RunAs user, not root.
func checkRunsAsRunAs(t *testing.T, c *Cluster) {
	t.Helper()
	want := "nobody"
	if _, err := user.Lookup("postgres"); err == nil {
		want = "postgres"
	}
	u, err := user.Lookup(want)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(c.DataDir(), "pgdata"))
	if err != nil {
		t.Fatal(err)
	}
	if uid := fi.Sys().(*syscall.Stat_t).Uid; strconv.Itoa(int(uid)) != u.Uid {
		t.Errorf("pgdata owned by uid %d, want %s (%s)", uid, u.Uid, want)
	}
	if status, err := os.ReadFile("/proc/" + strconv.Itoa(c.proc.cmd.Process.Pid) + "/status"); err == nil {
		if !strings.Contains(string(status), "\nUid:\t"+u.Uid+"\t") {
			t.Errorf("postgres does not run as %s:\n%s", want, status)
		}
	}
}

// TestUnreachableDataDir checks the clear error when the RunAs user cannot
// pass through a folder above DataDir, as with os.MkdirTemp's 0700.
func TestUnreachableDataDir(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("only root hands the data folder to another user")
	}
	closed, err := os.MkdirTemp("", "pglocal-closed-") // 0700, owned by root
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(closed)
	_, err = Start(context.Background(), Options{DataDir: filepath.Join(closed, "sub", "data")})
	if err == nil {
		t.Fatal("Start succeeded with an unreachable data folder")
	}
	if !strings.Contains(err.Error(), closed+" (mode -rwx------) is not searchable") || !strings.Contains(err.Error(), "chmod o+x") {
		t.Errorf("error does not name the folder and the fix: %v", err)
	}
	if _, statErr := os.Stat(filepath.Join(closed, "sub")); !errors.Is(statErr, os.ErrNotExist) {
		t.Errorf("Start created folders before failing: %v", statErr)
	}
}

func TestStartRequiresDataDir(t *testing.T) {
	t.Parallel()
	if _, err := Start(context.Background(), Options{}); err == nil || !strings.Contains(err.Error(), "DataDir") {
		t.Errorf("Start without DataDir: %v", err)
	}
}

// lockedBuffer is an io.Writer safe for the server's output goroutine.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// TestLongDataDirAndOwnLog uses a data folder too deep for a unix socket
// (TCP only then), a database name needing quotes, and a log writer of the
// caller's.
func TestLongDataDirAndOwnLog(t *testing.T) {
	t.Parallel()
	dir := reachableDir(t)
	for len(dir) < 110 {
		dir = filepath.Join(dir, "thu-muc-du-lieu")
	}
	if socketDir(filepath.Join(dir, "pgdata"), 65535) != "" {
		t.Fatalf("socketDir(%s) should give up on the unix socket", dir)
	}
	var log lockedBuffer
	c := startCluster(t, Options{DataDir: dir, Database: "Bầu cử 2026", Log: &log, NoFsync: true})
	var db string
	if err := connect(t, c.URL()).QueryRow(context.Background(), "SELECT current_database()").Scan(&db); err != nil || db != "Bầu cử 2026" {
		t.Errorf("current_database() = %q, %v", db, err)
	}
	if err := c.Stop(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(log.String(), "ready to accept connections") || !strings.Contains(log.String(), "database system is shut down") {
		t.Errorf("Options.Log did not get the server output:\n%s", log.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "postgres.log")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("postgres.log written although Options.Log was set: %v", err)
	}
}
