#!/usr/bin/env bash
# Demo data for ./run.sh, sent through the gateway like any REST client would: three students of one
# demo tutor and a week of lessons. Runs once per data folder.
#   seed-demo.sh --tutor-id DATA_DIR   prints the demo tutor's id (made on first use)
#   seed-demo.sh DATA_DIR TUTOR_TOKEN  seeds (DATA_DIR/demo-student-id: one of the students), then
#                                      waits until the dashboard shows the lessons
set -euo pipefail
GATEWAY=${GATEWAY:-http://127.0.0.1:8080}

if [[ ${1:-} == --tutor-id ]]; then
  file=$2/demo-tutor-id
  [[ -s $file ]] || cat /proc/sys/kernel/random/uuid >"$file"
  cat "$file"
  exit 0
fi

DATA=$1 TOKEN=$2
post() {
  curl -fsS -X POST "$GATEWAY$1" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2"
}

if [[ ! -e $DATA/demo-seeded ]]; then
  names=("Аня Смирнова" "Борис Иванов" "Вера Козлова")
  students=()
  for i in "${!names[@]}"; do
    body=$(printf '{"displayName":"%s","email":"student%d@demo.repitbot.local","locale":"ru","timeZone":"Europe/Moscow"}' "${names[$i]}" "$i")
    students+=("$(post /api/v1/students "$body" | sed -E 's/.*"studentId":"([^"]+)".*/\1/')")
  done
  for day in 6 5 4 3 2 1 0; do
    for s in "${!students[@]}"; do
      (( (day + s) % 3 == 0 )) && continue
      outcome=attended minutes=$((45 + 15 * (s % 2)))
      (( (day * 7 + s) % 11 == 0 )) && outcome=noShow minutes=0
      at=$(date -u -d "-$day days -$((s + 1)) hours" +%Y-%m-%dT%H:%M:%SZ)
      post /api/v1/events/lessons/completed "$(printf '{"lessonId":"%s","studentId":"%s","outcome":"%s","minutes":%d,"occurredAt":"%s","subject":"Математика"}' \
        "$(cat /proc/sys/kernel/random/uuid)" "${students[$s]}" "$outcome" "$minutes" "$at")" >/dev/null
    done
  done
  echo "${students[0]}" >"$DATA/demo-student-id"
  touch "$DATA/demo-seeded"
fi
# The signed webhook run.sh prints records a lesson of this student; a folder seeded before it was
# remembered gets a student of its own for it.
if [[ ! -s $DATA/demo-student-id ]]; then
  post /api/v1/students '{"displayName":"Дина Орлова","email":"student-webhook@demo.repitbot.local","locale":"ru","timeZone":"Europe/Moscow"}' |
    sed -E 's/.*"studentId":"([^"]+)".*/\1/' >"$DATA/demo-student-id"
fi

for _ in $(seq 1 60); do
  dashboard=$(curl -fsS "$GATEWAY/api/v1/dashboard?days=7" -H "Authorization: Bearer $TOKEN" || true)
  if [[ $dashboard == *'"lessonsCompleted":{"value":'[1-9]* ]]; then
    echo "  demo tutor's dashboard: $dashboard"
    exit 0
  fi
  sleep 0.5
done
echo "warning: the demo lessons have not reached the dashboard yet; see .local/logs/analytics.log" >&2
