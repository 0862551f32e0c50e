#!/usr/bin/env bash
# Backs up the Repitbot database: one pg_dump file in custom format (compressed, restorable table by
# table with pg_restore), checked after writing, then rotation keeps the newest $BACKUP_KEEP.
#
#   deploy/backup.sh [DIR]
#
# Connection: the usual libpq variables. Defaults: PGHOST=127.0.0.1 PGPORT=5432 PGDATABASE=repitbot
# PGUSER=repitbot_admin (member of every service role, so it reads every schema); PGPASSWORD or
# ~/.pgpass for the password.
#   DIR / BACKUP_DIR   where dumps go (default ./backups); files are <database>-<UTC time>.dump
#   BACKUP_KEEP        how many dumps of this database to keep (default 14; older ones are deleted)
# In containers: docker-compose -f docker-compose.microservices.yml --profile ops run --rm backup
# Prints the path of the new dump on stdout. Exit code non-zero if anything failed; a failed run
# leaves no partial file behind and deletes nothing.
set -euo pipefail

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGDATABASE=${PGDATABASE:-repitbot}
export PGUSER=${PGUSER:-repitbot_admin}
DIR=${1:-${BACKUP_DIR:-./backups}}
KEEP=${BACKUP_KEEP:-14}
[[ $KEEP =~ ^[1-9][0-9]*$ ]] || { echo "error: BACKUP_KEEP must be a positive number, not '$KEEP'" >&2; exit 2; }
for tool in pg_dump pg_restore; do
  command -v "$tool" >/dev/null || { echo "error: $tool not found (Debian: apt-get install postgresql-client)" >&2; exit 2; }
done

mkdir -p "$DIR"
# Milliseconds: two backups in the same second must not overwrite each other; names sort by time.
file=$DIR/$PGDATABASE-$(date -u +%Y%m%dT%H%M%S%3NZ).dump
partial=$file.partial
trap 'rm -f "$partial"' EXIT

# Custom format (-Fc): compressed, and pg_restore can pick tables or schemas from it. Owners and
# grants are kept, so a restore gives every service its own schema back with the same rights.
pg_dump --format=custom --compress=6 --file="$partial" "$PGDATABASE" ||
  { echo "error: pg_dump of $PGDATABASE at $PGHOST:$PGPORT as $PGUSER failed" >&2; exit 1; }
# A dump that pg_restore cannot read is no backup: check the table of contents before keeping it.
pg_restore --list "$partial" >/dev/null ||
  { echo "error: the new dump is unreadable; nothing kept, nothing rotated" >&2; exit 1; }
mv "$partial" "$file"

# Rotation: only files this script names for this database, newest first by name (= by time).
mapfile -t old < <(find "$DIR" -maxdepth 1 -type f -name "$PGDATABASE-*.dump" -printf '%f\n' |
  grep -E "^$PGDATABASE-[0-9]{8}T[0-9]{9}Z\.dump$" | sort -r | tail -n +"$((KEEP + 1))")
for name in "${old[@]}"; do
  rm -f -- "${DIR:?}/$name"
  echo "rotated out $DIR/$name" >&2
done

echo "$file"
