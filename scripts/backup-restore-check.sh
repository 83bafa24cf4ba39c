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

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
[ -x "${PGBIN}/initdb" ] || { echo "No PostgreSQL server installation (apt-get install postgresql)" >&2; exit 1; }
PORT=${HUB_CHECK_PGPORT:-55433}
HTTP=${HUB_CHECK_PORT:-8098}
WORK=$(mktemp -d /tmp/hub-backup-check.XXXXXX)
RUNAS=()
if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$WORK"; RUNAS=(runuser -u postgres --); fi
HUB_PID=""
cleanup() {
  [ -n "$HUB_PID" ] && kill "$HUB_PID" 2>/dev/null || true
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${RUNAS[@]}" "$PGBIN/initdb" -D "$WORK/data" -U postgres --auth=trust >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$WORK/data" -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1" -w start >/dev/null
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -v ON_ERROR_STOP=1 -q -X)
"${PSQL[@]}" -U postgres -c "create role hub_owner login password 'owner-check'" \
                          -c "create role hub_app login password 'app-check'"
new_database() { # the README's "create the database" steps
  "${PSQL[@]}" -U postgres -c "create database $1 owner hub_owner"
  "${PSQL[@]}" -U postgres -d "$1" -c "alter schema public owner to hub_owner" -c "grant usage on schema public to hub_app"
}
new_database hub

echo "== building the Hub =="
mvn -B -ntp -q -DskipTests package -Dhub.build.dir=target-backup-check
JAR=$(ls target-backup-check/safeguarding-hub-*.jar | head -1)

start_hub() { # $1 database
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PORT}/$1" \
  SPRING_DATASOURCE_USERNAME=hub_app SPRING_DATASOURCE_PASSWORD=app-check \
  SPRING_FLYWAY_USER=hub_owner SPRING_FLYWAY_PASSWORD=owner-check \
  HUB_DEMO=true PORT="$HTTP" java -jar "$JAR" > "$WORK/hub-$1.log" 2>&1 &
  HUB_PID=$!
  for _ in $(seq 1 120); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$HTTP/actuator/health/readiness")" = 200 ]; then return 0; fi
    sleep 1
  done
  echo "The Hub did not become ready on $1; log:" >&2; tail -40 "$WORK/hub-$1.log" >&2; exit 1
}
stop_hub() { kill "$HUB_PID"; wait "$HUB_PID" 2>/dev/null || true; HUB_PID=""; }

echo "== populating: the Hub in demo mode =="
start_hub hub
stop_hub

echo "== backup and restore, as the README says =="
"$PGBIN/pg_dump" --format=custom --no-owner --file="$WORK/hub.dump" "postgresql://hub_owner@127.0.0.1:$PORT/hub"
new_database hub_restored
"$PGBIN/pg_restore" --no-owner --role=hub_owner --dbname="postgresql://hub_owner@127.0.0.1:$PORT/hub_restored" "$WORK/hub.dump"
"${PSQL[@]}" "postgresql://hub_owner@127.0.0.1:$PORT/hub_restored" -c "grant select, insert, update, delete on all tables in schema public to hub_app; grant usage, select on all sequences in schema public to hub_app; revoke update, delete, truncate on audit_event from hub_app;"

echo "== comparing every table: row count and MD5 of all rows =="
fingerprint() { # $1 database: "table rows md5" per table, rows in a fixed order
  local tables
  tables=$("${PSQL[@]}" -U postgres -d "$1" -At -c "select tablename from pg_tables where schemaname = 'public' order by 1")
  for t in $tables; do
    "${PSQL[@]}" -U postgres -d "$1" -At -F ' ' \
      -c "select '$t', count(*), coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') from public.\"$t\" x"
  done
}
fingerprint hub > "$WORK/before.txt"
fingerprint hub_restored > "$WORK/after.txt"
TABLES=$(wc -l < "$WORK/before.txt")
ROWS=$(awk '{s += $2} END {print s}' "$WORK/before.txt")
if ! diff "$WORK/before.txt" "$WORK/after.txt"; then
  echo "RESTORE DIFFERS (lines above: < original, > restored)" >&2
  exit 1
fi
echo "$TABLES tables, $ROWS rows: identical counts and checksums"

echo "== the Hub on the restored database =="
start_hub hub_restored
code=$(curl -s -c "$WORK/jar" -o "$WORK/signin.html" -w '%{http_code}' "localhost:$HTTP/sign-in")
token=$(grep -o 'name="_csrf" value="[^"]*"' "$WORK/signin.html" | head -1 | sed 's/.*value="//;s/"//')
signed=$(curl -s -b "$WORK/jar" -c "$WORK/jar" -o /dev/null -w '%{http_code} %{redirect_url}' -X POST \
  "localhost:$HTTP/sign-in" --data-urlencode "username=business@example.org" \
  --data-urlencode "password=demo-hub-2026" --data-urlencode "_csrf=$token")
home=$(curl -s -b "$WORK/jar" -o /dev/null -w '%{http_code}' "localhost:$HTTP/section11")
stop_hub
echo "sign-in page $code, demo sign-in $signed, /section11 $home"
[ "$code" = 200 ] && [[ "$signed" == 302*"/" ]] && [ "$home" = 200 ] || { echo "The restored Hub did not serve a signed-in page" >&2; exit 1; }
if grep -q "Demo data loaded" "$WORK/hub-hub_restored.log"; then
  echo "The restored Hub loaded the demo again: it did not recognise the restored data" >&2; exit 1
fi
echo "== backup and restore check passed =="
