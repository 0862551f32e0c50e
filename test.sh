#!/usr/bin/env bash
# Runs every test against real infrastructure: starts it (deploy/local/infra.sh up), checks the
# deployment files, builds, runs `dotnet test` over the solution, and ends with one summary line
# counted from the test results. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
RESULTS=.local/test-results

deploy/local/infra.sh up
deploy/validate-compose.sh

# The tests keep their rows and aggregates apart from a running ./run.sh (database repitbot, Redis 0):
# a database of their own, laid out like repitbot, and another Redis database.
export REPITBOT_DATABASE=${REPITBOT_DATABASE:-repitbot_test} REPITBOT_REDIS_DATABASE=${REPITBOT_REDIS_DATABASE:-1}
deploy/local/infra.sh database "$REPITBOT_DATABASE"

# The /docs tests open a real Chromium; on a fresh machine its install (minutes) overlaps the build.
mkdir -p .local/logs
deploy/local/browser.sh >.local/logs/browser-install.log 2>&1 &
browser_install=$!

dotnet build Repitbot.sln -nologo -clp:ErrorsOnly -v:q
wait "$browser_install" || echo "warning: chromium could not be installed (the /docs browser tests will fail): $(tail -n 3 .local/logs/browser-install.log)"

rm -rf "$RESULTS"
status=0
# Chaos=full: the long fault-injection scenarios run only from ./chaos.sh (the fast ones, Chaos=fast, run here on
# the suite's private servers from deploy/local/chaos.env).
dotnet test Repitbot.sln --no-build -nologo -m:1 --filter "Chaos!=full" --results-directory "$RESULTS" --logger "trx" \
  --logger "console;verbosity=normal" || status=$?

# Each test assembly writes one TRX file; add up their counters. (-m:1 above: test projects run one
# after another, because they share the local PostgreSQL tables and mailbox.)
sum() { cat "$RESULTS"/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(sum passed); failed=$(sum failed); total=$(sum total); executed=$(sum executed)
passed=${passed:-0}; failed=${failed:-0}; skipped=$(( ${total:-0} - ${executed:-0} ))
if (( status != 0 && failed == 0 )); then
  failed=1 # The run failed without a failing test (a crash, a test host that never started): count it.
fi
# The failures once more, each with the start of its message, just above the summary: a CI log may keep only its end.
python3 - "$RESULTS" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
for path in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for result in ET.parse(path).getroot().iterfind(".//t:UnitTestResult[@outcome='Failed']", ns):
        message = result.findtext("t:Output/t:ErrorInfo/t:Message", default="", namespaces=ns)
        print(f"FAILED {result.get('testName')}: {' '.join(message.split())[:400]}")
PY
echo "$passed passed, $failed failed, $skipped skipped"
(( status == 0 && failed == 0 && passed > 0 ))
