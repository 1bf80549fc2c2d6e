package devserver_test

import (
	"os"
	"testing"

	"electionflow/internal/pgtest"
)

// TestMain gives the Postgres tests a server: DATABASE_URL's, or a private
// cluster started for this test binary.
func TestMain(m *testing.M) { os.Exit(pgtest.Main(m)) }
