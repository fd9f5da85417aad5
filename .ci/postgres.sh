#!/usr/bin/env bash
# Installs (Debian packages) and starts PostgreSQL 15 + PostGIS on 127.0.0.1:5432 for the tests that need a real
# database (PostGIS export, Orleans cluster), and creates role `geo` and database `geo_test` with PostGIS.
# Prints the connection string; source this file to get GEO_TEST_POSTGRES exported.
# Idempotent: safe to run again on a machine where it already ran.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql postgresql-15-postgis-3 >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 \+main'; then
  pg_createcluster 15 main >/dev/null
fi
# Loopback only: never listen on other interfaces.
pg_conftool 15 main remove listen_addresses >/dev/null 2>&1 || true
echo "listen_addresses = '127.0.0.1'" > /etc/postgresql/15/main/conf.d/geo-loopback.conf
pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
for _ in $(seq 1 30); do su postgres -c "pg_isready -q -h 127.0.0.1 -p 5432" && break; sleep 1; done
su postgres -c "psql -q -v ON_ERROR_STOP=1 -d postgres" <<'SQL' >/dev/null
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'geo') THEN CREATE ROLE geo LOGIN PASSWORD 'geo' CREATEDB; END IF;
END $$;
SELECT 'CREATE DATABASE geo_test OWNER geo' WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = 'geo_test')\gexec
SQL
su postgres -c "psql -q -v ON_ERROR_STOP=1 -d geo_test -c 'CREATE EXTENSION IF NOT EXISTS postgis'" >/dev/null 2>&1
export GEO_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=geo;Password=geo;Database=geo_test"
echo "$GEO_TEST_POSTGRES"
