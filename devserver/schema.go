package devserver

import (
	"bytes"
	stdsql "database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"go.temporal.io/server/common/config"
	"go.temporal.io/server/common/log"
	"go.temporal.io/server/common/metrics"
	"go.temporal.io/server/common/persistence"
	"go.temporal.io/server/common/persistence/sql"
	"go.temporal.io/server/common/persistence/sql/sqlplugin"
	"go.temporal.io/server/common/resolver"
	serverschema "go.temporal.io/server/schema"
)

// Schemas of the Temporal server for PostgreSQL, as directories of the
// schema files embedded in go.temporal.io/server (package schema).
const (
	postgresMainSchema       = "postgresql/v12/temporal"
	postgresVisibilitySchema = "postgresql/v12/visibility"
)

// upgradeSchema brings the database of cfg to the newest version of the
// embedded schema schemaDir, in-process, as temporal-sql-tool's
// `setup-schema -v 0.0` followed by `update-schema -d <schemaDir>/versioned`
// would (tools/common/schema, which this follows, is not imported because it
// drags in a command-line library electionflow does not otherwise need).
//
// A new database gets the version tables and then every versioned step from
// v1.0 up, so the same code path creates and upgrades a database: a
// devstack data folder made by an older server is upgraded when a newer
// go.temporal.io/server is linked. Each step records its version after its
// statements; a step cut short is run again from its start next time, and
// "already exists" errors from its first part are skipped, as the upstream
// tool does.
func upgradeSchema(cfg *config.SQL, schemaDir string) error {
	db, err := sql.NewSQLAdminDB(sqlplugin.DbKindUnknown, cfg, resolver.NewNoopResolver(), log.NewNoopLogger(), metrics.NoopMetricsHandler)
	if err != nil {
		return fmt.Errorf("connect to database %s: %w", cfg.DatabaseName, err)
	}
	defer func() { _ = db.Close() }()

	if err := db.CreateSchemaVersionTables(); err != nil {
		return fmt.Errorf("create schema version tables in %s: %w", cfg.DatabaseName, err)
	}
	current, err := db.ReadSchemaVersion(cfg.DatabaseName)
	switch {
	case errors.Is(err, stdsql.ErrNoRows) || (err == nil && current == ""):
		current = "0.0" // no version row yet: a new database
	case err != nil:
		return fmt.Errorf("read schema version of %s: %w", cfg.DatabaseName, err)
	}
	steps, err := schemaSteps(serverschema.Assets(), path.Join(schemaDir, "versioned"), current)
	if err != nil {
		return fmt.Errorf("schema %s: %w", schemaDir, err)
	}
	for _, st := range steps {
		for _, stmt := range st.statements {
			if err := db.Exec(stmt); err != nil {
				msg := err.Error()
				if strings.Contains(msg, "already exist") || strings.Contains(msg, "not found") {
					continue // a step cut short before its version was recorded
				}
				return fmt.Errorf("upgrade %s from %s to %s: %w", cfg.DatabaseName, current, st.version, err)
			}
		}
		if err := db.UpdateSchemaVersion(cfg.DatabaseName, st.version, st.minCompatible); err != nil {
			return fmt.Errorf("record schema version %s in %s: %w", st.version, cfg.DatabaseName, err)
		}
		if err := db.WriteSchemaUpdateLog(current, st.version, "", st.description); err != nil {
			return fmt.Errorf("record schema update to %s in %s: %w", st.version, cfg.DatabaseName, err)
		}
		current = st.version
	}
	return nil
}

// schemaStep is one versioned directory of an embedded schema.
type schemaStep struct {
	version       string
	minCompatible string
	description   string
	statements    []string
}

// schemaManifest is the manifest.json of a versioned schema directory.
type schemaManifest struct {
	CurrVersion          string
	MinCompatibleVersion string
	Description          string
	SchemaUpdateCqlFiles []string
	AllowNoCqlFiles      bool
}

// schemaSteps reads the versioned directories under dir (named v<major>.<minor>)
// that are newer than current, in version order.
func schemaSteps(fsys fs.FS, dir, current string) ([]schemaStep, error) {
	from, err := parseSchemaVersion(current)
	if err != nil {
		return nil, fmt.Errorf("current version: %w", err)
	}
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	type versionDir struct {
		name string
		v    [2]int
	}
	var dirs []versionDir
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "v") {
			continue
		}
		v, err := parseSchemaVersion(strings.TrimPrefix(e.Name(), "v"))
		if err != nil {
			return nil, fmt.Errorf("directory %s: %w", e.Name(), err)
		}
		if compareVersions(v, from) > 0 {
			dirs = append(dirs, versionDir{e.Name(), v})
		}
	}
	slices.SortFunc(dirs, func(a, b versionDir) int { return compareVersions(a.v, b.v) })

	steps := make([]schemaStep, 0, len(dirs))
	for _, d := range dirs {
		stepDir := path.Join(dir, d.name)
		raw, err := fs.ReadFile(fsys, path.Join(stepDir, "manifest.json"))
		if err != nil {
			return nil, err
		}
		var m schemaManifest
		if err := json.Unmarshal(raw, &m); err != nil {
			return nil, fmt.Errorf("%s/manifest.json: %w", stepDir, err)
		}
		if m.CurrVersion != strings.TrimPrefix(d.name, "v") {
			return nil, fmt.Errorf("%s/manifest.json names version %s", stepDir, m.CurrVersion)
		}
		st := schemaStep{version: m.CurrVersion, minCompatible: m.MinCompatibleVersion, description: m.Description}
		for _, f := range m.SchemaUpdateCqlFiles {
			body, err := fs.ReadFile(fsys, path.Join(stepDir, f))
			if err != nil {
				return nil, err
			}
			stmts, err := persistence.LoadAndSplitQueryFromReaders([]io.Reader{bytes.NewReader(body)})
			if err != nil {
				return nil, fmt.Errorf("%s/%s: %w", stepDir, f, err)
			}
			st.statements = append(st.statements, stmts...)
		}
		if len(st.statements) == 0 && !m.AllowNoCqlFiles {
			return nil, fmt.Errorf("%s: no statements", stepDir)
		}
		steps = append(steps, st)
	}
	return steps, nil
}

// parseSchemaVersion parses "<major>.<minor>" (a missing minor is 0).
func parseSchemaVersion(s string) ([2]int, error) {
	var v [2]int
	parts := strings.Split(s, ".")
	if len(parts) > 2 || parts[0] == "" {
		return v, fmt.Errorf("schema version %q is not <major>.<minor>", s)
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return v, fmt.Errorf("schema version %q is not <major>.<minor>", s)
		}
		v[i] = n
	}
	return v, nil
}

// compareVersions orders two parsed schema versions.
func compareVersions(a, b [2]int) int {
	if c := a[0] - b[0]; c != 0 {
		return c
	}
	return a[1] - b[1]
}
