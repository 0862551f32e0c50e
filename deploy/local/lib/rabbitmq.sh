# RabbitMQ 3.10 on 127.0.0.1:5672 (management 15672, Prometheus 15692), node rabbit@localhost,
# everything under $LOCAL_DIR/rabbitmq, run as the rabbitmq user. A second broker beside it (the chaos
# suite's) needs all of these different: REPITBOT_RMQ_NODE, REPITBOT_RMQ_PORT, REPITBOT_RMQ_MGMT_PORT,
# REPITBOT_RMQ_PROM_PORT, REPITBOT_RMQ_DIST_PORT (epmd on 4369 is shared, which is fine).

RMQ_NODE=${REPITBOT_RMQ_NODE:-rabbit@localhost}
RMQ_PORT=${REPITBOT_RMQ_PORT:-5672}
RMQ_MGMT_PORT=${REPITBOT_RMQ_MGMT_PORT:-15672}
RMQ_PROM_PORT=${REPITBOT_RMQ_PROM_PORT:-15692}
RMQ_DIST_PORT=${REPITBOT_RMQ_DIST_PORT:-25672}
RMQ_DIR=$LOCAL_DIR/rabbitmq
RMQ_PID=$RMQ_DIR/rabbit.pid          # the broker's own pid, written by RabbitMQ
RMQ_LAUNCHER_PID=$RMQ_DIR/launcher.pid
RMQ_LOG=$LOGS_DIR/rabbitmq.log       # stdout/stderr; the broker's log is in $RMQ_DIR/log
RMQ_USER=repitbot
RMQ_PASSWORD=repitbot
RMQ_VHOST=repitbot

rabbitmq_addr() {
  echo "127.0.0.1:$RMQ_PORT (management 127.0.0.1:$RMQ_MGMT_PORT, prometheus 127.0.0.1:$RMQ_PROM_PORT)"
}
rabbitmq_ports() {
  printf '%s\n' "$RMQ_PORT:RabbitMQ AMQP" "$RMQ_MGMT_PORT:RabbitMQ management" \
    "$RMQ_PROM_PORT:RabbitMQ Prometheus" "$RMQ_DIST_PORT:RabbitMQ Erlang distribution"
}
rabbitmq_has_process() {
  pid_alive "$(read_pid "$RMQ_PID")" || pid_alive "$(read_pid "$RMQ_LAUNCHER_PID")"
}
rabbitmq_running() { pid_listens "$(read_pid "$RMQ_PID")" "$RMQ_PORT"; }

# Debian's rabbitmqctl wrapper runs the CLI as the rabbitmq user with HOME=~rabbitmq, so the broker
# is started with that same HOME to share its Erlang cookie: plain `rabbitmqctl -n rabbit@localhost`
# works for root too.
rmqctl() { rabbitmqctl -q -n "$RMQ_NODE" "$@"; }

rabbitmq_start() {
  install -d -o rabbitmq -g rabbitmq "$RMQ_DIR" "$RMQ_DIR/mnesia" "$RMQ_DIR/log"
  cat >"$RMQ_DIR/rabbitmq.conf" <<EOF
listeners.tcp.default = 127.0.0.1:$RMQ_PORT
management.tcp.ip = 127.0.0.1
management.tcp.port = $RMQ_MGMT_PORT
prometheus.tcp.ip = 127.0.0.1
prometheus.tcp.port = $RMQ_PROM_PORT
EOF
  echo '[rabbitmq_management,rabbitmq_prometheus].' >"$RMQ_DIR/enabled_plugins"
  chown -R rabbitmq:rabbitmq "$RMQ_DIR"
  require_reachable rabbitmq "$RMQ_DIR"
  rm -f "$RMQ_PID"
  # The broker reserves file handles for every virtual host's message stores and every socket. runuser's
  # PAM session sets the soft limit back to 1024, at which a dozen (test) virtual hosts use them all up and
  # new connections wait in the handshake until one is freed; hence the hard limit, raised inside.
  # RABBITMQ_CONF_ENV_FILE points at a file that does not exist, so /etc/rabbitmq/rabbitmq-env.conf
  # cannot change the node name or paths behind our back.
  start_detached "$RMQ_LAUNCHER_PID" "$RMQ_LOG" runuser -u rabbitmq -- \
    sh -c 'ulimit -n "$(ulimit -Hn)" 2>/dev/null; exec "$@"' rabbitmq-start env \
    HOME="$(getent passwd rabbitmq | cut -d: -f6)" \
    RABBITMQ_NODENAME="$RMQ_NODE" \
    RABBITMQ_CONF_ENV_FILE="$RMQ_DIR/rabbitmq-env.conf" \
    RABBITMQ_CONFIG_FILE="$RMQ_DIR/rabbitmq.conf" \
    RABBITMQ_ADVANCED_CONFIG_FILE="$RMQ_DIR/advanced.config" \
    RABBITMQ_ENABLED_PLUGINS_FILE="$RMQ_DIR/enabled_plugins" \
    RABBITMQ_MNESIA_BASE="$RMQ_DIR/mnesia" \
    RABBITMQ_LOG_BASE="$RMQ_DIR/log" \
    RABBITMQ_PID_FILE="$RMQ_PID" \
    RABBITMQ_DIST_PORT="$RMQ_DIST_PORT" \
    ERL_EPMD_ADDRESS=127.0.0.1 \
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
    /usr/lib/rabbitmq/bin/rabbitmq-server
}

rabbitmq_listening() {
  local pid
  pid=$(read_pid "$RMQ_PID")
  pid_listens "$pid" "$RMQ_PORT" && pid_listens "$pid" "$RMQ_MGMT_PORT" &&
    pid_listens "$pid" "$RMQ_PROM_PORT"
}

# 200 only once the user exists, is an administrator and has its permissions on both vhosts.
rabbitmq_api_ok() {
  local vhost
  for vhost in %2F "$RMQ_VHOST"; do
    curl -sf -o /dev/null -u "$RMQ_USER:$RMQ_PASSWORD" \
      "http://127.0.0.1:$RMQ_MGMT_PORT/api/permissions/$vhost/$RMQ_USER" || return 1
  done
}

# One import instead of a rabbitmqctl call per object (each CLI call costs about a second).
# Importing is an upsert, so it also resets the password and tags on every start.
rabbitmq_definitions() {
  local perms='"configure": ".*", "write": ".*", "read": ".*"'
  cat <<EOF
{"vhosts": [{"name": "$RMQ_VHOST"}],
 "users": [{"name": "$RMQ_USER", "password": "$RMQ_PASSWORD", "tags": "administrator"}],
 "permissions": [{"user": "$RMQ_USER", "vhost": "/", $perms},
                 {"user": "$RMQ_USER", "vhost": "$RMQ_VHOST", $perms}]}
EOF
}

rabbitmq_await() {
  local logs="$RMQ_LOG $RMQ_DIR/log/$RMQ_NODE.log"
  wait_ready rabbitmq "$(read_pid "$RMQ_LAUNCHER_PID")" "$logs" rabbitmq_listening
  { rmqctl await_startup --timeout "$WAIT_SECONDS" &&
    rabbitmq_definitions | rmqctl import_definitions; } >>"$RMQ_LOG" 2>&1 ||
    fail rabbitmq "provisioning with rabbitmqctl failed" $logs
  # The import is asynchronous: wait until the management API sees its result.
  wait_ready rabbitmq "" "$logs" rabbitmq_api_ok
}

rabbitmq_stop() {
  local pid
  pid=$(read_pid "$RMQ_PID")
  rmqctl stop "$RMQ_PID" >>"$RMQ_LOG" 2>&1 || stop_pid "$pid" "$WAIT_SECONDS"
  stop_pid "$(read_pid "$RMQ_LAUNCHER_PID")" 10
}
