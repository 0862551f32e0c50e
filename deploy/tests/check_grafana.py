#!/usr/bin/env python3
"""Static checks of the Grafana provisioning (run by deploy/validate-compose.sh).

Every dashboard is valid JSON with a unique uid; every panel queries a datasource that
provisioning/datasources/datasources.yml defines, with a PromQL expression (Prometheus) or SQL
(PostgreSQL); SQL only reads the analytics schema, the one the reporting role may read. Whether the
queries return data is tested against live services by tests/ops (MonitoringTests).
"""
import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "grafana")
errors = []

with open(os.path.join(ROOT, "provisioning", "datasources", "datasources.yml"), encoding="utf-8") as f:
    datasources = {d["uid"]: d for d in yaml.safe_load(f)["datasources"]}
postgres = [d for d in datasources.values() if d["type"] == "grafana-postgresql-datasource"]
if not postgres or any(d.get("user") != "reporting" for d in postgres):
    errors.append("datasources.yml: the PostgreSQL datasource must log in as the read-only reporting role")

with open(os.path.join(ROOT, "provisioning", "dashboards", "dashboards.yml"), encoding="utf-8") as f:
    yaml.safe_load(f)

files = sorted(glob.glob(os.path.join(ROOT, "dashboards", "*.json")))
if len(files) < 4:
    errors.append(f"expected the four dashboards, found {len(files)}")
uids = {}
for path in files:
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            dashboard = json.load(f)
    except json.JSONDecodeError as e:
        errors.append(f"{name}: invalid JSON: {e}")
        continue
    uid = dashboard.get("uid")
    if not uid or uid in uids:
        errors.append(f"{name}: missing or duplicate uid {uid!r}")
    uids[uid] = name
    panels = [p for p in dashboard.get("panels", []) if p.get("type") != "row"]
    if not panels:
        errors.append(f"{name}: no panels")
    for panel in panels:
        title = f"{name}: panel {panel.get('title')!r}"
        targets = panel.get("targets") or []
        if not targets:
            errors.append(f"{title}: no queries")
        for target in targets:
            ds = (target.get("datasource") or panel.get("datasource") or {}).get("uid")
            if ds not in datasources:
                errors.append(f"{title}: datasource {ds!r} is not provisioned")
                continue
            if datasources[ds]["type"] == "prometheus":
                if not target.get("expr", "").strip():
                    errors.append(f"{title}: empty PromQL expression")
            else:
                sql = target.get("rawSql", "")
                schemas = set(re.findall(r"\b(?:FROM|JOIN)\s+([a-z_]+)\.", sql, re.IGNORECASE))
                if not sql.strip() or schemas - {"analytics"}:
                    errors.append(f"{title}: SQL must read only the analytics schema (reads {schemas or 'nothing'})")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
