#!/usr/bin/env bash
# Every Prometheus panel of the Grafana dashboards (deploy/grafana/dashboards) as a link to the same
# query in Prometheus' own Graph page: what can be seen of the dashboards on a machine without Grafana
# (Debian has no Grafana package; ./run.sh --observability starts only Prometheus).
#   deploy/local/panel-links.sh [PROMETHEUS_URL]   (default http://127.0.0.1:9090)
# Grafana's variables are filled in as it would for the last hour at a 15 s scrape interval:
# $__rate_interval and $__interval 1m, $__range 1h, a dashboard variable its saved value ("All": every
# option, as the regex Grafana sends).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
jq -r --arg base "${1:-http://127.0.0.1:9090}" '
  (.templating.list // [] | map({name, value: (
      if (.current.value | tostring | contains("$__all")) then
        (.allValue // "(\([.options[].value | select(. != "$__all")] | join("|")))")
      else .current.value | if type == "array" then "(\(join("|")))" else . end end)})) as $vars
  | .title as $dashboard
  | "\n\($dashboard)",
    (if any(.panels[].targets[]?; .expr) then empty else "  (SQL panels on PostgreSQL only: they need Grafana)" end),
    (.panels[] | .title as $panel | .targets[]? | select(.expr)
    | .expr
    | gsub("\\$__rate_interval|\\$__interval|\\$\\{__rate_interval\\}|\\$\\{__interval\\}"; "1m")
    | gsub("\\$__range|\\$\\{__range\\}"; "1h")
    | reduce $vars[] as $v (.; gsub("\\$\\{\($v.name)(:[a-z]+)?\\}|\\$\($v.name)\\b"; $v.value))
    | "  \($panel): \($base)/graph?g0.expr=\(@uri)&g0.tab=0&g0.range_input=1h")
' deploy/grafana/dashboards/*.json
