#!/usr/bin/env python3
"""Static checks of deploy/k8s (run by deploy/validate-compose.sh; no cluster needed).

Every file is valid YAML whose documents have apiVersion, kind and metadata.name; kustomization.yaml
lists files that exist; every Deployment runs as non-root with liveness and readiness probes and
resource limits; every secret and config key a workload reads exists in secrets.example.yaml or
config.yaml; each autoscaler targets an existing Deployment; `kubectl kustomize` builds the set
when kubectl is installed.
"""
import glob
import os
import shutil
import subprocess
import sys

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "k8s")
errors = []
docs = []
for path in sorted(glob.glob(os.path.join(ROOT, "*.yaml"))):
    name = os.path.basename(path)
    try:
        with open(path, encoding="utf-8") as f:
            loaded = [d for d in yaml.safe_load_all(f) if d]
    except yaml.YAMLError as e:
        errors.append(f"{name}: {e}")
        continue
    for d in loaded:
        if name == "kustomization.yaml":
            for resource in d.get("resources", []):
                if not os.path.exists(os.path.join(ROOT, resource)):
                    errors.append(f"kustomization.yaml: {resource} does not exist")
            continue
        if not (d.get("apiVersion") and d.get("kind") and d.get("metadata", {}).get("name")):
            errors.append(f"{name}: a document without apiVersion, kind or metadata.name")
            continue
        docs.append((name, d))

by_kind = {}
for name, d in docs:
    by_kind.setdefault(d["kind"], {})[d["metadata"]["name"]] = (name, d)
secret_keys = set(by_kind.get("Secret", {}).get("repitbot-secrets", (None, {}))[1].get("stringData", {}))
config_keys = set(by_kind.get("ConfigMap", {}).get("repitbot-config", (None, {}))[1].get("data", {}))
if not secret_keys or not config_keys:
    errors.append("secrets.example.yaml (repitbot-secrets) and config.yaml (repitbot-config) must define their keys")


def pod_spec(d):
    if d["kind"] == "CronJob":
        return d["spec"]["jobTemplate"]["spec"]["template"]["spec"]
    return d["spec"]["template"]["spec"]


for kind in ("Deployment", "Job", "CronJob"):
    for wl, (name, d) in by_kind.get(kind, {}).items():
        spec = pod_spec(d)
        containers = spec.get("initContainers", []) + spec["containers"]
        for c in containers:
            for env in c.get("env", []):
                ref = env.get("valueFrom", {}).get("secretKeyRef")
                if ref and (ref["name"] != "repitbot-secrets" or ref["key"] not in secret_keys):
                    errors.append(f"{name}: {c['name']} reads secret key {ref['key']!r} that secrets.example.yaml lacks")
            for source in c.get("envFrom", []):
                if source.get("configMapRef", {}).get("name") not in ("repitbot-config", None):
                    errors.append(f"{name}: {c['name']} reads an unknown ConfigMap")
        if kind == "Deployment":
            if not spec.get("securityContext", {}).get("runAsNonRoot"):
                errors.append(f"{name}: Deployment {wl} does not enforce runAsNonRoot")
            for c in spec["containers"]:
                for probe in ("livenessProbe", "readinessProbe"):
                    if probe not in c:
                        errors.append(f"{name}: {c['name']} has no {probe}")
                if "limits" not in c.get("resources", {}):
                    errors.append(f"{name}: {c['name']} has no resource limits")
            if wl not in by_kind.get("Service", {}):
                errors.append(f"{name}: Deployment {wl} has no Service")

for hpa, (name, d) in by_kind.get("HorizontalPodAutoscaler", {}).items():
    target = d["spec"]["scaleTargetRef"]["name"]
    if target not in by_kind.get("Deployment", {}):
        errors.append(f"{name}: autoscaler {hpa} targets unknown Deployment {target}")
for required in ("notification", "analytics"):
    if required not in by_kind.get("HorizontalPodAutoscaler", {}):
        errors.append(f"no HorizontalPodAutoscaler for {required}")

if shutil.which("kubectl"):
    build = subprocess.run(["kubectl", "kustomize", ROOT], capture_output=True, text=True)
    if build.returncode != 0:
        errors.append("kubectl kustomize: " + build.stderr.strip())

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
