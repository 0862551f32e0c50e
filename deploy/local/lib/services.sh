# Starting, waiting for and stopping the Repitbot services as local processes. Sourced by ./bench.sh,
# and written so that ./run.sh can source it too instead of its own copy of these loops.
#
# The caller sets:
#   ROOT           the repository root
#   LOGS           folder for <name>.log
#   CONFIGURATION  Release or Debug (the build output to run)
# and may define service_overrides NAME: called in the service's subshell after the env files are
# sourced (with set -a on), to change settings, e.g. ports, database or virtual host.
#
# services_start ENTRY... starts services in the given order; an entry is
# "name|project folder|assembly|port[|env name]", and env name (default: name) picks
# deploy/local/env/<env name>.env, so a second instance of a service can reuse its settings. It may be
# called again for more services; SERVICE_NAMES, SERVICE_PORTS and SERVICE_PIDS list all started so far.

SERVICE_NAMES=()
SERVICE_PORTS=()
SERVICE_PIDS=()

services_start() {
  local entry name folder assembly port envname
  mkdir -p "$LOGS"
  for entry in "$@"; do
    IFS='|' read -r name folder assembly port envname <<<"$entry"
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "error: port $port ($name) is already in use; stop whatever listens there first" >&2
      return 1
    fi
    (
      set -a
      source "$ROOT/deploy/local/env/common.env"
      source "$ROOT/deploy/local/env/${envname:-$name}.env"
      if declare -F service_overrides >/dev/null; then service_overrides "$name"; fi
      set +a
      # Content root = the build output, where appsettings.json is; relative paths stay repo-relative.
      export ASPNETCORE_CONTENTROOT=$ROOT/$folder/bin/$CONFIGURATION/net10.0
      cd "$ROOT"
      exec dotnet "$folder/bin/$CONFIGURATION/net10.0/$assembly.dll"
    ) >"$LOGS/$name.log" 2>&1 &
    SERVICE_PIDS+=($!)
    SERVICE_NAMES+=("$name")
    SERVICE_PORTS+=("$port")
  done
}

# Waits until each service answers /health/ready; fails with the end of its log if it exits or takes
# longer than SERVICE_WAIT_SECONDS (default 60).
services_await() {
  local i name port ready
  for ((i = ${SERVICES_AWAITED:-0}; i < ${#SERVICE_NAMES[@]}; i++)); do
    name=${SERVICE_NAMES[$i]} port=${SERVICE_PORTS[$i]}
    ready=""
    for _ in $(seq 1 $((${SERVICE_WAIT_SECONDS:-60} * 2))); do
      if ! kill -0 "${SERVICE_PIDS[$i]}" 2>/dev/null; then
        echo "error: $name exited during start; the end of $LOGS/$name.log:" >&2
        tail -n 20 "$LOGS/$name.log" >&2
        return 1
      fi
      if curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; then ready=1; break; fi
      sleep 0.5
    done
    [[ -n $ready ]] || { echo "error: $name is not ready after ${SERVICE_WAIT_SECONDS:-60} s; see $LOGS/$name.log" >&2; return 1; }
    printf '  %-13s ready  http://127.0.0.1:%s\n' "$name" "$port"
  done
  SERVICES_AWAITED=${#SERVICE_NAMES[@]}
}

services_stop() {
  ((${#SERVICE_PIDS[@]})) || return 0
  kill "${SERVICE_PIDS[@]}" 2>/dev/null || true
  wait "${SERVICE_PIDS[@]}" 2>/dev/null || true
  SERVICE_PIDS=() SERVICE_NAMES=() SERVICE_PORTS=() SERVICES_AWAITED=0
}

# The pid of the entry called NAME (for peak memory), or nothing.
service_pid() {
  local i
  for i in "${!SERVICE_NAMES[@]}"; do
    [[ ${SERVICE_NAMES[$i]} == "$1" ]] && { echo "${SERVICE_PIDS[$i]}"; return 0; }
  done
}
