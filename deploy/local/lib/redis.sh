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
appendonly no
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
