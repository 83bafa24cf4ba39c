#!/usr/bin/env bash
# Shared functions of the resilience scripts (scripts/resilience-crash.sh, scripts/resilience-outage.sh) and of
# scripts/backup-restore-check.sh: a throwaway PostgreSQL server from the Debian package on 127.0.0.1 with the
# production roles, the Hub jar started on it, signing in with curl, and a per-table fingerprint.
# Source it; it defines functions only. Needs a PostgreSQL 15+ server installation (/usr/lib/postgresql/*/bin).
#
# Variables the functions set or use:
#   PGBIN     the server's bin folder (found by pg_find)
#   PG_PORT   the server's port                  PG_WORK  its folder (data in $PG_WORK/data, socket in $PG_WORK)
#   RUNAS     (runuser -u postgres --) when root: PostgreSQL refuses to run as root
#   PSQL      psql as the superuser, quiet, stops at the first error
#   HUB_PID   the Hub JVM started by hub_start     HUB_LOG  its log      HUB_HTTP  its port

# pg_find: sets PGBIN to the newest PostgreSQL server installation, or exits.
pg_find() {
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  [ -n "$PGBIN" ] && [ -x "${PGBIN}/initdb" ] || { echo "No PostgreSQL server installation (apt-get install postgresql)" >&2; exit 1; }
}

# pg_create PORT WORKDIR: initdb in WORKDIR/data (trust authentication on 127.0.0.1 only), start on PORT, create
# the production roles hub_owner (owns the schema, runs migrations) and hub_app (reads and writes).
pg_create() {
  PG_PORT=$1
  PG_WORK=$2
  pg_find
  RUNAS=()
  if [ "$(id -u)" = 0 ]; then chown -R postgres:postgres "$PG_WORK"; RUNAS=(runuser -u postgres --); fi
  PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PG_PORT" -v ON_ERROR_STOP=1 -q -X)
  "${RUNAS[@]}" "$PGBIN/initdb" -D "$PG_WORK/data" -U postgres --auth=trust >/dev/null
  pg_start
  "${PSQL[@]}" -U postgres -c "create role hub_owner login password '${HUB_OWNER_PASSWORD:-owner-check}'" \
    -c "create role hub_app login password '${HUB_APP_PASSWORD:-app-check}'"
}

# pg_start / pg_stop [MODE]: start the server (waits until it accepts connections) / stop it (fast by default).
pg_start() {
  "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PG_WORK/data" -l "$PG_WORK/server.log" \
    -o "-p $PG_PORT -k $PG_WORK -c listen_addresses=127.0.0.1" -w start >/dev/null
}
pg_stop() { "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PG_WORK/data" -m "${1:-fast}" -w stop >/dev/null; }
# pg_destroy: stops the server if it runs and removes its folder (for EXIT traps; never fails).
pg_destroy() {
  [ -n "${PG_WORK:-}" ] || return 0
  if [ -f "$PG_WORK/data/postmaster.pid" ]; then
    "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PG_WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_WORK"
}

# new_database NAME: the README's "create the database" steps.
new_database() {
  "${PSQL[@]}" -U postgres -c "create database $1 owner hub_owner"
  "${PSQL[@]}" -U postgres -d "$1" -c "alter schema public owner to hub_owner" -c "grant usage on schema public to hub_app"
}

# sql DATABASE QUERY: one query as the superuser, unaligned tuples, fields separated by '|'.
sql() { "${PSQL[@]}" -U postgres -d "$1" -At -c "$2"; }

# fingerprint DATABASE: "table rows md5" per table of the public schema, rows in a fixed order.
fingerprint() {
  local t
  for t in $(sql "$1" "select tablename from pg_tables where schemaname = 'public' order by 1"); do
    "${PSQL[@]}" -U postgres -d "$1" -At -F ' ' \
      -c "select '$t', count(*), coalesce(md5(string_agg(x::text, '|' order by x::text)), '-') from public.\"$t\" x"
  done
}

# hub_start JAR DATABASE HTTP_PORT LOG [ARGS...]: the Hub jar on the throwaway server with the production roles, in
# the background (HUB_PID). Extra arguments go to the application (e.g. --spring.servlet.multipart.max-file-size).
# HUB_JAVA_OPTS (optional) go to the JVM.
hub_start() {
  local jar=$1 db=$2
  HUB_HTTP=$3
  HUB_LOG=$4
  shift 4
  # shellcheck disable=SC2086
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PG_PORT}/$db" \
    SPRING_DATASOURCE_USERNAME=hub_app SPRING_DATASOURCE_PASSWORD="${HUB_APP_PASSWORD:-app-check}" \
    SPRING_FLYWAY_USER=hub_owner SPRING_FLYWAY_PASSWORD="${HUB_OWNER_PASSWORD:-owner-check}" \
    HUB_DEMO="${HUB_DEMO:-true}" PORT="$HUB_HTTP" java ${HUB_JAVA_OPTS:-} -jar "$jar" "$@" >>"$HUB_LOG" 2>&1 &
  HUB_PID=$!
}

# hub_ready_code: the readiness probe's status code (000 when nothing answers).
hub_ready_code() { curl -s -o /dev/null --max-time 5 -w '%{http_code}' "http://127.0.0.1:$HUB_HTTP/actuator/health/readiness" || true; }

# hub_wait_ready [SECONDS]: waits for readiness 200 (default 180 s); exits with the log's tail if it does not come.
hub_wait_ready() {
  local deadline=$((SECONDS + ${1:-180}))
  until [ "$(hub_ready_code)" = 200 ]; do
    if ! kill -0 "$HUB_PID" 2>/dev/null || ((SECONDS >= deadline)); then
      echo "The Hub did not become ready; log $HUB_LOG:" >&2
      tail -40 "$HUB_LOG" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# hub_stop: SIGTERM (graceful) and wait; hub_kill: SIGKILL, as a crash would.
hub_stop() {
  [ -n "${HUB_PID:-}" ] || return 0
  kill "$HUB_PID" 2>/dev/null || true
  wait "$HUB_PID" 2>/dev/null || true
  HUB_PID=""
}
hub_kill() {
  [ -n "${HUB_PID:-}" ] || return 0
  kill -KILL "$HUB_PID" 2>/dev/null || true
  wait "$HUB_PID" 2>/dev/null || true
  HUB_PID=""
}

# csrf_of FILE: the CSRF token in a page's hidden field.
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' "$1" | head -1 | sed 's/.*value="//;s/"//'; }

# sign_in EMAIL COOKIE_JAR: signs in with the demo password; prints the answer ("302 http://.../"). A good sign-in
# redirects anywhere except back to /sign-in.
sign_in() {
  local page token
  page=$(mktemp)
  curl -s -c "$2" -o "$page" "http://127.0.0.1:$HUB_HTTP/sign-in"
  token=$(csrf_of "$page")
  rm -f "$page"
  curl -s -b "$2" -c "$2" -o /dev/null -w '%{http_code} %{redirect_url}' -X POST "http://127.0.0.1:$HUB_HTTP/sign-in" \
    --data-urlencode "username=$1" --data-urlencode "password=${HUB_DEMO_PASSWORD:-demo-hub-2026}" \
    --data-urlencode "_csrf=$token"
}

# session_csrf COOKIE_JAR PATH: the CSRF token of the signed-in session, from a page with a form.
session_csrf() {
  local page token
  page=$(mktemp)
  curl -s -b "$1" -c "$1" -o "$page" "http://127.0.0.1:$HUB_HTTP$2"
  token=$(csrf_of "$page")
  rm -f "$page"
  echo "$token"
}
