#!/usr/bin/env bash
# Database outage under load (issue 6, "Resilience tests"): stops PostgreSQL under signed-in load and a stream of
# writes, starts it again, and proves the Hub degrades to its friendly 503 page, recovers by itself within 5 s of
# the database returning, and loses nothing it acknowledged.
#
#   bash scripts/resilience-outage.sh                          # 30 s outage
#   RESILIENCE_OUTAGE=10 bash scripts/resilience-outage.sh     # CI smoke
#
# 1. A throwaway PostgreSQL server (Debian package) on 127.0.0.1 with the production roles; the Hub jar on it (demo).
# 2. Load: wrk with signed-in mixed reads (business team, police lead, school lead, panel: home, scorecard, registers,
#    dashboards; scripts/load/mixed-reads.lua) at RESILIENCE_CONNECTIONS connections, in three runs: before the
#    outage, during it, and from the moment PostgreSQL is back. A writer (curl, its own signed-in session) adds a
#    learning theme through the real form, one after another, and logs every write the Hub acknowledged (302 to the
#    themes list; theme names are unique, so each acknowledged name must exist afterwards).
# 3. Outage: `pg_ctl stop -m fast`, RESILIENCE_OUTAGE seconds, `pg_ctl start` (which returns once PostgreSQL
#    accepts connections).
# Checks (any failure exits non-zero):
#   - during the outage, sampled every 2 s with curl: two signed-in pages, the home page anonymously, the sign-in
#     page, a sign-in and a form POST answer 503 with the page's heading "Sorry, the service is unavailable", no "Exception",
#     "at org." or "Whitelabel", within 10 s; readiness answers 503;
#   - no hung threads: jcmd Thread.print with the load stopped, at the end of the outage and after recovery: no
#     Tomcat request thread still inside a request;
#   - after `pg_ctl start` returns: readiness 200 AND a signed-in page 200 within 5 s (the time is reported), without
#     restarting the Hub, in the session signed in before the outage;
#   - every acknowledged write is in the database.
# wrk's error counts are printed for each of the three runs (during the outage they are expected to be 503s).
#
# Settings (environment):
#   RESILIENCE_OUTAGE [30]        seconds PostgreSQL is down      RESILIENCE_CONNECTIONS [20]  wrk connections
#   RESILIENCE_BEFORE [10]        seconds of load before it        RESILIENCE_AFTER [15]        seconds of load after it
#   RESILIENCE_STOP_MODE [fast]   pg_ctl stop mode (fast or immediate)
#   RESILIENCE_HTTP_PORT [8121]   the Hub's port                   RESILIENCE_PG_PORT [55501]   PostgreSQL's port
#   RESILIENCE_OUT [target-resilience]  raw output goes to $RESILIENCE_OUT/outage-<time>/
#   HUB_JAR                       a built jar to use; without it the jar is built into $RESILIENCE_OUT/build
#   RESILIENCE_HUB_ARGS           extra arguments for the Hub, e.g. --spring.datasource.hikari.minimum-idle=0
#   RESILIENCE_START_TIMEOUT [900]  seconds a Hub start may take to readiness (the first loads the demo data)
#   HUB_JAVA_OPTS                 JVM options for the Hub
# Needs: Java 17+ (jcmd), curl, wrk (Debian package), a PostgreSQL 15+ server installation, Maven when HUB_JAR is
# not given. Run as root (PostgreSQL runs as the postgres user) or as a user who may run initdb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/resilience/lib.sh
. scripts/resilience/lib.sh

OUTAGE=${RESILIENCE_OUTAGE:-30}
CONNECTIONS=${RESILIENCE_CONNECTIONS:-20}
BEFORE=${RESILIENCE_BEFORE:-10}
AFTER=${RESILIENCE_AFTER:-15}
STOP_MODE=${RESILIENCE_STOP_MODE:-fast}
HTTP=${RESILIENCE_HTTP_PORT:-8121}
PGPORT=${RESILIENCE_PG_PORT:-55501}
OUT_BASE=${RESILIENCE_OUT:-target-resilience}
OUT="$ROOT/$OUT_BASE/outage-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$OUT"
BASE="http://127.0.0.1:$HTTP"
HEADING="Sorry, the service is unavailable"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)" >&2; exit 1; }

PG_WORK=""
WRK_PID=""
WRITER_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null || true
  [ -n "$WRITER_PID" ] && kill "$WRITER_PID" 2>/dev/null || true
  hub_stop || true
  pg_destroy || true
  exit "$rc"
}
trap cleanup EXIT INT TERM

say() { printf '%s\n' "$*" | tee -a "$OUT/run.log"; }
FAILURES=0
problem() { say "CHECK FAILED: $*"; FAILURES=$((FAILURES + 1)); }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

if [ -z "${HUB_JAR:-}" ]; then
  say "== building the Hub into $OUT_BASE/build =="
  mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package "-Dhub.build.dir=$OUT_BASE/build" >>"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log" >&2; exit 1; }
  HUB_JAR=$(ls "$OUT_BASE"/build/safeguarding-hub-*.jar | head -1)
fi
HUB_JAR=$(realpath "$HUB_JAR")
T_START=$SECONDS

say "== a throwaway PostgreSQL on 127.0.0.1:$PGPORT, the Hub on :$HTTP (demo mode) =="
pg_create "$PGPORT" "$(mktemp -d /tmp/hub-resilience-outage.XXXXXX)"
new_database hub
# shellcheck disable=SC2086 # RESILIENCE_HUB_ARGS is a list of --property=value arguments
hub_start "$HUB_JAR" hub "$HTTP" "$OUT/hub.log" ${RESILIENCE_HUB_ARGS:-}
hub_wait_ready "${RESILIENCE_START_TIMEOUT:-900}"
say "ready; Hub arguments: ${RESILIENCE_HUB_ARGS:-none}; machine: $(uptime)"

# ---- signed-in sessions: readers for wrk, the writer, and the one whose survival is checked ----
session_cookie() { awk '$6 == "SESSION" { print "SESSION=" $7 }' "$1" | tail -1; }
REQUESTS="$OUT/requests.tsv"
: >"$REQUESTS"
declare -A PAGES=(
  [business@example.org]="/ /performance /learning/recommendations /learning/themes /referrals /reviews /dashboards/referrals /dashboards/themes /section11 /returns"
  [police.lead@example.org]="/ /performance /learning/recommendations /section11 /returns"
  [school.lead@example.org]="/ /section11 /learning/recommendations"
  [panel@example.org]="/ /reviews /dashboards/referrals /dashboards/themes"
)
for user in "${!PAGES[@]}"; do
  jar="$OUT/cookies-${user%%@*}"
  signed=$(sign_in "$user" "$jar")
  [[ "$signed" == 302* && "$signed" != *sign-in* ]] || { problem "$user could not sign in: $signed"; continue; }
  cookie=$(session_cookie "$jar")
  for path in ${PAGES[$user]}; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$BASE$path")
    if [ "$code" = 200 ]; then printf '%s\t%s\n' "$path" "$cookie" >>"$REQUESTS"; else say "  (not in the mix: $user $path answers $code)"; fi
  done
done
[ -s "$REQUESTS" ] || { problem "no signed-in page answered 200"; exit 1; }
say "mixed reads: $(wc -l <"$REQUESTS") signed-in pages of $(cut -f2 "$REQUESTS" | sort -u | wc -l) users"
SURVIVOR="$OUT/cookies-business" # the session checked after the outage (signed in before it)
SURVIVOR_PAGE=/performance

WRITER_JAR="$OUT/cookies-writer"
signed=$(sign_in business@example.org "$WRITER_JAR")
[[ "$signed" == 302* && "$signed" != *sign-in* ]] || { problem "the writer could not sign in: $signed"; exit 1; }
WRITER_TOKEN=$(session_csrf "$WRITER_JAR" /learning/themes/new)
[ -n "$WRITER_TOKEN" ] || { problem "no CSRF token on the new-theme form"; exit 1; }
WRITES="$OUT/writes.log" # seq name http_code redirect seconds
writer() {
  local n=0 answer
  while [ ! -f "$OUT/stop-writer" ]; do
    n=$((n + 1))
    answer=$(curl -s -b "$WRITER_JAR" -o /dev/null --max-time 15 -w '%{http_code} %{redirect_url} %{time_total}' \
      -X POST "$BASE/learning/themes/new" --data-urlencode "name=Outage write $n" \
      --data-urlencode "description=written by scripts/resilience-outage.sh" --data-urlencode "_csrf=$WRITER_TOKEN" \
      --data-urlencode "version=0" || echo "000 - 0")
    echo "$n|Outage write $n|$answer" >>"$WRITES"
    sleep 0.2
  done
}

# ---- wrk ----
run_wrk() { # LABEL SECONDS: in the background (WRK_PID), output in $OUT/wrk-LABEL.txt
  wrk -t2 -c"$CONNECTIONS" -d"${2}s" --timeout 15s --latency -s scripts/load/mixed-reads.lua "$BASE/" -- "$REQUESTS" \
    >"$OUT/wrk-$1.txt" 2>&1 &
  WRK_PID=$!
}
wrk_summary() { # LABEL: "requests | rps | non-2xx | socket errors | redirects | statuses"
  local f="$OUT/wrk-$1.txt"
  local req rps non2xx socket lua statuses
  req=$(awk '/requests in/ { print $1 }' "$f")
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$f")
  non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$f")
  socket=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$f")
  lua=$(awk '/^lua_errors:/ { print $2 }' "$f")
  # per-thread "503=110 503=89" summed per status
  statuses=$(awk '/^lua_non_200_statuses:/ { for (i = 2; i <= NF; i++) if (split($i, p, "=") == 2) n[p[1]] += p[2] }
    END { for (s in n) printf "%s%s=%d", (c++ ? " " : ""), s, n[s] }' "$f")
  echo "${req:-0} | ${rps:-0} | ${non2xx:-0} | ${socket:-0} | ${lua:-0} | ${statuses:-none}"
}

# ---- threads: Tomcat request threads still inside a request (not waiting in the pool for work) ----
busy_request_threads() {
  jcmd "$HUB_PID" Thread.print >"$OUT/threads-$1.txt" 2>&1 || { echo "?"; return; }
  awk '/^"http-nio-.*-exec-/ { t = 1; busy = 0; next }
       t && /org\.apache\.catalina\.core\.StandardWrapperValve|org\.springframework\.web\.servlet|org\.safeguardinghub/ { busy = 1 }
       t && /^$/ { n += busy; t = 0 }
       END { print n + 0 }' "$OUT/threads-$1.txt"
}

# ---- before ----
say "== $BEFORE s of load before the outage ($CONNECTIONS connections) and the writer =="
writer &
WRITER_PID=$!
run_wrk before "$BEFORE"
wait "$WRK_PID"
WRK_PID=""

# ---- outage ----
say "== PostgreSQL stopped ($STOP_MODE) for $OUTAGE s =="
T_STOP=$(now)
pg_stop "$STOP_MODE"
T_STOPPED=$(now)
run_wrk during "$OUTAGE"
SAMPLES="$OUT/samples.txt"
: >"$SAMPLES"
SURVIVOR_COOKIE=$(session_cookie "$SURVIVOR")
sample() { # LABEL CURL_ARGS...: one request during the outage; checks the friendly 503
  local label=$1 body="$OUT/sample-body.html" result code secs
  shift
  result=$(curl -s -o "$body" --max-time 15 -w '%{http_code} %{time_total}' "$@" || echo "000 15")
  read -r code secs <<<"$result"
  local verdict=ok
  if [ "$code" != 503 ]; then verdict="status $code"
  elif ! grep -qF "$HEADING" "$body"; then verdict="no heading"
  elif grep -qE 'Exception|at org\.|Whitelabel|Caused by' "$body"; then verdict="stack trace or error detail"
  elif awk -v s="$secs" 'BEGIN { exit !(s > 10) }'; then verdict="took ${secs}s"
  fi
  echo "$label $code ${secs}s $verdict" >>"$SAMPLES"
  if [ "$verdict" != ok ]; then
    problem "during the outage, $label answered $code in ${secs}s: $verdict"
    cp "$body" "$OUT/sample-failed-$(wc -l <"$SAMPLES").html"
  fi
}
sleep 1
end=$(awk -v t="$T_STOPPED" -v o="$OUTAGE" 'BEGIN { printf "%d", t + o - 3 }')
ROUNDS_SAMPLED=0
while [ "$(date +%s)" -lt "$end" ]; do
  sample "signed-in-$SURVIVOR_PAGE" -H "Cookie: $SURVIVOR_COOKIE" "$BASE$SURVIVOR_PAGE"
  sample "signed-in-/learning/recommendations" -H "Cookie: $SURVIVOR_COOKIE" "$BASE/learning/recommendations"
  sample "anonymous-/" "$BASE/"
  sample "sign-in-page" "$BASE/sign-in"
  sample "sign-in-post" -X POST --data-urlencode "username=business@example.org" \
    --data-urlencode "password=demo-hub-2026" --data-urlencode "_csrf=$WRITER_TOKEN" "$BASE/sign-in"
  sample "form-post" -H "Cookie: $SURVIVOR_COOKIE" -X POST --data-urlencode "name=Outage sample" \
    --data-urlencode "_csrf=$WRITER_TOKEN" "$BASE/learning/themes/new"
  r=$(hub_ready_code)
  echo "readiness $r" >>"$SAMPLES"
  [ "$r" = 503 ] || problem "readiness answered $r during the outage, not 503"
  ROUNDS_SAMPLED=$((ROUNDS_SAMPLED + 1))
  sleep 2
done
wait "$WRK_PID"
WRK_PID=""
touch "$OUT/stop-writer" # the writer pauses so that the thread dump sees no load at all
wait "$WRITER_PID"
WRITER_PID=""
sleep 4 # longer than the pool's connection timeout: any request still running now is stuck
BUSY_OUTAGE=$(busy_request_threads outage)
[ "$BUSY_OUTAGE" = 0 ] || problem "$BUSY_OUTAGE request threads still busy at the end of the outage with no load (threads-outage.txt)"
rm -f "$OUT/stop-writer"
writer &
WRITER_PID=$!
say "outage: $ROUNDS_SAMPLED sampling rounds ($(grep -c ' ok$' "$SAMPLES") pages answered the friendly 503), request threads busy with no load: $BUSY_OUTAGE"

# ---- recovery ----
say "== PostgreSQL started; load and writes continue =="
pg_start
T_BACK=$(now) # pg_ctl -w returns once the server accepts connections
run_wrk after "$AFTER"
READY_AT=""
PAGE_AT=""
deadline=$(awk -v t="$T_BACK" 'BEGIN { printf "%d", t + 30 }')
while [ -z "$READY_AT" ] || [ -z "$PAGE_AT" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || break
  if [ -z "$READY_AT" ] && [ "$(hub_ready_code)" = 200 ]; then READY_AT=$(now); fi
  if [ -z "$PAGE_AT" ]; then
    code=$(curl -s -o /dev/null --max-time 5 -w '%{http_code}' -H "Cookie: $SURVIVOR_COOKIE" "$BASE$SURVIVOR_PAGE" || true)
    [ "$code" = 200 ] && PAGE_AT=$(now)
  fi
  sleep 0.1
done
READY_S=$([ -n "$READY_AT" ] && elapsed "$T_BACK" "$READY_AT" || echo "not within 30")
PAGE_S=$([ -n "$PAGE_AT" ] && elapsed "$T_BACK" "$PAGE_AT" || echo "not within 30")
say "after PostgreSQL accepted connections: readiness 200 after ${READY_S}s, signed-in $SURVIVOR_PAGE 200 (same session) after ${PAGE_S}s"
[ -n "$READY_AT" ] && awk -v s="$READY_S" 'BEGIN { exit !(s <= 5) }' || problem "readiness was not 200 within 5 s (${READY_S}s)"
[ -n "$PAGE_AT" ] && awk -v s="$PAGE_S" 'BEGIN { exit !(s <= 5) }' || problem "the signed-in page was not 200 within 5 s (${PAGE_S}s): session lost or no recovery"
wait "$WRK_PID"
WRK_PID=""
touch "$OUT/stop-writer"
wait "$WRITER_PID"
WRITER_PID=""
sleep 2
BUSY_AFTER=$(busy_request_threads after)
[ "$BUSY_AFTER" = 0 ] || problem "$BUSY_AFTER request threads still busy after recovery with no load (threads-after.txt)"
[ "$(hub_ready_code)" = 200 ] || problem "readiness is not 200 at the end"

# ---- nothing acknowledged is lost ----
ACKED="$OUT/acknowledged.txt"
awk -F'|' '{ split($3, a, " "); if (a[1] == 302 && a[2] ~ /\/learning\/themes$/) print $2 }' "$WRITES" | sort >"$ACKED"
sql hub "select name from learning_theme where name like 'Outage write %'" | sort >"$OUT/stored.txt"
ATTEMPTS=$(wc -l <"$WRITES")
ACK_N=$(wc -l <"$ACKED")
LOST=$(comm -23 "$ACKED" "$OUT/stored.txt" | wc -l)
UNACKED_STORED=$(comm -13 "$ACKED" "$OUT/stored.txt" | wc -l)
REFUSED=$(awk -F'|' '{ split($3, a, " "); if (a[1] == 503) n++ } END { print n + 0 }' "$WRITES")
OTHER=$(awk -F'|' '{ split($3, a, " "); if (!(a[1] == 503 || (a[1] == 302 && a[2] ~ /\/learning\/themes$/))) n++ } END { print n + 0 }' "$WRITES")
say "writes: $ATTEMPTS attempted, $ACK_N acknowledged, $LOST of them missing from the database; $REFUSED answered 503;"\
" $OTHER other answers; $UNACKED_STORED stored without an acknowledgement"
[ "$ACK_N" -gt 0 ] || problem "no write was acknowledged at all"
[ "$LOST" = 0 ] || problem "$LOST acknowledged writes are missing: $(comm -23 "$ACKED" "$OUT/stored.txt" | head -3 | tr '\n' ';')"
HUB_RESTARTS=$(grep -c 'Started HubApplication' "$OUT/hub.log" || true)
[ "$HUB_RESTARTS" = 1 ] || problem "the Hub started $HUB_RESTARTS times"

say ""
say "## Database outage: PostgreSQL stopped ($STOP_MODE) for $OUTAGE s under $CONNECTIONS connections of signed-in reads and a writer"
say ""
say "| Load run | Requests | Req/s | Non-2xx | Socket errors | Redirects (session lost) | Non-200 statuses |"
say "|---|---:|---:|---:|---:|---:|---|"
say "| Before ($BEFORE s) | $(wrk_summary before) |"
say "| During the outage ($OUTAGE s) | $(wrk_summary during) |"
say "| After PostgreSQL is back ($AFTER s, from its start) | $(wrk_summary after) |"
say ""
say "| Check | Result |"
say "|---|---|"
say "| Pages during the outage (signed-in, anonymous, sign-in page and POST, form POST): friendly 503, no stack trace, < 10 s | $(grep -c ' ok$' "$SAMPLES") of $(grep -vc '^readiness' "$SAMPLES") samples; slowest $(awk '$1 != "readiness" { sub(/s$/, "", $3); if ($3 > m) m = $3 } END { print m + 0 }' "$SAMPLES") s |"
say "| Readiness during the outage | $(grep -c '^readiness 503' "$SAMPLES") of $(grep -c '^readiness' "$SAMPLES") samples 503 |"
say "| Request threads busy with no load (end of outage / after recovery) | $BUSY_OUTAGE / $BUSY_AFTER |"
say "| PostgreSQL accepting connections → readiness 200 | ${READY_S} s |"
say "| PostgreSQL accepting connections → signed-in page 200, same session | ${PAGE_S} s |"
say "| Writes acknowledged / missing afterwards | $ACK_N / $LOST (of $ATTEMPTS attempted; $REFUSED refused with 503) |"
say "| Hub restarts | $((HUB_RESTARTS - 1)) |"
say ""
say "Run time $((SECONDS - T_START))s after the build; machine at the end: $(uptime). Raw output: $OUT"
if [ "$FAILURES" != 0 ]; then say "$FAILURES checks FAILED"; exit 1; fi
say "== database outage check passed =="
