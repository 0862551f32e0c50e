-- Roles, database and schemas for local development and tests. Run by infra.sh as the postgres
-- superuser through psql (it uses \gexec and \connect); safe to run any number of times.
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
    -- Development passwords: each role's password is its name.
    EXECUTE format('ALTER ROLE %I LOGIN PASSWORD %L', r, r);
  END LOOP;
END
$$;

-- Tests create and drop throwaway databases (and their roles) with this login.
ALTER ROLE repitbot_admin CREATEDB CREATEROLE;
ALTER ROLE reporting SET default_transaction_read_only = on;

-- The database is repitbot unless psql is given another (-v db=NAME): `infra.sh database NAME`
-- creates a second, identical one so two working copies can run their tests side by side.
\if :{?db}
\else
  \set db repitbot
\endif
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec

\connect :db
SET client_min_messages = warning;

REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- One schema per service, owned by the service's role; no role gets access to another's schema.
CREATE SCHEMA IF NOT EXISTS notification AUTHORIZATION notification;
CREATE SCHEMA IF NOT EXISTS analytics AUTHORIZATION analytics;
CREATE SCHEMA IF NOT EXISTS bot_gateway AUTHORIZATION bot_gateway;
CREATE SCHEMA IF NOT EXISTS gateway AUTHORIZATION gateway;

-- reporting reads analytics, including tables analytics creates later.
GRANT USAGE ON SCHEMA analytics TO reporting;
GRANT SELECT ON ALL TABLES IN SCHEMA analytics TO reporting;
ALTER DEFAULT PRIVILEGES FOR ROLE analytics IN SCHEMA analytics GRANT SELECT ON TABLES TO reporting;
