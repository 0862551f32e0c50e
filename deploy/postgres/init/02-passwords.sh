#!/usr/bin/env bash
# Containers only (the postgres image runs it after 01-roles.sql, on an empty data volume): gives
# each role the password from .env, which compose passes to the postgres container. A value that is
# unset keeps the development default (the role's name) - compose itself refuses to start without
# them (docker-compose.microservices.yml uses ${VAR:?}).
#
# To change passwords later: edit .env, then
#   docker-compose -f docker-compose.microservices.yml exec -T postgres \
#     bash /docker-entrypoint-initdb.d/02-passwords.sh
#   docker-compose -f docker-compose.microservices.yml up -d     # services pick up the new values
set -euo pipefail

declare -A passwords=(
  [gateway]=${GATEWAY_DB_PASSWORD:-}
  [bot_gateway]=${BOT_GATEWAY_DB_PASSWORD:-}
  [notification]=${NOTIFICATION_DB_PASSWORD:-}
  [analytics]=${ANALYTICS_DB_PASSWORD:-}
  [reporting]=${REPORTING_DB_PASSWORD:-}
  [repitbot_admin]=${ADMIN_DB_PASSWORD:-}
)

for role in "${!passwords[@]}"; do
  [[ -n ${passwords[$role]} ]] || continue
  # psql variables (:'password') quote the value, so any character is safe in a password.
  psql -v ON_ERROR_STOP=1 -X -q -U "${POSTGRES_USER:-postgres}" -d postgres \
    -v role="$role" -v password="${passwords[$role]}" <<'SQL'
ALTER ROLE :"role" PASSWORD :'password';
SQL
done
