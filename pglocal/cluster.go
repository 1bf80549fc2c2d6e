package pglocal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/jackc/pgx/v5"
)

// SuperUser is the superuser role of every cluster pglocal initialises;
// Cluster.URL connects as it.
const SuperUser = "postgres"

// DefaultDatabase is the database Start creates when Options.Database is
// empty.
const DefaultDatabase = "electionflow"

// Defaults of Options.
const (
	defaultMaxConnections = 200
	defaultStartTimeout   = 60 * time.Second
	portAttempts          = 3
)

// Options configure Start. Only DataDir is required.
type Options struct {
	// DataDir is the folder of the cluster, created if missing. The cluster
	// lives in DataDir/pgdata; a cluster already there is reused, so data
	// survives restarts. When the process is root, DataDir is handed to
	// RunAs and every folder above it must be searchable by RunAs.
	DataDir string
	// Port is the TCP port on 127.0.0.1; 0 picks a free one (retried if
	// another process takes it first).
	Port int
	// Database is created if missing and named in URL; "" means
	// DefaultDatabase.
	Database string
	// RunAs is the OS user that runs initdb and postgres when the process is
	// root, since PostgreSQL refuses to run as root: "" means "postgres" if
	// that user exists, else "nobody". Ignored when the process is not root:
	// the server then runs as the calling user.
	RunAs string
	// BinDir is the folder of initdb and postgres; "" searches as
	// FindBinaries does.
	BinDir string
	// Log receives the server's output; nil appends it to
	// DataDir/postgres.log.
	Log io.Writer
	// NoFsync trades durability for speed: initdb --no-sync and the server
	// with fsync, synchronous_commit and full_page_writes off. A crash of
	// the machine (not of the server) can then corrupt the cluster. Meant
	// for throwaway test clusters; off by default.
	NoFsync bool
	// MaxConnections is the server's max_connections; 0 means 200.
	MaxConnections int
	// StartTimeout bounds the wait for the server to accept connections; 0
	// means 60 s. ctx can end the wait earlier.
	StartTimeout time.Duration
}

// Cluster is a running private PostgreSQL server started by Start. Stop it
// when done; if the process dies first, the server stops by itself on Linux.
type Cluster struct {
	dataDir  string
	pgdata   string
	port     int
	database string
	// procMu guards proc and logTail, which StartAgain replaces.
	procMu   sync.Mutex
	proc     *process
	logTail  func() string
	closeLog func() error
	stopOnce sync.Once
	stopErr  error
	// restart holds what Crash and StartAgain need to run the server
	// again on the same folder and port (see restart.go).
	restart restartConfig
}

// Start initialises the cluster in opts.DataDir if needed, starts postgres
// on 127.0.0.1 and waits until it accepts connections, then creates
// opts.Database if missing. ctx bounds the start only, not the life of the
// server.
func Start(ctx context.Context, opts Options) (*Cluster, error) {
	if opts.DataDir == "" {
		return nil, errors.New("pglocal: Options.DataDir is required")
	}
	dataDir, err := filepath.Abs(opts.DataDir)
	if err != nil {
		return nil, fmt.Errorf("pglocal: data folder %q: %w", opts.DataDir, err)
	}
	database := opts.Database
	if database == "" {
		database = DefaultDatabase
	}
	binDir, err := FindBinaries(opts.BinDir)
	if err != nil {
		return nil, err
	}
	o, err := resolveOwner(opts.RunAs)
	if err != nil {
		return nil, err
	}
	if err := prepareDataDir(dataDir, o); err != nil {
		return nil, err
	}
	pgdata := filepath.Join(dataDir, "pgdata")
	major, initialised, err := clusterState(pgdata)
	if err != nil {
		return nil, err
	}
	if initialised {
		binMajor, err := binariesMajor(ctx, binDir)
		if err != nil {
			return nil, err
		}
		if binMajor != major {
			return nil, fmt.Errorf("pglocal: the cluster in %s is of PostgreSQL %s but the binaries in %s are PostgreSQL %s; "+
				"set BinDir to PostgreSQL %s binaries, or remove %s to start afresh (its data is lost)",
				pgdata, major, binDir, binMajor, major, dataDir)
		}
		if err := o.chownTree(pgdata); err != nil {
			return nil, err
		}
		if err := removeStalePID(pgdata); err != nil {
			return nil, err
		}
	} else if err := initCluster(ctx, binDir, dataDir, pgdata, o, opts.NoFsync); err != nil {
		return nil, err
	}

	logw, closeLog, err := openLog(opts.Log, dataDir, o)
	if err != nil {
		return nil, err
	}
	timeout := opts.StartTimeout
	if timeout <= 0 {
		timeout = defaultStartTimeout
	}
	startCtx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	var c *Cluster
	for attempt := 1; ; attempt++ {
		port := opts.Port
		if port == 0 {
			if port, err = freePort(); err != nil {
				_ = closeLog()
				return nil, err
			}
		}
		var portTaken bool
		c, portTaken, err = startServer(startCtx, binDir, pgdata, port, o, opts, logw)
		if err == nil {
			break
		}
		if !portTaken || opts.Port != 0 || attempt == portAttempts {
			_ = closeLog()
			return nil, err
		}
	}
	c.dataDir, c.database, c.closeLog = dataDir, database, closeLog
	c.restart = restartConfig{binDir: binDir, owner: o, opts: opts, log: logw}
	if err := createDatabase(startCtx, c.urlFor("postgres"), database); err != nil {
		stopCtx, cancelStop := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancelStop()
		return nil, errors.Join(err, c.Stop(stopCtx))
	}
	return c, nil
}

// URL returns the connection URL of the cluster's database for pgx (and
// libpq), usable as DATABASE_URL, e.g.
// postgres://postgres@127.0.0.1:54321/electionflow?sslmode=disable.
func (c *Cluster) URL() string { return c.urlFor(c.database) }

// Port returns the TCP port the server listens on at 127.0.0.1.
func (c *Cluster) Port() int { return c.port }

// DataDir returns the absolute path of the data folder (Options.DataDir).
func (c *Cluster) DataDir() string { return c.dataDir }

// Stop shuts the server down (fast shutdown: open sessions are ended,
// their transactions rolled back) and waits for it to exit. If ctx ends
// first, the server is stopped by immediate shutdown (or killed) and the
// error says so. Later calls return the result of the first one.
func (c *Cluster) Stop(ctx context.Context) error {
	c.stopOnce.Do(func() {
		c.stopErr = c.stop(ctx)
		if c.closeLog != nil {
			if err := c.closeLog(); err != nil {
				c.stopErr = errors.Join(c.stopErr, fmt.Errorf("pglocal: close server log: %w", err))
			}
		}
	})
	return c.stopErr
}

func (c *Cluster) stop(ctx context.Context) error {
	proc, logTail := c.current()
	if !proc.exited() {
		if err := proc.cmd.Process.Signal(syscall.SIGINT); err != nil && !errors.Is(err, os.ErrProcessDone) {
			return fmt.Errorf("pglocal: signal postgres (pid %d) to stop: %w", proc.cmd.Process.Pid, err)
		}
		select {
		case <-proc.done:
		case <-ctx.Done():
			proc.terminate()
			return fmt.Errorf("pglocal: fast shutdown of postgres on %s did not finish, stopped it forcibly: %w", c.pgdata, ctx.Err())
		}
	}
	if proc.err != nil {
		return fmt.Errorf("pglocal: postgres on %s ended with %w; server log ends with:%s", c.pgdata, proc.err, indent(logTail(), 10))
	}
	return nil
}

// terminate ends the server at once: immediate shutdown, then SIGKILL.
func (p *process) terminate() {
	if p.exited() {
		return
	}
	_ = p.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-p.done:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-p.done
	}
}

func (c *Cluster) urlFor(database string) string {
	u := url.URL{
		Scheme:   "postgres",
		User:     url.User(SuperUser),
		Host:     net.JoinHostPort("127.0.0.1", strconv.Itoa(c.port)),
		Path:     "/" + database,
		RawQuery: "sslmode=disable",
	}
	return u.String()
}

// startServer starts postgres on port and waits until it serves pgdata.
// portTaken reports a failure because another process holds the port.
func startServer(ctx context.Context, binDir, pgdata string, port int, o *owner, opts Options, logw io.Writer) (c *Cluster, portTaken bool, err error) {
	maxConn := opts.MaxConnections
	if maxConn <= 0 {
		maxConn = defaultMaxConnections
	}
	args := []string{
		"-D", pgdata,
		"-p", strconv.Itoa(port),
		"-c", "listen_addresses=127.0.0.1",
		"-c", "unix_socket_directories=" + socketDir(pgdata, port),
		"-c", "max_connections=" + strconv.Itoa(maxConn),
		"-c", "logging_collector=off",
	}
	if opts.NoFsync {
		args = append(args, "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off")
	}
	out, logTail := serverOutput(logw)
	cmd := exec.Command(filepath.Join(binDir, "postgres"), args...)
	cmd.Dir = pgdata
	cmd.Env = childEnv()
	cmd.SysProcAttr = serverAttr(o.cred)
	cmd.Stdout, cmd.Stderr = out, out
	cmd.WaitDelay = 5 * time.Second
	p, err := launch(cmd)
	if err != nil {
		return nil, false, err
	}
	c = &Cluster{pgdata: pgdata, port: port, proc: p, logTail: logTail}
	if err := c.waitReady(ctx); err != nil {
		p.terminate()
		tail := logTail()
		taken := strings.Contains(tail, "could not bind") || strings.Contains(tail, "Address already in use")
		return nil, taken, err
	}
	return c, false, nil
}

// socketDir returns the folder of the unix socket: pgdata, unless the
// socket path would be too long for the system (107 bytes) or the path
// needs quoting, in which case the server listens on TCP only.
func socketDir(pgdata string, port int) string {
	sock := filepath.Join(pgdata, ".s.PGSQL."+strconv.Itoa(port))
	if len(sock) > 107 || strings.ContainsAny(pgdata, `, "\'`) {
		return ""
	}
	return pgdata
}

// waitReady polls until the server accepts connections and proves to be
// ours (same data directory), or fails with the end of the server log.
func (c *Cluster) waitReady(ctx context.Context) error {
	// A connection attempt to a port held by another program may hang until
	// its timeout; abandon it as soon as the server exits.
	pingCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		select {
		case <-c.proc.done:
			cancel()
		case <-pingCtx.Done():
		}
	}()
	tick := time.NewTicker(50 * time.Millisecond)
	defer tick.Stop()
	var lastErr error
	for {
		if c.proc.exited() {
			return fmt.Errorf("pglocal: postgres on %s port %d exited during start-up (%v); server log ends with:%s",
				c.pgdata, c.port, c.proc.err, indent(c.logTail(), 20))
		}
		if lastErr = c.ping(pingCtx); lastErr == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("pglocal: postgres on %s port %d not accepting connections: %w (last attempt: %v); server log ends with:%s",
				c.pgdata, c.port, ctx.Err(), lastErr, indent(c.logTail(), 20))
		case <-c.proc.done:
		case <-tick.C:
		}
	}
}

// ping connects once and checks that the server on the port is this one.
func (c *Cluster) ping(ctx context.Context) error {
	cfg, err := pgx.ParseConfig(c.urlFor("postgres"))
	if err != nil {
		return fmt.Errorf("pglocal: parse URL: %w", err)
	}
	cfg.ConnectTimeout = 2 * time.Second
	conn, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer conn.Close(context.WithoutCancel(ctx))
	var dir string
	if err := conn.QueryRow(ctx, "SHOW data_directory").Scan(&dir); err != nil {
		return fmt.Errorf("pglocal: query data_directory: %w", err)
	}
	theirs, err1 := os.Stat(dir)
	ours, err2 := os.Stat(c.pgdata)
	if err1 != nil || err2 != nil || !os.SameFile(theirs, ours) {
		return fmt.Errorf("pglocal: port %d is served by another PostgreSQL (data directory %s)", c.port, dir)
	}
	return nil
}

// openLog returns where server output goes and how to close it.
func openLog(w io.Writer, dataDir string, o *owner) (io.Writer, func() error, error) {
	if w != nil {
		return w, func() error { return nil }, nil
	}
	path := filepath.Join(dataDir, "postgres.log")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return nil, nil, fmt.Errorf("pglocal: open server log: %w", err)
	}
	if err := o.chown(path); err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, f.Close, nil
}
