package rehearsal

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"electionflow/internal/config"
	"electionflow/pglocal"
	"electionflow/store"
)

// A chaos rehearsal owns every process it harms, so it can kill and
// restart them without touching anyone else's: Stack starts them.
//
//   - electionflow's PostgreSQL, a private cluster (pglocal) that
//     RestartPostgres takes away by immediate shutdown and starts again;
//   - Temporal's PostgreSQL, a second private cluster, so that a Postgres
//     fault and a Temporal fault stay separate faults (devstack's single
//     cluster would take Temporal down with electionflow's data);
//   - the Temporal server as a child process, the devstack binary with
//     -worker=false -demo=false, persisting to that second cluster:
//     starter links no Temporal server (only devstack and tests may),
//     and a child can be killed as a real server would die.
//     RestartTemporal SIGKILLs it and starts it on the same port and
//     database;
//   - N worker processes (the worker binary, exactly as deployed),
//     supervised: KillWorker SIGKILLs one, and one that exits by itself
//     (it could not reach a database at start) is started again.

// Defaults of StackOptions.
const (
	DefaultWorkerProcesses = 2
	DefaultPostgresDown    = 3 * time.Second
	// serverStartTimeout bounds a start of the Temporal server.
	serverStartTimeout = 3 * time.Minute
	// workerRestartPause is how long a supervisor waits before starting
	// again a worker that exited by itself.
	workerRestartPause = time.Second
	// devstackReady is what devstack prints once it serves.
	devstackReady = "devstack is running"
)

// StackOptions say how to start the processes of a chaos rehearsal.
type StackOptions struct {
	// WorkerBin and DevstackBin are the paths of the worker and devstack
	// binaries (see FindBinary).
	WorkerBin, DevstackBin string
	// Workers is the number of worker processes; 0 means 2.
	Workers int
	// Dir holds the two clusters and every process's log; "" makes a
	// temporary folder, removed by Stop unless Keep.
	Dir  string
	Keep bool
	// PostgresDown is how long electionflow's database stays down in
	// RestartPostgres; 0 means 3 s.
	PostgresDown time.Duration
	// Seed chooses the worker each kill hits.
	Seed int64
	// Log receives what the stack does.
	Log io.Writer
}

// Stack is the running processes of a chaos rehearsal; it implements
// Injector.
type Stack struct {
	opts        StackOptions
	dir         string
	removeDir   bool
	app, tdb    *pglocal.Cluster
	store       *store.Store
	port        int
	workerEnv   []string
	devstackEnv []string

	mu       sync.Mutex
	temporal *child
	workers  []*child
	killed   map[*child]bool
	rng      *rand.Rand
	// unplanned counts worker exits the stack did not cause.
	unplanned int
	stopping  chan struct{}
	wg        sync.WaitGroup
}

// StartStack starts the clusters, the Temporal server and the worker
// processes, and applies electionflow's schema before any worker starts.
// On error, whatever started is stopped.
func StartStack(ctx context.Context, opts StackOptions) (_ *Stack, err error) {
	if opts.Workers == 0 {
		opts.Workers = DefaultWorkerProcesses
	}
	if opts.PostgresDown == 0 {
		opts.PostgresDown = DefaultPostgresDown
	}
	if opts.Log == nil {
		opts.Log = io.Discard
	}
	s := &Stack{opts: opts, killed: map[*child]bool{}, stopping: make(chan struct{}),
		rng: rand.New(rand.NewPCG(uint64(opts.Seed), 0x6b696c6c))}
	if s.dir, s.removeDir, err = stackDir(opts); err != nil {
		return nil, err
	}
	defer func() {
		if err != nil {
			err = errors.Join(err, s.Stop())
		}
	}()
	if s.app, err = pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(s.dir, "electionflow-postgres")}); err != nil {
		return nil, fmt.Errorf("chaos: electionflow's Postgres: %w", err)
	}
	if s.store, err = store.OpenMigrated(ctx, s.app.URL()); err != nil {
		return nil, fmt.Errorf("chaos: %w", err)
	}
	if s.tdb, err = pglocal.Start(ctx, pglocal.Options{DataDir: filepath.Join(s.dir, "temporal-postgres")}); err != nil {
		return nil, fmt.Errorf("chaos: Temporal's Postgres: %w", err)
	}
	if s.port, err = freeTCPPort(); err != nil {
		return nil, err
	}
	noProfile := filepath.Join(s.dir, "no-temporal.toml") // never the user's own profile
	s.devstackEnv = childEnv(map[string]string{config.EnvDatabaseURL: s.tdb.URL(), config.EnvLogLevel: "warn",
		"TEMPORAL_CONFIG_FILE": noProfile})
	s.workerEnv = childEnv(map[string]string{config.EnvDatabaseURL: s.app.URL(), config.EnvLogLevel: "warn",
		"TEMPORAL_ADDRESS": s.TemporalAddress(), "TEMPORAL_NAMESPACE": s.Namespace(), "TEMPORAL_CONFIG_FILE": noProfile,
		config.EnvTaskQueue: s.TaskQueue()})
	if err = s.startTemporal(ctx); err != nil {
		return nil, err
	}
	s.workers = make([]*child, opts.Workers)
	for i := range opts.Workers {
		started := make(chan struct{})
		s.wg.Go(func() { s.superviseWorker(i, started) })
		<-started
	}
	fmt.Fprintf(opts.Log, "chaos stack in %s: electionflow's Postgres %s, Temporal's Postgres on port %d, Temporal server (devstack, pid %d) at %s, %d worker processes\n",
		s.dir, s.app.URL(), s.tdb.Port(), s.temporal.pid(), s.TemporalAddress(), opts.Workers)
	return s, nil
}

// stackDir returns the folder of the stack, reachable by the user
// PostgreSQL runs as when we are root, and whether Stop removes it.
func stackDir(opts StackOptions) (string, bool, error) {
	if opts.Dir != "" {
		if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
			return "", false, fmt.Errorf("chaos: folder: %w", err)
		}
		dir, err := filepath.Abs(opts.Dir)
		return dir, false, err
	}
	dir, err := os.MkdirTemp("", "electionflow-chaos-")
	if err != nil {
		return "", false, fmt.Errorf("chaos: folder: %w", err)
	}
	if err := os.Chmod(dir, 0o711); err != nil {
		return "", false, fmt.Errorf("chaos: folder: %w", err)
	}
	return dir, !opts.Keep, nil
}

// DatabaseURL is electionflow's database.
func (s *Stack) DatabaseURL() string { return s.app.URL() }

// Store is electionflow's database, migrated; Stop closes it.
func (s *Stack) Store() *store.Store { return s.store }

// TemporalAddress is the Temporal frontend, the same across restarts.
func (s *Stack) TemporalAddress() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }

// Namespace is the Temporal namespace of the rehearsal.
func (s *Stack) Namespace() string { return "default" }

// TaskQueue is the task queue the worker processes poll.
func (s *Stack) TaskQueue() string { return config.DefaultTaskQueue }

// Dir is the folder of the clusters and logs.
func (s *Stack) Dir() string { return s.dir }

// UnplannedExits counts worker exits the stack did not cause (each
// followed by a new worker).
func (s *Stack) UnplannedExits() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.unplanned
}

// startTemporal starts the devstack child and waits until it serves.
func (s *Stack) startTemporal(ctx context.Context) error {
	watch := newLineWatch(devstackReady)
	args := []string{"-data", filepath.Join(s.dir, "devstack"), "-host", "127.0.0.1", "-port", strconv.Itoa(s.port),
		"-ui-port", "-1", "-web-port", "-1", "-worker=false", "-demo=false"}
	c, err := startChild("Temporal server", s.opts.DevstackBin, args, s.devstackEnv, filepath.Join(s.dir, "devstack.log"), watch)
	if err != nil {
		return err
	}
	s.mu.Lock()
	s.temporal = c
	s.mu.Unlock()
	timeout := time.NewTimer(serverStartTimeout)
	defer timeout.Stop()
	select {
	case <-watch.seen:
		return nil
	case <-c.done:
		return fmt.Errorf("chaos: the Temporal server (devstack) exited during start-up (%v); see %s", c.err, filepath.Join(s.dir, "devstack.log"))
	case <-timeout.C:
	case <-ctx.Done():
	}
	c.kill()
	return fmt.Errorf("chaos: the Temporal server (devstack) did not serve within %v; see %s", serverStartTimeout, filepath.Join(s.dir, "devstack.log"))
}

// superviseWorker runs worker i until the stack stops, starting it again
// whenever it exits; started is closed once the first one runs.
func (s *Stack) superviseWorker(i int, started chan struct{}) {
	once := sync.OnceFunc(func() { close(started) })
	defer once()
	logPath := filepath.Join(s.dir, fmt.Sprintf("worker-%d.log", i+1))
	for {
		c, err := startChild(fmt.Sprintf("worker %d", i+1), s.opts.WorkerBin, nil, s.workerEnv, logPath, nil)
		if err != nil {
			fmt.Fprintf(s.opts.Log, "\nchaos: %v; again in %v\n", err, workerRestartPause)
			if s.pause(workerRestartPause) {
				return
			}
			continue
		}
		s.mu.Lock()
		s.workers[i] = c
		s.mu.Unlock()
		once()
		select {
		case <-c.done:
		case <-s.stopping:
			c.stop(15 * time.Second)
			return
		}
		s.mu.Lock()
		planned := s.killed[c]
		delete(s.killed, c)
		if !planned {
			s.unplanned++
		}
		s.mu.Unlock()
		if !planned {
			fmt.Fprintf(s.opts.Log, "\nchaos: worker %d exited by itself (%v; see %s); starting it again\n", i+1, c.err, logPath)
			if s.pause(workerRestartPause) {
				return
			}
		}
	}
}

// pause waits d; true when the stack is stopping.
func (s *Stack) pause(d time.Duration) bool {
	select {
	case <-s.stopping:
		return true
	case <-time.After(d):
		return false
	}
}

// KillWorker SIGKILLs a worker process chosen at random (seeded) and
// returns once its supervisor has started another.
func (s *Stack) KillWorker(ctx context.Context) (string, error) {
	s.mu.Lock()
	i := s.rng.IntN(len(s.workers))
	c := s.workers[i]
	if c != nil {
		s.killed[c] = true
	}
	s.mu.Unlock()
	if c == nil || c.exited() {
		return "", fmt.Errorf("chaos: worker %d is not running", i+1)
	}
	pid := c.pid()
	c.kill()
	target := fmt.Sprintf("worker %d (pid %d)", i+1, pid)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		s.mu.Lock()
		next := s.workers[i]
		s.mu.Unlock()
		if next != c {
			return target, nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return target, fmt.Errorf("chaos: %s was not replaced within 30 s", target)
}

// RestartPostgres takes electionflow's database away by immediate
// shutdown, leaves it down for StackOptions.PostgresDown, and starts it
// again on the same port.
func (s *Stack) RestartPostgres(ctx context.Context) error {
	if err := s.app.Crash(ctx); err != nil {
		return err
	}
	select {
	case <-ctx.Done():
	case <-time.After(s.opts.PostgresDown):
	}
	return s.app.StartAgain(ctx)
}

// RestartTemporal SIGKILLs the Temporal server and starts it again on
// the same port and database, returning once it serves.
func (s *Stack) RestartTemporal(ctx context.Context) error {
	s.mu.Lock()
	c := s.temporal
	s.mu.Unlock()
	c.kill()
	return s.startTemporal(ctx)
}

// Stop stops the workers (SIGTERM, as an operator would), the Temporal
// server, then both clusters, and removes a temporary folder.
func (s *Stack) Stop() error {
	select {
	case <-s.stopping:
		return nil
	default:
		close(s.stopping)
	}
	s.wg.Wait()
	var errs []error
	s.mu.Lock()
	temporal := s.temporal
	s.mu.Unlock()
	if temporal != nil {
		temporal.stop(30 * time.Second)
	}
	if s.store != nil {
		s.store.Close()
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	for _, c := range []*pglocal.Cluster{s.tdb, s.app} {
		if c != nil {
			if err := c.Stop(ctx); err != nil {
				errs = append(errs, err)
			}
		}
	}
	if s.removeDir && s.dir != "" {
		if err := os.RemoveAll(s.dir); err != nil {
			errs = append(errs, fmt.Errorf("chaos: remove %s: %w", s.dir, err))
		}
	}
	return errors.Join(errs...)
}

// freeTCPPort returns a loopback port free at the time of the call.
func freeTCPPort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("chaos: find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// FindBinary returns the path of the program name (worker, devstack):
// given, if not empty; else the file of that name next to the running
// program (where `go build -o bin/ ./...` puts them); else the one on
// PATH. The error says how to get one.
func FindBinary(name, given string) (string, error) {
	if given != "" {
		if _, err := os.Stat(given); err != nil {
			return "", fmt.Errorf("chaos: the %s binary %s: %w", name, given, err)
		}
		return given, nil
	}
	self, err := os.Executable()
	if err == nil {
		beside := filepath.Join(filepath.Dir(self), name)
		if fi, err := os.Stat(beside); err == nil && !fi.IsDir() {
			return beside, nil
		}
	}
	if path, err := exec.LookPath(name); err == nil {
		return path, nil
	}
	return "", fmt.Errorf("chaos: no %s binary next to %s nor on PATH: build it (go build -o <folder> ./worker ./devstack) "+
		"and put it beside starter, or give --%s-bin", name, self, name)
}
