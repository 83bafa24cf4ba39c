#!/usr/bin/env bash
# Backup and restore check (issue 6, "Backup and restore"): follows the README's pg_dump / pg_restore procedure on a
# populated Hub and proves the copy is the same, table by table, and that the Hub runs on it.
#
#   bash scripts/backup-restore-check.sh
#
# 1. a throwaway PostgreSQL server on 127.0.0.1 (Debian package), the production roles (hub_owner, hub_app);
# 2. the Hub starts on it in demo mode, which populates every module, and stops;
# 3. pg_dump as the README says, pg_restore into an empty database created as the README says, the README's grants;
# 4. every table's row count and an MD5 of all its rows (in a fixed order) compared between the two databases;
# 5. the Hub starts on the restored database with the application role: readiness 200 and a demo sign-in.
# Exits non-zero on any difference. Needs Java 17+, Maven and a PostgreSQL 15+ server installation.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/resilience/lib.sh
. scripts/resilience/lib.sh # the throwaway server, the Hub on it, sign-in and the per-table fingerprint

PORT=${HUB_CHECK_PGPORT:-55433}
HTTP=${HUB_CHECK_PORT:-8098}
PG_WORK=""
HUB_PID=""
cleanup() {
  hub_stop || true
  pg_destroy || true
}
trap cleanup EXIT

pg_create "$PORT" "$(mktemp -d /tmp/hub-backup-check.XXXXXX)"
new_database hub

echo "== building the Hub =="
mvn -B -ntp -q -DskipTests package -Dhub.build.dir=target-backup-check
JAR=$(ls target-backup-check/safeguarding-hub-*.jar | head -1)

start_hub() { # $1 database
  hub_start "$JAR" "$1" "$HTTP" "$PG_WORK/hub-$1.log"
  hub_wait_ready "${HUB_CHECK_START_TIMEOUT:-120}" # seconds; longer on a busy machine
}
stop_hub() { hub_stop; }

echo "== populating: the Hub in demo mode =="
start_hub hub
stop_hub

echo "== backup and restore, as the README says =="
"$PGBIN/pg_dump" --format=custom --no-owner --file="$PG_WORK/hub.dump" "postgresql://hub_owner@127.0.0.1:$PORT/hub"
new_database hub_restored
"$PGBIN/pg_restore" --no-owner --role=hub_owner --dbname="postgresql://hub_owner@127.0.0.1:$PORT/hub_restored" "$PG_WORK/hub.dump"
"${PSQL[@]}" "postgresql://hub_owner@127.0.0.1:$PORT/hub_restored" -c "grant select, insert, update, delete on all tables in schema public to hub_app; grant usage, select on all sequences in schema public to hub_app; revoke update, delete, truncate on audit_event from hub_app;"

echo "== comparing every table: row count and MD5 of all rows =="
fingerprint hub > "$PG_WORK/before.txt"
fingerprint hub_restored > "$PG_WORK/after.txt"
TABLES=$(wc -l < "$PG_WORK/before.txt")
ROWS=$(awk '{s += $2} END {print s}' "$PG_WORK/before.txt")
if ! diff "$PG_WORK/before.txt" "$PG_WORK/after.txt"; then
  echo "RESTORE DIFFERS (lines above: < original, > restored)" >&2
  exit 1
fi
echo "$TABLES tables, $ROWS rows: identical counts and checksums"

echo "== the Hub on the restored database =="
start_hub hub_restored
code=$(curl -s -o /dev/null -w '%{http_code}' "127.0.0.1:$HTTP/sign-in")
signed=$(sign_in business@example.org "$PG_WORK/jar")
home=$(curl -s -b "$PG_WORK/jar" -o /dev/null -w '%{http_code}' "127.0.0.1:$HTTP/section11") # the host sign_in used: cookies are per host
stop_hub
echo "sign-in page $code, demo sign-in $signed, /section11 $home"
[ "$code" = 200 ] && [[ "$signed" == 302*"/" ]] && [ "$home" = 200 ] || { echo "The restored Hub did not serve a signed-in page" >&2; exit 1; }
if grep -q "Demo data loaded" "$PG_WORK/hub-hub_restored.log"; then
  echo "The restored Hub loaded the demo again: it did not recognise the restored data" >&2; exit 1
fi
echo "== backup and restore check passed =="
