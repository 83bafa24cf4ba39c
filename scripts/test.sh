#!/usr/bin/env bash
# The Hub's test command (README "Test"): the whole suite on the embedded PostgreSQL, then the integration tests
# again against a PostgreSQL server from the Debian package on 127.0.0.1.
#
# Needs: Java 17+, Maven, Chromium (/usr/bin/chromium) for the browser journeys, and a PostgreSQL 15+ server
# installation (pg_ctlcluster or initdb on PATH) for the external run, haproxy and wrk for the resilience smoke
# (HUB_TEST_SMOKE=0 skips it). .ci/run installs these on a fresh machine.
set -euo pipefail
cd "$(dirname "$0")/.."

MVN=(mvn -B -ntp)

if [ "${HUB_TEST_ONLY:-}" != "external" ]; then
  echo "== 1/3: full suite on embedded PostgreSQL (plus formatting check) =="
  "${MVN[@]}" verify
else
  "${MVN[@]}" -q test-compile  # HUB_TEST_ONLY=external: just the external-database run, for quick checks
fi

echo "== 2/3: integration tests against an external PostgreSQL on 127.0.0.1 =="
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "${PGBIN}" ] || [ ! -x "${PGBIN}/initdb" ]; then
  echo "No PostgreSQL server installation found under /usr/lib/postgresql (apt-get install postgresql)." >&2
  exit 1
fi
PGDIR=$(mktemp -d /tmp/hub-external-pg.XXXXXX)
PGPORT=${HUB_TEST_PGPORT:-55432}
RUNAS=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL refuses to run as root: use the postgres system user the Debian package creates
  chown -R postgres:postgres "$PGDIR"
  RUNAS=(runuser -u postgres --)
fi
cleanup() { "${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$PGDIR"; }
trap cleanup EXIT
"${RUNAS[@]}" "$PGBIN/initdb" -D "$PGDIR/data" -U postgres --auth=trust >/dev/null
"${RUNAS[@]}" "$PGBIN/pg_ctl" -D "$PGDIR/data" -o "-p $PGPORT -k $PGDIR -c listen_addresses=127.0.0.1" -w start >/dev/null
PSQL=("$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -U postgres -v ON_ERROR_STOP=1 -q)
# The documented production layout: hub_owner owns the schema and runs migrations, hub_app only reads and writes.
"${PSQL[@]}" -c "create role hub_owner login password 'owner-test-password'" \
             -c "create role hub_app login password 'app-test-password'" \
             -c "create database hub owner hub_owner"
"${PSQL[@]}" -d hub -c "alter schema public owner to hub_owner" -c "grant usage on schema public to hub_app"

SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:${PGPORT}/hub" \
SPRING_DATASOURCE_USERNAME=hub_app SPRING_DATASOURCE_PASSWORD=app-test-password \
SPRING_FLYWAY_USER=hub_owner SPRING_FLYWAY_PASSWORD=owner-test-password \
  "${MVN[@]}" surefire:test -Dhub.build.dir=target -Dtest='*Tests,*Test,!*JourneyTests' \
    -Dsurefire.failIfNoSpecifiedTests=false

if [ "${HUB_TEST_SMOKE:-1}" != "0" ]; then
  echo "== 3/3: resilience smoke (crash during import, database outage, two nodes behind haproxy) =="
  # The packaged jar from stage 1 (mvn verify); built here when stage 1 was skipped.
  JAR=$(ls target/safeguarding-hub-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$JAR" ]; then "${MVN[@]}" -q package -DskipTests -Dspotless.check.skip=true; JAR=$(ls target/safeguarding-hub-*.jar | head -1); fi
  HUB_JAR=$JAR RESILIENCE_ROUNDS=3 RESILIENCE_ROWS=100000 RESILIENCE_MONTHS=24 bash scripts/resilience-crash.sh
  HUB_JAR=$JAR RESILIENCE_OUTAGE=10 bash scripts/resilience-outage.sh
  # Maven online here: a fresh machine may not yet have the dependency plugin the script uses for its classpath
  HUB_JAR=$JAR TWO_NODES_BUILD_DIR=target MVN_FLAGS="-B -ntp" bash scripts/two-nodes.sh smoke
fi

echo "== all tests passed =="
