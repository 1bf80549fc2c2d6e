package pgtest

import (
	"context"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestMain(m *testing.M) { os.Exit(Main(m)) }

// TestNewDatabase checks that two calls give two distinct, empty databases
// that do not see each other's tables, and that they are dropped after the
// test.
func TestNewDatabase(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var names []string
	t.Run("two", func(t *testing.T) {
		first, second := NewDatabase(t), NewDatabase(t)
		if first == second {
			t.Fatalf("same URL twice: %s", first)
		}
		a, b := open(t, first), open(t, second)
		nameA, nameB := currentDatabase(t, a), currentDatabase(t, b)
		if nameA == nameB {
			t.Fatalf("both URLs lead to database %s", nameA)
		}
		if !strings.HasPrefix(nameA, "t_testnewdatabase_two_") {
			t.Errorf("database name %q does not name the test", nameA)
		}
		names = append(names, nameA, nameB)
		for _, conn := range []*pgx.Conn{a, b} {
			if n := countTables(t, conn); n != 0 {
				t.Errorf("new database has %d tables, want 0", n)
			}
		}
		if _, err := a.Exec(ctx, "CREATE TABLE delegate (name text)"); err != nil {
			t.Fatal(err)
		}
		if n := countTables(t, a); n != 1 {
			t.Errorf("first database has %d tables after CREATE TABLE, want 1", n)
		}
		if n := countTables(t, b); n != 0 {
			t.Errorf("second database sees the first one's table (%d tables)", n)
		}
	})

	admin := open(t, os.Getenv(envDatabaseURL))
	for _, name := range names {
		var exists bool
		if err := admin.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
			t.Fatal(err)
		}
		if exists {
			t.Errorf("database %s still exists after its test ended", name)
		}
	}
}

func TestWithDatabase(t *testing.T) {
	for base, want := range map[string]string{
		"postgres://u@127.0.0.1:5432/app?sslmode=disable": "postgres://u@127.0.0.1:5432/t_x?sslmode=disable",
		"postgresql://u:p@db/app":                         "postgresql://u:p@db/t_x",
		"host=db user=u dbname=app":                       "host=db user=u dbname=app dbname=t_x",
	} {
		if got, err := withDatabase(base, "t_x"); err != nil || got != want {
			t.Errorf("withDatabase(%q) = %q, %v; want %q", base, got, err, want)
		}
	}
}

func open(t *testing.T, url string) *pgx.Conn {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatalf("connect to %s: %v", url, err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	return conn
}

func currentDatabase(t *testing.T, conn *pgx.Conn) string {
	t.Helper()
	var name string
	if err := conn.QueryRow(context.Background(), "SELECT current_database()").Scan(&name); err != nil {
		t.Fatal(err)
	}
	return name
}

func countTables(t *testing.T, conn *pgx.Conn) int {
	t.Helper()
	var n int
	err := conn.QueryRow(context.Background(),
		"SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')").Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
