#!/usr/bin/env bash
# Starts the whole suite on this machine: infrastructure, a build, the four services, demo data.
# Prints the URLs and an admin token; Ctrl-C stops the services (infrastructure keeps running:
# deploy/local/infra.sh down stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
LOGS=$ROOT/.local/logs
CONFIGURATION=${CONFIGURATION:-Release}
# name|project folder|assembly|port — started in this order, the gateway first (it serves the JWKS).
SERVICES=(
  "gateway|services/gateway|Repitbot.Gateway|8080"
  "bot-gateway|services/bot-gateway|Repitbot.BotGateway|8000"
  "notification|services/notification|Repitbot.Notification|8006"
  "analytics|services/analytics|Repitbot.Analytics|8007"
)
PIDS=()

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

stop_services() {
  ((${#PIDS[@]})) || return 0
  say "stopping services"
  kill "${PIDS[@]}" 2>/dev/null || true
  wait "${PIDS[@]}" 2>/dev/null || true
  PIDS=()
}
trap 'stop_services; exit 130' INT TERM
trap 'stop_services' EXIT

say "infrastructure"
deploy/local/infra.sh up

say "build ($CONFIGURATION)"
dotnet build Repitbot.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:q

mkdir -p "$LOGS"
for entry in "${SERVICES[@]}"; do
  IFS='|' read -r name folder assembly port <<<"$entry"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "error: port $port ($name) is already in use; stop whatever listens there first" >&2
    exit 1
  fi
  (
    set -a
    source deploy/local/env/common.env
    source "deploy/local/env/$name.env"
    set +a
    # Content root = the build output, where appsettings.json is; relative paths stay repo-relative.
    export ASPNETCORE_CONTENTROOT=$ROOT/$folder/bin/$CONFIGURATION/net10.0
    exec dotnet "$folder/bin/$CONFIGURATION/net10.0/$assembly.dll"
  ) >"$LOGS/$name.log" 2>&1 &
  PIDS+=($!)
done

say "waiting for the services to be ready"
for i in "${!SERVICES[@]}"; do
  IFS='|' read -r name _ _ port <<<"${SERVICES[$i]}"
  ready=""
  for _ in $(seq 1 120); do
    if ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      echo "error: $name exited during start; the end of $LOGS/$name.log:" >&2
      tail -n 20 "$LOGS/$name.log" >&2
      exit 1
    fi
    if curl -fs -o /dev/null "http://127.0.0.1:$port/health/ready"; then ready=1; break; fi
    sleep 0.5
  done
  [[ -n $ready ]] || { echo "error: $name is not ready after 60 s; see $LOGS/$name.log" >&2; exit 1; }
  printf '  %-13s ready  http://127.0.0.1:%s\n' "$name" "$port"
done

mint() {
  set -a; source deploy/local/env/common.env; source deploy/local/env/gateway.env; set +a
  dotnet services/gateway/bin/"$CONFIGURATION"/net10.0/Repitbot.Gateway.dll mint-token "$@"
}
ADMIN_TOKEN=$(mint --role admin --sub "admin" --lifetime 12h)

say "demo data"
deploy/local/seed-demo.sh "$ROOT/.local" "$(mint --role tutor --sub "$(deploy/local/seed-demo.sh --tutor-id "$ROOT/.local")" --lifetime 1h)"

cat <<INFO

Repitbot is running. Logs: $LOGS/<service>.log

  Gateway        http://127.0.0.1:8080   (JWKS: /.well-known/jwks.json, health: /health)
  Bot gateway    http://127.0.0.1:8000/docs
  Notification   http://127.0.0.1:8006/docs
  Analytics      http://127.0.0.1:8007/docs
  RabbitMQ       http://127.0.0.1:15672  (repitbot / repitbot)
  Mail received  $ROOT/.local/mail/new

Admin token (12 h):
$ADMIN_TOKEN

Try:
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8080/api/v1/dashboard?days=7'

Ctrl-C stops the services.
INFO
echo "export TOKEN=$ADMIN_TOKEN" >"$ROOT/.local/admin-token.sh"
wait
