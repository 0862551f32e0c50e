#!/usr/bin/env bash
# Checks the container deployment files without a Docker engine:
#   - both compose files, with every profile enabled, through `docker-compose config -q`
#     (Debian 12's docker-compose 1.29 - the oldest Compose these files support);
#   - that .env.example sets every variable the compose files substitute;
#   - that a secret missing from the environment fails `config` with a message naming it;
#   - that each service's Dockerfile exists and builds the project its compose entry names;
#   - the Prometheus configuration and alert rules (`promtool check config`, `check rules`, and the
#     rules' unit tests with `promtool test rules`);
#   - the Grafana dashboards (valid JSON, every panel on a provisioned datasource) and provisioning;
#   - the Kubernetes manifests in deploy/k8s (valid YAML documents with kind and name).
# Prints one line per file checked (with the tool's own message below a failure) and exits non-zero
# if any check fails. Installs docker-compose and prometheus (for promtool) from Debian if missing.
#
#   deploy/validate-compose.sh
set -uo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$REPO_ROOT" || exit 1

COMPOSE_FILES=(docker-compose.microservices.yml docker-compose.stage5.yml)
PROFILES=(dev testing load ops)
ENV_FILE=.env.example
PROMETHEUS_CONFIG=deploy/prometheus/prometheus.yml
SERVICES=(gateway:Repitbot.Gateway bot-gateway:Repitbot.BotGateway notification:Repitbot.Notification
          analytics:Repitbot.Analytics)

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

# A secret left out of .env must stop Compose with a message that names it.
missing_secret_named() {
  local secret=POSTGRES_SUPERUSER_PASSWORD output env_file status=0
  env_file=$(mktemp)
  grep -v "^$secret=" "$ENV_FILE" >"$env_file"
  if output=$(docker-compose --env-file "$env_file" -f docker-compose.microservices.yml config -q 2>&1); then
    echo "config succeeded without $secret"
    status=1
  elif ! grep -q "$secret is not set" <<<"$output"; then
    echo "$output"
    status=1
  fi
  rm -f "$env_file"
  return $status
}

# Each service's compose entry builds deploy/docker/<service>.Dockerfile, which publishes that service.
dockerfiles_match() {
  local entry dir project file status=0
  for entry in "${SERVICES[@]}"; do
    dir=${entry%%:*} project=${entry#*:} file=deploy/docker/$dir.Dockerfile
    grep -q "dockerfile: $file" docker-compose.microservices.yml ||
      { echo "docker-compose.microservices.yml does not build $dir from $file"; status=1; }
    grep -q "dotnet publish services/$dir/$project.csproj" "$file" 2>/dev/null ||
      { echo "$file does not publish services/$dir/$project.csproj"; status=1; }
    grep -q "ENTRYPOINT \[\"dotnet\", \"$project.dll\"\]" "$file" 2>/dev/null ||
      { echo "$file does not start $project.dll"; status=1; }
    grep -q '^USER \$APP_UID' "$file" 2>/dev/null || { echo "$file does not drop root"; status=1; }
    grep -q '^HEALTHCHECK ' "$file" 2>/dev/null || { echo "$file has no HEALTHCHECK"; status=1; }
  done
  return $status
}

ensure_tool docker-compose docker-compose
ensure_tool promtool prometheus

for file in "${COMPOSE_FILES[@]}"; do
  check "$file (docker-compose $(docker-compose version --short 2>/dev/null) config)" \
    compose_config "$file"
done
check "$ENV_FILE (sets every variable the compose files use)" env_example_complete
check "$ENV_FILE without a secret (config fails naming it)" missing_secret_named
check "deploy/docker/*.Dockerfile (one per service, non-root, health check)" dockerfiles_match
check "$PROMETHEUS_CONFIG (promtool check config)" promtool check config "$PROMETHEUS_CONFIG"
check "deploy/prometheus/rules (promtool check rules)" promtool check rules deploy/prometheus/rules/*.rules.yml
check "deploy/prometheus/tests (promtool test rules)" promtool test rules deploy/prometheus/tests/*.test.yml
check "deploy/grafana (dashboards and provisioning)" /usr/bin/python3 deploy/tests/check_grafana.py
check "deploy/k8s (manifests)" /usr/bin/python3 deploy/tests/check_k8s.py

if ((failures > 0)); then
  echo "$failures check(s) failed"
  exit 1
fi
