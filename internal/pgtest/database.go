package pgtest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// NewDatabase creates a fresh, uniquely named, empty database on the server
// of DATABASE_URL for one test, drops it (closing leftover connections) when
// the test and its subtests end, and returns its URL. Tests are isolated from
// each other this way and may run in parallel. It fails the test when
// DATABASE_URL is unset (use Main in TestMain) or the server refuses.
func NewDatabase(t testing.TB) string {
	t.Helper()
	base := os.Getenv(envDatabaseURL)
	if base == "" {
		t.Fatalf("pgtest: %s is unset: call os.Exit(pgtest.Main(m)) from TestMain", envDatabaseURL)
	}
	name, err := databaseName(t.Name())
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	dbURL, err := withDatabase(base, name)
	if err != nil {
		t.Fatalf("pgtest: %v", err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if err := execAdmin(ctx, base, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()); err != nil {
		t.Fatalf("pgtest: create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		// t.Context is already cancelled when cleanups run.
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := execAdmin(ctx, base, "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("pgtest: drop database %s: %v", name, err)
		}
	})
	return dbURL
}

// execAdmin runs one statement on the database of DATABASE_URL.
func execAdmin(ctx context.Context, base, sql string) error {
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return fmt.Errorf("connect to %s: %w", envDatabaseURL, err)
	}
	defer conn.Close(context.WithoutCancel(ctx))
	if _, err := conn.Exec(ctx, sql); err != nil {
		return fmt.Errorf("run %q: %w", sql, err)
	}
	return nil
}

// databaseName makes a valid, unique database name that shows which test
// it belongs to: t_<test name, lower case, at most 40 characters>_<16 hex>.
func databaseName(testName string) (string, error) {
	var b strings.Builder
	for _, r := range strings.ToLower(testName) {
		if b.Len() >= 40 {
			break
		}
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		} else {
			b.WriteByte('_')
		}
	}
	random := make([]byte, 8)
	if _, err := rand.Read(random); err != nil {
		return "", fmt.Errorf("random database name: %w", err)
	}
	return "t_" + b.String() + "_" + hex.EncodeToString(random), nil
}

// withDatabase returns the connection string base with its database
// replaced by name; base is a URL (postgres://...) or a keyword/value
// string (host=... dbname=...).
func withDatabase(base, name string) (string, error) {
	if strings.HasPrefix(base, "postgres://") || strings.HasPrefix(base, "postgresql://") {
		u, err := url.Parse(base)
		if err != nil {
			return "", fmt.Errorf("parse %s: %w", envDatabaseURL, err)
		}
		u.Path, u.RawPath = "/"+name, ""
		return u.String(), nil
	}
	// In keyword/value strings a later keyword wins.
	return base + " dbname=" + name, nil
}
