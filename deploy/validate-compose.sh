#!/usr/bin/env bash
# Checks the container deployment files without a Docker engine:
#   - both compose files, with every profile enabled, through `docker-compose config -q`
#     (Debian 12's docker-compose 1.29 - the oldest Compose these files support);
#   - that .env.example sets every variable the compose files substitute;
#   - the Prometheus configuration, through `promtool check config`.
# Prints one line per file checked (with the tool's own message below a failure) and exits non-zero
# if any check fails. Installs docker-compose and prometheus (for promtool) from Debian if missing.
#
#   deploy/validate-compose.sh
set -uo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT" || exit 1

COMPOSE_FILES=(docker-compose.microservices.yml docker-compose.stage5.yml)
PROFILES=(dev testing load)
ENV_FILE=.env.example
PROMETHEUS_CONFIG=deploy/prometheus/prometheus.yml

ensure_tool() {
  local tool=$1 package=$2
  command -v "$tool" >/dev/null 2>&1 && return 0
  echo "installing $package (for $tool)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"; } \
      >/dev/null 2>&1; then
    echo "FAIL cannot install $package; install it and re-run" >&2
    exit 1
  fi
}

failures=0

# check LABEL COMMAND...: runs COMMAND quietly; one line for the result, its output only on failure.
check() {
  local label=$1 output
  shift
  if output=$("$@" 2>&1); then
    echo "ok   $label"
  else
    echo "FAIL $label"
    sed 's/^/       /' <<<"$output"
    failures=$((failures + 1))
  fi
}

compose_config() {
  local file=$1 profile_args=() p
  for p in "${PROFILES[@]}"; do profile_args+=(--profile "$p"); done
  # --env-file: validate with the documented defaults, whatever a local .env holds (or lacks).
  docker-compose --env-file "$ENV_FILE" -f "$file" "${profile_args[@]}" config -q
}

# Variables the compose files substitute (${VAR}, ${VAR:-default}; not $${VAR}, which is escaped
# for the container's shell), ignoring comments, that .env.example does not set.
env_example_complete() {
  local missing
  missing=$(comm -23 \
    <(sed -e 's/^[[:space:]]*#.*//' -e 's/[[:space:]]#.*//' "${COMPOSE_FILES[@]}" |
        grep -oE '(^|[^$])\$\{[A-Za-z_][A-Za-z0-9_]*' | sed -E 's/.*\$\{//' | sort -u) \
    <(grep -oE '^[A-Za-z_][A-Za-z0-9_]*=' "$ENV_FILE" | tr -d '=' | sort -u))
  if [[ -n $missing ]]; then
    echo "not set in $ENV_FILE:" $missing
    return 1
  fi
}

ensure_tool docker-compose docker-compose
ensure_tool promtool prometheus

for file in "${COMPOSE_FILES[@]}"; do
  check "$file (docker-compose $(docker-compose version --short 2>/dev/null) config)" \
    compose_config "$file"
done
check "$ENV_FILE (sets every variable the compose files use)" env_example_complete
check "$PROMETHEUS_CONFIG (promtool check config)" promtool check config "$PROMETHEUS_CONFIG"

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
