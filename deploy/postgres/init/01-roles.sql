-- Roles, database and schemas for the containers (docker-compose.*.yml). The postgres image runs
-- every file in /docker-entrypoint-initdb.d once, through psql as the superuser, when its data volume
-- is empty; the script is idempotent all the same, so it can be re-run by hand:
--   docker-compose -f docker-compose.microservices.yml exec -T postgres \
--     psql -U postgres -v ON_ERROR_STOP=1 -f /docker-entrypoint-initdb.d/01-roles.sql
--
-- It creates what deploy/local/init.sql creates for the non-container setup: database repitbot, one
-- login role and one schema per service, a read-only reporting role, and repitbot_admin for tests.
--
-- PASSWORDS: each role's password is its own name. These are development defaults, matching the
-- defaults in .env.example. A production deployment does not run with them: it sets its own
-- passwords (ALTER ROLE ... PASSWORD, or its managed database's tooling) and puts the same values in
-- .env (NOTIFICATION_DB_PASSWORD, ANALYTICS_DB_PASSWORD, ...). Note that this script resets the
-- passwords to the defaults whenever it runs.
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

-- Integration tests create and drop throwaway databases (and their roles) with this login.
ALTER ROLE repitbot_admin CREATEDB CREATEROLE;
-- Grafana and ML read analytics through reporting; it can never write, even by mistake.
ALTER ROLE reporting SET default_transaction_read_only = on;

-- The image has usually created it already (POSTGRES_DB=repitbot); this keeps the script standalone.
SELECT 'CREATE DATABASE repitbot'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'repitbot') \gexec

\connect repitbot
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
