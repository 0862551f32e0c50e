# Redis 7 on 127.0.0.1:6379 (REPITBOT_REDIS_PORT), data in $LOCAL_DIR/redis.

REDIS_PORT=${REPITBOT_REDIS_PORT:-6379}
REDIS_DIR=$LOCAL_DIR/redis
REDIS_PID=$REDIS_DIR/redis.pid
REDIS_LOG=$LOGS_DIR/redis.log

redis_addr() { echo "127.0.0.1:$REDIS_PORT"; }
redis_ports() { echo "$REDIS_PORT:Redis"; }
redis_has_process() { pid_alive "$(read_pid "$REDIS_PID")"; }
redis_running() { pid_listens "$(read_pid "$REDIS_PID")" "$REDIS_PORT"; }

redis_start() {
  mkdir -p "$REDIS_DIR"
  # Foreground mode under start_detached (instead of daemonize yes) so a crash at startup is
  # noticed at once rather than after the wait times out.
  cat >"$REDIS_DIR/redis.conf" <<EOF
bind 127.0.0.1
port $REDIS_PORT
protected-mode yes
daemonize no
pidfile $REDIS_PID
logfile $REDIS_LOG
dir $REDIS_DIR
# Persistence: the append-only file, fsynced once a second, plus the default RDB snapshots. A crash
# (kill -9, power loss) loses at most about the last second of writes, a clean shutdown nothing. What
# lives here is rebuildable or short-lived: analytics' aggregates and caches (analytics notices any
# restart or rollback and rebuilds them from PostgreSQL, see services/analytics/README.md, "Redis
# recovery"), the gateway's rate-limit windows and notification's Telegram limiter (a lost second
# only resets a window). The AOF keeps those windows and avoids a restart that comes back from an
# RDB snapshot minutes old. Switching an existing data folder from "appendonly no" makes Redis start
# empty once (it reads only the AOF when one is enabled); analytics rebuilds, nothing else needs it.
appendonly yes
appendfsync everysec
# Never evict: an evicted aggregate key would be a silent loss (only a lost marker or a restart is
# detected). A full Redis answers writes with an error; ingestion then waits and retries.
maxmemory-policy noeviction
EOF
  start_detached "$REDIS_PID" "$REDIS_LOG" redis-server "$REDIS_DIR/redis.conf"
}

redis_ping() { redis_running && [[ $(redis-cli -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]; }

redis_await() { wait_ready redis "$(read_pid "$REDIS_PID")" "$REDIS_LOG" redis_ping; }

redis_stop() {
  local pid
  pid=$(read_pid "$REDIS_PID")
  redis-cli -p "$REDIS_PORT" shutdown >/dev/null 2>&1 || true
  stop_pid "$pid" "$WAIT_SECONDS"
}
