#!/usr/bin/env bash
# Fills a PostgreSQL database with a year of cases (issue 17, docs/benchmarks.md "A year of cases").
#   scripts/generate-year.sh <database> [cases] [open] [devices]      defaults: 1000000 100000 200000
# The database must hold Aftercare's schema and the template cases the engine rows are copied from (ADR 0059): start
# the application once against it with --spring.profiles.active=postgres,demo (Flyway migrates it, the demo makes an
# engineer's case and closed ones), then scripts/year-templates.py <its url> (a desk case, a callback case).
# The open share is open/cases (e.g. 150000 100000: two thirds open). Case numbers are the application's own,
# INC-<year of receipt>-<id>, the year read in AFTERCARE_ZONE (default Asia/Shanghai, the service's zone).
# Host/user from PGHOST/PGUSER (127.0.0.1/postgres).
set -euo pipefail
db=${1:?database name}
cases=${2:-1000000}
open=${3:-100000}
devices=${4:-200000}
zone=${AFTERCARE_ZONE:-Asia/Shanghai}
if (( open > cases )); then echo "open ($open) must not exceed cases ($cases)" >&2; exit 2; fi
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-postgres}
here=$(cd "$(dirname "$0")" && pwd)
start=$(date +%s)
# one session: the engine part reads the temporary tables of the first
psql -q -d "$db" -v cases="$cases" -v open="$open" -v devices="$devices" -v zone="$zone" -f "$here/generate-year.sql" -f "$here/generate-year-engine.sql"
echo "generated $cases cases ($open open), $devices devices into $db in $(( $(date +%s) - start )) s"
psql -Atq -d "$db" -c "select 'database size: ' || pg_size_pretty(pg_database_size(current_database()))"
