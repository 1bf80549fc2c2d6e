// Package deploy holds electionflow's deployment files and their test; it
// has no Go code of its own.
//
// The files it checks live at the module root and here:
//
//	docker-compose.yml                  Postgres, Temporal server (schema set up by
//	                                    temporalio/admin-tools), the Temporal UI
//	                                    and the worker, for running beyond a laptop
//	Dockerfile, .dockerignore           the worker image (with the starter CLI)
//	deploy/postgres/initdb/             roles created when the Postgres volume is new
//	deploy/temporal/dynamicconfig/      the Temporal server's dynamic config
//
// compose_test.go loads docker-compose.yml with compose-go, the library
// Docker Compose itself uses, and checks it against the code: the worker sets
// only environment variables that internal/config reads, its DATABASE_URL and
// TEMPORAL_ADDRESS point at the services of the stack, the Temporal setup
// registers every custom search attribute the workflows use, image tags match
// the versions in go.mod, and the Dockerfile builds ./worker and ./starter.
// No Docker engine is needed.
package deploy
