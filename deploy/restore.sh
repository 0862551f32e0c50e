#!/usr/bin/env bash
# Restores a dump made by deploy/backup.sh into a database, re-creating it: every schema, table,
# row, owner and grant as they were at backup time.
#
#   deploy/restore.sh [--yes] FILE [DATABASE]
#
# DATABASE defaults to $PGDATABASE, else repitbot. If it exists it is REPLACED, which needs --yes
# (without it the script stops and says so); connections to it are closed first. Stop the services
# before restoring into their live database (docs/operations/runbook.md), or they write into it
# mid-restore. The restore is one transaction: it applies completely or not at all.
#
# Connection: libpq variables, as deploy/backup.sh (PGHOST, PGPORT, PGUSER, PGPASSWORD). Replacing
# a database needs its owner or a superuser (the containers' POSTGRES_SUPERUSER); creating a missing
# one, CREATEDB (repitbot_admin has it, and is a member of every service role, as giving the
# restored schemas back to their roles requires).
# In containers: docker-compose -f docker-compose.microservices.yml --profile ops run --rm restore \
#                  --yes /backups/repitbot-....dump
set -euo pipefail

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-repitbot_admin}
usage() { echo "usage: $0 [--yes] FILE [DATABASE]" >&2; exit 2; }
yes=false
if [[ ${1:-} == --yes ]]; then yes=true; shift; fi
(($# >= 1 && $# <= 2)) || usage
file=$1
db=${2:-${PGDATABASE:-repitbot}}
[[ $db =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "error: '$db' is not a plain database name" >&2; exit 2; }
[[ -r $file ]] || { echo "error: cannot read $file" >&2; exit 2; }
pg_restore --list "$file" >/dev/null 2>&1 ||
  { echo "error: $file is not a pg_dump custom-format file (made by deploy/backup.sh)" >&2; exit 2; }

admin() { psql -X -q -v ON_ERROR_STOP=1 -d postgres "$@"; }

exists=$(admin -tA -v db="$db" <<'SQL'
SELECT count(*) FROM pg_database WHERE datname = :'db';
SQL
)
if ((exists > 0)); then
  if ! $yes; then
    echo "error: database $db exists; run again with --yes to replace it with $file" >&2
    exit 1
  fi
  echo "replacing database $db" >&2
  admin -v db="$db" <<'SQL'
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :'db' AND pid <> pg_backend_pid() \g /dev/null
DROP DATABASE :"db" WITH (FORCE);
SQL
fi
admin -v db="$db" <<'SQL'
CREATE DATABASE :"db";
SQL

pg_restore --exit-on-error --single-transaction --dbname="$db" "$file" ||
  { echo "error: restoring $file into $db failed; the database is left empty" >&2; exit 1; }

tables=$(psql -X -tA -d "$db" -c "SELECT count(*) FROM pg_tables WHERE schemaname NOT IN ('pg_catalog', 'information_schema')")
echo "restored $file into $db ($tables tables)"
