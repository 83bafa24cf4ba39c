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

# ---------------------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------------------

# log: to the terminal and the raw file
log() { printf '%s\n' "$@" | tee -a "$RAW"; }
# raw: to the raw file only
raw() { printf '%s\n' "$@" >>"$RAW"; }
die() { log "ERROR: $*"; exit 1; }
indent() { sed 's/^/    /'; }

# Seconds since boot, 10 ms resolution; the clock /proc/PID/stat start times are expressed in.
uptime_s() { cut -d' ' -f1 /proc/uptime; }

# Arithmetic on decimals.
calc() { awk "BEGIN { printf \"%.${2:-2}f\", $1 }"; }

# min / median / max of the numbers given as arguments
stats() {
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    med = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%.1f / %.1f / %.1f", v[1], med, v[NR] }'
}

# Converts a wrk duration (812.00us, 5.65ms, 1.40s, 1.02m) to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else if (v ~ /m$/) { sub(/m$/, "", v); printf "%.2f", v * 60000 }
    else print "n/a" }'
}

# CPU use of the whole machine (all cores, percent) over one second: before a measurement, while the Hub is idle,
# this is what other work on the machine is using.
cpu_busy() {
  local a b
  read -r -a a < <(grep '^cpu ' /proc/stat)
  sleep 1
  read -r -a b < <(grep '^cpu ' /proc/stat)
  # fields: user nice system idle iowait irq softirq steal
  local idle=$(((b[4] + b[5]) - (a[4] + a[5])))
  local total=$(((b[1] + b[2] + b[3] + b[4] + b[5] + b[6] + b[7] + b[8]) - (a[1] + a[2] + a[3] + a[4] + a[5] + a[6] + a[7] + a[8])))
  if ((total <= 0)); then echo 0; else echo $((100 * (total - idle) / total)); fi
}

# CPU time (clock ticks) used so far by a process (utime + stime), 0 if it is gone
proc_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU time (clock ticks) the whole machine has spent busy since boot, all cores
machine_busy_ticks() { awk '$1 == "cpu" { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# CPU seconds (user + system) used by this script's finished child processes so far (wrk, curl, jcmd, ...)
# (`times` must run in this shell, not in a pipeline or $(...) subshell, whose children times start at zero.)
TIMES_FILE="$LOG_DIR/.times"
children_cpu_s() {
  times >"$TIMES_FILE"
  awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, /[ms]/); t += a[1] * 60 + a[2] } printf "%.2f", t }' "$TIMES_FILE"
}

# Notes how busy the machine is before a measurement and, with BENCH_WAIT_IDLE, waits for it to calm down.
machine_load() {
  local busy waited=0
  busy=$(cpu_busy)
  if [ -n "$WAIT_IDLE" ]; then
    while ((busy >= WAIT_IDLE && waited < WAIT_IDLE_MAX)); do
      sleep 4
      waited=$((waited + 5))
      busy=$(cpu_busy)
    done
  fi
  raw "  machine before '$1': cpu busy ${busy}% (others), loadavg $(cut -d' ' -f1-3 /proc/loadavg), waited ${waited}s"
  LAST_BUSY=$busy
}

# ---------------------------------------------------------------------------------------------------------------
# Processes: start, find, measure, stop
# ---------------------------------------------------------------------------------------------------------------
APP_PGID=""   # process group of the command under test (Maven + the forked application JVM, or java -jar)
APP_PID=""    # the JVM that listens on $PORT

port_in_use() { ss -Hltn "sport = :${PORT}" | grep -q .; }

# PID of the process listening on $PORT
listener_pid() { ss -Hltnp "sport = :${PORT}" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2 || true; }

# PID of the embedded PostgreSQL server (postmaster) for our data directory, if it is running
postmaster_pid() {
  local pidfile="$DATA_DIR/pgdata/postmaster.pid" pid
  [ -f "$pidfile" ] || return 0
  pid=$(head -1 "$pidfile" 2>/dev/null || true)
  if [ -n "$pid" ] && [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF "$DATA_DIR"; then
    echo "$pid"
  fi
}

# The postmaster and its children (checkpointer, walwriter, backends, ...)
postgres_pids() {
  local pm
  pm=$(postmaster_pid)
  [ -n "$pm" ] || return 0
  echo "$pm"
  pgrep -P "$pm" || true
}

# kib FIELD PID [FILE]: a "Field:  123 kB" value from /proc/PID/status (or smaps_rollup); 0 if the process is gone
kib() {
  local v
  v=$(awk -v f="$1:" '$1 == f { print $2 }' "/proc/$2/${3:-status}" 2>/dev/null || true)
  echo "${v:-0}"
}
mib() { calc "${1:-0} / 1024" 0; }

# An untimed, quiet Maven build (goal: package or test-compile) into ${BUILD_DIR}/. If the tree does not compile
# (someone is half-way through a change), it tries again every 20 s for up to BENCH_BUILD_RETRY [300] seconds.
build() {
  local deadline=$((SECONDS + ${BENCH_BUILD_RETRY:-300}))
  until mvn -q -B -ntp -Dstyle.color=never -DskipTests -Dspotless.check.skip=true "-Dhub.build.dir=${BUILD_DIR}" \
    "$1" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >>"$RAW"; do
    ((SECONDS < deadline)) || die "the build failed (see $RAW)"
    log "  the build failed (the tree is being edited?); trying again in 20 s"
    sleep 20
  done
}

# Brings ${BUILD_DIR}/ up to date (untimed) just before a timed start. The run command compiles main and test
# sources if they changed; on a tree that others are editing, that compile would otherwise land inside the timing.
sync_build() {
  build test-compile
}

# Starts a command in its own process group (so it and everything it forks can be stopped together) with the
# Hub's environment, then waits for readiness. Sets READY_S (launch to ready), JVM_READY_S (application JVM start
# to ready), STARTED_S (Spring's "Started HubApplication in X seconds"), APP_PID, APP_PGID.
start_and_time() {
  local label=$1; shift
  local logfile="$LOG_DIR/${label}.log"
  port_in_use && die "port ${PORT} is already in use; set BENCH_PORT to a free port"
  local t0 t0_up
  t0=$EPOCHREALTIME
  t0_up=$(uptime_s)
  PORT=$PORT HUB_DATA_DIR=$DATA_DIR setsid "$@" >"$logfile" 2>&1 </dev/null &
  APP_PGID=$!
  local code="000" deadline=$((SECONDS + READY_TIMEOUT))
  until [ "$code" = 200 ]; do
    if ! kill -0 "$APP_PGID" 2>/dev/null; then
      tail -30 "$logfile" >&2
      die "$label: the run command exited before it was ready (log: $logfile)"
    fi
    ((SECONDS < deadline)) || die "$label: not ready after ${READY_TIMEOUT}s (log: $logfile)"
    sleep 0.1
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$READY_URL" || true)
  done
  local t1 t1_up
  t1=$EPOCHREALTIME
  t1_up=$(uptime_s)
  READY_S=$(calc "$t1 - $t0" 2)
  APP_PID=$(listener_pid)
  [ -n "$APP_PID" ] || die "$label: ready, but no process found listening on ${PORT}"
  # The application JVM's start time from /proc (clock ticks since boot): launch-to-JVM is Maven's share.
  local start_ticks
  start_ticks=$(awk '{ print $22 }' "/proc/$APP_PID/stat")
  JVM_READY_S=$(calc "$t1_up - $start_ticks / $CLK_TCK" 2)
  PRE_JVM_S=$(calc "$start_ticks / $CLK_TCK - $t0_up" 2)
  STARTED_S=$(grep -o 'Started HubApplication in [0-9.]* seconds' "$logfile" | head -1 | awk '{ print $4 }')
  STARTED_UPTIME_S=$(grep -o 'process running for [0-9.]*' "$logfile" | head -1 | awk '{ print $4 }')
  COMPILED=$(grep -c 'Compiling [0-9]* source file' "$logfile" || true)
  raw "  $label: ready ${READY_S}s after launch; launch->app JVM ${PRE_JVM_S}s; app JVM->ready ${JVM_READY_S}s;\
 log: Started HubApplication in ${STARTED_S:-?}s (process running for ${STARTED_UPTIME_S:-?}s);\
 app pid ${APP_PID}, process group ${APP_PGID}; javac runs during start: ${COMPILED}"
  if [ "${COMPILED:-0}" != 0 ]; then
    log "  note: $label recompiled sources during start (the tree changed since the build); its time is inflated"
  fi
}

# Memory of everything the run command started. Sets MEM_* variables (MiB) and writes details to the raw file.
memory_snapshot() {
  local label=$1
  MEM_APP_RSS=$(mib "$(kib VmRSS "$APP_PID")")
  MEM_LAUNCHER_RSS=0
  if [ "$APP_PGID" != "$APP_PID" ] && kill -0 "$APP_PGID" 2>/dev/null; then
    MEM_LAUNCHER_RSS=$(mib "$(kib VmRSS "$APP_PGID")") # Maven's own JVM, waiting for the forked application
  fi
  local heap
  heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null || true)
  # "garbage-first heap   total 180224K, used 96646K [...]"
  MEM_HEAP_COMMITTED=$(mib "$(sed -n 's/.* heap *total \([0-9]*\)K, used \([0-9]*\)K.*/\1/p' <<<"$heap" | head -1)")
  MEM_HEAP_USED=$(mib "$(sed -n 's/.* heap *total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' <<<"$heap" | head -1)")
  MEM_METASPACE=$(mib "$(sed -n 's/.*Metaspace *used \([0-9]*\)K.*/\1/p' <<<"$heap" | head -1)")
  local pg_rss=0 pg_pss=0 n=0 pid
  for pid in $(postgres_pids); do
    pg_rss=$((pg_rss + $(kib VmRSS "$pid")))
    pg_pss=$((pg_pss + $(kib Pss "$pid" smaps_rollup)))
    n=$((n + 1))
  done
  MEM_PG_RSS=$(mib "$pg_rss")
  MEM_PG_PSS=$(mib "$pg_pss")
  MEM_PG_PROCS=$n
  raw "  memory $label: app JVM RSS ${MEM_APP_RSS} MiB (peak $(mib "$(kib VmHWM "$APP_PID")") MiB),\
 heap used ${MEM_HEAP_USED} / committed ${MEM_HEAP_COMMITTED} MiB, metaspace ${MEM_METASPACE} MiB;\
 launcher (Maven) JVM RSS ${MEM_LAUNCHER_RSS} MiB; PostgreSQL ${n} processes RSS sum ${MEM_PG_RSS} MiB,\
 PSS sum ${MEM_PG_PSS} MiB"
  indent <<<"$heap" >>"$RAW"
}

# Heap still in use after a full collection: the live set, unlike "heap used" which depends on GC timing.
live_heap() {
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  local heap
  heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null || true)
  LIVE_HEAP=$(mib "$(sed -n 's/.* heap *total \([0-9]*\)K, used \([0-9]*\)K.*/\2/p' <<<"$heap" | head -1)")
  raw "  live heap after a full GC: ${LIVE_HEAP} MiB"
}

# Stops the command under test: SIGTERM to its process group (Maven and the application JVM both get it; the
# application shuts down gracefully and its shutdown hook stops PostgreSQL), then makes sure nothing is left.
stop_app() {
  local label=${1:-app}
  [ -n "$APP_PGID" ] || return 0
  local t0=$EPOCHREALTIME i
  kill -TERM -- "-$APP_PGID" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do # up to 60 s
    pgrep -g "$APP_PGID" >/dev/null || break
    sleep 0.1
  done
  if pgrep -g "$APP_PGID" >/dev/null; then
    echo "  $label: still running 60 s after SIGTERM; killing process group $APP_PGID" | tee -a "$RAW" >&2
    kill -KILL -- "-$APP_PGID" 2>/dev/null || true
    sleep 1
  fi
  # PostgreSQL runs in its own session (pg_ctl detaches it): wait for the shutdown hook, then stop it ourselves.
  local pm
  for ((i = 0; i < 300; i++)); do # up to 30 s
    pm=$(postmaster_pid)
    [ -n "$pm" ] || break
    sleep 0.1
  done
  if [ -n "$pm" ]; then
    echo "  $label: embedded PostgreSQL (pid $pm) left running; fast shutdown" | tee -a "$RAW" >&2
    kill -INT "$pm" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pm" 2>/dev/null; then kill -KILL "$pm" 2>/dev/null || true; fi
  fi
  STOP_S=$(calc "$EPOCHREALTIME - $t0" 2)
  raw "  $label: stopped in ${STOP_S}s"
  APP_PGID=""
  APP_PID=""
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$APP_PGID" ]; then
    echo "Cleaning up: stopping the Hub under test (process group $APP_PGID)" >&2
    stop_app cleanup || true
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Resets the data directory to empty, refusing to delete anything this script did not create.
reset_data_dir() {
  case "$(realpath -m "$DATA_DIR")" in
  / | "$ROOT" | "$ROOT/var" | "$HOME") die "refusing to use $DATA_DIR as a benchmark data directory" ;;
  esac
  if [ -d "$DATA_DIR" ] && [ -n "$(ls -A "$DATA_DIR")" ] && [ ! -f "$DATA_DIR/$MARKER" ]; then
    die "$DATA_DIR exists and was not created by this script; choose another BENCH_DATA_DIR"
  fi
  [ -z "$(postmaster_pid)" ] || die "a PostgreSQL server is running on $DATA_DIR; stop it first"
  rm -rf "$DATA_DIR"
  mkdir -p "$DATA_DIR"
  touch "$DATA_DIR/$MARKER"
}

# ---------------------------------------------------------------------------------------------------------------
# Load: wrk
# ---------------------------------------------------------------------------------------------------------------

# Runs wrk (after an unmeasured warm-up) and sets WRK_RPS, WRK_P50/P90/P99 (ms), WRK_REQUESTS, WRK_ERRORS.
load_test() {
  local label=$1 path=$2
  local url="${BASE_URL}${path}"
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
  [ "$status" = 200 ] || die "$label: GET $path answered $status, not 200"
  raw "" "---- wrk $label: GET $url, ${CONNECTIONS} connections, ${THREADS} threads ----"
  raw "  warm-up (${WARMUP}, not measured):"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$WRK_TIMEOUT" --latency "$url" 2>&1 | indent >>"$RAW"
  machine_load "wrk $label"
  # CPU used during the measured run: by the application JVM, by PostgreSQL, by the whole machine (which also
  # includes wrk itself, the kernel's loopback networking and anything else running). CPU time per request is much
  # less sensitive than requests/s to other work competing for the same cores.
  local app0 pg0=0 all0 wrk0 pid out
  app0=$(proc_ticks "$APP_PID")
  for pid in $(postgres_pids); do pg0=$((pg0 + $(proc_ticks "$pid"))); done
  all0=$(machine_busy_ticks)
  children_cpu_s >"$LOG_DIR/.wrk0"
  wrk0=$(cat "$LOG_DIR/.wrk0")
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency "$url" 2>&1)
  local app1 pg1=0 all1
  app1=$(proc_ticks "$APP_PID")
  for pid in $(postgres_pids); do pg1=$((pg1 + $(proc_ticks "$pid"))); done
  all1=$(machine_busy_ticks)
  children_cpu_s >"$LOG_DIR/.wrk1"
  WRK_CPU_WRK=$(calc "$(cat "$LOG_DIR/.wrk1") - $wrk0" 1)
  WRK_CPU_APP=$(calc "($app1 - $app0) / $CLK_TCK" 1)
  WRK_CPU_PG=$(calc "($pg1 - $pg0) / $CLK_TCK" 1)
  WRK_CPU_ALL=$(calc "($all1 - $all0) / $CLK_TCK" 1)
  # what is left is the kernel's loopback networking and other work on the machine
  WRK_CPU_OTHER=$(calc "$WRK_CPU_ALL - $WRK_CPU_APP - $WRK_CPU_PG - $WRK_CPU_WRK" 1)
  raw "  measured (${DURATION}):"
  indent <<<"$out" >>"$RAW"
  WRK_RPS=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  WRK_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  WRK_P90=$(to_ms "$(awk '$1 == "90%" { print $2 }' <<<"$out")")
  WRK_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  WRK_REQUESTS=$(awk '/requests in/ { print $1 }' <<<"$out")
  local non2xx socket
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' <<<"$out")
  socket=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' <<<"$out")
  WRK_ERRORS="${non2xx:-0} non-2xx, ${socket:-0} socket"
  WRK_BUSY=$LAST_BUSY
  WRK_CPU_MS=$(calc "1000 * ($WRK_CPU_APP + $WRK_CPU_PG) / (${WRK_REQUESTS:-0} + 0.000001)" 2)
  raw "  CPU seconds during the measured run: application JVM ${WRK_CPU_APP}, PostgreSQL ${WRK_CPU_PG}, wrk ${WRK_CPU_WRK},\
 everything else ${WRK_CPU_OTHER}, whole machine ${WRK_CPU_ALL} (of $(nproc) cores x ${DURATION});\
 application + PostgreSQL per request: ${WRK_CPU_MS} ms"
}

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
