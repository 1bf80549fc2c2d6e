// Package devserver runs the whole Temporal stack inside the current process,
// for a developer's laptop and for tests: a single-process Temporal server
// (frontend, history, matching and worker services) persisting to
// PostgreSQL (databases of its own on electionflow's server, as production
// does) or to a SQLite file, so workflows survive a restart, and optionally
// the Temporal Web UI.
//
// It mirrors `temporal server start-dev` of the Temporal CLI, plus what
// electionflow needs on top: Temporal's schema created and upgraded
// in-process (no temporal-sql-tool), several history shards on Postgres
// (fixed when the database is created, and checked at every start), the
// namespace registered with a retention that fits weeks-long election work,
// and the custom search attributes the managers filter by registered
// idempotently.
//
// It is not meant for production: one process, no TLS, no auth.
package devserver

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/rs/zerolog"
	enumspb "go.temporal.io/api/enums/v1"
	sdkclient "go.temporal.io/sdk/client"
	sdklog "go.temporal.io/sdk/log"
	"go.temporal.io/server/common/authorization"
	"go.temporal.io/server/common/cluster"
	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/dynamicconfig"
	"go.temporal.io/server/common/membership/static"
	"go.temporal.io/server/common/primitives"
	"go.temporal.io/server/temporal"
)

const (
	// DefaultHost is the listen address used when Options.Host is empty.
	DefaultHost = "127.0.0.1"
	// DefaultNamespace is the namespace used when Options.Namespace is empty.
	DefaultNamespace = "default"
	// DBFileName is the name of the SQLite database file inside Options.DataDir.
	DBFileName = "temporal.db"
	// DefaultHistoryShards is the history shard count of a new Postgres
	// database when Options.HistoryShards is 0. Measured on the 2-core
	// machine (load_test.go: 64 workflows, 8 senders, updates running one
	// activity, two interleaved rounds of 20 s): 1 shard 77 and 87
	// updates/s, 2 shards 75 and 107, 4 shards 67 and 74, 8 shards 75 and
	// 83; p99 351/139, 208/130, 348/219, 233/234 ms. The box is CPU-bound,
	// so more shards only add work; 2 was best in both rounds and still
	// lets two workflows' updates proceed at once.
	DefaultHistoryShards = 2
	// sqliteHistoryShards is the shard count of a new SQLite database:
	// SQLite serialises every write, so more shards only add work.
	sqliteHistoryShards = 1

	// startTimeout bounds how long Start waits for the frontend to become
	// healthy and for the namespace setup, on top of the caller's context.
	startTimeout = 60 * time.Second
	// clusterName is the name of the single, local cluster.
	clusterName = "active"
	// sqliteStoreName names the SQLite data store in the server
	// configuration, postgresStoreName and postgresVisibilityStoreName the
	// Postgres ones.
	sqliteStoreName             = "sqlite-default"
	postgresStoreName           = "postgres-default"
	postgresVisibilityStoreName = "postgres-visibility"
)

// Options configures Start.
type Options struct {
	// Postgres, when set, makes the server persist to PostgreSQL; otherwise
	// it persists to SQLite in DataDir.
	Postgres *PostgresStore
	// DataDir is required without Postgres: the SQLite persistence lives in
	// DataDir/temporal.db so workflows survive a restart. The directory is
	// created if missing.
	DataDir string
	// HistoryShards is the number of history shards of a new database (0:
	// DefaultHistoryShards on Postgres, 1 on SQLite). An existing database
	// keeps the count it was created with: 0 uses it, and another count is
	// refused with a *ShardMismatchError.
	HistoryShards int32
	// Host is the IP address all listeners bind to; default "127.0.0.1".
	// "localhost" is accepted and means 127.0.0.1.
	Host string
	// FrontendPort is the gRPC port of the frontend; 0 picks a free port.
	FrontendPort int
	// UIPort is the HTTP port of the Web UI; 0 picks a free port and a
	// negative value runs no UI.
	UIPort int
	// Namespace is registered if missing (with a 30-day retention) and is the
	// UI's default namespace; default "default".
	Namespace string
	// SearchAttributes are custom search attributes registered in Namespace.
	// Registering is idempotent: existing attributes of the same type are
	// kept, an existing attribute with another type is an error.
	SearchAttributes map[string]enumspb.IndexedValueType
	// Logger receives the server's logs. If its level is unset (TraceLevel,
	// as left by zerolog.New), only warnings and errors are written so the
	// terminal stays readable, and nothing while Stop shuts the server down;
	// set a level explicitly to see more. The zero Logger discards
	// everything.
	Logger zerolog.Logger
}

// Server is a running embedded Temporal stack. Create it with Start and
// release it with Stop.
type Server struct {
	server       temporal.Server
	ui           *webUI
	logger       zerologAdapter
	quietOnStop  bool
	frontendAddr string
	namespace    string
	shards       int32

	stopOnce sync.Once
	stopErr  error
}

// Start starts the Temporal server (and the Web UI unless opts.UIPort is
// negative), waits until the frontend answers health checks, and registers
// opts.Namespace and opts.SearchAttributes. ctx bounds the start-up only;
// the server runs until Stop.
func Start(ctx context.Context, opts Options) (*Server, error) {
	return start(ctx, opts, tuning{})
}

// tuning overrides settings for measurements (see export_test.go); the
// zero tuning is what Start uses.
type tuning struct {
	// dynamic overrides dynamic config keys.
	dynamic map[string]any
	// sql adjusts the SQL store configurations.
	sql func(*config.SQL)
}

// stores are the server's persistence: one SQL configuration for the
// executions and one for visibility (the same for SQLite).
type stores struct {
	main, visibility *config.SQL
	// describe names the database in messages.
	describe string
	// defaultShards is the shard count of a new database.
	defaultShards int32
	postgres      bool
}

// start is Start with measurement overrides.
func start(ctx context.Context, opts Options, tune tuning) (*Server, error) {
	host := opts.Host
	switch host {
	case "":
		host = DefaultHost
	case "localhost": // the server needs an IP address
		host = DefaultHost
	}
	if net.ParseIP(host) == nil {
		return nil, fmt.Errorf("devserver: Options.Host %q is not an IP address", opts.Host)
	}
	namespace := opts.Namespace
	if namespace == "" {
		namespace = DefaultNamespace
	}

	st, err := prepareStores(ctx, opts, namespace)
	if err != nil {
		return nil, fmt.Errorf("devserver: %w", err)
	}
	if tune.sql != nil {
		tune.sql(st.main)
		if st.visibility != st.main {
			tune.sql(st.visibility)
		}
	}
	shards, err := resolveShardCount(ctx, st.main, clusterName, st.describe, opts.HistoryShards, st.defaultShards)
	if err != nil {
		return nil, fmt.Errorf("devserver: %w", err)
	}

	ports, err := choosePorts(host, opts.FrontendPort, opts.UIPort)
	if err != nil {
		return nil, fmt.Errorf("devserver: %w", err)
	}

	minLevel := serverLogLevel(opts.Logger)
	logger := newZerologAdapter(opts.Logger, minLevel)
	s := &Server{
		logger: logger,
		// Shutdown warnings are noise unless someone is debugging the server.
		quietOnStop:  opts.Logger.GetLevel() != zerolog.DebugLevel,
		frontendAddr: net.JoinHostPort(host, strconv.Itoa(ports.frontend)),
		namespace:    namespace,
		shards:       shards,
	}

	dyn := devDynamicConfig(st.postgres)
	for k, v := range tune.dynamic {
		dyn[dynamicconfig.MakeKey(k)] = v
	}
	serverOpts, err := buildServerOptions(host, ports, st, shards, dyn, logger)
	if err != nil {
		return nil, fmt.Errorf("devserver: %w", err)
	}
	s.server, err = temporal.NewServer(serverOpts...)
	if err != nil {
		return nil, fmt.Errorf("devserver: create Temporal server: %w", err)
	}
	if err := s.server.Start(); err != nil {
		_ = s.server.Stop()
		return nil, fmt.Errorf("devserver: start Temporal server: %w", err)
	}

	ctx, cancel := context.WithTimeout(ctx, startTimeout)
	defer cancel()
	if err := s.setUp(ctx, opts.SearchAttributes); err != nil {
		_ = s.Stop()
		return nil, fmt.Errorf("devserver: %w", err)
	}
	if ports.ui > 0 {
		s.ui, err = startUI(ctx, host, ports.ui, s.frontendAddr, namespace)
		if err != nil {
			_ = s.Stop()
			return nil, fmt.Errorf("devserver: %w", err)
		}
	}
	return s, nil
}

// prepareStores creates or upgrades the database opts asks for, with
// namespace registered, and returns its configuration.
func prepareStores(ctx context.Context, opts Options, namespace string) (stores, error) {
	if opts.Postgres != nil {
		p := opts.Postgres.withDefaults()
		if err := preparePostgres(ctx, p, clusterName, namespace); err != nil {
			return stores{}, err
		}
		return stores{
			main: p.sqlConfig(p.Database), visibility: p.sqlConfig(p.VisibilityDatabase),
			describe:      fmt.Sprintf("Temporal's Postgres database %s on %s:%d", p.Database, p.Host, p.Port),
			defaultShards: DefaultHistoryShards, postgres: true,
		}, nil
	}
	if opts.DataDir == "" {
		return stores{}, errors.New("Options.DataDir is required without Options.Postgres (the SQLite database is kept there)")
	}
	dataDir, err := filepath.Abs(opts.DataDir)
	if err != nil {
		return stores{}, fmt.Errorf("resolve data dir %q: %w", opts.DataDir, err)
	}
	if err := os.MkdirAll(dataDir, 0o755); err != nil {
		return stores{}, fmt.Errorf("create data dir: %w", err)
	}
	dbFile := filepath.Join(dataDir, DBFileName)
	sqlConf := sqliteConfig(dbFile)
	if err := prepareDatabase(sqlConf, clusterName, namespace); err != nil {
		return stores{}, err
	}
	return stores{main: sqlConf, visibility: sqlConf, describe: "Temporal's SQLite database " + dbFile,
		defaultShards: sqliteHistoryShards}, nil
}

// FrontendAddress returns the frontend's host:port, for client.Dial,
// TEMPORAL_ADDRESS or the temporal CLI's --address.
func (s *Server) FrontendAddress() string { return s.frontendAddr }

// UIURL returns the Web UI's base URL ("http://127.0.0.1:PORT"), or "" when
// the server runs without UI.
func (s *Server) UIURL() string {
	if s.ui == nil {
		return ""
	}
	return s.ui.url
}

// Namespace returns the namespace registered at start.
func (s *Server) Namespace() string { return s.namespace }

// HistoryShards returns the number of history shards the server runs with,
// the one recorded in its database.
func (s *Server) HistoryShards() int32 { return s.shards }

// Stop shuts down the Web UI, then the Temporal server. It is safe to call
// more than once; later calls return the first call's result.
func (s *Server) Stop() error {
	s.stopOnce.Do(func() {
		if s.quietOnStop {
			// While its services shut down one by one, the server routinely
			// logs warnings and even errors ("task queue closed") that mean
			// nothing to the user; a failed shutdown is reported by the
			// error returned below.
			s.logger.setMinLevel(zerolog.Disabled)
		}
		if s.ui != nil {
			s.ui.stop()
		}
		if err := s.server.Stop(); err != nil {
			s.stopErr = fmt.Errorf("devserver: stop Temporal server: %w", err)
		}
	})
	return s.stopErr
}

// setUp waits for the frontend to be healthy, then registers the search
// attributes.
func (s *Server) setUp(ctx context.Context, attrs map[string]enumspb.IndexedValueType) error {
	c, err := dialHealthy(ctx, s.frontendAddr, s.namespace)
	if err != nil {
		return err
	}
	defer c.Close()
	if err := ensureSearchAttributes(ctx, c.OperatorService(), s.namespace, attrs); err != nil {
		return err
	}
	return nil
}

// dialHealthy connects an SDK client to addr, retrying until the frontend
// accepts the connection and passes a health check, or ctx ends.
func dialHealthy(ctx context.Context, addr, namespace string) (sdkclient.Client, error) {
	var lastErr error
	for {
		c, err := dialOnce(ctx, addr, namespace)
		if err == nil {
			return c, nil
		}
		lastErr = err
		select {
		case <-ctx.Done():
			return nil, fmt.Errorf("frontend at %s not healthy (last error: %v): %w", addr, lastErr, ctx.Err())
		case <-time.After(100 * time.Millisecond):
		}
	}
}

// dialOnce makes one attempt to connect to addr and check its health.
func dialOnce(ctx context.Context, addr, namespace string) (sdkclient.Client, error) {
	attemptCtx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	c, err := sdkclient.DialContext(attemptCtx, sdkclient.Options{
		HostPort:  addr,
		Namespace: namespace,
		Logger:    sdklog.NewStructuredLogger(slog.New(slog.DiscardHandler)),
	})
	if err != nil {
		return nil, fmt.Errorf("dial: %w", err)
	}
	if _, err := c.CheckHealth(attemptCtx, &sdkclient.CheckHealthRequest{}); err != nil {
		c.Close()
		return nil, fmt.Errorf("health check: %w", err)
	}
	return c, nil
}

// portSet holds the ports of one server instance; ui is 0 without UI.
type portSet struct {
	frontend, frontendHTTP, history, matching, worker, ui int
}

// choosePorts resolves the configured ports and picks free ones for the
// internal services.
func choosePorts(host string, frontend, ui int) (portSet, error) {
	var p portSet
	var err error
	if p.frontend, err = resolvePort(host, frontend, "frontend"); err != nil {
		return p, err
	}
	// The frontend's HTTP API (which Nexus callbacks need) and the internal
	// services always get free ports.
	for _, internal := range []*int{&p.frontendHTTP, &p.history, &p.matching, &p.worker} {
		if *internal, err = freePort(host); err != nil {
			return p, err
		}
	}
	if ui >= 0 {
		if p.ui, err = resolvePort(host, ui, "UI"); err != nil {
			return p, err
		}
	}
	return p, nil
}

// buildServerOptions assembles the temporal.NewServer options, following
// the Temporal CLI dev server.
func buildServerOptions(host string, ports portSet, st stores, shards int32, dyn dynamicconfig.StaticClient, logger zerologAdapter) ([]temporal.ServerOption, error) {
	conf := buildServerConfig(host, ports, st, shards)
	authorizer, err := authorization.GetAuthorizerFromConfig(&conf.Global.Authorization)
	if err != nil {
		return nil, fmt.Errorf("create authorizer: %w", err)
	}
	claimMapper, err := authorization.GetClaimMapperFromConfig(&conf.Global.Authorization, logger)
	if err != nil {
		return nil, fmt.Errorf("create claim mapper: %w", err)
	}
	hostPort := func(port int) static.Hosts {
		return static.SingleLocalHost(net.JoinHostPort(host, strconv.Itoa(port)))
	}
	return []temporal.ServerOption{
		temporal.WithConfig(conf),
		temporal.ForServices(temporal.DefaultServices),
		temporal.WithStaticHosts(map[primitives.ServiceName]static.Hosts{
			primitives.FrontendService: hostPort(ports.frontend),
			primitives.HistoryService:  hostPort(ports.history),
			primitives.MatchingService: hostPort(ports.matching),
			primitives.WorkerService:   hostPort(ports.worker),
		}),
		temporal.WithLogger(logger),
		temporal.WithAuthorizer(authorizer),
		temporal.WithClaimMapper(func(*config.Config) authorization.ClaimMapper { return claimMapper }),
		temporal.WithDynamicConfigClient(dyn),
	}, nil
}

// devDynamicConfig returns the dynamic configuration of the dev server,
// on Postgres when postgres is set and on SQLite otherwise.
func devDynamicConfig(postgres bool) dynamicconfig.StaticClient {
	dc := dynamicconfig.StaticClient{
		// Search attributes registered at start are usable at once instead
		// of after the cache refresh (as in the CLI dev server).
		dynamicconfig.ForceSearchAttributesCacheRefreshOnRead.Key(): true,
		// With that cache bypassed, raise the persistence rate limits, in
		// the CLI's ratio.
		dynamicconfig.FrontendPersistenceMaxQPS.Key(): 10000,
		dynamicconfig.HistoryPersistenceMaxQPS.Key():  45000,
		// The Web UI and progress views list workflows a lot; the default
		// of 10 visibility requests per second is easily hit (CLI value).
		dynamicconfig.FrontendMaxNamespaceVisibilityRPSPerInstance.Key(): 100,
		// A laptop does not need a 128k-entry mutable state cache (CLI value).
		dynamicconfig.HistoryCacheHostLevelMaxSize.Key(): 8096,
		// Human tasks are Workflow Updates: pin them on rather than rely on
		// the server version's defaults.
		dynamicconfig.FrontendEnableUpdateWorkflowExecution.Key():              true,
		dynamicconfig.FrontendEnableUpdateWorkflowExecutionAsyncAccepted.Key(): true,
	}
	if postgres {
		// The figures below are from load_test.go on the 2-core machine,
		// each setting against its alternative in the same run (two
		// rounds), 4 shards.
		//
		// A national rehearsal keeps about 3,356 checklists x 6 workflows
		// = 20,000 open; with fewer cache entries than open workflows,
		// every update reloads a workflow's state from the database:
		// 1,024 workflows over a 256-entry cache served 67.9 and 113.2
		// updates/s against 77.5 and 120.5 with 8,096 entries (x1.14,
		// x1.06). 24,000 entries hold the rehearsal's open workflows.
		dc[dynamicconfig.HistoryCacheHostLevelMaxSize.Key()] = 24000
		// One partition per task queue: partitions spread a busy queue
		// over matching hosts, and here there is one. 4 partitions
		// (default) 67.3 and 74.2 updates/s, 1 partition 72.0 and 97.9
		// (x1.07, x1.32).
		dc[dynamicconfig.MatchingNumTaskqueueReadPartitions.Key()] = 1
		dc[dynamicconfig.MatchingNumTaskqueueWritePartitions.Key()] = 1
		// The persistence rate limits above were not reached: at about
		// 100 updates/s of about 10 writes each, history stays far below
		// its 45,000 QPS, so they are left as on SQLite.
	}
	return dc
}

// buildServerConfig returns the static server configuration: one process,
// shards history shards, st for the default and the visibility store.
func buildServerConfig(host string, ports portSet, st stores, shards int32) *config.Config {
	frontendAddr := net.JoinHostPort(host, strconv.Itoa(ports.frontend))
	service := func(port int) config.Service {
		return config.Service{RPC: config.RPC{GRPCPort: port, BindOnIP: host}}
	}
	var conf config.Config
	conf.Global.Membership.MaxJoinDuration = 30 * time.Second
	conf.Global.Membership.BroadcastAddress = host
	conf.Persistence.NumHistoryShards = shards
	if st.postgres {
		conf.Persistence.DefaultStore = postgresStoreName
		conf.Persistence.VisibilityStore = postgresVisibilityStoreName
		conf.Persistence.DataStores = map[string]config.DataStore{
			postgresStoreName:           {SQL: st.main},
			postgresVisibilityStoreName: {SQL: st.visibility},
		}
	} else {
		// One store for both, as the CLI dev server: one file, one pool.
		conf.Persistence.DefaultStore = sqliteStoreName
		conf.Persistence.VisibilityStore = sqliteStoreName
		conf.Persistence.DataStores = map[string]config.DataStore{sqliteStoreName: {SQL: st.main}}
	}
	conf.ClusterMetadata = &cluster.Config{
		EnableGlobalNamespace:    false,
		FailoverVersionIncrement: 10,
		MasterClusterName:        clusterName,
		CurrentClusterName:       clusterName,
		ClusterInformation: map[string]cluster.ClusterInformation{
			clusterName: {
				Enabled:                true,
				InitialFailoverVersion: 1,
				RPCAddress:             frontendAddr,
				HTTPAddress:            net.JoinHostPort(host, strconv.Itoa(ports.frontendHTTP)),
				// Only used when the cluster metadata is first written.
				ClusterID: uuid.NewString(),
			},
		},
	}
	conf.DCRedirectionPolicy.Policy = "noop"
	frontend := service(ports.frontend)
	frontend.RPC.HTTPPort = ports.frontendHTTP
	conf.Services = map[string]config.Service{
		string(primitives.FrontendService): frontend,
		string(primitives.HistoryService):  service(ports.history),
		string(primitives.MatchingService): service(ports.matching),
		string(primitives.WorkerService):   service(ports.worker),
	}
	conf.Archival.History.State = "disabled"
	conf.Archival.Visibility.State = "disabled"
	conf.NamespaceDefaults.Archival.History.State = "disabled"
	conf.NamespaceDefaults.Archival.Visibility.State = "disabled"
	conf.PublicClient.HostPort = frontendAddr
	return &conf
}
