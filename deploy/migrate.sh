#!/usr/bin/env bash
# Applies the services' database migrations without starting them (each service's `migrate` mode:
# it connects with its own role, applies what is pending, prints what it applied, exits). Services
# also migrate at every start; this is for upgrades that migrate first and roll out afterwards, and
# for checking a database by hand (docs/operations/database.md).
#
#   deploy/migrate.sh [service...]                 built assemblies on this machine, settings from
#                                                  deploy/local/env (or $REPITBOT_ENV_DIR)
#   deploy/migrate.sh --compose [service...]       in containers: docker-compose run --rm SERVICE migrate
#                                                  (docker-compose.microservices.yml, or $COMPOSE_FILE)
# Services: bot-gateway notification analytics (default: all three; the gateway has no database).
# Exit code: 0 when every service is up to date; otherwise the first failure's (2 setting missing,
# 3 PostgreSQL unreachable or a migration failed).
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
CONFIGURATION=${CONFIGURATION:-Release}
ENV_DIR=${REPITBOT_ENV_DIR:-$REPO_ROOT/deploy/local/env}
declare -A ASSEMBLIES=([bot-gateway]=Repitbot.BotGateway [notification]=Repitbot.Notification
                       [analytics]=Repitbot.Analytics)
ALL=(bot-gateway notification analytics)
# Without the service's JSON logs: the command prints one line per service, and a failure as one
# line on stderr. EF's own log is off: on a new schema it logs the probe of the not-yet-created
# history table as an error, and it would repeat every failure the command reports anyway.
# (env, because these names contain dots.)
QUIET=(Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.EntityFrameworkCore=None)

mode=local
if [[ ${1:-} == --compose ]]; then mode=compose; shift; fi
services=("$@")
((${#services[@]})) || services=("${ALL[@]}")
for svc in "${services[@]}"; do
  [[ -n ${ASSEMBLIES[$svc]:-} ]] || { echo "error: unknown service '$svc' (known: ${ALL[*]})" >&2; exit 2; }
done

migrate_local() {
  local svc=$1 dll
  dll=$REPO_ROOT/services/$svc/bin/$CONFIGURATION/net10.0/${ASSEMBLIES[$svc]}.dll
  [[ -f $dll ]] || { echo "error: $dll not built (dotnet build -c $CONFIGURATION)" >&2; return 2; }
  (
    set -a
    # shellcheck source=/dev/null
    source "$ENV_DIR/common.env"
    # shellcheck source=/dev/null
    source "$ENV_DIR/$svc.env"
    set +a
    export ASPNETCORE_CONTENTROOT=${dll%/*}
    cd "$REPO_ROOT" && exec env "${QUIET[@]}" dotnet "$dll" migrate
  )
}

migrate_compose() {
  local setting env_args=()
  for setting in "${QUIET[@]}"; do env_args+=(-e "$setting"); done
  # --no-deps: PostgreSQL must already be running; nothing else is needed to migrate.
  docker-compose -f "${COMPOSE_FILE:-$REPO_ROOT/docker-compose.microservices.yml}" \
    run --rm --no-deps "${env_args[@]}" "$1" migrate
}

for svc in "${services[@]}"; do
  status=0
  "migrate_$mode" "$svc" || status=$?
  if ((status != 0)); then
    echo "error: $svc: migration failed (exit $status); later services were not migrated" >&2
    exit "$status"
  fi
done
