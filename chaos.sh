#!/usr/bin/env bash
# The fault-injection suite (tests/chaos): on a private PostgreSQL, Redis, RabbitMQ and SMTP server of its own
# (deploy/local/chaos.env; never the shared ones, it kills them with kill -9) it runs every scenario — a burst of
# real events through the gateway while one server, process or the Telegram stand-in fails — and writes
# RELIABILITY.md. Stops the private infrastructure at the end; exits non-zero when any scenario failed.
#   ./chaos.sh                    all scenarios
#   CHAOS_FILTER='Chaos=fast' ./chaos.sh   a dotnet test filter instead (the report then lists only those)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

# The private set's ports, node name and data folder, whatever the calling shell has set for the shared servers.
set -a
# shellcheck source=deploy/local/chaos.env
source deploy/local/chaos.env
set +a
export REPITBOT_LOCAL_DIR=$PWD/$REPITBOT_LOCAL_DIR
unset REPITBOT_PG_SOCKET_DIR
RESULTS=$REPITBOT_LOCAL_DIR/test-results
export CHAOS_REPORT=${CHAOS_REPORT:-$PWD/RELIABILITY.md}

stop_infra() { deploy/local/infra.sh down >/dev/null || true; }
trap stop_infra EXIT

deploy/local/infra.sh up
dotnet build tests/chaos -nologo -clp:ErrorsOnly -v:q

rm -rf "$RESULTS"
status=0
dotnet test tests/chaos --no-build -nologo --filter "${CHAOS_FILTER:-FullyQualifiedName~Repitbot.Chaos}" \
  --results-directory "$RESULTS" --logger trx --logger "console;verbosity=normal" || status=$?

echo "report: $CHAOS_REPORT"
grep -E '^\| ' "$CHAOS_REPORT" 2>/dev/null || echo "no report written (the suite did not start?)"
exit "$status"
