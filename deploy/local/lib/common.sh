# Helpers shared by the per-server files. Sourced by infra.sh.

die() { echo "error: $*" >&2; exit 1; }

report() { printf '%-10s %-8s %s\n' "$1" "$2" "${3:-}" | sed 's/ *$//'; }

# Alive and not a zombie (detached servers are re-parented to an init that may not reap them).
pid_alive() {
  local state
  state=$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null) || return 1
  [[ -n $state && $state != Z ]]
}

read_pid() { [[ -r $1 ]] && head -n1 "$1" | tr -dc 0-9; }

# True when <pid> itself (not a zombie) listens on <port>.
pid_listens() {
  [[ -n ${1:-} ]] && pid_alive "$1" && ss -ltnpH "sport = :$2" 2>/dev/null | grep -q "pid=$1,"
}

# The servers run as their own users, so every folder above their data must be searchable by them.
require_reachable() {
  runuser -u "$1" -- test -w "$2" ||
    die "user $1 cannot write $2 (is a parent folder private?); set REPITBOT_LOCAL_DIR elsewhere"
}

require_free_port() {
  local port=$1 label=$2 holder
  ss -ltnH "sport = :$port" | grep -q . || return 0
  holder=$(ss -ltnpH "sport = :$port" | grep -o 'users:(("[^"]*",pid=[0-9]*' | head -n1 |
    sed -E 's/users:\(\("([^"]*)",pid=([0-9]*)/pid \2 \1/')
  die "port $port ($label) is already in use by another process (${holder:-unknown process})"
}

# fail <service> <message> <log...>: print the message and the tail of each log, then exit.
fail() {
  local svc=$1 msg=$2 log
  shift 2
  echo "error: $svc $msg" >&2
  for log in "$@"; do
    [[ -s $log ]] || continue
    echo "--- last lines of $log" >&2
    tail -n 25 "$log" >&2
  done
  exit 1
}

# start_detached <pidfile> <log> <cmd...>: run cmd in its own session, immune to the caller's
# terminal and job control; pidfile gets the pid of cmd itself (sh execs into it).
start_detached() {
  local pidfile=$1 log=$2
  shift 2
  rm -f "$pidfile"
  setsid -f sh -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" >>"$log" 2>&1 </dev/null
  local i
  for i in $(seq 50); do [[ -s $pidfile ]] && return; sleep 0.1; done
}

# wait_ready <service> <launcher pid> <logs (space separated)> <check cmd...>
# Polls check until it succeeds; fails early if the launcher died, or after WAIT_SECONDS.
wait_ready() {
  local svc=$1 pid=$2 logs=$3 deadline=$((SECONDS + WAIT_SECONDS))
  shift 3
  # shellcheck disable=SC2086
  until "$@"; do
    [[ -z $pid ]] || pid_alive "$pid" || fail "$svc" "exited during startup" $logs
    ((SECONDS < deadline)) || fail "$svc" "did not become ready within ${WAIT_SECONDS}s" $logs
    sleep 0.3
  done
}

# stop_pid <pid> [seconds]: SIGTERM, wait, then SIGKILL.
stop_pid() {
  local pid=$1 deadline=$((SECONDS + ${2:-30}))
  [[ -n $pid ]] && pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  while pid_alive "$pid"; do
    if ((SECONDS >= deadline)); then kill -KILL "$pid" 2>/dev/null || true; sleep 0.5; return; fi
    sleep 0.2
  done
}
