#!/usr/bin/env bash
# Starts the whole suite on this machine: infrastructure, a build, the four services, demo data.
# Prints the URLs and an admin token; Ctrl-C stops the services (infrastructure keeps running:
# deploy/local/infra.sh down stops it).
#   --observability  also Debian's Prometheus on 127.0.0.1:9090 scraping the suite, with the alert rules
set -euo pipefail
OBSERVABILITY=""
for arg in "$@"; do
  case $arg in
    --observability) OBSERVABILITY=1 ;;
    -h | --help) sed -n '2,5p' "$0" | cut -c3-; exit 0 ;;
    *) echo "error: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done
cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
LOGS=$ROOT/.local/logs
CONFIGURATION=${CONFIGURATION:-Release}
# name|project folder|assembly|port — started in this order: the Telegram stand-in, then the gateway
# (it serves the JWKS the others validate tokens against), then the rest.
SERVICES=(
  "telegram-stub|tools/telegram-stub|Repitbot.TelegramStub|8081"
  "gateway|services/gateway|Repitbot.Gateway|8080"
  "bot-gateway|services/bot-gateway|Repitbot.BotGateway|8000"
  "notification|services/notification|Repitbot.Notification|8006"
  "analytics|services/analytics|Repitbot.Analytics|8007"
)
STUB_TOKEN=123456789:AAStubTokenForRepitbotLocalTesting00

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# shellcheck source=deploy/local/lib/services.sh
source deploy/local/lib/services.sh
# shellcheck source=deploy/local/lib/prometheus.sh
source deploy/local/lib/prometheus.sh
trap 'say "stopping services"; services_stop; prometheus_stop; exit 130' INT TERM
trap 'services_stop; prometheus_stop' EXIT

# The tests run every service with Telegram off (deploy/local/env); a local run talks to the stand-in,
# and the bot gateway gets an API client at the gateway for its /analytics and /notifications calls.
service_overrides() {
  case $1 in
    gateway)
      Auth__Clients__0__Id=bot-gateway
      Auth__Clients__0__SecretSha256=$(printf %s "$BOT_CLIENT_SECRET" | sha256sum | cut -c1-64)
      Auth__Clients__0__Role=service
      Auth__Clients__0__Subject=bot-gateway
      Telegram__BotToken=$STUB_TOKEN
      ;;
    bot-gateway)
      Telegram__Mode=polling Telegram__BotToken=$STUB_TOKEN Telegram__ApiBaseUrl=http://127.0.0.1:8081
      Auth__TokenUrl=http://127.0.0.1:8080/auth/token Auth__ClientId=bot-gateway Auth__ClientSecret=$BOT_CLIENT_SECRET
      # A signed webhook source to try the intake with (the curl printed at the end).
      Webhooks__Sources__0__Name=$WEBHOOK_SOURCE Webhooks__Sources__0__Secret=$WEBHOOK_SECRET
      ;;
    notification)
      Telegram__Mode=polling Telegram__BotToken=$STUB_TOKEN Telegram__ApiBaseUrl=http://127.0.0.1:8081
      ;;
  esac
}

say "infrastructure"
deploy/local/infra.sh up

say "build ($CONFIGURATION)"
dotnet build Repitbot.sln -c "$CONFIGURATION" -nologo -clp:ErrorsOnly -v:q

mkdir -p "$LOGS"
# local_secret FILE: the secret kept in FILE (made on first use, readable by root only), so it survives restarts.
local_secret() {
  [[ -s $1 ]] || (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=' >"$1")
  cat "$1"
}
BOT_CLIENT_SECRET=$(local_secret "$ROOT/.local/bot-gateway-client.secret")
WEBHOOK_SOURCE=demo
WEBHOOK_SECRET=$(local_secret "$ROOT/.local/webhook-demo.secret")

say "starting the services"
services_start "${SERVICES[@]}"
services_await

mint() {
  set -a; source deploy/local/env/common.env; source deploy/local/env/gateway.env; set +a
  dotnet services/gateway/bin/"$CONFIGURATION"/net10.0/Repitbot.Gateway.dll mint-token "$@"
}
ADMIN_TOKEN=$(mint --role admin --sub "admin" --lifetime 12h)

if [[ -n $OBSERVABILITY ]]; then
  say "Prometheus"
  # The production job names; the queue job reads only this run's virtual host (tests add their own).
  PROMETHEUS_TARGETS=(prometheus=127.0.0.1:9090)
  for entry in "${SERVICES[@]:1}"; do
    IFS='|' read -r name _ _ port <<<"$entry"
    PROMETHEUS_TARGETS+=("$name=127.0.0.1:$port")
  done
  RABBITMQ_METRICS=127.0.0.1:${REPITBOT_RMQ_PROM_PORT:-15692}
  if curl -fs -o /dev/null "http://$RABBITMQ_METRICS/metrics"; then
    PROMETHEUS_TARGETS+=("rabbitmq=$RABBITMQ_METRICS"
      "rabbitmq-queues=$RABBITMQ_METRICS/metrics/detailed?vhost=repitbot&family=queue_coarse_metrics&family=queue_consumer_count")
  else
    echo "  RabbitMQ's Prometheus plugin does not answer on $RABBITMQ_METRICS: the broker is not scraped"
  fi
  prometheus_start "$ROOT/.local/prometheus" 9090 "${PROMETHEUS_TARGETS[@]}"
  printf '  %-13s ready  http://127.0.0.1:9090\n' prometheus
fi

say "demo data"
TUTOR_ID=$(deploy/local/seed-demo.sh --tutor-id "$ROOT/.local")
deploy/local/seed-demo.sh "$ROOT/.local" "$(mint --role tutor --sub "$TUTOR_ID" --lifetime 1h)"
# shellcheck source=deploy/local/lib/webhook.sh
source deploy/local/lib/webhook.sh
WEBHOOK_COMMAND=$(webhook_demo_command "http://127.0.0.1:8080/api/v1/webhooks/$WEBHOOK_SOURCE" "$WEBHOOK_SECRET" \
  "$TUTOR_ID" "$(cat "$ROOT/.local/demo-student-id")")

cat <<INFO

Repitbot is running. Logs: $LOGS/<service>.log

  Gateway        http://127.0.0.1:8080   (JWKS: /.well-known/jwks.json, health: /health)
  Telegram stub  http://127.0.0.1:8081   (the bot polls it; see "Talk to the bot" below)
  Bot gateway    http://127.0.0.1:8000/docs
  Notification   http://127.0.0.1:8006/docs
  Analytics      http://127.0.0.1:8007/docs
  RabbitMQ       http://127.0.0.1:15672  (repitbot / repitbot)
  Mail received  $ROOT/.local/mail/new

Admin token (12 h):
$ADMIN_TOKEN

Try:
  curl -s -H "Authorization: Bearer \$TOKEN" 'http://127.0.0.1:8080/api/v1/dashboard?days=7'
  curl -s -H "Authorization: Bearer \$TOKEN" -o chart.png 'http://127.0.0.1:8080/api/v1/charts/lessons-per-day?days=7&format=png'

Talk to the bot (a Telegram user 1001 writes to it through the stand-in; read its replies):
  curl -s -X POST -H 'Content-Type: application/json' -d '{"userId":1001,"text":"/start tutor"}' \\
    http://127.0.0.1:8081/_stub/bots/default/updates/message
  curl -s 'http://127.0.0.1:8081/_stub/bots/default/calls?method=sendMessage'

Webhook intake: source "$WEBHOOK_SOURCE", secret $WEBHOOK_SECRET (in .local/webhook-demo.secret).
A signed delivery recording a lesson of the demo tutor's first student (paste both lines; it is
signed when it runs, so it keeps working; answers {"status":"processed",...}):
$WEBHOOK_COMMAND

INFO
if [[ -n $OBSERVABILITY ]]; then
  cat <<INFO
Prometheus     http://127.0.0.1:9090   (targets: /targets, alerts: /alerts; data in .local/prometheus,
               log in $LOGS/prometheus.log). Queries to try in its Graph tab:
  up                                                              every service and RabbitMQ scraped
  sum by (job, code) (rate(http_requests_received_total[1m]))     requests per service and status
  sum by (channel, status) (rate(repitbot_notifications_total[5m]))  notifications sent and failed
  sum by (cache) (repitbot_analytics_cache_bytes)                 the analytics result cache in Redis
  ALERTS{alertstate="firing"}                                     alerts firing now
  Every dashboard panel as a Prometheus graph link: deploy/local/panel-links.sh

Grafana is NOT started: Debian has no Grafana package, and this machine runs no containers. On a
machine with a container engine, docker-compose.microservices.yml runs Grafana (port 3000) with the
four dashboards of deploy/grafana provisioned (Notifications, Analytics, Gateway, Business).

INFO
fi
echo "Ctrl-C stops the services${OBSERVABILITY:+ and Prometheus}."
echo "export TOKEN=$ADMIN_TOKEN" >"$ROOT/.local/admin-token.sh"
wait
