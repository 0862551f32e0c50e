#!/usr/bin/env bash
# One benchmark command: builds, starts the suite on its own ports (17xxx) with its own database,
# RabbitMQ virtual host and Redis database, seeds one million analytics events, runs the baselines
# and the scenarios of tools/load-tester, and prints each figure with its baseline and the ratio.
# A full run writes BENCHMARKS.md; --quick (small counts, under 3 minutes after the build) writes
# .local/bench/BENCHMARKS.quick.md instead, so a developer's run never replaces the published table.
#
#   ./bench.sh [--quick] [--no-infra] [--no-build]
#     --no-infra  use the infrastructure that is already running (do not call infra.sh up/database;
#                 the database BENCH_DATABASE must exist)
#     --no-build  use the existing build output
#
# Settings (environment): BENCH_DATABASE (repitbot_bench), BENCH_VHOST (repitbot-bench),
# BENCH_REDIS_DB (1), BENCH_EVENTS (1000000; 50000 with --quick), CONFIGURATION (Release), REPITBOT_LOCAL_DIR (.local),
# BENCH_PORT_BASE (17000: two checkouts benchmarking at once need different bases),
# BENCH_INGEST_EVENT (material-viewed; lesson-completed also loads notification, see the ingest-bus step),
# BENCH_ONLY (comma-separated steps to run: baselines,wrk,http,notify,notify-load,ingest-bus,ingest-rest,reads,
# full-report,pipeline,pipeline-mixed; a partial run writes .local/bench/BENCHMARKS.partial.md, never BENCHMARKS.md),
# BENCH_HOLD (1: after the steps, keep the suite up for profiling until Ctrl-C or SIGTERM; ports and tokens in .local/bench/hold.env).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
QUICK=false INFRA=true BUILD=true
for arg in "$@"; do
  case "$arg" in
    --quick) QUICK=true ;;
    --no-infra) INFRA=false ;;
    --no-build) BUILD=false ;;
    *) echo "usage: $0 [--quick] [--no-infra] [--no-build]" >&2; exit 2 ;;
  esac
done

CONFIGURATION=${CONFIGURATION:-Release}
LOCAL_DIR=${REPITBOT_LOCAL_DIR:-$ROOT/.local}
BENCH_DIR=$ROOT/.local/bench
LOGS=$BENCH_DIR/logs
RESULTS=$BENCH_DIR/results-$(date -u +%Y%m%dT%H%M%SZ)
DATABASE=${BENCH_DATABASE:-repitbot_bench}
VHOST=${BENCH_VHOST:-repitbot-bench}
REDIS="127.0.0.1:6379,defaultDatabase=${BENCH_REDIS_DB:-1}"
EVENTS=${BENCH_EVENTS:-$($QUICK && echo 50000 || echo 1000000)}
ONLY=${BENCH_ONLY:-}
# step NAME: whether this run includes that step.
step() { [[ -z $ONLY || ",$ONLY," == *",$1,"* ]]; }
# Ports: every service on its own 17xxx port, so a running ./run.sh (8xxx) is left alone.
PB=${BENCH_PORT_BASE:-17000}
GATEWAY_PORT=$((PB + 80)) BOT_PORT=$PB NOTIFICATION_PORT=$((PB + 6)) ANALYTICS_PORT=$((PB + 7))
GATEWAY_BARE_PORT=$((PB + 81)) NGINX_PORT=$((PB + 82)) TELEGRAM_STUB_PORT=$((PB + 83)) BARE_PORT=$((PB + 90))
YARP_MINIMAL_PORT=$((PB + 84))
# How long before a lesson notification reminds (pipeline-mixed's --reminder-lead must say the same).
REMINDER_LEAD=00:00:30 REMINDER_LEAD_SECONDS=30
# The Telegram Bot API stand-in's default bot token (tools/telegram-stub/README.md).
TELEGRAM_TOKEN=123456789:AAStubTokenForRepitbotLocalTesting00
SERVICES=(
  "gateway|services/gateway|Repitbot.Gateway|$GATEWAY_PORT"
  "bot-gateway|services/bot-gateway|Repitbot.BotGateway|$BOT_PORT"
  "notification|services/notification|Repitbot.Notification|$NOTIFICATION_PORT"
  "analytics|services/analytics|Repitbot.Analytics|$ANALYTICS_PORT"
)
# A second gateway in front of the bare Kestrel endpoint: YARP's own cost, next to nginx's. Started
# once the first gateway has made the signing key they share (each gateway validates with its own key).
GATEWAY_BARE="gateway-bare|services/gateway|Repitbot.Gateway|$GATEWAY_BARE_PORT|gateway"
EXTRA_PIDS=()

# A service migrates its database as it starts; over the million-event store a new index takes minutes.
export SERVICE_WAIT_SECONDS=${SERVICE_WAIT_SECONDS:-600}
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }
# shellcheck source=deploy/local/lib/services.sh
source deploy/local/lib/services.sh

service_overrides() {
  local name=$1 port
  case "$name" in
    gateway) port=$GATEWAY_PORT ;; bot-gateway) port=$BOT_PORT ;; notification) port=$NOTIFICATION_PORT ;;
    analytics) port=$ANALYTICS_PORT ;; gateway-bare) port=$GATEWAY_BARE_PORT ;;
  esac
  ASPNETCORE_URLS=http://127.0.0.1:$port
  [[ -z ${ConnectionStrings__Postgres:-} ]] || ConnectionStrings__Postgres=${ConnectionStrings__Postgres/Database=repitbot;/Database=$DATABASE;}
  RabbitMq__Uri=amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST
  ConnectionStrings__Redis=$REDIS
  Jwt__JwksUrl=http://127.0.0.1:$GATEWAY_PORT/.well-known/jwks.json
  Tokens__SigningKeyPath=$BENCH_DIR/keys/gateway-signing.pem
  Services__Notification=http://127.0.0.1:$NOTIFICATION_PORT
  Services__Analytics=http://127.0.0.1:$([[ $name == gateway-bare ]] && echo $BARE_PORT || echo $ANALYTICS_PORT)
  Services__BotGateway=http://127.0.0.1:$BOT_PORT
  Telegram__ApiBaseUrl=http://127.0.0.1:$TELEGRAM_STUB_PORT
  Telegram__BotToken=$TELEGRAM_TOKEN
  # Notification sends Telegram messages to the stand-in (the Telegram figure); the bot stays off.
  [[ $name != notification ]] || Telegram__Mode=polling
  # Lesson reminders 30 s before the lesson instead of 24 h and 1 h: pipeline-mixed schedules lessons to start 30 s after
  # its burst instant, so their reminders fall due together mid-step. No other step schedules lessons.
  [[ $name != notification ]] || Rules__ReminderOffsets__0=$REMINDER_LEAD
}

stop_all() {
  services_stop
  ((${#EXTRA_PIDS[@]})) && { kill "${EXTRA_PIDS[@]}" 2>/dev/null || true; wait "${EXTRA_PIDS[@]}" 2>/dev/null || true; }
  EXTRA_PIDS=()
}
trap 'stop_all; exit 130' INT TERM
trap stop_all EXIT

ensure_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v nginx >/dev/null || missing+=(nginx-light)
  command -v redis-benchmark >/dev/null || missing+=(redis-tools)
  ((${#missing[@]} == 0)) && return
  say "installing ${missing[*]}"
  apt-get update -qq
  # No service starts: nginx is run by this script on its own port, never as the system's web server.
  RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

LT=(dotnet "$ROOT/tools/load-tester/bin/$CONFIGURATION/net10.0/Repitbot.LoadTester.dll")
lt() { "${LT[@]}" "$@" --quiet; }
# q QUICK FULL: the value for this mode.
q() { if $QUICK; then echo "$1"; else echo "$2"; fi; }

ensure_tools
if $INFRA; then
  say "infrastructure"
  deploy/local/infra.sh up
  # Every run adds about 60 000 events; past a fifth more than the seed the read figures would no longer be
  # "over one million events", so the store starts again from a fresh seed (and its Redis aggregates with it).
  grown=$(PGPASSWORD=analytics psql -h 127.0.0.1 -U analytics -d "$DATABASE" -tAc "SELECT count(*) FROM analytics.events" 2>/dev/null || echo 0)
  if ((${grown:-0} > EVENTS * 6 / 5)); then
    say "the benchmark store holds $grown events (seed $EVENTS): starting it again"
    deploy/local/infra.sh drop-database "$DATABASE"
    redis-cli -n "${BENCH_REDIS_DB:-1}" FLUSHDB >/dev/null
  fi
  deploy/local/infra.sh database "$DATABASE"
fi
say "RabbitMQ virtual host $VHOST"
# A fresh one every run: a backlog left in a queue by an earlier run would be measured as latency.
curl -sS -u repitbot:repitbot -X DELETE "http://127.0.0.1:15672/api/vhosts/$VHOST" -o /dev/null
curl -fsS -u repitbot:repitbot -X PUT "http://127.0.0.1:15672/api/vhosts/$VHOST" -o /dev/null
curl -fsS -u repitbot:repitbot -X PUT -H 'Content-Type: application/json' \
  -d '{"configure":".*","write":".*","read":".*"}' "http://127.0.0.1:15672/api/permissions/$VHOST/repitbot" -o /dev/null

if $BUILD; then
  say "build ($CONFIGURATION)"
  dotnet build Repitbot.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:q
fi

mkdir -p "$LOGS" "$RESULTS" "$BENCH_DIR/keys" "$BENCH_DIR/nginx"
say "bare Kestrel endpoint, nginx, YARP alone and the Telegram Bot API stand-in"
"${LT[@]}" serve --port "$BARE_PORT" >"$LOGS/bare-kestrel.log" 2>&1 &
EXTRA_PIDS+=($!)
sed -e "s|@DIR@|$BENCH_DIR/nginx|g" -e "s|@PORT@|$NGINX_PORT|g" -e "s|@BACKEND@|127.0.0.1:$BARE_PORT|g" \
  deploy/bench/nginx.conf.template >"$BENCH_DIR/nginx/nginx.conf"
nginx -c "$BENCH_DIR/nginx/nginx.conf" -p "$BENCH_DIR/nginx" >"$LOGS/nginx.log" 2>&1 &
EXTRA_PIDS+=($!)
# YARP with nothing else in front of the same endpoint: the proxy library's own ceiling, next to the gateway's.
"${LT[@]}" serve-proxy --port "$YARP_MINIMAL_PORT" --backend "http://127.0.0.1:$BARE_PORT" >"$LOGS/yarp-minimal.log" 2>&1 &
EXTRA_PIDS+=($!)
# Limits as the real Bot API's (30 messages a second per bot, 1 per chat), which notify-telegram measures against.
TelegramStub__AcceptAnyToken=true dotnet "tools/telegram-stub/bin/$CONFIGURATION/net10.0/Repitbot.TelegramStub.dll" \
  --urls "http://127.0.0.1:$TELEGRAM_STUB_PORT" >"$LOGS/telegram-stub.log" 2>&1 &
EXTRA_PIDS+=($!)

say "services (logs in $LOGS)"
services_start "${SERVICES[@]}"
services_await
services_start "$GATEWAY_BARE"
services_await

mint() {
  (set -a; source deploy/local/env/common.env; source deploy/local/env/gateway.env
   Tokens__SigningKeyPath=$BENCH_DIR/keys/gateway-signing.pem; set +a
   dotnet "services/gateway/bin/$CONFIGURATION/net10.0/Repitbot.Gateway.dll" mint-token "$@")
}
ADMIN_TOKEN=$(mint --role admin --sub bench-admin --lifetime 2h)
TUTOR_TOKEN=$(mint --role tutor --sub "$(cat /proc/sys/kernel/random/uuid)" --lifetime 2h)
PG_ANALYTICS="Host=127.0.0.1;Port=5432;Database=$DATABASE;Username=analytics;Password=analytics"

say "seed: $EVENTS analytics events"
stored=$(PGPASSWORD=analytics psql -h 127.0.0.1 -U analytics -d "$DATABASE" -tAc "SELECT count(*) FROM analytics.events")
if ((stored < EVENTS)); then
  lt seed-events --count $((EVENTS - stored)) --postgres "$PG_ANALYTICS" --redis "$REDIS" \
    --output "$RESULTS/seed-events.json" >/dev/null
else
  echo "  $stored events stored already"
fi
stored=$(PGPASSWORD=analytics psql -h 127.0.0.1 -U analytics -d "$DATABASE" -tAc "SELECT count(*) FROM analytics.events")

say "baselines"
set +e  # one failed measurement shows as "not measured" in the table instead of ending the run
if step baselines; then
lt baseline-postgres --postgres "$PG_ANALYTICS" --count "$(q 20000 200000)" --output "$RESULTS/baseline-postgres.json"
lt baseline-redis --redis "$REDIS" --count "$(q 20000 200000)" --output "$RESULTS/baseline-redis.json"
fi
WRK_SECONDS=$(q 3 15)
# A .NET server reaches its steady speed only after tiered JIT settles (about 10 s under load), so each
# target gets the same long unrecorded warm-up before its measured run.
wrk_run() { lt wrk --label "$1" --url "$2" --duration "$WRK_SECONDS" --warmup-seconds "$(q 3 15)" --token "$ADMIN_TOKEN" --output "$RESULTS/$1.json"; }
if step wrk; then
wrk_run wrk-bare "http://127.0.0.1:$BARE_PORT/api/v1/dashboard"
wrk_run wrk-gateway-bare "http://127.0.0.1:$GATEWAY_BARE_PORT/api/v1/dashboard"
wrk_run wrk-nginx "http://127.0.0.1:$NGINX_PORT/api/v1/dashboard"
wrk_run wrk-yarp-minimal "http://127.0.0.1:$YARP_MINIMAL_PORT/api/v1/dashboard"
wrk_run wrk-analytics "http://127.0.0.1:$ANALYTICS_PORT/api/v1/dashboard?days=7"
wrk_run wrk-gateway-analytics "http://127.0.0.1:$GATEWAY_PORT/api/v1/dashboard?days=7"
fi
step http && for target in "http-direct|$ANALYTICS_PORT" "http-gateway|$GATEWAY_PORT"; do
  lt http-get --label "${target%%|*}" --url "http://127.0.0.1:${target##*|}/api/v1/dashboard?days=7" --token "$ADMIN_TOKEN" \
    --rate "$(q 50 200)" --duration "$(q 5 20)" --count 1000000 --warmup "$(q 20 200)" --output "$RESULTS/${target%%|*}.json"
done

say "scenarios"
# Notifications first: the ingestion scenarios publish thousands of LessonCompleted events, which
# notification consumes too; measured after them, e-mail latency would be the time to drain that backlog.
if step notify; then
lt notify-email --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" --maildir "$LOCAL_DIR/mail" \
  --rate "$(q 10 20)" --duration "$(q 5 30)" --count 1000000 --output "$RESULTS/notify-email.json"
lt notify-telegram --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" --notification "http://127.0.0.1:$NOTIFICATION_PORT" \
  --telegram-stub "http://127.0.0.1:$TELEGRAM_STUB_PORT" \
  --rate 60 --duration "$(q 3 20)" --count 1000000 --timeout "$(q 10 60)" --output "$RESULTS/notify-telegram.json"
fi
# ---- notify-load: notification's cost per e-mail (BENCHMARKS.md, "Notification: cost per e-mail") ----
# A burst of LessonCompleted events, each one e-mail; the notification process's CPU time (/proc) over the mails
# delivered gives CPU-ms per e-mail, the time to the last mail gives e-mails/s. Run alone: BENCH_ONLY=notify-load.
if step notify-load; then
lt notify-load --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" --maildir "$LOCAL_DIR/mail" \
  --pid "$(service_pid notification)" --count "$(q 500 3000)" --timeout 300 --output "$RESULTS/notify-load.json"
fi
# ---- end of notify-load ----
# MaterialViewed: consumed by analytics alone, as the baseline's one queue is; with LessonCompleted the figure
# would also carry notification's per-event work for the same stream on the same two cores.
# The broker's ceiling is measured right before the ingestion it is compared with: this machine's speed
# drifts by a third within minutes, so a baseline taken earlier in the run made the ratio mostly noise.
# Warm-up events (stored before the measured run starts) take analytics past its start-up compilation.
if step baselines || step ingest-bus; then
lt baseline-rabbitmq --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" --count "$(q 5000 100000)" \
  --duration 60 --output "$RESULTS/baseline-rabbitmq.json"
fi
step ingest-bus && lt ingest-bus --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" --postgres "$PG_ANALYTICS" \
  --event "${BENCH_INGEST_EVENT:-material-viewed}" --warmup "$(q 500 10000)" --count "$(q 3000 50000)" --duration 120 \
  --output "$RESULTS/ingest-bus.json"
step ingest-rest && lt ingest-rest --bot-gateway "http://127.0.0.1:$BOT_PORT" --tutor-token "$TUTOR_TOKEN" --postgres "$PG_ANALYTICS" \
  --rate "$(q 50 100)" --duration "$(q 5 30)" --count 1000000 --output "$RESULTS/ingest-rest.json"
step reads && lt api-reads --gateway "http://127.0.0.1:$GATEWAY_PORT" --token "$ADMIN_TOKEN" --warmup 6 \
  --rate "$(q 10 20)" --duration "$(q 5 30)" --count 1000000 --output "$RESULTS/api-reads.json"
step full-report && lt full-report --gateway "http://127.0.0.1:$GATEWAY_PORT" --token "$ADMIN_TOKEN" --rate 0.5 --count "$(q 2 10)" \
  --timeout 120 --output "$RESULTS/full-report.json"
# CPU ticks of the PostgreSQL backends serving the bench database (their titles name it).
database_ticks() {
  local total=0 pid
  for pid in $(pgrep -f "^postgres: [a-z_]+ $DATABASE "); do
    total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0)))
  done
  echo "$total"
}
# Full reports over the seeded store keep PostgreSQL busy for a minute or more after their step has its answers; the
# 2026-12-07 full run measured the pipeline's idle PostgreSQL at 916 ms/s and counted it per lesson. Wait (up to 5 min)
# until the database's backends use under 50 ms of CPU a second.
await_quiet_database() {
  local deadline=$((SECONDS + 300)) hz before after
  hz=$(getconf CLK_TCK)
  while ((SECONDS < deadline)); do
    before=$(database_ticks); sleep 2; after=$(database_ticks)
    if (((after - before) * 1000 / hz / 2 < 50)); then return 0; fi
  done
  echo "  the database's backends were still busy after 5 min; measuring anyway" >&2
}
# --- pipeline (issue 19) ---------------------------------------------------------------------------------
# Lessons over REST through the gateway at stepped constant rates, each followed to its mail and the dashboard;
# stops after the first rate that misses REST p99 <= 100 ms, e-mail p99 <= 1 s, exactly-once or the count.
# Its raw RabbitMQ ceiling is measured right before it (the machine's speed drifts within minutes).
# BENCH_PIPELINE_RATES overrides the rates.
if step pipeline; then
  await_quiet_database
  lt baseline-rabbitmq --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" --count "$(q 5000 100000)" \
    --duration 60 --label baseline-rabbitmq-pipeline --output "$RESULTS/baseline-rabbitmq-pipeline.json"
  pipeline_pids=()
  for name in gateway bot-gateway notification analytics; do pipeline_pids+=("$name=$(service_pid "$name")"); done
  lt pipeline --gateway "http://127.0.0.1:$GATEWAY_PORT" --tutor-token "$TUTOR_TOKEN" --maildir "$LOCAL_DIR/mail" \
    --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" \
    --rates "${BENCH_PIPELINE_RATES:-$(q 50,100,200 50,100,200,500,1000)}" --duration "$(q 8 20)" --warmup "$(q 100 500)" \
    --pids "$(IFS=,; echo "${pipeline_pids[*]}")" --database "$DATABASE" --output "$RESULTS/pipeline.json"
fi
# --- end pipeline ----------------------------------------------------------------------------------------
# --- pipeline-mixed (issue 19) ---------------------------------------------------------------------------
# The same stepped rates with a mix of arrivals: completed lessons, payments, homework, and lessons scheduled to
# start REMINDER_LEAD after one instant three quarters into the step, so their reminders all fall due at once (the
# top of the hour). Every mail is followed exactly once, latency from when it was due; the same pass rule.
# Run after pipeline, whose raw RabbitMQ ceiling it is read against. BENCH_PIPELINE_RATES overrides the rates.
if step pipeline-mixed; then
  await_quiet_database
  pipeline_pids=()
  for name in gateway bot-gateway notification analytics; do pipeline_pids+=("$name=$(service_pid "$name")"); done
  lt pipeline-mixed --gateway "http://127.0.0.1:$GATEWAY_PORT" --tutor-token "$TUTOR_TOKEN" --maildir "$LOCAL_DIR/mail" \
    --rabbitmq "amqp://repitbot:repitbot@127.0.0.1:5672/$VHOST" \
    --rates "${BENCH_PIPELINE_RATES:-$(q 50,100,200 50,100,200,500,1000)}" --duration "$(q 8 20)" --warmup "$(q 100 500)" \
    --reminder-lead "$REMINDER_LEAD_SECONDS" --pids "$(IFS=,; echo "${pipeline_pids[*]}")" --database "$DATABASE" \
    --output "$RESULTS/pipeline-mixed.json"
fi
# --- end pipeline-mixed ----------------------------------------------------------------------------------
set -e

if [[ ${BENCH_HOLD:-} == 1 ]]; then
  {
    echo "GATEWAY=http://127.0.0.1:$GATEWAY_PORT BOT_GATEWAY=http://127.0.0.1:$BOT_PORT"
    echo "NOTIFICATION=http://127.0.0.1:$NOTIFICATION_PORT ANALYTICS=http://127.0.0.1:$ANALYTICS_PORT DATABASE=$DATABASE"
    echo "ADMIN_TOKEN=$ADMIN_TOKEN"
    echo "TUTOR_TOKEN=$TUTOR_TOKEN"
    for name in gateway bot-gateway notification analytics; do echo "PID_${name//-/_}=$(service_pid "$name")"; done
  } >"$BENCH_DIR/hold.env"
  say "holding the suite for profiling (Ctrl-C stops it): $BENCH_DIR/hold.env"
  sleep infinity &
  EXTRA_PIDS+=($!)
  wait $!
fi

pids=()
for name in gateway bot-gateway notification analytics; do pids+=("$name=$(service_pid "$name")"); done
lt peak-memory "${pids[@]}" --output "$RESULTS/peak-memory.json" >/dev/null

say "results ($RESULTS)"
if [[ -n $ONLY ]]; then MARKDOWN=$BENCH_DIR/BENCHMARKS.partial.md
elif $QUICK; then MARKDOWN=$BENCH_DIR/BENCHMARKS.quick.md
else MARKDOWN=$ROOT/BENCHMARKS.md; fi
"${LT[@]}" report "$RESULTS" --markdown "$MARKDOWN" --label "./bench.sh $*; reads over $stored stored events"
echo "table written to $MARKDOWN"
