#!/usr/bin/env bash
# Benchmarks the Hub as the issue asks (docs/benchmarks.md explains the numbers):
#   1. time from the run command (`mvn spring-boot:run`) to ready, on a warm Maven cache, for a first start on an
#      empty data directory (initdb, migrations, demo data) and for restarts on an existing data directory;
#   2. memory after start: RSS and heap of the application JVM, RSS of Maven's own JVM, RSS/PSS of the embedded
#      PostgreSQL;
#   3. throughput and latency percentiles of GET /sign-in (and, for comparison, a static file) with wrk at 50
#      concurrent connections on loopback, and memory again after the load;
#   4. (BENCH_JAR=1, the default) the same start/memory/sign-in measurements for the packaged jar run with
#      `java -jar`, which is how a production server runs it (full JIT, no Maven).
# This is a measurement, not a test: nothing here passes or fails on a number.
#
# Usage: bash scripts/benchmark.sh
#   Debian/Ubuntu; needs a JDK 17+ (for jcmd), Maven, curl, ss (iproute2), pgrep (procps); installs wrk if missing.
# Settings (environment variables, defaults in brackets):
#   BENCH_RUNS [3]            starts measured for each of: empty data directory, existing data directory
#   BENCH_PORT [8095]         HTTP port for the Hub under test (must be free; never the 8080 of a dev instance)
#   BENCH_DATA_DIR [/tmp/hub-bench-data]  HUB_DATA_DIR for the Hub under test; it is DELETED and recreated
#   BENCH_BUILD_DIR [target-bench]        -Dhub.build.dir, so the build does not collide with other builds
#   BENCH_CONNECTIONS [50]    wrk connections        BENCH_THREADS [2]   wrk threads
#   BENCH_DURATION [30s]      measured wrk run       BENCH_WARMUP [10s]  unmeasured wrk run before it
#   BENCH_WRK_TIMEOUT [10s]   wrk's per-request timeout (its default of 2 s would drop slow requests from p99)
#   BENCH_STATIC_PATH [/assets/hub.css]   static file measured for comparison ("" to skip)
#   BENCH_SETTLE [5]          seconds to wait after ready before reading memory "at rest"
#   BENCH_READY_TIMEOUT [300] seconds to wait for readiness before giving up
#   BENCH_JAR [1]             also measure `java -jar` of the packaged jar (0 to skip)
#   BENCH_JAR_WARMUP [180s]   its warm-up: with the full JIT (C2) on 2 cores it takes 2-3 minutes of load to
#                             reach steady state (with 60 s it measured 30-50 % below it)
#   BENCH_BUILD_RETRY [300]   seconds to keep retrying an untimed build that fails (a tree mid-edit)
#   BENCH_WAIT_IDLE []        if set (a percentage, e.g. 20), wait before each measurement until the machine's
#                             CPU use by others falls below it (up to BENCH_WAIT_IDLE_MAX [600] seconds)
# Output: a Markdown table on stdout; everything raw in $BENCH_BUILD_DIR/benchmark-<timestamp>.txt and the
# application logs in $BENCH_BUILD_DIR/benchmark-<timestamp>-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

RUNS=${BENCH_RUNS:-3}
PORT=${BENCH_PORT:-8095}
DATA_DIR=${BENCH_DATA_DIR:-/tmp/hub-bench-data}
BUILD_DIR=${BENCH_BUILD_DIR:-target-bench}
CONNECTIONS=${BENCH_CONNECTIONS:-50}
THREADS=${BENCH_THREADS:-2}
DURATION=${BENCH_DURATION:-30s}
WARMUP=${BENCH_WARMUP:-10s}
WRK_TIMEOUT=${BENCH_WRK_TIMEOUT:-10s}
JAR_WARMUP=${BENCH_JAR_WARMUP:-180s}
STATIC_PATH=${BENCH_STATIC_PATH-/assets/hub.css}
SETTLE=${BENCH_SETTLE:-5}
READY_TIMEOUT=${BENCH_READY_TIMEOUT:-300}
MEASURE_JAR=${BENCH_JAR:-1}
WAIT_IDLE=${BENCH_WAIT_IDLE:-}
WAIT_IDLE_MAX=${BENCH_WAIT_IDLE_MAX:-600}

BASE_URL="http://127.0.0.1:${PORT}"
READY_URL="${BASE_URL}/actuator/health/readiness"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$BUILD_DIR"
RAW="$ROOT/$BUILD_DIR/benchmark-${STAMP}.txt"
LOG_DIR="$ROOT/$BUILD_DIR/benchmark-${STAMP}-logs"
mkdir -p "$LOG_DIR"
MARKER=".hub-benchmark-data" # marks a data directory this script may delete
CLK_TCK=$(getconf CLK_TCK)

# Shared functions (logging, start/stop, memory, wrk): scripts/lib/bench-common.sh
# shellcheck source=lib/bench-common.sh
source "$ROOT/scripts/lib/bench-common.sh"
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---------------------------------------------------------------------------------------------------------------
# 0. Machine facts, tools, build
# ---------------------------------------------------------------------------------------------------------------
{
  echo "Safeguarding Partnership Hub benchmark, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)" \
    "($(git status --porcelain 2>/dev/null | wc -l) changed/untracked paths in the working tree)"
  echo "settings: runs=$RUNS port=$PORT data_dir=$DATA_DIR build_dir=$BUILD_DIR connections=$CONNECTIONS" \
    "threads=$THREADS duration=$DURATION warmup=$WARMUP wrk_timeout=$WRK_TIMEOUT static_path=$STATIC_PATH" \
    "settle=${SETTLE}s jar=$MEASURE_JAR jar_warmup=$JAR_WARMUP wait_idle=${WAIT_IDLE:-off}"
  echo "machine:"
  echo "  cpus (nproc): $(nproc)"
  echo "  cpu model: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "  memory: $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)"
  echo "  os: $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release), kernel $(uname -r)"
  echo "  java: $(java -version 2>&1 | head -2 | tail -1)"
  echo "  maven: $(mvn -B -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g')"
} >"$RAW"
cat "$RAW"

if ! command -v wrk >/dev/null; then
  log "Installing wrk with apt-get"
  SUDO=()
  [ "$(id -u)" = 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk
fi
for tool in java jcmd mvn curl ss wrk; do
  command -v "$tool" >/dev/null || die "$tool is required"
done
raw "  wrk: $(wrk -v 2>&1 | head -1)"

MVN=(mvn -B -ntp -Dstyle.color=never "-Dhub.build.dir=${BUILD_DIR}")
log "" "Building once so the Maven cache and ${BUILD_DIR}/ are warm (the build is not timed)"
build package
JAR=""
for candidate in "$BUILD_DIR"/safeguarding-hub-*.jar; do
  [ -f "$candidate" ] && JAR=$candidate && break
done

# ---------------------------------------------------------------------------------------------------------------
# 1. Start-up: the run command, N times on an empty data directory, N times on the existing one
# ---------------------------------------------------------------------------------------------------------------
FIRST_READY=() FIRST_JVM=() FIRST_PRE=() FIRST_STARTED=()
RESTART_READY=() RESTART_JVM=() RESTART_PRE=() RESTART_STARTED=() STOPS=()

log "" "Start-up of 'mvn spring-boot:run', first start on an empty data directory (${RUNS} runs)"
raw "---- first starts (empty data directory) ----"
# A start during which the run command had to recompile (someone changed the tree after sync_build) is reported
# but not counted; it is repeated, up to RUNS extra attempts in all.
attempt=0 retries=0 clean=0
while ((clean < RUNS)); do
  attempt=$((attempt + 1))
  reset_data_dir
  sync_build
  machine_load "first start $attempt"
  start_and_time "first-start-$attempt" "${MVN[@]}" spring-boot:run
  sleep "$SETTLE"
  memory_snapshot "after first start $attempt (+${SETTLE}s)"
  stop_app "first-start-$attempt"
  STOPS+=("$STOP_S")
  if [ "$COMPILED" != 0 ] && ((retries < RUNS)); then
    retries=$((retries + 1))
    log "  attempt $attempt: ready in ${READY_S}s, not counted (it recompiled); repeating"
    continue
  fi
  clean=$((clean + 1))
  log "  run $clean: ready in ${READY_S}s (application JVM to ready ${JVM_READY_S}s)"
  FIRST_READY+=("$READY_S") FIRST_JVM+=("$JVM_READY_S") FIRST_PRE+=("$PRE_JVM_S") FIRST_STARTED+=("${STARTED_S:-0}")
  FIRST_MEM_APP=$MEM_APP_RSS FIRST_MEM_PG=$MEM_PG_PSS
done
FIRST_EXCLUDED=$retries

log "" "Start-up of 'mvn spring-boot:run', restart on the existing data directory (${RUNS} runs)"
raw "---- restarts (existing data directory) ----"
attempt=0 retries=0 clean=0
while ((clean < RUNS)); do
  attempt=$((attempt + 1))
  sync_build
  machine_load "restart $attempt"
  start_and_time "restart-$attempt" "${MVN[@]}" spring-boot:run
  if [ "$COMPILED" != 0 ] && ((retries < RUNS)); then
    retries=$((retries + 1))
    log "  attempt $attempt: ready in ${READY_S}s, not counted (it recompiled); repeating"
  else
    clean=$((clean + 1))
    log "  run $clean: ready in ${READY_S}s (application JVM to ready ${JVM_READY_S}s)"
    RESTART_READY+=("$READY_S") RESTART_JVM+=("$JVM_READY_S") RESTART_PRE+=("$PRE_JVM_S")
    RESTART_STARTED+=("${STARTED_S:-0}")
    ((clean < RUNS)) || break # the last one stays up for the memory and load measurements
  fi
  stop_app "restart-$attempt"
  STOPS+=("$STOP_S")
done
RESTART_EXCLUDED=$retries

# ---------------------------------------------------------------------------------------------------------------
# 2-3. Memory at rest, load, memory after load (on the last restart, still running)
# ---------------------------------------------------------------------------------------------------------------
log "" "Memory at rest (${SETTLE}s after ready), then load with wrk (${CONNECTIONS} connections, ${DURATION})"
sleep "$SETTLE"
memory_snapshot "at rest (+${SETTLE}s after ready)"
REST=("$MEM_APP_RSS" "$MEM_HEAP_USED" "$MEM_HEAP_COMMITTED" "$MEM_LAUNCHER_RSS" "$MEM_PG_RSS" "$MEM_PG_PSS" "$MEM_PG_PROCS")
live_heap
REST_LIVE=$LIVE_HEAP

load_test "sign-in" /sign-in
SIGNIN=("$WRK_RPS" "$WRK_P50" "$WRK_P90" "$WRK_P99" "$WRK_ERRORS" "$WRK_REQUESTS" "$WRK_BUSY" "$WRK_CPU_MS" "$WRK_CPU_APP" "$WRK_CPU_PG" "$WRK_CPU_WRK" "$WRK_CPU_OTHER")
log "  /sign-in: ${WRK_RPS} requests/s, p50 ${WRK_P50} ms, p90 ${WRK_P90} ms, p99 ${WRK_P99} ms, errors: ${WRK_ERRORS}"
memory_snapshot "after /sign-in load"
AFTER=("$MEM_APP_RSS" "$MEM_HEAP_USED" "$MEM_HEAP_COMMITTED" "$MEM_LAUNCHER_RSS" "$MEM_PG_RSS" "$MEM_PG_PSS" "$MEM_PG_PROCS")
STATIC=()
if [ -n "$STATIC_PATH" ]; then
  load_test "static" "$STATIC_PATH"
  STATIC=("$WRK_RPS" "$WRK_P50" "$WRK_P90" "$WRK_P99" "$WRK_ERRORS" "$WRK_REQUESTS" "$WRK_BUSY" "$WRK_CPU_MS" "$WRK_CPU_APP" "$WRK_CPU_PG" "$WRK_CPU_WRK" "$WRK_CPU_OTHER")
  log "  ${STATIC_PATH}: ${WRK_RPS} requests/s, p50 ${WRK_P50} ms, p90 ${WRK_P90} ms, p99 ${WRK_P99} ms,\
 errors: ${WRK_ERRORS}"
  memory_snapshot "after static load"
  AFTER_STATIC=("$MEM_APP_RSS" "$MEM_HEAP_USED" "$MEM_HEAP_COMMITTED" "$MEM_LAUNCHER_RSS" "$MEM_PG_RSS" "$MEM_PG_PSS"
    "$MEM_PG_PROCS")
fi
stop_app "restart-$attempt"
STOPS+=("$STOP_S")

# ---------------------------------------------------------------------------------------------------------------
# 4. For comparison: the packaged jar with plain `java -jar` (production-like: full JIT, no Maven JVM)
# ---------------------------------------------------------------------------------------------------------------
JAR_RESULTS=()
if [ "$MEASURE_JAR" = 1 ] && [ -n "$JAR" ]; then
  log "" "For comparison: java -jar ${JAR} on the existing data directory"
  build package # the jar of the current tree (untimed)
  raw "---- java -jar ----"
  machine_load "java -jar start"
  start_and_time "java-jar" java -jar "$JAR"
  JAR_READY=$READY_S JAR_JVM=$JVM_READY_S JAR_STARTED=$(calc "${STARTED_S:-0}" 1)
  log "  ready in ${READY_S}s"
  sleep "$SETTLE"
  memory_snapshot "java -jar at rest (+${SETTLE}s after ready)"
  JAR_REST=("$MEM_APP_RSS" "$MEM_HEAP_USED" "$MEM_HEAP_COMMITTED" "$MEM_PG_RSS" "$MEM_PG_PSS" "$MEM_PG_PROCS")
  WARMUP_SAVED=$WARMUP WARMUP=$JAR_WARMUP
  load_test "sign-in (java -jar)" /sign-in
  WARMUP=$WARMUP_SAVED
  JAR_RESULTS=("$WRK_RPS" "$WRK_P50" "$WRK_P90" "$WRK_P99" "$WRK_ERRORS" "$WRK_REQUESTS" "$WRK_BUSY" "$WRK_CPU_MS" "$WRK_CPU_APP" "$WRK_CPU_PG" "$WRK_CPU_WRK" "$WRK_CPU_OTHER")
  log "  /sign-in: ${WRK_RPS} requests/s, p50 ${WRK_P50} ms, p90 ${WRK_P90} ms, p99 ${WRK_P99} ms, errors: ${WRK_ERRORS}"
  memory_snapshot "java -jar after /sign-in load"
  JAR_AFTER=("$MEM_APP_RSS" "$MEM_HEAP_USED" "$MEM_HEAP_COMMITTED" "$MEM_PG_RSS" "$MEM_PG_PSS" "$MEM_PG_PROCS")
  stop_app "java-jar"
fi

# Nothing from this run may be left behind.
leftover=$( (pgrep -f -- "$DATA_DIR/pgdata" || true; listener_pid || true) | sort -u)
[ -z "$leftover" ] || log "WARNING: processes from this run are still running: $leftover"

# One row of the load table from a result array:
# rps p50 p90 p99 errors requests busy-before cpu_ms cpu_app cpu_pg cpu_wrk cpu_other
load_row() {
  local name=$1; shift
  echo "| $name | $1 | $2 | $3 | $4 | $6 | $5 | $8 | $9 / ${10} / ${11} / ${12} |"
}

# ---------------------------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------------------------
{
  echo
  echo "### Results ($(date -u +%Y-%m-%d), $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo))"
  echo
  echo "Start-up, seconds, min / median / max of ${RUNS} (not counted because the tree changed and the run command"
  echo "recompiled: ${FIRST_EXCLUDED} first starts, ${RESTART_EXCLUDED} restarts):"
  echo
  echo "| Start | \`mvn spring-boot:run\` to ready | Maven until the app JVM starts | App JVM start to ready | \"Started HubApplication in\" |"
  echo "|---|---|---|---|---|"
  echo "| First start, empty data directory | $(stats "${FIRST_READY[@]}") | $(stats "${FIRST_PRE[@]}") | $(stats "${FIRST_JVM[@]}") | $(stats "${FIRST_STARTED[@]}") |"
  echo "| Restart, existing data directory | $(stats "${RESTART_READY[@]}") | $(stats "${RESTART_PRE[@]}") | $(stats "${RESTART_JVM[@]}") | $(stats "${RESTART_STARTED[@]}") |"
  if [ ${#JAR_RESULTS[@]} -gt 0 ]; then
    echo "| \`java -jar\`, existing data directory (1 run) | ${JAR_READY} | - | ${JAR_JVM} | ${JAR_STARTED} |"
  fi
  echo
  echo "Shut-down (SIGTERM to everything gone, incl. PostgreSQL): $(stats "${STOPS[@]}") s"
  echo
  echo "Memory, MiB (\`mvn spring-boot:run\`, restarted on existing data):"
  echo
  echo "| When | App JVM RSS | Heap used / committed | Maven JVM RSS | PostgreSQL PSS sum (RSS sum), processes |"
  echo "|---|---|---|---|---|"
  echo "| At rest, ${SETTLE}s after ready | ${REST[0]} | ${REST[1]} / ${REST[2]} (live after full GC: ${REST_LIVE}) | ${REST[3]} | ${REST[5]} (${REST[4]}), ${REST[6]} |"
  echo "| After the /sign-in load | ${AFTER[0]} | ${AFTER[1]} / ${AFTER[2]} | ${AFTER[3]} | ${AFTER[5]} (${AFTER[4]}), ${AFTER[6]} |"
  if [ ${#STATIC[@]} -gt 0 ]; then
    echo "| After the static file load | ${AFTER_STATIC[0]} | ${AFTER_STATIC[1]} / ${AFTER_STATIC[2]} | ${AFTER_STATIC[3]} | ${AFTER_STATIC[5]} (${AFTER_STATIC[4]}), ${AFTER_STATIC[6]} |"
  fi
  if [ ${#JAR_RESULTS[@]} -gt 0 ]; then
    echo "| \`java -jar\`, at rest | ${JAR_REST[0]} | ${JAR_REST[1]} / ${JAR_REST[2]} | - | ${JAR_REST[4]} (${JAR_REST[3]}), ${JAR_REST[5]} |"
    echo "| \`java -jar\`, after the /sign-in load | ${JAR_AFTER[0]} | ${JAR_AFTER[1]} / ${JAR_AFTER[2]} | - | ${JAR_AFTER[4]} (${JAR_AFTER[3]}), ${JAR_AFTER[5]} |"
  fi
  echo "(After the first start on an empty data directory: app JVM RSS ${FIRST_MEM_APP}, PostgreSQL PSS sum ${FIRST_MEM_PG}.)"
  echo
  echo "Load: wrk, ${CONNECTIONS} connections, ${THREADS} threads, ${DURATION} after a ${WARMUP} warm-up, loopback:"
  echo
  echo "| Request | Requests/s | p50 ms | p90 ms | p99 ms | Requests | Errors | CPU ms/request (app + PostgreSQL) | CPU s: app / PostgreSQL / wrk / everything else |"
  echo "|---|---|---|---|---|---|---|---|---|"
  load_row "GET /sign-in (\`mvn spring-boot:run\`)" "${SIGNIN[@]}"
  if [ ${#STATIC[@]} -gt 0 ]; then load_row "GET ${STATIC_PATH} (\`mvn spring-boot:run\`)" "${STATIC[@]}"; fi
  if [ ${#JAR_RESULTS[@]} -gt 0 ]; then load_row "GET /sign-in (\`java -jar\`)" "${JAR_RESULTS[@]}"; fi
  echo
  echo "Raw output: ${RAW#"$ROOT"/}; application logs: ${LOG_DIR#"$ROOT"/}/"
} | tee -a "$RAW"
