#!/bin/sh
# Run once by the postgres image's entrypoint, when the data volume is first
# initialised (docker-entrypoint-initdb.d), as the superuser POSTGRES_USER.
#
#   electionflow  owns the electionflow database (POSTGRES_DB); the worker
#                 connects as this role and applies its migrations. Since
#                 Postgres 15 only the database owner may create objects in
#                 the public schema, hence the ownership.
#   temporal      may create databases; the temporal-schema one-shot creates
#                 and owns "temporal" and "temporal_visibility".
#
# Passwords come from ELECTIONFLOW_DB_PASSWORD and TEMPORAL_DB_PASSWORD (see
# docker-compose.yml). Later changes to them need ALTER ROLE ... PASSWORD.
set -eu

: "${ELECTIONFLOW_DB_PASSWORD:?must be set}"
: "${TEMPORAL_DB_PASSWORD:?must be set}"

psql -v ON_ERROR_STOP=1 --no-psqlrc \
	--username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
	--set=app_db="$POSTGRES_DB" \
	--set=app_password="$ELECTIONFLOW_DB_PASSWORD" \
	--set=temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE electionflow LOGIN PASSWORD :'app_password';
ALTER DATABASE :"app_db" OWNER TO electionflow;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
