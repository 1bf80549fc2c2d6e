// Package pglocal runs a private, throwaway PostgreSQL server for a laptop,
// the embedded development stack and tests, so that nothing has to be
// installed or started beforehand except the PostgreSQL server binaries.
//
// Start initialises a cluster in a data folder (initdb, only the first
// time: the data survives restarts), starts postgres on a loopback port
// and returns a Cluster whose URL is a ready DATABASE_URL for pgx.
//
// Layout of Options.DataDir:
//
//	DataDir/pgdata        the cluster (PGDATA), also the folder of the unix socket
//	DataDir/postgres.log  server output, unless Options.Log is set
//
// The server trusts every local connection (initdb -A trust) and listens
// only on 127.0.0.1: it is meant for development and tests, never for real
// data of voters or delegates.
//
// PostgreSQL refuses to run as root. When the calling process is root (as
// in CI and containers), pglocal runs initdb and postgres as Options.RunAs
// (default "postgres", else "nobody"), hands DataDir to that user and checks
// that the user can reach it: every existing folder above DataDir must be
// searchable (x bit) by that user. Folders made by os.MkdirTemp and
// t.TempDir are 0700 and are not; chmod them 0711 (or choose another place)
// before calling Start. Folders pglocal creates itself are made 0755.
//
// On Linux the server gets a parent-death signal: when the process that
// started it dies, even by SIGKILL, the server shuts down on its own. On
// other systems a server left behind by a crash is detected at the next
// Start through its postmaster.pid.
package pglocal
