#!/usr/bin/env bash
# Deletes what the suite no longer needs, in small batches (short locks, no long transaction):
#   notification.deliveries   delivered (sent) and suppressed/skipped rows older than
#                             NOTIFICATION_RETENTION_DAYS (default 90); failed rows older than
#                             FAILED_NOTIFICATION_RETENTION_DAYS (default 180), kept longer for support
#   bot_gateway.outbox_messages  rows published more than OUTBOX_RETENTION_DAYS ago (default 7);
#                             unpublished rows are never deleted
#   bot_gateway.webhook_inbox / *.inbox_messages (when a service has one): processed rows older than
#                             INBOX_RETENTION_DAYS (default 14)
# Never deleted: analytics.events (the source every aggregate is rebuilt from), lessons, people,
# links. Container logs are rotated by the container runtime (docker-compose.microservices.yml sets
# json-file limits); application logs are not kept in the database.
#
#   deploy/retention.sh            (run daily: cron, the retention CronJob in deploy/k8s, or
#                                   docker-compose --profile ops run --rm retention)
#
# A table or column that does not exist (an older or newer schema) is skipped with a note, so the
# script runs against any version of the suite. Connection: libpq variables, as deploy/backup.sh;
# the default login repitbot_admin is a member of every service role. Prints one line per table.
set -euo pipefail

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-repitbot}
export PGUSER=${PGUSER:-repitbot_admin}
BATCH=${RETENTION_BATCH_SIZE:-5000}

days() {
  local name=$1 value=${!1:-$2}
  [[ $value =~ ^[0-9]+$ ]] || { echo "error: $name must be a whole number of days, not '$value'" >&2; exit 2; }
  echo "$value"
}
notification_days=$(days NOTIFICATION_RETENTION_DAYS 90)
failed_days=$(days FAILED_NOTIFICATION_RETENTION_DAYS 180)
outbox_days=$(days OUTBOX_RETENTION_DAYS 7)
inbox_days=$(days INBOX_RETENTION_DAYS 14)

# purge LABEL TABLE REQUIRED_COLUMNS CONDITION: deletes matching rows batch by batch.
purge() {
  local label=$1 table=$2 columns=$3 condition=$4 deleted=0 total=0
  local missing
  missing=$(psql -X -tA -v ON_ERROR_STOP=1 -v tbl="$table" -v cols="$columns" <<'SQL'
SELECT string_agg(c, ', ') FROM unnest(string_to_array(:'cols', ',')) AS c
WHERE NOT EXISTS (SELECT FROM information_schema.columns
                  WHERE table_schema || '.' || table_name = :'tbl' AND column_name = c);
SQL
)
  if [[ -n $missing ]]; then
    echo "$label: skipped ($table has no $missing)"
    return
  fi
  while :; do
    deleted=$(psql -X -tA -v ON_ERROR_STOP=1 -c "WITH doomed AS (SELECT ctid FROM $table WHERE $condition LIMIT $BATCH)
      DELETE FROM $table WHERE ctid IN (SELECT ctid FROM doomed)" | grep -o '[0-9]*$' || true)
    deleted=${deleted:-0}
    total=$((total + deleted))
    ((deleted == BATCH)) || break
  done
  echo "$label: deleted $total rows from $table"
}

purge "delivered notifications (> $notification_days days)" notification.deliveries status,created_at \
  "lower(status) IN ('sent', 'skipped', 'suppressed') AND created_at < now() - interval '$notification_days days'"
purge "failed notifications (> $failed_days days)" notification.deliveries status,created_at \
  "lower(status) = 'failed' AND created_at < now() - interval '$failed_days days'"
purge "published outbox messages (> $outbox_days days)" bot_gateway.outbox_messages published_at \
  "published_at IS NOT NULL AND published_at < now() - interval '$outbox_days days'"
purge "processed webhooks (> $inbox_days days)" bot_gateway.webhook_inbox processed_at \
  "processed_at IS NOT NULL AND processed_at < now() - interval '$inbox_days days'"
