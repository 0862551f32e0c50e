#!/usr/bin/env bash
# Deletes what the suite no longer needs, in small batches (short locks, no long transaction):
#   notification.deliveries        delivered (sent) and suppressed/skipped rows older than
#                                  NOTIFICATION_RETENTION_DAYS (default 90); failed rows older than
#                                  FAILED_NOTIFICATION_RETENTION_DAYS (default 180), kept longer for support
#   bot_gateway.outbox_messages    rows published more than OUTBOX_RETENTION_DAYS ago (default 7);
#                                  unpublished rows are never deleted
#   bot_gateway.webhook_messages   the webhook inbox: deliveries processed more than INBOX_RETENTION_DAYS
#                                  ago (default 14); failed ones after FAILED_INBOX_RETENTION_DAYS (default
#                                  90: an operator may still replay them); pending ones are never deleted
# Never deleted: analytics.events (the source every aggregate is rebuilt from), lessons, people,
# links. Container logs are rotated by the container runtime (docker-compose.microservices.yml sets
# json-file limits); application logs are not kept in the database.
#
#   deploy/retention.sh            (run daily: cron, the retention CronJob in deploy/k8s, or
#                                   docker-compose --profile ops run --rm retention)
#
# A table or column this script expects and does not find is an error, never a skip: a renamed table
# would otherwise grow unnoticed. The other tables are still purged, then the run exits 1 with one
# "error:" line per missing table on stderr. Connection: libpq variables, as deploy/backup.sh; the
# default login repitbot_admin is a member of every service role. Prints one line per purge.
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
failed_inbox_days=$(days FAILED_INBOX_RETENTION_DAYS 90)
[[ $BATCH =~ ^[1-9][0-9]*$ ]] || { echo "error: RETENTION_BATCH_SIZE must be a positive whole number, not '$BATCH'" >&2; exit 2; }

failures=0

# purge LABEL TABLE REQUIRED_COLUMNS CONDITION: deletes matching rows batch by batch.
purge() {
  local label=$1 table=$2 columns=$3 condition=$4 deleted=0 total=0
  local missing
  # psql's own errors (unreachable server, wrong password) stop the script: set -e.
  missing=$(psql -X -tA -v ON_ERROR_STOP=1 -v tbl="$table" -v cols="$columns" <<'SQL'
SELECT CASE WHEN to_regclass(:'tbl') IS NULL THEN 'table'
       ELSE (SELECT string_agg(c, ', ') FROM unnest(string_to_array(:'cols', ',')) AS c
             WHERE NOT EXISTS (SELECT FROM pg_attribute
                               WHERE attrelid = to_regclass(:'tbl') AND attname = c AND NOT attisdropped)) END;
SQL
)
  if [[ $missing == table ]]; then
    echo "error: $label: table $table does not exist in database $PGDATABASE" >&2
    failures=$((failures + 1))
    return
  elif [[ -n $missing ]]; then
    echo "error: $label: table $table has no column $missing" >&2
    failures=$((failures + 1))
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
purge "processed webhooks (> $inbox_days days)" bot_gateway.webhook_messages status,processed_at \
  "lower(status) = 'processed' AND processed_at < now() - interval '$inbox_days days'"
purge "failed webhooks (> $failed_inbox_days days)" bot_gateway.webhook_messages status,processed_at \
  "lower(status) = 'failed' AND processed_at < now() - interval '$failed_inbox_days days'"

if ((failures > 0)); then
  echo "error: retention incomplete: $failures purge(s) could not run (see above); is the schema migrated, or was a table renamed?" >&2
  exit 1
fi
