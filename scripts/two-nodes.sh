#!/usr/bin/env bash
# Two Hub nodes behind haproxy sharing one PostgreSQL (issue 6, "Two nodes" and "Concurrent edits").
#
#   bash scripts/two-nodes.sh                       # full: jobs watched for 40 s
#   bash scripts/two-nodes.sh smoke                 # CI smoke (or TWO_NODES_SMOKE=1): the same checks, 20 s of jobs
#   HUB_JAR=target/safeguarding-hub-0.1.0-SNAPSHOT.jar TWO_NODES_BUILD_DIR=target bash scripts/two-nodes.sh smoke
#
# Sets up a throwaway PostgreSQL server (Debian package) with the production roles, two Hub jars on it in demo mode
# (started together: the demo must load once), both with the chasing jobs' crons overridden to every 10 seconds,
# and haproxy on 127.0.0.1 (scripts/two-nodes/haproxy.cfg.template: round-robin, readiness health checks). Checks,
# each printing PASS or FAIL; the script exits 1 if any fails:
#   0. the demo data was loaded by exactly one node;
#   c. concurrent edits: the business team (node 1) and the administrator (node 2) open the same recommendation in
#      Chromium and both save; the second save must answer 409 with the conflict message and the first text shown,
#      and the database must hold the first text;
#   b. jobs once per cluster: for every 10-second slot of the watch window, each chasing job ran exactly once across
#      the two nodes (claim lines in the node logs, and a DONE row in scheduled_job_run), and both nodes tried;
#   a. fail-over: Chromium signs in through haproxy, opens pages, the node that served the last page (haproxy's
#      X-Served-By header) is killed with SIGKILL, and the journey goes on signed in through the other node.
#
# Settings (environment): HUB_JAR (reuse a built jar; otherwise it is built), TWO_NODES_BUILD_DIR (default
# target-two-nodes: test classes, classpath and raw output under its two-nodes/ folder), TWO_NODES_JOB_WAIT
# (seconds the jobs are watched; 40, smoke 20), TWO_NODES_PGPORT (55520), TWO_NODES_NODE1_PORT (8141),
# TWO_NODES_NODE2_PORT (8142), TWO_NODES_PROXY_PORT (8150), TWO_NODES_JAVA_OPTS (-Xmx768m), MVN_FLAGS (-o).
# Needs Java 17+, Maven, a PostgreSQL 15+ server installation, haproxy and Chromium (/usr/bin/chromium):
# apt-get install postgresql haproxy chromium. Uses scripts/resilience/lib.sh for the database and the Hub.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=resilience/lib.sh
. scripts/resilience/lib.sh

SMOKE=${TWO_NODES_SMOKE:-0}
[ "${1:-}" = smoke ] && SMOKE=1
BUILD_DIR=${TWO_NODES_BUILD_DIR:-target-two-nodes}
JOB_WAIT=${TWO_NODES_JOB_WAIT:-$([ "$SMOKE" = 1 ] && echo 20 || echo 40)}
JOB_PERIOD=10 # seconds: the crons are "*/10 * * * * *"
PGPORT=${TWO_NODES_PGPORT:-55520}
NODE1_PORT=${TWO_NODES_NODE1_PORT:-8141}
NODE2_PORT=${TWO_NODES_NODE2_PORT:-8142}
PROXY_PORT=${TWO_NODES_PROXY_PORT:-8150}
HUB_JAVA_OPTS=${TWO_NODES_JAVA_OPTS:--Xmx768m}
MVN_FLAGS=${MVN_FLAGS:--o}
command -v haproxy >/dev/null || { echo "haproxy is not installed (apt-get install haproxy)" >&2; exit 1; }

OUT=$BUILD_DIR/two-nodes
rm -rf "$OUT"
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
STARTED=$SECONDS
NODE1_PID="" NODE2_PID="" PROXY_PID=""
cleanup() {
  local pid
  for pid in $NODE1_PID $NODE2_PID $PROXY_PID; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for pid in $NODE1_PID $NODE2_PID; do # disowned, so not covered by wait
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  pg_destroy
}
trap cleanup EXIT
FAILED=0
pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILED=1; }

echo "== building ==" >&2
if [ -z "${HUB_JAR:-}" ]; then
  mvn -q $MVN_FLAGS package -DskipTests -Dspotless.check.skip=true -Dhub.build.dir="$BUILD_DIR"
  HUB_JAR=$(ls "$BUILD_DIR"/safeguarding-hub-*.jar | head -1)
else
  mvn -q $MVN_FLAGS test-compile -Dspotless.check.skip=true -Dhub.build.dir="$BUILD_DIR"
fi
mvn -q $MVN_FLAGS dependency:build-classpath -Dhub.build.dir="$BUILD_DIR" \
  -Dmdep.outputFile="$OUT/classpath.txt" -Dmdep.includeScope=test
CHECKS_CP="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$OUT/classpath.txt")"
BUILT_AT=$SECONDS

echo "== PostgreSQL on $PGPORT, two nodes on $NODE1_PORT and $NODE2_PORT, haproxy on $PROXY_PORT ==" >&2
pg_create "$PGPORT" "$(mktemp -d /tmp/hub-two-nodes.XXXXXX)"
new_database hub
export HUB_FORWARD_HEADERS=framework
CRON="*/$JOB_PERIOD * * * * *"
start_node() { # NAME PORT: sets HUB_PID
  hub_start "$HUB_JAR" hub "$2" "$OUT/$1.log" --hub.jobs.node="$1" \
    --hub.jobs.return-chasing.cron="$CRON" --hub.jobs.section11-chasing.cron="$CRON"
}
# both at once, as a deployment would: migrations and the demo load must cope
# disowned: the fail-over check kills one with SIGKILL, and bash would print a "Killed" job notice for it
start_node node1 "$NODE1_PORT"; NODE1_PID=$HUB_PID; disown "$NODE1_PID"
start_node node2 "$NODE2_PORT"; NODE2_PID=$HUB_PID; disown "$NODE2_PID"
HUB_PID=$NODE1_PID HUB_HTTP=$NODE1_PORT HUB_LOG=$OUT/node1.log hub_wait_ready 300
HUB_PID=$NODE2_PID HUB_HTTP=$NODE2_PORT HUB_LOG=$OUT/node2.log hub_wait_ready 300
HUB_PID=""
READY_AT=$SECONDS
# the first slot that both nodes' schedulers can have fired, London time like the crons
WINDOW_START=$(TZ=Europe/London date +%Y-%m-%dT%H:%M:%S)

sed -e "s/@PROXY_PORT@/$PROXY_PORT/" -e "s/@NODE1_PORT@/$NODE1_PORT/" -e "s/@NODE2_PORT@/$NODE2_PORT/" \
  scripts/two-nodes/haproxy.cfg.template > "$OUT/haproxy.cfg"
haproxy -f "$OUT/haproxy.cfg" -db > "$OUT/haproxy.log" 2>&1 &
PROXY_PID=$!
for _ in $(seq 1 30); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PROXY_PORT/actuator/health/readiness")" = 200 ] && break
  sleep 1
done

echo "== 0. the demo data, loaded by one node =="
loads=$(cat "$OUT/node1.log" "$OUT/node2.log" | grep -c "Demo data loaded" || true)
if [ "$loads" = 1 ]; then pass "0. demo data loaded by exactly one of the two nodes started together"
else fail "0. demo data loaded $loads times by two nodes started together"; fi

run_checks() { java -cp "$CHECKS_CP" org.safeguardinghub.resilience.TwoNodeChecks "$@" 2>>"$OUT/checks.err"; }

echo "== c. concurrent edits through different nodes =="
if run_checks edits "http://127.0.0.1:$PROXY_PORT" "http://127.0.0.1:$NODE1_PORT" "http://127.0.0.1:$NODE2_PORT" \
  "$OUT" | tee "$OUT/edits.txt"; then :; else FAILED=1; fi
if [ -f "$OUT/edits.properties" ]; then
  id=$(sed -n 's/^id=//p' "$OUT/edits.properties")
  expected=$(sed -n 's/^expected=//p' "$OUT/edits.properties")
  stored=$(sql hub "select text from recommendation where id = $id")
  if [ "$stored" = "$expected" ]; then pass "c. the database holds the first save's text for recommendation $id"
  else fail "c. recommendation $id holds \"$stored\", expected the first save's \"$expected\""; fi
else
  fail "c. the browser check left no record to compare"
fi

echo "== b. jobs once per cluster ($JOB_WAIT s of 10-second slots) =="
while ((SECONDS - READY_AT < JOB_WAIT)); do sleep 1; done
sleep 3 # let the last slot's runs finish before reading
WINDOW_END=$(TZ=Europe/London date -d '-3 seconds' +%Y-%m-%dT%H:%M:%S)
for job in return-chasing section11-chasing; do
  # every slot of the window, with its run (if any); timestamps without zone are London wall-clock times here
  sql hub "select to_char(e.t, 'YYYY-MM-DD\"T\"HH24:MI:SS'), coalesce(r.node, '-'), coalesce(r.outcome, '-')
           from generate_series(
                  to_timestamp(ceil(extract(epoch from '$WINDOW_START'::timestamp) / $JOB_PERIOD) * $JOB_PERIOD)
                    at time zone 'UTC',
                  '$WINDOW_END'::timestamp, make_interval(secs => $JOB_PERIOD)) e(t)
           left join scheduled_job_run r on r.job = '$job' and r.slot = to_char(e.t, 'YYYY-MM-DD\"T\"HH24:MI:SS')
           order by 1" > "$OUT/slots-$job.txt"
  slots=0 once=0 contested=0 won1=0 won2=0 problems=""
  while IFS='|' read -r slot node outcome; do
    slots=$((slots + 1))
    runs=$(cat "$OUT/node1.log" "$OUT/node2.log" | grep -cE "Job $job slot $slot (claimed|taken over) by" || true)
    tried=0
    for n in node1 node2; do grep -q "Job $job slot $slot " "$OUT/$n.log" && tried=$((tried + 1)); done
    [ "$tried" = 2 ] && contested=$((contested + 1))
    [ "$node" = node1 ] && won1=$((won1 + 1))
    [ "$node" = node2 ] && won2=$((won2 + 1))
    if [ "$runs" = 1 ] && [ "$outcome" = DONE ]; then once=$((once + 1))
    else problems="$problems slot $slot ran $runs times (database: $node $outcome);"; fi
  done < "$OUT/slots-$job.txt"
  detail="$slots slots, each run once: $once; run by node1 $won1, node2 $won2; tried by both nodes $contested"
  if [ "$slots" -ge 2 ] && [ "$once" = "$slots" ] && [ "$contested" -ge 1 ]; then pass "b. $job once per cluster: $detail"
  else fail "b. $job: $detail;$problems"; fi
done

echo "== a. fail-over: SIGKILL the node that served the journey =="
if run_checks failover "http://127.0.0.1:$PROXY_PORT" "$NODE1_PID" "$NODE2_PID" "$OUT" | tee "$OUT/failover.txt"; then :
else FAILED=1; fi

echo
echo "| Run | Build | Start-up of both nodes | Checks | Total | Load average (1, 5, 15 min) |"
echo "|---|---|---|---|---|---|"
echo "| $([ "$SMOKE" = 1 ] && echo smoke || echo full) | $((BUILT_AT - STARTED)) s | $((READY_AT - BUILT_AT)) s" \
  "| $((SECONDS - READY_AT)) s | $((SECONDS - STARTED)) s | $(uptime | sed 's/.*load average: //') |"
echo "Raw output: $OUT" >&2
if [ "$FAILED" != 0 ]; then echo "== two-node checks FAILED ==" >&2; exit 1; fi
echo "== two-node checks passed =="
