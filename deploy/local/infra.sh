#!/usr/bin/env bash
# Local infrastructure for development and tests: PostgreSQL, Redis, RabbitMQ and an SMTP sink,
# all on 127.0.0.1, all data under <repo>/.local (or $REPITBOT_LOCAL_DIR). Needs root.
#
#   deploy/local/infra.sh up [service...]     start what is not running (postgres redis rabbitmq smtp)
#   deploy/local/infra.sh status              exit 0 only if all four run
#   deploy/local/infra.sh down [--purge]      stop our instances; --purge also deletes the data folder
#   deploy/local/infra.sh database NAME       create a second database laid out like repitbot (for a
#                                             working copy whose tests set REPITBOT_DATABASE=NAME)
#   deploy/local/infra.sh drop-database NAME  drop such a database (never repitbot itself)
#   deploy/local/infra.sh kill SERVER         kill -9 one server and every process it started, as a
#                                             crash would (the chaos suite); `up SERVER` brings it back
#
# Ports, the RabbitMQ node name and the PostgreSQL socket folder can be moved with REPITBOT_PG_PORT,
# REPITBOT_PG_SOCKET_DIR, REPITBOT_REDIS_PORT, REPITBOT_RMQ_{PORT,MGMT_PORT,PROM_PORT,DIST_PORT,NODE} and
# REPITBOT_SMTP_PORT, so a second set (with its own REPITBOT_LOCAL_DIR) can run beside the first.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
LOCAL_DIR=${REPITBOT_LOCAL_DIR:-$REPO_ROOT/.local}
[[ $LOCAL_DIR == /* ]] || LOCAL_DIR=$PWD/$LOCAL_DIR
LOGS_DIR=$LOCAL_DIR/logs
WAIT_SECONDS=${REPITBOT_WAIT_SECONDS:-60}
SERVICES=(postgres redis rabbitmq smtp)
# The one definition of roles, database and schemas, shared with the containers.
ROLES_SQL=$REPO_ROOT/deploy/postgres/init/01-roles.sql
PACKAGES=(postgresql redis-server rabbitmq-server python3-aiosmtpd fonts-dejavu-core poppler-utils
          iproute2 curl prometheus)

# shellcheck source=lib/common.sh
source "$SCRIPT_DIR/lib/common.sh"
# shellcheck source=lib/packages.sh
source "$SCRIPT_DIR/lib/packages.sh"
for svc in "${SERVICES[@]}"; do
  # shellcheck source=/dev/null
  source "$SCRIPT_DIR/lib/$svc.sh"
done

select_services() {
  local svc
  for svc in "$@"; do
    [[ " ${SERVICES[*]} " == *" $svc "* ]] || die "unknown service '$svc' (known: ${SERVICES[*]})"
  done
  if (($#)); then echo "$@"; else echo "${SERVICES[@]}"; fi
}

cmd_up() {
  local svc port label selected to_start=()
  read -ra selected <<<"$(select_services "$@")"
  ensure_packages "${PACKAGES[@]}"
  mkdir -p "$LOCAL_DIR" "$LOGS_DIR"
  for svc in "${selected[@]}"; do
    if "${svc}_running"; then
      report "$svc" "running" "$("${svc}_addr") (already running)"
    else
      to_start+=("$svc")
    fi
  done
  # Check every port before starting anything, so a conflict never leaves a half-started set.
  for svc in "${to_start[@]}"; do
    while IFS=: read -r port label; do require_free_port "$port" "$label"; done < <("${svc}_ports")
  done
  # Launch first (RabbitMQ boots in the background meanwhile), then wait for each in turn.
  for svc in "${to_start[@]}"; do "${svc}_start"; done
  for svc in "${to_start[@]}"; do
    "${svc}_await"
    report "$svc" "ready" "$("${svc}_addr")"
  done
}

cmd_down() {
  local purge=false svc
  case "${1:-}" in
    --purge) purge=true ;;
    "") ;;
    *) die "usage: $0 down [--purge]" ;;
  esac
  for svc in "${SERVICES[@]}"; do
    if "${svc}_running" || "${svc}_has_process"; then
      "${svc}_stop"
      report "$svc" "stopped"
    else
      report "$svc" "stopped" "(was not running)"
    fi
  done
  if $purge && [[ -d $LOCAL_DIR ]]; then
    rm -rf -- "$LOCAL_DIR" "$(pg_socket_dir)"
    echo "purged $LOCAL_DIR"
  fi
}

cmd_database() {
  local name=${1:-}
  [[ $name =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "usage: $0 database NAME (lower-case letters, digits, _)"
  postgres_running || die "postgres is not running; run: $0 up"
  postgres_apply_roles "$name" || fail postgres "01-roles.sql failed for database $name" "$PG_LOG"
  report postgres "ready" "$(postgres_addr) database $name"
}

cmd_drop_database() {
  local name=${1:-}
  [[ $name =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "usage: $0 drop-database NAME"
  [[ $name != repitbot && $name != postgres ]] || die "refusing to drop $name"
  postgres_running || die "postgres is not running; run: $0 up"
  as_postgres psql -X -q -h "$(pg_socket_dir)" -p "$PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 -v db="$name" >>"$PG_LOG" 2>&1 <<'SQL' || fail postgres "dropping $name failed" "$PG_LOG"
DROP DATABASE IF EXISTS :"db" WITH (FORCE);
SQL
  report postgres "dropped" "database $name"
}

# The pids a server's own pid files name (PostgreSQL's postmaster, Redis, the broker and its launcher,
# the SMTP sink); only these and their descendants are ever killed.
server_root_pids() {
  case "$1" in
    postgres) read_pid "$PG_DATA/postmaster.pid" ;;
    redis) read_pid "$REDIS_PID" ;;
    rabbitmq) read_pid "$RMQ_LAUNCHER_PID"; echo; read_pid "$RMQ_PID" ;;
    smtp) read_pid "$SMTP_PID" ;;
  esac
}

# Every descendant of <pid>, from one process-table snapshot (a PostgreSQL under load has hundreds of backends;
# a ps call per process would take longer than the outage being simulated).
descendants() {
  ps -eo pid=,ppid= | awk -v root="$1" '
    { parent[$1] = $2 }
    END {
      found[root] = 1
      do {
        added = 0
        for (p in parent) if (!(p in found) && (parent[p] in found)) { found[p] = 1; added = 1 }
      } while (added)
      for (p in found) if (p != root) print p
    }'
}

cmd_kill() {
  local svc=${1:-} root pids=()
  [[ -n $svc && $# -eq 1 ]] || die "usage: $0 kill SERVER (one of: ${SERVICES[*]})"
  select_services "$svc" >/dev/null
  for root in $(server_root_pids "$svc"); do
    pid_alive "$root" || continue
    pids+=("$root")
    mapfile -t -O "${#pids[@]}" pids < <(descendants "$root")
  done
  if ((${#pids[@]} == 0)); then
    report "$svc" "stopped" "(was not running)"
    return
  fi
  mapfile -t pids < <(printf "%s\n" "${pids[@]}" | sort -un)
  kill -KILL "${pids[@]}" 2>/dev/null || true
  local deadline=$((SECONDS + 10)) pid
  for pid in "${pids[@]}"; do
    while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
  done
  report "$svc" "killed" "pids ${pids[*]}"
}

cmd_status() {
  local svc all=0
  for svc in "${SERVICES[@]}"; do
    if "${svc}_running"; then
      report "$svc" "running" "$("${svc}_addr")"
    else
      report "$svc" "stopped" "$("${svc}_addr")"
      all=1
    fi
  done
  return $all
}

main() {
  [[ $EUID -eq 0 ]] || die "run as root (servers are started as the postgres and rabbitmq users)"
  local cmd=${1:-}
  shift || true
  case "$cmd" in
    up) cmd_up "$@" ;;
    down) cmd_down "$@" ;;
    purge) cmd_down --purge ;;
    status) cmd_status ;;
    database) cmd_database "$@" ;;
    drop-database) cmd_drop_database "$@" ;;
    kill) cmd_kill "$@" ;;
    *) echo "usage: $0 {up [service...]|down [--purge]|purge|status|database NAME|drop-database NAME|kill SERVER}" >&2; exit 2 ;;
  esac
}

main "$@"
