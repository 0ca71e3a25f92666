#!/usr/bin/env bash
# Quick Setup from the seed: creates user_service_db, resume_service_db and ai_service_db (if missing) and
# applies each service's migrations in order with plain psql. Re-running it is harmless.
#
# The server is the one named by the usual libpq variables (PGHOST, PGPORT, PGUSER, PGPASSWORD), or by a URL:
#   ./migrations/setup_databases.sh postgresql://postgres:secret@db.example.com:5432/postgres
# Needs psql (Debian/Ubuntu: apt-get install postgresql-client).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ $# -ge 1 ]; then
  url=$1
  re='^postgres(ql)?://(([^:@/]*)(:([^@/]*))?@)?([^:/?]+)(:([0-9]+))?(/[^?]*)?'
  if [[ ! $url =~ $re ]]; then
    echo "error: '$url' is not a postgresql://user:password@host:port/database URL" >&2
    exit 2
  fi
  [ -n "${BASH_REMATCH[3]}" ] && export PGUSER="${BASH_REMATCH[3]}"
  [ -n "${BASH_REMATCH[5]}" ] && export PGPASSWORD="${BASH_REMATCH[5]}"
  export PGHOST="${BASH_REMATCH[6]}"
  [ -n "${BASH_REMATCH[8]}" ] && export PGPORT="${BASH_REMATCH[8]}"
fi
export PGOPTIONS="${PGOPTIONS:-} -c client_min_messages=warning"
command -v psql >/dev/null || { echo "error: psql not found (apt-get install postgresql-client)" >&2; exit 2; }

for service in user resume ai; do
  db=${service}_service_db
  if [ "$(psql -X -At -d postgres -c "SELECT 1 FROM pg_database WHERE datname = '$db'")" != "1" ]; then
    psql -X -q -d postgres -c "CREATE DATABASE $db"
    echo "created $db"
  fi
  for file in "$here/$service-service"/[0-9][0-9][0-9]_*.sql; do
    psql -X -q -v ON_ERROR_STOP=1 -d "$db" -f "$file" >/dev/null
    echo "applied $(basename "$file") to $db"
  done
done
echo "done: the three databases are ready"
