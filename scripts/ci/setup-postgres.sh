#!/usr/bin/env bash
# Provides a local PostgreSQL for the test suite, without systemd or Docker.
#
#   eval "$(bash scripts/ci/setup-postgres.sh)"    # sets TEST_PG_URL
#
# - Installs Debian's `postgresql` with apt when no server is installed.
# - Uses the first existing cluster (pg_lsclusters), or creates `<newest
#   version>/main`, and starts it with pg_ctlcluster.
# - Creates/updates role `platform` (password `platform`, LOGIN CREATEDB) and
#   database `platform_test` owned by it. Safe to run any number of times.
# - Prints only `export TEST_PG_URL=...` on stdout; all progress goes to stderr.
#
# Overridable: PG_TEST_USER, PG_TEST_PASSWORD (keep it URL-safe), PG_TEST_DB.
set -euo pipefail

PG_TEST_USER="${PG_TEST_USER:-platform}"
PG_TEST_PASSWORD="${PG_TEST_PASSWORD:-platform}"
PG_TEST_DB="${PG_TEST_DB:-platform_test}"

log() { echo "setup-postgres: $*" >&2; }
die() {
  log "ERROR: $*"
  exit 1
}

is_root() { [[ "$(id -u)" -eq 0 ]]; }

# Runs a command as the `postgres` OS user (peer authentication).
as_postgres() {
  if [[ "$(id -un)" == postgres ]]; then
    "$@"
  elif is_root; then
    runuser -u postgres -- "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n -u postgres -- "$@"
  else
    die "need root, sudo or the postgres user to run: $*"
  fi
}

# --- 1. Server packages ----------------------------------------------------------
if ! compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || ! command -v pg_ctlcluster >/dev/null 2>&1; then
  is_root || die "postgresql is not installed and installing it needs root"
  log "installing postgresql with apt"
  export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

# --- 2. Cluster ------------------------------------------------------------------
# pg_lsclusters -h columns: version cluster port status owner datadir logfile
cluster_line="$(pg_lsclusters -h 2>/dev/null | head -n1 || true)"
if [[ -z "$cluster_line" ]]; then
  is_root || die "no PostgreSQL cluster exists and creating one needs root"
  version="$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort -V | tail -n1)"
  log "no cluster found, creating ${version}/main"
  pg_createcluster "$version" main >&2
  cluster_line="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | head -n1)"
fi
read -r PG_VERSION PG_CLUSTER PG_PORT PG_STATUS _ <<<"$cluster_line"
[[ -n "${PG_PORT:-}" ]] || die "could not parse pg_lsclusters output: $cluster_line"

if [[ "$PG_STATUS" != online* ]]; then
  # The socket directory lives on tmpfs on many systems and may be gone.
  if is_root && [[ ! -d /var/run/postgresql ]]; then
    install -d -o postgres -g postgres -m 2775 /var/run/postgresql
  fi
  log "starting cluster ${PG_VERSION}/${PG_CLUSTER} on port ${PG_PORT}"
  if is_root || [[ "$(id -un)" == postgres ]]; then
    pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
  else
    as_postgres pg_ctlcluster "$PG_VERSION" "$PG_CLUSTER" start >&2
  fi
else
  log "cluster ${PG_VERSION}/${PG_CLUSTER} already running on port ${PG_PORT}"
fi

for _ in $(seq 1 60); do
  pg_isready -q -h 127.0.0.1 -p "$PG_PORT" && break
  sleep 0.5
done
pg_isready -q -h 127.0.0.1 -p "$PG_PORT" || die "server on 127.0.0.1:${PG_PORT} did not become ready"

# --- 3. Role and database (idempotent) ---------------------------------------------
# cd /: psql run as `postgres` must not start in a directory it cannot read.
(cd / && as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres \
  -v user="$PG_TEST_USER" -v pw="$PG_TEST_PASSWORD" -v db="$PG_TEST_DB" >&2) <<'SQL'
SELECT format('CREATE ROLE %I', :'user')
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'user') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN CREATEDB PASSWORD %L', :'user', :'pw') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'db', :'user', 'UTF8')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'db', :'user') \gexec
SQL

TEST_PG_URL="postgres://${PG_TEST_USER}:${PG_TEST_PASSWORD}@127.0.0.1:${PG_PORT}/${PG_TEST_DB}"

# --- 4. Verify as the test role, over TCP with a password --------------------------
psql -X -q -v ON_ERROR_STOP=1 "$TEST_PG_URL" -c 'CREATE TEMP TABLE setup_check (id int); SELECT 1' >/dev/null ||
  die "cannot connect as ${PG_TEST_USER} to ${PG_TEST_DB} on 127.0.0.1:${PG_PORT}"
log "ready: ${PG_TEST_DB} owned by ${PG_TEST_USER} on 127.0.0.1:${PG_PORT} (PostgreSQL ${PG_VERSION})"

printf 'export TEST_PG_URL=%q\n' "$TEST_PG_URL"
