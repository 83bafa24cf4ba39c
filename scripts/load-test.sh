#!/usr/bin/env bash
# HTTP under load (issue 6, section 2): signed-in mixed reads at 50, 200 and 500 concurrent connections with wrk on
# loopback, against the packaged jar run with `java -jar` (as production runs it), plus the same levels against the
# static sign-in page GET /sign-in as the framework's ceiling on this machine. Also: start-up time to ready, memory
# (RSS, heap) at rest and during the 200-connection run, and the CPU split (app JVM / PostgreSQL / wrk / other).
#
# The mixed reads: several demo users with different roles sign in with curl (business team, an agency lead, the
# scrutineer); each is given only the pages its role may see (each is checked to answer 200 first), and wrk rotates
# over all (page, session cookie) pairs: home /, /performance, the registers /cases and /learning, the dashboards
# /dashboards/referrals and /dashboards/themes, /section11. A redirect (lost session -> sign-in) or a 403 counts as
# an error (scripts/load/mixed-reads.lua), so a lost session cannot look like success.
# Goals (issue 6): zero errors at 500 connections and p99 under 300 ms for the mixed reads.
# This is a measurement, not a test: it exits non-zero only if it cannot measure (a page not 200, the Hub not up).
#
# Usage: bash scripts/load-test.sh
#   Debian/Ubuntu; needs a JDK 17+ (jcmd), Maven, curl, ss (iproute2), pgrep; installs wrk with apt-get if missing.
# Settings (environment variables, defaults in brackets):
#   LOAD_PORT [8100]            HTTP port of the Hub under test (must be free)
#   LOAD_DATA_DIR []            HUB_DATA_DIR to run on, e.g. /tmp/hub-national (the national-scale data of
#                               scripts/generate-national-data.sh; then also LOAD_PASSWORD=load-test-2026 and
#                               LOAD_USERS="business.nat001@national.example.org lead.nat001@national.example.org
#                               scrutineer.nat001@national.example.org"); it is used as is and NOT deleted.
#                               Empty: a fresh demo data directory /tmp/hub-load-data (deleted and recreated)
#   LOAD_USERS [business@example.org police.lead@example.org scrutineer@example.org]  users signed in (all with
#                               LOAD_PASSWORD [demo-hub-2026])
#   LOAD_PAGES [/ /performance /cases /learning /dashboards/referrals /dashboards/themes /section11]  candidate
#                               pages; each user gets those that answer it 200 (403 = not for its role); a page no
#                               user may see, or any other answer, stops the script
#   LOAD_LEVELS [50 200 500]    concurrent connections      LOAD_THREADS [2]  wrk threads
#   LOAD_DURATION [30s]         each measured run           LOAD_WARMUP [10s] unmeasured run before each
#   LOAD_JIT_WARMUP [120s]       one extra unmeasured mixed run before the first level (JIT compilation on 2 cores)
#   LOAD_WRK_TIMEOUT [10s]      wrk's per-request timeout (its default 2 s would hide slow requests from p99)
#   LOAD_SIGNIN [1]             also measure GET /sign-in at each level (0 to skip)
#   LOAD_PROFILE [10s]          after the levels, each page alone for this long at 4 connections, to show where
#                               the CPU goes: application + PostgreSQL CPU ms per request of each page (0 to skip)
#   LOAD_BUILD_DIR [target-load] -Dhub.build.dir for the jar
#   LOAD_JAVA_OPTS []           extra JVM options for the Hub (e.g. -Xmx512m)
#   LOAD_SETTLE [5]             seconds after ready before memory "at rest"
#   LOAD_READY_TIMEOUT [600]    seconds to wait for readiness (national data takes longer)
# Output: Markdown tables on stdout; raw wrk output, memory samples and per-page server times in
# $LOAD_BUILD_DIR/load-<timestamp>.txt, the application log in $LOAD_BUILD_DIR/load-<timestamp>-logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

PORT=${LOAD_PORT:-8100}
USER_DATA_DIR=${LOAD_DATA_DIR:-}
DATA_DIR=${USER_DATA_DIR:-/tmp/hub-load-data}
read -r -a USERS <<<"${LOAD_USERS:-business@example.org police.lead@example.org scrutineer@example.org}"
PASSWORD=${LOAD_PASSWORD:-demo-hub-2026}
read -r -a PAGES <<<"${LOAD_PAGES:-/ /performance /cases /learning /dashboards/referrals /dashboards/themes /section11}"
read -r -a LEVELS <<<"${LOAD_LEVELS:-50 200 500}"
THREADS=${LOAD_THREADS:-2}
DURATION=${LOAD_DURATION:-30s}
WARMUP=${LOAD_WARMUP:-10s}
JIT_WARMUP=${LOAD_JIT_WARMUP:-120s}
WRK_TIMEOUT=${LOAD_WRK_TIMEOUT:-10s}
MEASURE_SIGNIN=${LOAD_SIGNIN:-1}
PROFILE=${LOAD_PROFILE:-10s}
BUILD_DIR=${LOAD_BUILD_DIR:-target-load}
read -r -a JAVA_OPTS <<<"${LOAD_JAVA_OPTS:-}"
SETTLE=${LOAD_SETTLE:-5}
READY_TIMEOUT=${LOAD_READY_TIMEOUT:-600}
WAIT_IDLE="" WAIT_IDLE_MAX=0 CONNECTIONS=0

BASE_URL="http://127.0.0.1:${PORT}"
READY_URL="${BASE_URL}/actuator/health/readiness"
STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$BUILD_DIR"
RAW="$ROOT/$BUILD_DIR/load-${STAMP}.txt"
LOG_DIR="$ROOT/$BUILD_DIR/load-${STAMP}-logs"
mkdir -p "$LOG_DIR"
MARKER=".hub-benchmark-data" # marks a data directory this script may delete
CLK_TCK=$(getconf CLK_TCK)
COOKIES="$LOG_DIR/cookies"
REQUESTS_FILE="$LOG_DIR/requests.tsv" # PATH<TAB>Cookie header, for the Lua script (session ids: kept local)
SAMPLER_PID=""

# shellcheck source=lib/bench-common.sh
source "$ROOT/scripts/lib/bench-common.sh"
stop_sampler() {
  if [ -n "$SAMPLER_PID" ]; then
    kill "$SAMPLER_PID" 2>/dev/null || true
    wait "$SAMPLER_PID" 2>/dev/null || true
    SAMPLER_PID=""
  fi
}
load_cleanup() {
  stop_sampler
  cleanup
}
trap load_cleanup EXIT
trap 'exit 130' INT TERM

# 500 connections need 500 sockets in wrk and in the Hub (which inherits this limit), plus files and the pool.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"

# ---------------------------------------------------------------------------------------------------------------
# Machine, tools, build
# ---------------------------------------------------------------------------------------------------------------
{
  echo "Safeguarding Partnership Hub load test, $(date -u '+%Y-%m-%d %H:%M:%S UTC')"
  echo "settings: port=$PORT data_dir=$DATA_DIR users=${USERS[*]} pages=${PAGES[*]} levels=${LEVELS[*]}" \
    "threads=$THREADS duration=$DURATION warmup=$WARMUP jit_warmup=$JIT_WARMUP wrk_timeout=$WRK_TIMEOUT" \
    "build_dir=$BUILD_DIR java_opts=${JAVA_OPTS[*]:-} ulimit_n=$(ulimit -n)"
  echo "machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')),"\
    "$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo),"\
    "$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release), kernel $(uname -r)"
  echo "java: $(java -version 2>&1 | head -2 | tail -1)"
  echo "uptime at start: $(uptime)"
} >"$RAW"
cat "$RAW"

if ! command -v wrk >/dev/null; then
  log "Installing wrk with apt-get"
  SUDO=()
  [ "$(id -u)" = 0 ] || SUDO=(sudo)
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk
fi
for tool in java jcmd mvn curl ss wrk; do
  command -v "$tool" >/dev/null || die "$tool is required"
done

log "" "Building the jar into ${BUILD_DIR}/ (not timed)"
build package
JAR=""
for candidate in "$BUILD_DIR"/safeguarding-hub-*.jar; do
  [ -f "$candidate" ] && JAR=$candidate && break
done
[ -n "$JAR" ] || die "no jar in ${BUILD_DIR}/"

# ---------------------------------------------------------------------------------------------------------------
# Start-up to ready, memory at rest
# ---------------------------------------------------------------------------------------------------------------
if [ -z "$USER_DATA_DIR" ]; then
  reset_data_dir
  START_KIND="first start, fresh demo data directory"
else
  [ -d "$DATA_DIR" ] || die "LOAD_DATA_DIR $DATA_DIR does not exist"
  [ -z "$(postmaster_pid)" ] || die "a PostgreSQL server is already running on $DATA_DIR; stop it first"
  START_KIND="existing data directory $DATA_DIR"
fi
machine_load "start"
log "" "Starting java -jar ${JAR} (${START_KIND})"
start_and_time "java-jar" java "${JAVA_OPTS[@]}" -jar "$JAR"
START_READY=$READY_S START_STARTED=${STARTED_S:-?} START_BUSY=$LAST_BUSY
APP_LOG="$LOG_DIR/java-jar.log"
log "  ready in ${READY_S}s (Spring: Started HubApplication in ${STARTED_S:-?}s; others used ${LAST_BUSY}% CPU before)"
sleep "$SETTLE"
memory_snapshot "at rest (+${SETTLE}s after ready)"
REST=("$MEM_APP_RSS" "$MEM_HEAP_USED" "$MEM_HEAP_COMMITTED" "$MEM_PG_RSS" "$MEM_PG_PSS" "$MEM_PG_PROCS")
live_heap
REST_LIVE=$LIVE_HEAP

# ---------------------------------------------------------------------------------------------------------------
# Sign in the users, find the pages each may see
# ---------------------------------------------------------------------------------------------------------------
sign_in() {
  local email=$1 jar=$2 token result
  rm -f "$jar"
  curl -s -c "$jar" -o "$LOG_DIR/sign-in.html" "$BASE_URL/sign-in"
  token=$(grep -o 'name="_csrf" value="[^"]*"' "$LOG_DIR/sign-in.html" | head -1 | sed 's/.*value="//;s/"//')
  [ -n "$token" ] || die "no CSRF token on /sign-in"
  result=$(curl -s -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' -X POST "$BASE_URL/sign-in" \
    --data-urlencode "username=$email" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token")
  case "$result" in
  302\ *sign-in*) die "sign-in of $email failed: $result" ;;
  302\ *) ;;
  *) die "sign-in of $email answered $result" ;;
  esac
}

log "" "Signing in ${#USERS[@]} users and checking which pages each may see"
: >"$REQUESTS_FILE"
declare -A PAGE_SEEN=()
USER_TABLE=()
mkdir -p "$COOKIES"
for email in "${USERS[@]}"; do
  jar="$COOKIES/${email%%@*}.txt"
  sign_in "$email" "$jar"
  cookie=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
  [ -n "$cookie" ] || die "no session cookie for $email"
  seen=() skipped=()
  for page in "${PAGES[@]}"; do
    code=$(curl -s -b "$jar" -o /dev/null -w '%{http_code}' "$BASE_URL$page")
    case "$code" in
    200)
      printf '%s\t%s\n' "$page" "$cookie" >>"$REQUESTS_FILE"
      seen+=("$page")
      PAGE_SEEN[$page]=1
      ;;
    403) skipped+=("$page") ;;
    *) die "$email: GET $page answered $code (expected 200, or 403 if the role may not see it)" ;;
    esac
  done
  log "  $email: ${seen[*]:-none}${skipped[*]:+ (403, left out: ${skipped[*]})}"
  USER_TABLE+=("| $email | ${seen[*]:-none} | ${skipped[*]:--} |")
done
for page in "${PAGES[@]}"; do
  [ -n "${PAGE_SEEN[$page]:-}" ] || die "no signed-in user may see $page; add a user whose role can"
done
MIX_SIZE=$(wc -l <"$REQUESTS_FILE")

# ---------------------------------------------------------------------------------------------------------------
# Memory sampling during a run, server time per page from the request log
# ---------------------------------------------------------------------------------------------------------------
SAMPLES="$LOG_DIR/memory-samples.txt"
start_sampler() {
  : >"$SAMPLES"
  (
    while kill -0 "$APP_PID" 2>/dev/null; do
      rss=$(awk '$1 == "VmRSS:" { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
      heap=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null | sed -n 's/.* heap *total \([0-9]*\)K, used \([0-9]*\)K.*/\1 \2/p' | head -1)
      pg=0
      for pid in $(postgres_pids); do pg=$((pg + $(awk '$1 == "Pss:" { print $2 }' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0))); done
      echo "$rss ${heap:-0 0} $pg" >>"$SAMPLES"
      sleep 3
    done
  ) &
  SAMPLER_PID=$!
}
# Max over the samples: sets LOAD_RSS_MAX, LOAD_HEAP_USED_MAX, LOAD_HEAP_COMMITTED_MAX, LOAD_PG_PSS_MAX (MiB)
sampler_summary() {
  read -r LOAD_RSS_MAX LOAD_HEAP_COMMITTED_MAX LOAD_HEAP_USED_MAX LOAD_PG_PSS_MAX < <(awk '
    { if ($1 > r) r = $1; if ($2 > c) c = $2; if ($3 > u) u = $3; if ($4 > p) p = $4 }
    END { printf "%.0f %.0f %.0f %.0f\n", r / 1024, c / 1024, u / 1024, p / 1024 }' "$SAMPLES")
  raw "  memory samples every 3 s (RSS KiB, heap committed KiB, heap used KiB, PostgreSQL PSS KiB): $(wc -l <"$SAMPLES") samples,\
 max RSS ${LOAD_RSS_MAX} MiB, heap used ${LOAD_HEAP_USED_MAX} / committed ${LOAD_HEAP_COMMITTED_MAX} MiB, PostgreSQL PSS ${LOAD_PG_PSS_MAX} MiB"
}

# Server time per page (the request log's duration_ms: filter chain incl. session, excl. network and queueing
# before Tomcat hands the request to a thread) for the log lines after line $1. Sets PAGE_TIMES (Markdown rows).
page_times() {
  PAGE_TIMES=$(tail -n +"$(($1 + 1))" "$APP_LOG" | awk '
    /hub.request/ && / path=/ {
      path = ""; ms = ""
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^path=/) path = substr($i, 6)
        if ($i ~ /^duration_ms=/) ms = substr($i, 13)
        if ($i ~ /^status=/) st = substr($i, 8)
      }
      if (path != "" && ms != "") { print path, ms, st }
    }' | sort -k1,1 -k2,2n | awk '
    function flush() {
      if (n == 0) return
      p50 = v[int((n - 1) * 0.50) + 1]; p99 = v[int((n - 1) * 0.99) + 1]
      printf "| %s | %d | %d | %d | %d | %d |\n", cur, n, p50, p99, v[n], bad
    }
    $1 != cur { flush(); cur = $1; n = 0; bad = 0 }
    { v[++n] = $2; if ($3 != 200) bad++ }
    END { flush() }')
}

# ---------------------------------------------------------------------------------------------------------------
# Load levels
# ---------------------------------------------------------------------------------------------------------------
MIX_ARGS=(-s "$ROOT/scripts/load/mixed-reads.lua" -- "$REQUESTS_FILE")
log "" "JIT warm-up: ${JIT_WARMUP} of mixed reads at ${LEVELS[0]} connections (not measured)"
wrk -t"$THREADS" -c"${LEVELS[0]}" -d"$JIT_WARMUP" --timeout "$WRK_TIMEOUT" "$BASE_URL/" "${MIX_ARGS[@]}" 2>&1 | indent >>"$RAW"

MIX_ROWS=() SIGNIN_ROWS=() PAGE_SECTIONS=()
UNDER_LOAD=()
for level in "${LEVELS[@]}"; do
  CONNECTIONS=$level
  log "" "Mixed reads, ${level} connections (${WARMUP} warm-up + ${DURATION} measured)"
  before=$(wc -l <"$APP_LOG")
  [ "$level" != 200 ] || start_sampler
  load_test "mixed reads, $level connections" / "${MIX_ARGS[@]}"
  if [ "$level" = 200 ]; then
    stop_sampler
    sampler_summary
    memory_snapshot "right after the 200-connection mixed run"
    UNDER_LOAD=("$LOAD_RSS_MAX" "$LOAD_HEAP_USED_MAX" "$LOAD_HEAP_COMMITTED_MAX" "$LOAD_PG_PSS_MAX")
  fi
  page_times "$before"
  raw "  server time per page (warm-up + measured):" "$PAGE_TIMES"
  PAGE_SECTIONS+=("$level" "$PAGE_TIMES")
  log "  ${WRK_RPS} requests/s, p50 ${WRK_P50} ms, p99 ${WRK_P99} ms, errors: ${WRK_ERRORS}"
  MIX_ROWS+=("| Mixed reads | $level | $WRK_RPS | $WRK_P50 | $WRK_P99 | $WRK_REQUESTS | $WRK_ERROR_COUNT ($WRK_ERRORS) | $WRK_CPU_MS | $WRK_CPU_APP / $WRK_CPU_PG / $WRK_CPU_WRK / $WRK_CPU_OTHER | $WRK_BUSY |")
  if [ "$MEASURE_SIGNIN" = 1 ]; then
    log "GET /sign-in, ${level} connections"
    load_test "sign-in, $level connections" /sign-in
    log "  ${WRK_RPS} requests/s, p50 ${WRK_P50} ms, p99 ${WRK_P99} ms, errors: ${WRK_ERRORS}"
    SIGNIN_ROWS+=("| GET /sign-in | $level | $WRK_RPS | $WRK_P50 | $WRK_P99 | $WRK_REQUESTS | $WRK_ERROR_COUNT ($WRK_ERRORS) | $WRK_CPU_MS | $WRK_CPU_APP / $WRK_CPU_PG / $WRK_CPU_WRK / $WRK_CPU_OTHER | $WRK_BUSY |")
  fi
done

# Where the CPU goes: each page alone (as the first user who may see it), CPU of the application JVM and PostgreSQL
# per request. CPU time per request hardly depends on what else the machine is doing, unlike requests/s.
PROFILE_ROWS=()
if [ "$PROFILE" != 0 ]; then
  log "" "Per-page cost: each page alone, ${PROFILE} at 4 connections"
  for page in "${PAGES[@]}"; do
    one="$LOG_DIR/profile-requests.tsv"
    awk -F'\t' -v p="$page" '$1 == p { print; exit }' "$REQUESTS_FILE" >"$one"
    app0=$(proc_ticks "$APP_PID") pg0=0
    for pid in $(postgres_pids); do pg0=$((pg0 + $(proc_ticks "$pid"))); done
    out=$(wrk -t1 -c4 -d"$PROFILE" --timeout "$WRK_TIMEOUT" --latency "$BASE_URL/" -s "$ROOT/scripts/load/mixed-reads.lua" -- "$one" 2>&1)
    app1=$(proc_ticks "$APP_PID") pg1=0
    for pid in $(postgres_pids); do pg1=$((pg1 + $(proc_ticks "$pid"))); done
    raw "" "---- profile $page ----" "$(indent <<<"$out")"
    n=$(awk '/requests in/ { print $1 }' <<<"$out")
    app_ms=$(calc "1000 * ($app1 - $app0) / $CLK_TCK / (${n:-0} + 0.000001)" 1)
    pg_ms=$(calc "1000 * ($pg1 - $pg0) / $CLK_TCK / (${n:-0} + 0.000001)" 1)
    p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    bad=$(awk '/Non-2xx or 3xx responses:/ { s += $NF } /Socket errors:/ { gsub(",", ""); s += $4 + $6 + $8 + $10 }
      /^lua_errors:/ { s += $2 } END { print s + 0 }' <<<"$out")
    log "  $page: ${n:-0} requests, p50 ${p50} ms, CPU per request: application ${app_ms} ms, PostgreSQL ${pg_ms} ms"
    PROFILE_ROWS+=("| $page | ${n:-0} | $p50 | $app_ms | $pg_ms | $(calc "$app_ms + $pg_ms" 1) | ${bad:-0} |")
  done
fi

# the sessions are still valid at the end (a session lost mid-run would also have shown as Lua errors)
for email in "${USERS[@]}"; do
  code=$(curl -s -b "$COOKIES/${email%%@*}.txt" -o /dev/null -w '%{http_code}' "$BASE_URL/")
  [ "$code" = 200 ] || log "WARNING: $email's session no longer answers / with 200 ($code)"
done
memory_snapshot "at the end"
END_MEM=("$MEM_APP_RSS" "$MEM_HEAP_USED" "$MEM_HEAP_COMMITTED")
live_heap # against the live heap at rest: growth here would be a leak, unlike heap used/committed
END_LIVE=$LIVE_HEAP
stop_app "java-jar"
leftover=$( (pgrep -f -- "$DATA_DIR/pgdata" || true; listener_pid || true) | sort -u)
[ -z "$leftover" ] || log "WARNING: processes from this run are still running: $leftover"

# ---------------------------------------------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------------------------------------------
{
  echo
  echo "### Results ($(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg))"
  echo
  echo "Start-up (\`java -jar\`, ${START_KIND}): ready in ${START_READY} s (Spring's \"Started HubApplication in\""
  echo "${START_STARTED} s); other work used ${START_BUSY}% of the machine's CPU just before."
  echo
  echo "Users and the pages in the mix (${MIX_SIZE} page/user pairs, rotated):"
  echo
  echo "| User | Pages (200) | Left out (403 for the role) |"
  echo "|---|---|---|"
  printf '%s\n' "${USER_TABLE[@]}"
  echo
  echo "Load: wrk -t${THREADS}, ${DURATION} measured after a ${WARMUP} warm-up at each level (the first level after a further"
  echo "${JIT_WARMUP} JIT warm-up), --timeout ${WRK_TIMEOUT}, loopback. Errors = non-2xx + socket errors + redirects (lost session)."
  echo "CPU s: application JVM / PostgreSQL / wrk / everything else (kernel, other helpers' work) during the measured run."
  echo
  echo "| Request | Connections | Requests/s | p50 ms | p99 ms | Requests | Errors | CPU ms/request (app + PostgreSQL) | CPU s: app / PostgreSQL / wrk / other | Others' CPU % before |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${MIX_ROWS[@]}"
  if [ ${#SIGNIN_ROWS[@]} -gt 0 ]; then printf '%s\n' "${SIGNIN_ROWS[@]}"; fi
  echo
  echo "Server time per page in the mixed runs (the request log's duration_ms, warm-up included; excludes time queued"
  echo "before a Tomcat thread picks the request up):"
  echo
  echo "| Connections | Page | Requests | p50 ms | p99 ms | max ms | not 200 |"
  echo "|---|---|---|---|---|---|---|"
  for ((i = 0; i < ${#PAGE_SECTIONS[@]}; i += 2)); do
    sed "s/^| /| ${PAGE_SECTIONS[i]} | /" <<<"${PAGE_SECTIONS[i + 1]}"
  done
  echo
  if [ ${#PROFILE_ROWS[@]} -gt 0 ]; then
    echo "Per-page cost, each page alone (wrk -t1 -c4, ${PROFILE}, after the levels, JIT warm): CPU ms per request"
    echo
    echo "| Page | Requests | p50 ms | App JVM CPU ms/request | PostgreSQL CPU ms/request | Total | Errors |"
    echo "|---|---|---|---|---|---|---|"
    printf '%s\n' "${PROFILE_ROWS[@]}"
    echo
  fi
  echo "Memory, MiB:"
  echo
  echo "| When | App JVM RSS | Heap used / committed | PostgreSQL PSS |"
  echo "|---|---|---|---|"
  echo "| At rest, ${SETTLE} s after ready | ${REST[0]} | ${REST[1]} / ${REST[2]} (live after full GC: ${REST_LIVE}) | ${REST[4]} |"
  if [ ${#UNDER_LOAD[@]} -gt 0 ]; then
    echo "| During the 200-connection mixed run (max of samples every 3 s) | ${UNDER_LOAD[0]} | ${UNDER_LOAD[1]} / ${UNDER_LOAD[2]} | ${UNDER_LOAD[3]} |"
  fi
  echo "| At the end of all runs | ${END_MEM[0]} | ${END_MEM[1]} / ${END_MEM[2]} (live after full GC: ${END_LIVE}) | - |"
  echo
  echo "Raw output: ${RAW#"$ROOT"/}; application log: ${LOG_DIR#"$ROOT"/}/java-jar.log"
} | tee -a "$RAW"
