#!/usr/bin/env bash
# Shared functions of the benchmark scripts (scripts/benchmark.sh, scripts/load-test.sh): logging, arithmetic, CPU
# accounting, starting/stopping the Hub in its own process group and timing it to ready, memory snapshots (RSS,
# heap via jcmd, embedded PostgreSQL), and a wrk run with the CPU split (app JVM / PostgreSQL / wrk / other).
# Source it; it defines functions only. The caller sets, before calling them:
#   ROOT RAW LOG_DIR PORT DATA_DIR BUILD_DIR BASE_URL READY_URL READY_TIMEOUT MARKER CLK_TCK
#   CONNECTIONS THREADS WARMUP DURATION WRK_TIMEOUT WAIT_IDLE WAIT_IDLE_MAX
# and installs `trap cleanup EXIT` (cleanup stops the Hub under test).
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

# load_test LABEL PATH [WRK_ARGS...]: runs wrk (after an unmeasured warm-up) and sets WRK_RPS, WRK_P50/P90/P99 (ms),
# WRK_REQUESTS, WRK_ERRORS (text), WRK_ERROR_COUNT (number) and the WRK_CPU_* split. Extra arguments go to wrk (e.g.
# `-s script.lua -- args`); without them PATH must answer 200 to an anonymous GET first. A Lua script may count
# errors wrk cannot see (a redirect to sign-in is a 3xx, which wrk counts as success) by printing
# "lua_errors: N" from its done(); they are added to the error count.
load_test() {
  local label=$1 path=$2
  shift 2
  local url="${BASE_URL}${path}"
  local status
  if [ $# -eq 0 ]; then
    status=$(curl -s -o /dev/null -w '%{http_code}' "$url" || true)
    [ "$status" = 200 ] || die "$label: GET $path answered $status, not 200"
  fi
  raw "" "---- wrk $label: GET $url, ${CONNECTIONS} connections, ${THREADS} threads ----"
  raw "  warm-up (${WARMUP}, not measured):"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" --timeout "$WRK_TIMEOUT" --latency "$url" "$@" 2>&1 | indent >>"$RAW"
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
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency "$url" "$@" 2>&1)
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
  local lua
  lua=$(awk '/^lua_errors:/ { print $2 }' <<<"$out")
  WRK_ERRORS="${non2xx:-0} non-2xx, ${socket:-0} socket"
  [ -z "$lua" ] || WRK_ERRORS="$WRK_ERRORS, ${lua} lost session/forbidden"
  WRK_ERROR_COUNT=$((${non2xx:-0} + ${socket:-0} + ${lua:-0}))
  WRK_BUSY=$LAST_BUSY
  WRK_CPU_MS=$(calc "1000 * ($WRK_CPU_APP + $WRK_CPU_PG) / (${WRK_REQUESTS:-0} + 0.000001)" 2)
  raw "  CPU seconds during the measured run: application JVM ${WRK_CPU_APP}, PostgreSQL ${WRK_CPU_PG}, wrk ${WRK_CPU_WRK},\
 everything else ${WRK_CPU_OTHER}, whole machine ${WRK_CPU_ALL} (of $(nproc) cores x ${DURATION});\
 application + PostgreSQL per request: ${WRK_CPU_MS} ms"
}

