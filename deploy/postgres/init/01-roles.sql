-- Roles, database and schemas: the ONE definition, used by both setups.
--   - containers: the postgres image runs every file in /docker-entrypoint-initdb.d once, as the
--     superuser, on an empty data volume (docker-compose.*.yml mount this folder there); then
--     02-passwords.sh replaces the development passwords with the ones from .env;
--   - this machine: deploy/local/infra.sh runs it through psql on every `up`, and with -v db=NAME for
--     `infra.sh database NAME` (a second, identical database for a side-by-side working copy).
-- Idempotent: it can be re-run by hand at any time, e.g.
--   docker-compose -f docker-compose.microservices.yml exec -T postgres \
--     psql -U postgres -v ON_ERROR_STOP=1 -f /docker-entrypoint-initdb.d/01-roles.sql
-- (then re-run 02-passwords.sh too: this file resets every password to the development default).
--
-- Roles (docs/operations/database.md):
--   notification, analytics, bot_gateway, gateway  one login per service; each owns its own schema
--                                                   and has no access to any other
--   reporting        read-only on the analytics schema (Grafana, ML); its sessions cannot write
--   repitbot_admin   operations: member of every service role (reads and restores every schema:
--                    deploy/backup.sh, deploy/restore.sh), creates databases and roles (tests)
-- Development passwords: each role's password is its own name, matching .env.example.
SET client_min_messages = warning;

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['notification', 'analytics', 'bot_gateway', 'gateway', 'reporting',
                           'repitbot_admin'] LOOP
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = r) THEN
      EXECUTE format('CREATE ROLE %I LOGIN', r);
    END IF;
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', r, r);
  END LOOP;
END
$$;

ALTER ROLE repitbot_admin CREATEDB CREATEROLE;
GRANT notification, analytics, bot_gateway, gateway, reporting TO repitbot_admin;
-- Grafana and ML read analytics through reporting; it can never write, even by mistake.
ALTER ROLE reporting SET default_transaction_read_only = on;

-- The database is repitbot unless psql is given another (-v db=NAME).
\if :{?db}
\else
  \set db repitbot
\endif
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec

\connect :db
SET client_min_messages = warning;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- One schema per service, owned by the service's role (it runs its own migrations there); no role
-- gets access to another service's schema.
CREATE SCHEMA IF NOT EXISTS notification AUTHORIZATION notification;
CREATE SCHEMA IF NOT EXISTS analytics AUTHORIZATION analytics;
CREATE SCHEMA IF NOT EXISTS bot_gateway AUTHORIZATION bot_gateway;
CREATE SCHEMA IF NOT EXISTS gateway AUTHORIZATION gateway;

-- reporting reads analytics, including the tables analytics creates later.
GRANT USAGE ON SCHEMA analytics TO reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO reporting;
ALTER DEFAULT PRIVILEGES FOR ROLE analytics IN SCHEMA analytics GRANT SELECT ON TABLES TO reporting;

-- Per-statement statistics for operators (README, "Operations"), of every database on the server, read as postgres in
-- the maintenance database once the server loads the module (deploy/local and compose start it with
-- shared_preload_libraries = pg_stat_statements). Not in the application database: a backup would carry the
-- extension, and repitbot_admin (not a superuser) could not restore it.
\connect postgres
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;
