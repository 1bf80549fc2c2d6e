package pglocal

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A crashed cluster refuses connections, keeps what was committed and
// serves it again on the same URL after StartAgain; StartAgain refuses a
// running server and Crash a stopped one.
func TestCrashAndStartAgain(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	c := startCluster(t, Options{DataDir: filepath.Join(reachableDir(t), "cluster")})
	url := c.URL()
	if err := c.StartAgain(ctx); err == nil || !strings.Contains(err.Error(), "still runs") {
		t.Errorf("StartAgain on a running server = %v, want a refusal", err)
	}
	conn := connect(t, url)
	if _, err := conn.Exec(ctx, `CREATE TABLE council (id int PRIMARY KEY, name text NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	if _, err := conn.Exec(ctx, `INSERT INTO council VALUES (1, $1)`, councilName); err != nil {
		t.Fatal(err)
	}

	if err := c.Crash(ctx); err != nil {
		t.Fatalf("Crash: %v", err)
	}
	if _, err := conn.Exec(ctx, `SELECT 1`); err == nil {
		t.Error("a connection opened before the crash still answers")
	}
	if err := c.Crash(ctx); err == nil {
		t.Error("Crash of a server that is not running succeeded")
	}
	if err := c.StartAgain(ctx); err != nil {
		t.Fatalf("StartAgain: %v", err)
	}
	if c.URL() != url {
		t.Errorf("URL after StartAgain = %s, want %s", c.URL(), url)
	}
	checkCouncil(t, connect(t, url))
}
