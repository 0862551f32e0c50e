# PostgreSQL 15 on 127.0.0.1:5432 (REPITBOT_PG_PORT), cluster in $LOCAL_DIR/postgres/data, run as the
# postgres user. REPITBOT_PG_SOCKET_DIR moves the Unix socket (default: under the data folder).

PG_PORT=${REPITBOT_PG_PORT:-5432}
PG_BIN=/usr/lib/postgresql/15/bin
PG_DIR=$LOCAL_DIR/postgres
PG_DATA=$PG_DIR/data
PG_LOG=$LOGS_DIR/postgres.log

# A Unix socket path must stay under ~107 bytes; deep clone paths fall back to /tmp.
pg_socket_dir() {
  if [[ -n ${REPITBOT_PG_SOCKET_DIR:-} ]]; then
    echo "$REPITBOT_PG_SOCKET_DIR"
  elif ((${#PG_DIR} < 80)); then
    echo "$PG_DIR/run"
  else
    echo "/tmp/repitbot-pg-$(echo -n "$PG_DIR" | md5sum | cut -c1-8)"
  fi
}

as_postgres() { runuser -u postgres -- "$@"; }

postgres_addr() { echo "127.0.0.1:$PG_PORT"; }
postgres_ports() { echo "$PG_PORT:PostgreSQL"; }
postgres_has_process() { pid_alive "$(read_pid "$PG_DATA/postmaster.pid")"; }
postgres_running() { pid_listens "$(read_pid "$PG_DATA/postmaster.pid")" "$PG_PORT"; }

postgres_init() {
  [[ -s $PG_DATA/PG_VERSION ]] && return
  as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres -E UTF8 --locale=C.UTF-8 -A trust \
    >>"$PG_LOG" 2>&1 || fail postgres "initdb failed" "$PG_LOG"
  # The script administers through the socket as postgres; everyone else uses passwords.
  cat >"$PG_DATA/pg_hba.conf" <<'EOF'
local   all   postgres                  trust
local   all   all                       scram-sha-256
host    all   all        127.0.0.1/32   scram-sha-256
host    all   all        ::1/128        scram-sha-256
EOF
  chown postgres:postgres "$PG_DATA/pg_hba.conf"
}

postgres_start() {
  local sock
  sock=$(pg_socket_dir)
  install -d -o postgres -g postgres -m 0750 "$PG_DIR"
  install -d -o postgres -g postgres -m 0775 "$sock"
  touch "$PG_LOG" && chown postgres:postgres "$PG_LOG"
  require_reachable postgres "$PG_DIR"
  postgres_init
  # pg_ctl -w waits (bounded by -t) until the server accepts connections.
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t "$WAIT_SECONDS" \
    -o "-p $PG_PORT -k '$sock' -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_preload_libraries=pg_stat_statements" \
    start >/dev/null || fail postgres "did not start" "$PG_LOG"
}

postgres_await() {
  wait_ready postgres "" "$PG_LOG" postgres_running
  postgres_apply_roles || fail postgres "01-roles.sql failed" "$PG_LOG"
}

# Runs 01-roles.sql (for database $1, repitbot when empty). One run at a time on this machine: two at
# once (test classes making throwaway databases side by side) both ALTER the same shared roles, and
# PostgreSQL fails the loser with "tuple concurrently updated".
postgres_apply_roles() {
  local db_args=()
  [[ -n ${1:-} ]] && db_args=(-v db="$1")
  (
    flock -w "$WAIT_SECONDS" 9 || { echo "waited $WAIT_SECONDS s for $LOCAL_DIR/roles.lock" >>"$PG_LOG"; exit 1; }
    as_postgres psql -X -q -h "$(pg_socket_dir)" -p "$PG_PORT" -U postgres -d postgres \
      -v ON_ERROR_STOP=1 "${db_args[@]}" -f - <"$ROLES_SQL" >>"$PG_LOG" 2>&1
  ) 9>"$LOCAL_DIR/roles.lock"
}

postgres_stop() {
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t "$WAIT_SECONDS" stop >/dev/null ||
    stop_pid "$(read_pid "$PG_DATA/postmaster.pid")"
}
