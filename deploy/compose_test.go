package deploy

import (
	"bufio"
	"context"
	"net"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/compose-spec/compose-go/v2/types"
	"go.temporal.io/server/common/dynamicconfig"

	"electionflow/internal/config"
)

// repoRoot is the module root, where docker-compose.yml and the Dockerfile
// live; tests run in deploy/.
const repoRoot = ".."

// Service names the stack is built from.
const (
	svcPostgres       = "postgres"
	svcTemporalSchema = "temporal-schema"
	svcTemporal       = "temporal"
	svcTemporalSetup  = "temporal-setup"
	svcTemporalUI     = "temporal-ui"
	svcWorker         = "worker"
	svcWebapp         = "webapp"
)

// temporalFrontendPort is the Temporal frontend's gRPC port.
const temporalFrontendPort = "7233"

// searchAttributes are the custom search attributes the workflows upsert;
// the namespace must have every one with exactly this type.
var searchAttributes = []struct{ name, typ string }{
	{"ElectionTerm", "Keyword"},
	{"CouncilLevel", "Keyword"},
	{"Province", "Keyword"},
	{"CouncilCode", "Keyword"},
	{"ChecklistStage", "Keyword"},
	{"OpenTasks", "Int"},
	{"OverdueTasks", "Int"},
	{"NextDeadline", "Datetime"},
}

// sqlVisibilityLimits is how many custom search attributes of each type SQL
// visibility (Postgres) allows per namespace.
var sqlVisibilityLimits = map[string]int{
	"Keyword": 10, "Int": 3, "Datetime": 3, "Double": 3, "Bool": 3, "Text": 3, "KeywordList": 3,
}

// overrides is what a production .env might set; loading with it checks
// that every consumer of a secret or setting takes it from the same variable.
var overrides = map[string]string{
	"POSTGRES_PASSWORD":        "su-secret",
	"ELECTIONFLOW_DB_PASSWORD": "app-secret",
	"TEMPORAL_DB_PASSWORD":     "temporal-secret",
	"TEMPORAL_NAMESPACE":       "election-2026",
	"ELECTIONFLOW_TASK_QUEUE":  "electionflow-prod",
	"ELECTIONFLOW_LOG_LEVEL":   "debug",
}

// environments loads the compose file with no variables set (the
// development defaults apply) and with production-like overrides.
var environments = []struct {
	name string
	env  map[string]string
}{
	{"defaults", nil},
	{"overrides", overrides},
}

// loadProject loads docker-compose.yml the way `docker compose` does, with
// interpolation from env only (never from the test's own environment or a
// .env file), normalization and the consistency checks.
func loadProject(t *testing.T, env map[string]string) *types.Project {
	t.Helper()
	var kv []string
	for k, v := range env {
		kv = append(kv, k+"="+v)
	}
	opts, err := cli.NewProjectOptions(
		[]string{filepath.Join(repoRoot, "docker-compose.yml")},
		cli.WithWorkingDirectory(repoRoot),
		cli.WithEnv(kv),
		cli.WithConsistency(true),
		cli.WithResolvedPaths(true),
	)
	if err != nil {
		t.Fatalf("compose options: %v", err)
	}
	p, err := opts.LoadProject(context.Background())
	if err != nil {
		t.Fatalf("load docker-compose.yml: %v", err)
	}
	return p
}

func service(t *testing.T, p *types.Project, name string) types.ServiceConfig {
	t.Helper()
	s, err := p.GetService(name)
	if err != nil {
		t.Fatalf("service %q: %v", name, err)
	}
	return s
}

// envOf returns a service's environment variable; unset and empty are both
// reported as not set.
func envOf(s types.ServiceConfig, name string) (string, bool) {
	v, ok := s.Environment[name]
	if !ok || v == nil || *v == "" {
		return "", false
	}
	return *v, true
}

func mustEnv(t *testing.T, s types.ServiceConfig, name string) string {
	t.Helper()
	v, ok := envOf(s, name)
	if !ok {
		t.Fatalf("service %q: environment %s is not set", s.Name, name)
	}
	return v
}

// script returns the shell script a one-shot service runs: its command,
// with backslash-continued lines joined, one logical line per element.
func script(t *testing.T, s types.ServiceConfig) []string {
	t.Helper()
	if len(s.Command) == 0 {
		t.Fatalf("service %q has no command", s.Name)
	}
	text := strings.Join(s.Command, "\n")
	text = strings.ReplaceAll(text, "\\\n", " ")
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			lines = append(lines, l)
		}
	}
	return lines
}

// readRepoFile reads a file relative to the module root.
func readRepoFile(t *testing.T, rel string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(repoRoot, filepath.FromSlash(rel)))
	if err != nil {
		t.Fatalf("read %s: %v", rel, err)
	}
	return string(b)
}

// goModVersion returns the version go.mod requires for module path.
func goModVersion(t *testing.T, path string) string {
	t.Helper()
	re := regexp.MustCompile(`(?m)^\s*(?:require\s+)?` + regexp.QuoteMeta(path) + `\s+v(\S+)`)
	m := re.FindStringSubmatch(readRepoFile(t, "go.mod"))
	if m == nil {
		t.Fatalf("go.mod does not require %s", path)
	}
	return m[1]
}

func TestServicesExist(t *testing.T) {
	p := loadProject(t, nil)
	for _, name := range []string{svcPostgres, svcTemporalSchema, svcTemporal, svcTemporalSetup, svcTemporalUI, svcWorker, svcWebapp} {
		if _, err := p.GetService(name); err != nil {
			t.Errorf("service %q missing from docker-compose.yml: %v (have %v)", name, err, p.ServiceNames())
		}
	}
}

func TestPublishedPorts(t *testing.T) {
	p := loadProject(t, nil)
	tests := []struct {
		service   string
		target    uint32
		published string
		hostIP    string // "" means any interface
	}{
		{svcTemporal, 7233, "7233", ""},
		{svcTemporalUI, 8080, "8080", ""},
		{svcWebapp, 8090, "8090", ""},
		// Optional, for psql from the host only.
		{svcPostgres, 5432, "5432", "127.0.0.1"},
	}
	for _, tc := range tests {
		t.Run(tc.service, func(t *testing.T) {
			s := service(t, p, tc.service)
			for _, port := range s.Ports {
				if port.Target == tc.target && port.Published == tc.published {
					if port.HostIP != tc.hostIP {
						t.Errorf("port %s published on %q, want %q", tc.published, port.HostIP, tc.hostIP)
					}
					return
				}
			}
			t.Errorf("service %q does not publish %s:%d (ports %+v)", tc.service, tc.published, tc.target, s.Ports)
		})
	}
	// Nothing else should be reachable from outside.
	for _, s := range []string{svcTemporalSchema, svcTemporalSetup, svcWorker} {
		if ports := service(t, p, s).Ports; len(ports) != 0 {
			t.Errorf("service %q publishes ports %+v; it serves nothing", s, ports)
		}
	}
}

func TestImagesPinned(t *testing.T) {
	p := loadProject(t, nil)
	server := goModVersion(t, "go.temporal.io/server")
	ui := goModVersion(t, "github.com/temporalio/ui-server/v2")
	tests := []struct {
		service, image string
	}{
		// The same server release devstack embeds, so both behave alike.
		{svcTemporalSchema, "temporalio/admin-tools:" + server},
		{svcTemporal, "temporalio/server:" + server},
		{svcTemporalSetup, "temporalio/admin-tools:" + server},
		{svcTemporalUI, "temporalio/ui:" + ui},
	}
	for _, tc := range tests {
		if got := service(t, p, tc.service).Image; got != tc.image {
			t.Errorf("service %q image = %q, want %q (go.mod versions)", tc.service, got, tc.image)
		}
	}
	for name, s := range p.Services {
		if s.Build != nil {
			continue
		}
		ref := s.Image
		if strings.Contains(ref, "@sha256:") {
			continue // a digest pins it
		}
		i := strings.LastIndex(ref, ":")
		if i < 0 || strings.Contains(ref[i:], "/") {
			t.Errorf("service %q image %q has no tag", name, s.Image)
			continue
		}
		if tag := ref[i+1:]; tag == "latest" || tag == "" {
			t.Errorf("service %q image %q is not pinned", name, s.Image)
		}
	}
}

func TestWorkerIsBuiltFromDockerfile(t *testing.T) {
	p := loadProject(t, nil)
	w := service(t, p, svcWorker)
	if w.Build == nil {
		t.Fatal("worker has no build section")
	}
	root, err := filepath.Abs(repoRoot)
	if err != nil {
		t.Fatal(err)
	}
	if w.Build.Context != root {
		t.Errorf("worker build context = %q, want the module root %q", w.Build.Context, root)
	}
	if w.Build.Dockerfile != "Dockerfile" {
		t.Errorf("worker build dockerfile = %q, want Dockerfile", w.Build.Dockerfile)
	}
	if _, err := os.Stat(filepath.Join(w.Build.Context, w.Build.Dockerfile)); err != nil {
		t.Errorf("worker Dockerfile: %v", err)
	}
	if w.Restart == "" || w.Restart == types.RestartPolicyNo {
		t.Errorf("worker restart = %q, want a restart policy", w.Restart)
	}
}

func TestWorkerEnvironment(t *testing.T) {
	known := config.EnvNames()
	for _, e := range environments {
		t.Run(e.name, func(t *testing.T) {
			p := loadProject(t, e.env)
			w := service(t, p, svcWorker)

			for name := range w.Environment {
				if !slices.Contains(known, name) {
					t.Errorf("worker sets %s, which electionflow does not read (config.EnvNames: %v)", name, known)
				}
			}
			for _, name := range []string{
				config.EnvDatabaseURL, config.EnvTaskQueue, config.EnvLogLevel,
				"TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE",
			} {
				if !slices.Contains(known, name) {
					t.Errorf("%s is no longer in config.EnvNames", name)
				}
				if _, ok := envOf(w, name); !ok {
					t.Errorf("worker environment %s is not set", name)
				}
			}
			if _, ok := envOf(w, config.EnvDataDir); ok {
				t.Errorf("worker sets %s; that is devstack's data folder", config.EnvDataDir)
			}

			// The binaries' own reader accepts the values.
			lookup := func(name string) (string, bool) { return envOf(w, name) }
			cfg, err := config.FromEnv(lookup)
			if err != nil {
				t.Fatalf("config.FromEnv(worker environment): %v", err)
			}
			if _, err := cfg.RequireDatabaseURL(); err != nil {
				t.Error(err)
			}
			wantQueue := config.DefaultTaskQueue
			if q, ok := e.env[config.EnvTaskQueue]; ok {
				wantQueue = q
			}
			if cfg.TaskQueue != wantQueue {
				t.Errorf("task queue = %q, want %q", cfg.TaskQueue, wantQueue)
			}
			opts, err := cfg.TemporalClientOptions()
			if err != nil {
				t.Fatalf("TemporalClientOptions: %v", err)
			}
			if want := svcTemporal + ":" + temporalFrontendPort; opts.HostPort != want {
				t.Errorf("Temporal client HostPort = %q, want %q", opts.HostPort, want)
			}
			if want := mustEnv(t, w, "TEMPORAL_NAMESPACE"); opts.Namespace != want {
				t.Errorf("Temporal client Namespace = %q, want %q", opts.Namespace, want)
			}
		})
	}
}

// The web app reads the same variables as the worker, with the same
// values, and listens on every interface inside its container.
func TestWebappEnvironment(t *testing.T) {
	known := config.EnvNames()
	for _, e := range environments {
		t.Run(e.name, func(t *testing.T) {
			p := loadProject(t, e.env)
			w, web := service(t, p, svcWorker), service(t, p, svcWebapp)
			for name := range web.Environment {
				if !slices.Contains(known, name) {
					t.Errorf("webapp sets %s, which electionflow does not read", name)
				}
			}
			for _, name := range []string{config.EnvDatabaseURL, "TEMPORAL_ADDRESS", "TEMPORAL_NAMESPACE", config.EnvTaskQueue} {
				if got, want := mustEnv(t, web, name), mustEnv(t, w, name); got != want {
					t.Errorf("webapp %s = %q, worker has %q", name, got, want)
				}
			}
			if web.Image != w.Image || len(web.Entrypoint) != 1 || web.Entrypoint[0] != "/usr/local/bin/webapp" {
				t.Errorf("webapp image %q entrypoint %v, want the worker's image %q running /usr/local/bin/webapp", web.Image, web.Entrypoint, w.Image)
			}
			if !slices.Contains(web.Command, "0.0.0.0:8090") {
				t.Errorf("webapp command %v does not listen on 0.0.0.0:8090", web.Command)
			}
		})
	}
}

func TestDatabaseURL(t *testing.T) {
	initdb := readRepoFile(t, "deploy/postgres/initdb/10-roles.sh")
	for _, e := range environments {
		t.Run(e.name, func(t *testing.T) {
			p := loadProject(t, e.env)
			w := service(t, p, svcWorker)
			pg := service(t, p, svcPostgres)

			raw := mustEnv(t, w, config.EnvDatabaseURL)
			u, err := url.Parse(raw)
			if err != nil {
				t.Fatalf("DATABASE_URL %q: %v", raw, err)
			}
			if u.Scheme != "postgres" && u.Scheme != "postgresql" {
				t.Errorf("DATABASE_URL scheme = %q, want postgres", u.Scheme)
			}
			if u.Hostname() != svcPostgres {
				t.Errorf("DATABASE_URL host = %q, want the %q service", u.Hostname(), svcPostgres)
			}
			if u.Port() != "5432" {
				t.Errorf("DATABASE_URL port = %q, want 5432 (the container port)", u.Port())
			}
			db := strings.TrimPrefix(u.Path, "/")
			if want := mustEnv(t, pg, "POSTGRES_DB"); db != want {
				t.Errorf("DATABASE_URL database = %q, but postgres creates POSTGRES_DB=%q", db, want)
			}
			user := u.User.Username()
			if !regexp.MustCompile(`(?m)^CREATE ROLE ` + regexp.QuoteMeta(user) + ` LOGIN\b`).MatchString(initdb) {
				t.Errorf("DATABASE_URL user %q is not created by deploy/postgres/initdb/10-roles.sh", user)
			}
			if !strings.Contains(initdb, `ALTER DATABASE :"app_db" OWNER TO `+user+`;`) {
				t.Errorf("the init script does not make %q the owner of the database (it runs the migrations)", user)
			}
			pw, _ := u.User.Password()
			if want := mustEnv(t, pg, "ELECTIONFLOW_DB_PASSWORD"); pw != want {
				t.Errorf("DATABASE_URL password = %q, but the role is created with ELECTIONFLOW_DB_PASSWORD=%q", pw, want)
			}
			if want, ok := e.env["ELECTIONFLOW_DB_PASSWORD"]; ok && pw != want {
				t.Errorf("DATABASE_URL password = %q, want the ELECTIONFLOW_DB_PASSWORD override %q", pw, want)
			}
			if want, ok := e.env["POSTGRES_PASSWORD"]; ok {
				if got := mustEnv(t, pg, "POSTGRES_PASSWORD"); got != want {
					t.Errorf("POSTGRES_PASSWORD = %q, want the override %q", got, want)
				}
			}
		})
	}
}

func TestTemporalAddresses(t *testing.T) {
	for _, e := range environments {
		t.Run(e.name, func(t *testing.T) {
			p := loadProject(t, e.env)
			tests := []struct {
				service, variable string
			}{
				{svcWorker, "TEMPORAL_ADDRESS"},
				{svcTemporalUI, "TEMPORAL_ADDRESS"},
				{svcTemporalSetup, "TEMPORAL_ADDRESS"},
			}
			for _, tc := range tests {
				addr := mustEnv(t, service(t, p, tc.service), tc.variable)
				host, port, err := net.SplitHostPort(addr)
				if err != nil {
					t.Errorf("%s %s = %q: %v", tc.service, tc.variable, addr, err)
					continue
				}
				if host != svcTemporal || port != temporalFrontendPort {
					t.Errorf("%s %s = %q, want %s:%s", tc.service, tc.variable, addr, svcTemporal, temporalFrontendPort)
				}
			}
			listens := false
			for _, port := range service(t, p, svcTemporal).Ports {
				listens = listens || port.Target == 7233
			}
			if !listens {
				t.Errorf("the %q service does not expose %s", svcTemporal, temporalFrontendPort)
			}
			if bind, _ := envOf(service(t, p, svcTemporal), "BIND_ON_IP"); bind != "0.0.0.0" {
				t.Errorf("temporal BIND_ON_IP = %q, want 0.0.0.0 so other containers reach it", bind)
			}

			// One namespace: the worker polls the one the setup creates and the
			// UI opens.
			ns := mustEnv(t, service(t, p, svcWorker), "TEMPORAL_NAMESPACE")
			if want, ok := e.env["TEMPORAL_NAMESPACE"]; ok && ns != want {
				t.Errorf("worker TEMPORAL_NAMESPACE = %q, want the override %q", ns, want)
			}
			if got := mustEnv(t, service(t, p, svcTemporalSetup), "TEMPORAL_NAMESPACE"); got != ns {
				t.Errorf("temporal-setup creates namespace %q, the worker uses %q", got, ns)
			}
			if got := mustEnv(t, service(t, p, svcTemporalUI), "TEMPORAL_DEFAULT_NAMESPACE"); got != ns {
				t.Errorf("temporal-ui opens namespace %q, the worker uses %q", got, ns)
			}
		})
	}
}

// sqlToolCall is one temporal-sql-tool invocation: its --db and command.
type sqlToolCall struct{ db, cmd, args string }

func sqlToolCalls(t *testing.T, s types.ServiceConfig) []sqlToolCall {
	t.Helper()
	var calls []sqlToolCall
	for _, line := range script(t, s) {
		f := strings.Fields(line)
		if len(f) == 0 || f[0] != "temporal-sql-tool" {
			continue
		}
		var c sqlToolCall
		for i := 1; i < len(f); i++ {
			switch {
			case (f[i] == "--db" || f[i] == "--database") && i+1 < len(f):
				c.db = f[i+1]
				i++
			case c.cmd == "" && !strings.HasPrefix(f[i], "-"):
				c.cmd = f[i]
				c.args = strings.Join(f[i+1:], " ")
			}
		}
		calls = append(calls, c)
	}
	return calls
}

func TestTemporalPersistence(t *testing.T) {
	initdb := readRepoFile(t, "deploy/postgres/initdb/10-roles.sh")
	for _, e := range environments {
		t.Run(e.name, func(t *testing.T) {
			p := loadProject(t, e.env)
			srv := service(t, p, svcTemporal)
			schema := service(t, p, svcTemporalSchema)
			pg := service(t, p, svcPostgres)

			if got := mustEnv(t, srv, "DB"); got != "postgres12" {
				t.Errorf("temporal DB = %q, want postgres12", got)
			}
			if got := mustEnv(t, schema, "SQL_PLUGIN"); got != mustEnv(t, srv, "DB") {
				t.Errorf("temporal-schema SQL_PLUGIN = %q, server DB = %q", got, mustEnv(t, srv, "DB"))
			}
			for _, tc := range []struct{ svc, variable string }{
				{svcTemporal, "POSTGRES_SEEDS"}, {svcTemporalSchema, "SQL_HOST"},
			} {
				if got := mustEnv(t, service(t, p, tc.svc), tc.variable); got != svcPostgres {
					t.Errorf("%s %s = %q, want the %q service", tc.svc, tc.variable, got, svcPostgres)
				}
			}
			for _, tc := range []struct{ svc, variable string }{
				{svcTemporal, "DB_PORT"}, {svcTemporalSchema, "SQL_PORT"},
			} {
				if got := mustEnv(t, service(t, p, tc.svc), tc.variable); got != "5432" {
					t.Errorf("%s %s = %q, want 5432", tc.svc, tc.variable, got)
				}
			}

			user := mustEnv(t, srv, "POSTGRES_USER")
			if got := mustEnv(t, schema, "SQL_USER"); got != user {
				t.Errorf("temporal-schema SQL_USER = %q, server POSTGRES_USER = %q", got, user)
			}
			if !regexp.MustCompile(`(?m)^CREATE ROLE ` + regexp.QuoteMeta(user) + ` LOGIN CREATEDB\b`).MatchString(initdb) {
				t.Errorf("role %q is not created with CREATEDB by deploy/postgres/initdb/10-roles.sh", user)
			}
			pw := mustEnv(t, pg, "TEMPORAL_DB_PASSWORD")
			if got := mustEnv(t, srv, "POSTGRES_PWD"); got != pw {
				t.Errorf("temporal POSTGRES_PWD = %q, role password TEMPORAL_DB_PASSWORD = %q", got, pw)
			}
			if got := mustEnv(t, schema, "SQL_PASSWORD"); got != pw {
				t.Errorf("temporal-schema SQL_PASSWORD = %q, role password TEMPORAL_DB_PASSWORD = %q", got, pw)
			}
			if want, ok := e.env["TEMPORAL_DB_PASSWORD"]; ok && pw != want {
				t.Errorf("TEMPORAL_DB_PASSWORD = %q, want the override %q", pw, want)
			}

			// Both databases the server uses are created and migrated, in order.
			calls := sqlToolCalls(t, schema)
			for _, tc := range []struct{ variable, schemaDir string }{
				{"DBNAME", "/etc/temporal/schema/postgresql/v12/temporal/versioned"},
				{"VISIBILITY_DBNAME", "/etc/temporal/schema/postgresql/v12/visibility/versioned"},
			} {
				db := mustEnv(t, srv, tc.variable)
				var got []string
				for _, c := range calls {
					if c.db != db {
						continue
					}
					got = append(got, c.cmd)
					if c.cmd == "update-schema" && c.args != "-d "+tc.schemaDir {
						t.Errorf("update-schema of %q: args %q, want -d %s", db, c.args, tc.schemaDir)
					}
				}
				if want := []string{"create", "setup-schema", "update-schema"}; !slices.Equal(got, want) {
					t.Errorf("temporal-schema runs %v on %s=%q, want %v", got, tc.variable, db, want)
				}
			}
		})
	}
}

// registeredSearchAttributes parses the `temporal operator search-attribute
// create` calls of a service's script into name -> type.
func registeredSearchAttributes(t *testing.T, s types.ServiceConfig) map[string]string {
	t.Helper()
	got := map[string]string{}
	for _, line := range script(t, s) {
		if !strings.Contains(line, "temporal operator search-attribute create") {
			continue
		}
		f := strings.Fields(line)
		var names, typs []string
		for i := 0; i < len(f); i++ {
			flag, val, hasVal := strings.Cut(f[i], "=")
			if !hasVal && i+1 < len(f) {
				val = f[i+1]
			}
			switch flag {
			case "--name":
				names = append(names, strings.Trim(val, `"'`))
			case "--type":
				typs = append(typs, strings.Trim(val, `"'`))
			default:
				continue
			}
			if !hasVal {
				i++
			}
		}
		if len(names) != len(typs) {
			t.Fatalf("search-attribute create with %d --name and %d --type: %s", len(names), len(typs), line)
		}
		if !strings.Contains(line, `--namespace "$TEMPORAL_NAMESPACE"`) {
			t.Errorf("search-attribute create does not name the namespace the worker uses: %s", line)
		}
		for i, n := range names {
			got[n] = typs[i]
		}
	}
	return got
}

func TestSearchAttributesRegistered(t *testing.T) {
	p := loadProject(t, nil)
	setup := service(t, p, svcTemporalSetup)
	got := registeredSearchAttributes(t, setup)
	for _, sa := range searchAttributes {
		t.Run(sa.name, func(t *testing.T) {
			typ, ok := got[sa.name]
			if !ok {
				t.Fatalf("%s is not registered by the %s service", sa.name, svcTemporalSetup)
			}
			if typ != sa.typ {
				t.Errorf("%s registered as %s, want %s", sa.name, typ, sa.typ)
			}
		})
	}
	perType := map[string]int{}
	for name, typ := range got {
		perType[typ]++
		if !slices.ContainsFunc(searchAttributes, func(sa struct{ name, typ string }) bool { return sa.name == name }) {
			t.Errorf("%s registers %s (%s), which the workflows do not use", svcTemporalSetup, name, typ)
		}
	}
	for typ, n := range perType {
		limit, ok := sqlVisibilityLimits[typ]
		if !ok {
			t.Errorf("unknown search attribute type %q", typ)
		} else if n > limit {
			t.Errorf("%d %s search attributes; SQL visibility allows %d", n, typ, limit)
		}
	}
	// The namespace exists before attributes are added to it.
	lines := script(t, setup)
	create := slices.IndexFunc(lines, func(l string) bool {
		return strings.Contains(l, "temporal operator namespace create")
	})
	attrs := slices.IndexFunc(lines, func(l string) bool {
		return strings.Contains(l, "temporal operator search-attribute create")
	})
	if create < 0 || attrs < 0 || create > attrs {
		t.Errorf("%s must create the namespace (line %d) before the search attributes (line %d)", svcTemporalSetup, create, attrs)
	}
}

// TestOneShotScripts checks that the setup containers stop at the first
// failing step (so nothing that depends on them starts) and that their
// scripts, after compose's $$ unescaping, are valid shell.
func TestOneShotScripts(t *testing.T) {
	p := loadProject(t, nil)
	sh, err := exec.LookPath("sh")
	for _, name := range []string{svcTemporalSchema, svcTemporalSetup} {
		t.Run(name, func(t *testing.T) {
			s := service(t, p, name)
			if want := []string{"/bin/sh", "-ec"}; !slices.Equal(s.Entrypoint, want) {
				t.Errorf("entrypoint %q, want %q", s.Entrypoint, want)
			}
			if len(s.Command) != 1 {
				t.Fatalf("command has %d elements, want the script as one", len(s.Command))
			}
			if err != nil {
				t.Skipf("no sh to check the syntax with: %v", err)
			}
			if out, err := exec.Command(sh, "-n", "-c", s.Command[0]).CombinedOutput(); err != nil {
				t.Errorf("sh -n: %v\n%s", err, out)
			}
		})
	}
}

func TestDependsOn(t *testing.T) {
	p := loadProject(t, nil)
	tests := []struct {
		service, on, condition string
	}{
		{svcTemporalSchema, svcPostgres, types.ServiceConditionHealthy},
		{svcTemporal, svcPostgres, types.ServiceConditionHealthy},
		{svcTemporal, svcTemporalSchema, types.ServiceConditionCompletedSuccessfully},
		{svcTemporalSetup, svcTemporal, types.ServiceConditionHealthy},
		{svcTemporalUI, svcTemporal, types.ServiceConditionHealthy},
		{svcWorker, svcPostgres, types.ServiceConditionHealthy},
		{svcWorker, svcTemporal, types.ServiceConditionHealthy},
		{svcWorker, svcTemporalSetup, types.ServiceConditionCompletedSuccessfully},
	}
	for _, tc := range tests {
		t.Run(tc.service+"->"+tc.on, func(t *testing.T) {
			dep, ok := service(t, p, tc.service).DependsOn[tc.on]
			if !ok {
				t.Fatalf("%s does not depend on %s", tc.service, tc.on)
			}
			if dep.Condition != tc.condition {
				t.Errorf("%s depends on %s with condition %q, want %q", tc.service, tc.on, dep.Condition, tc.condition)
			}
		})
	}
	// Conditions that can be met: a healthy target has a healthcheck, a
	// completed one exits (no restart-always policy).
	for name, s := range p.Services {
		for on, dep := range s.DependsOn {
			target := service(t, p, on)
			switch dep.Condition {
			case types.ServiceConditionHealthy:
				if target.HealthCheck == nil || target.HealthCheck.Disable || len(target.HealthCheck.Test) == 0 {
					t.Errorf("%s waits for %s to be healthy, but %s has no healthcheck", name, on, on)
				}
			case types.ServiceConditionCompletedSuccessfully:
				if target.Restart == types.RestartPolicyAlways || target.Restart == types.RestartPolicyUnlessStopped {
					t.Errorf("%s waits for %s to complete, but %s restarts %q", name, on, on, target.Restart)
				}
			}
		}
	}
	if hc := service(t, p, svcPostgres).HealthCheck; hc == nil || !strings.Contains(strings.Join(hc.Test, " "), "pg_isready") {
		t.Errorf("postgres healthcheck does not use pg_isready: %+v", hc)
	}
}

func TestBindMountsExist(t *testing.T) {
	p := loadProject(t, nil)
	tests := []struct {
		service, target, source string
	}{
		{svcPostgres, "/docker-entrypoint-initdb.d", "deploy/postgres/initdb"},
		{svcTemporal, "/etc/temporal/config/dynamicconfig", "deploy/temporal/dynamicconfig"},
	}
	for _, tc := range tests {
		t.Run(tc.service, func(t *testing.T) {
			s := service(t, p, tc.service)
			want, err := filepath.Abs(filepath.Join(repoRoot, filepath.FromSlash(tc.source)))
			if err != nil {
				t.Fatal(err)
			}
			for _, v := range s.Volumes {
				if v.Target == tc.target {
					if v.Type != types.VolumeTypeBind || v.Source != want {
						t.Errorf("%s mounts %s from %s %q, want bind %q", tc.service, tc.target, v.Type, v.Source, want)
					}
					if !v.ReadOnly {
						t.Errorf("%s mounts %s read-write", tc.service, tc.target)
					}
					return
				}
			}
			t.Errorf("%s does not mount %s", tc.service, tc.target)
		})
	}
	for name, s := range p.Services {
		for _, v := range s.Volumes {
			if v.Type != types.VolumeTypeBind {
				continue
			}
			if _, err := os.Stat(v.Source); err != nil {
				t.Errorf("%s bind-mounts %s: %v", name, v.Source, err)
			}
		}
	}
	// The Temporal server reads the file DYNAMIC_CONFIG_FILE_PATH names.
	dc := mustEnv(t, service(t, p, svcTemporal), "DYNAMIC_CONFIG_FILE_PATH")
	if dc != "/etc/temporal/config/dynamicconfig/docker.yaml" {
		t.Errorf("DYNAMIC_CONFIG_FILE_PATH = %q, not the mounted docker.yaml", dc)
	}
}

// TestDynamicConfig loads the dynamic config with the loader of the server
// release the compose file runs: unknown keys and invalid values fail.
func TestDynamicConfig(t *testing.T) {
	lr := dynamicconfig.LoadYamlFile([]byte(readRepoFile(t, "deploy/temporal/dynamicconfig/docker.yaml")))
	for _, err := range lr.Errors {
		t.Errorf("dynamic config error: %v", err)
	}
	for _, err := range lr.Warnings {
		t.Errorf("dynamic config warning: %v", err)
	}
	if len(lr.Map) == 0 {
		t.Error("dynamic config sets nothing")
	}
}

// dockerfileInstructions returns the Dockerfile's instructions, with
// continuation lines joined and comments dropped.
func dockerfileInstructions(t *testing.T) [][2]string {
	t.Helper()
	var out [][2]string
	var cur strings.Builder
	sc := bufio.NewScanner(strings.NewReader(readRepoFile(t, "Dockerfile")))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(line, "#") || (line == "" && cur.Len() == 0) {
			continue
		}
		if strings.HasSuffix(line, "\\") {
			cur.WriteString(strings.TrimSuffix(line, "\\") + " ")
			continue
		}
		cur.WriteString(line)
		instr, rest, _ := strings.Cut(strings.TrimSpace(cur.String()), " ")
		out = append(out, [2]string{strings.ToUpper(instr), strings.TrimSpace(rest)})
		cur.Reset()
	}
	return out
}

func TestDockerfile(t *testing.T) {
	instrs := dockerfileInstructions(t)
	var froms []string
	builds := map[string]string{} // output -> package
	var user, entrypoint string
	for _, in := range instrs {
		switch in[0] {
		case "FROM":
			froms = append(froms, in[1])
		case "USER":
			user = in[1]
		case "ENTRYPOINT":
			entrypoint = in[1]
		case "RUN":
			for _, cmd := range strings.Split(in[1], "&&") {
				f := strings.Fields(cmd)
				i := slices.Index(f, "go")
				if i < 0 || i+1 >= len(f) || f[i+1] != "build" {
					continue
				}
				if !slices.Contains(f, "CGO_ENABLED=0") || !slices.Contains(f, "-trimpath") {
					t.Errorf("go build without CGO_ENABLED=0 and -trimpath: %s", strings.TrimSpace(cmd))
				}
				o := slices.Index(f, "-o")
				if o < 0 || o+1 >= len(f) {
					t.Errorf("go build without -o: %s", strings.TrimSpace(cmd))
					continue
				}
				builds[f[o+1]] = f[len(f)-1]
			}
		case "COPY", "ADD":
			// Sources from the build context must exist.
			f := strings.Fields(in[1])
			if slices.ContainsFunc(f, func(s string) bool { return strings.HasPrefix(s, "--from=") }) {
				continue
			}
			var srcs []string
			for _, s := range f[:len(f)-1] {
				if !strings.HasPrefix(s, "--") {
					srcs = append(srcs, s)
				}
			}
			for _, s := range srcs {
				if _, err := os.Stat(filepath.Join(repoRoot, filepath.FromSlash(s))); err != nil {
					t.Errorf("%s %s: %v", in[0], s, err)
				}
			}
		}
	}

	if len(froms) < 2 || !strings.HasPrefix(froms[0], "golang:1.26 ") {
		t.Errorf("FROM %v: want a golang:1.26 builder stage and a final stage", froms)
	}
	if last := froms[len(froms)-1]; strings.HasPrefix(last, "golang:") {
		t.Errorf("final stage %q ships the Go toolchain", last)
	}
	for out, pkg := range map[string]string{"/out/worker": "./worker", "/out/starter": "./starter", "/out/webapp": "./webapp"} {
		if got := builds[out]; got != pkg {
			t.Errorf("go build -o %s builds %q, want %s", out, got, pkg)
		}
	}
	if user == "" || user == "root" || strings.HasPrefix(user, "0") || strings.HasPrefix(user, "root:") {
		t.Errorf("USER %q: the image must run as a non-root user", user)
	}
	if entrypoint != `["/usr/local/bin/worker"]` {
		t.Errorf("ENTRYPOINT %s, want [\"/usr/local/bin/worker\"]", entrypoint)
	}
	if !slices.ContainsFunc(instrs, func(in [2]string) bool {
		return in[0] == "COPY" && strings.Contains(in[1], "--from=build") &&
			strings.Contains(in[1], "/out/worker") && strings.HasSuffix(in[1], " /usr/local/bin/")
	}) {
		t.Error("the final stage does not copy /out/worker to /usr/local/bin/")
	}
}

// TestBuildTargetsArePrograms checks the packages the Dockerfile builds.
// They are written separately; until one exists its subtest is skipped.
func TestBuildTargetsArePrograms(t *testing.T) {
	for _, dir := range []string{"worker", "starter"} {
		t.Run(dir, func(t *testing.T) {
			files, err := filepath.Glob(filepath.Join(repoRoot, dir, "*.go"))
			if err != nil {
				t.Fatal(err)
			}
			if len(files) == 0 {
				t.Skipf("./%s has no Go files yet", dir)
			}
			re := regexp.MustCompile(`(?m)^package main\b`)
			for _, f := range files {
				if strings.HasSuffix(f, "_test.go") {
					continue
				}
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if re.Match(b) {
					return
				}
			}
			t.Errorf("./%s is not package main", dir)
		})
	}
}

func TestDockerignore(t *testing.T) {
	var patterns []string
	for _, l := range strings.Split(readRepoFile(t, ".dockerignore"), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			patterns = append(patterns, l)
		}
	}
	for _, want := range []string{".git", ".devstack", "bin", "*.test"} {
		if !slices.Contains(patterns, want) {
			t.Errorf(".dockerignore does not exclude %s", want)
		}
	}
	// The build needs these; no pattern may exclude them.
	for _, path := range []string{"go.mod", "go.sum", "worker", "starter", "internal", "worker/main.go"} {
		for _, pat := range patterns {
			if ok, _ := filepath.Match(strings.TrimPrefix(pat, "**/"), path); ok && !strings.HasPrefix(pat, "!") {
				t.Errorf(".dockerignore pattern %q excludes %s", pat, path)
			}
		}
	}
}
