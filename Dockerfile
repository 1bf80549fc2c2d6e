# syntax=docker/dockerfile:1
#
# electionflow worker image (the starter admin CLI is included):
#   docker build -t electionflow/worker:dev .
#   docker run --rm electionflow/worker:dev                      # the worker
#   docker run --rm --entrypoint starter electionflow/worker:dev --help
# Configuration is by environment only (internal/config): DATABASE_URL,
# TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, ELECTIONFLOW_TASK_QUEUE, ...
# docker-compose.yml builds and runs it next to Postgres and Temporal.

# go.mod needs go 1.26.8 or newer: golang:1.26 is the newest 1.26.x, and the
# image sets GOTOOLCHAIN=local, so it never downloads another toolchain.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod \
    go mod download
COPY . .
# Neither binary links the Temporal server or any C code.
RUN --mount=type=cache,target=/go/pkg/mod \
    --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/worker ./worker && \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/starter ./starter && \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/webapp ./webapp

# Static, no shell, CA certificates and tzdata included, runs as uid 65532.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/worker /out/starter /out/webapp /usr/local/bin/
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/worker"]
