#!/usr/bin/env bash
# Crash during import (issue 6, "Resilience tests"): kills the Hub with SIGKILL at seeded random points of a large
# record-level extract upload, restarts it and proves the import is all-or-nothing and nothing committed before is
# lost.
#
#   bash scripts/resilience-crash.sh                                       # 20 rounds, 1,000,000-row file
#   RESILIENCE_ROUNDS=3 RESILIENCE_ROWS=100000 RESILIENCE_MONTHS=24 bash scripts/resilience-crash.sh   # CI smoke
#
# The import: the SSDA903 Missing extract (/performance/extracts/new) uploaded through HTTP by the demo business
# team for Kent County Council. It is the Hub's largest import (the generic imports module caps files at 200,000
# rows and 20 MB) and it claims one transaction for the whole file: COPY to a staging table, set-based checks, one
# GROUP BY, a draft monthly return per month (13 values each: the total and 12 districts) and the load record.
#
# 1. A throwaway PostgreSQL server (Debian package) on 127.0.0.1 with the production roles; the Hub jar on it in
#    demo mode. The database is a separate server so it survives the Hub's SIGKILL (the embedded one would not).
# 2. Two files A and B (seeded awk: same seed, same files) with different figures for the same months (from
#    January 2014: before any demo return of Kent County Council, and the bank holiday calendar starts in 2014).
#    The expected effect of each - the value of every cell (month x total/district) - is counted by awk from the
#    file itself, not by the Hub.
# 3. File A is loaded in full and timed: the kill delays of odd rounds are seeded random points across that
#    duration; even rounds wait until the import's write transaction is open and kill a seeded 0-0.3 s later, so
#    half the kills land inside the transaction even when the load is fast.
# 4. Each round uploads the other file, kills the JVM after its delay (noting what PostgreSQL was running for the
#    Hub: the phase), restarts the Hub and waits for readiness and for the dead JVM's database sessions to end, then
#    checks: (a) either exactly one new load record, LOADED, with the file's SHA-256 and row count, and every cell
#    equal to the new file's figures (all committed), or no new load record and every cell equal to the previous
#    file's figures (nothing committed); anything else fails; (b) every row of every table that existed before the
#    round, outside the cells the import writes, is still there unchanged (sorted text of each row compared).
#    When nothing was committed the import is retried in full, so each round starts from a known state.
# Exits non-zero on the first failed check and prints the round. Prints a Markdown table.
#
# Settings (environment):
#   RESILIENCE_ROUNDS [20]       kills                  RESILIENCE_ROWS [1000000]   rows per file
#   RESILIENCE_MONTHS [84]       months the files cover RESILIENCE_SEED [6]         seeds the files and delays
#   RESILIENCE_HTTP_PORT [8120]  the Hub's port         RESILIENCE_PG_PORT [55500]  PostgreSQL's port
#   RESILIENCE_OUT [target-resilience]  raw output (Hub logs, snapshots) goes to $RESILIENCE_OUT/crash-<time>/
#   HUB_JAR                      a built jar to use (e.g. target/safeguarding-hub-0.1.0-SNAPSHOT.jar); without it the
#                                jar is built into $RESILIENCE_OUT/build (mvn package -DskipTests)
#   RESILIENCE_START_TIMEOUT [900]  seconds a Hub start may take to readiness (the first loads the demo data)
#   HUB_JAVA_OPTS                JVM options for the Hub (none by default)
# Needs: Java 17+, curl, awk, sha256sum, a PostgreSQL 15+ server installation (/usr/lib/postgresql/*/bin), Maven
# when HUB_JAR is not given. Run as root (PostgreSQL runs as the postgres user) or as a user who may run initdb.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
# shellcheck source=scripts/resilience/lib.sh
. scripts/resilience/lib.sh

ROUNDS=${RESILIENCE_ROUNDS:-20}
ROWS=${RESILIENCE_ROWS:-1000000}
MONTHS=${RESILIENCE_MONTHS:-84}
SEED=${RESILIENCE_SEED:-6}
HTTP=${RESILIENCE_HTTP_PORT:-8120}
PGPORT=${RESILIENCE_PG_PORT:-55500}
OUT_BASE=${RESILIENCE_OUT:-target-resilience}
OUT="$ROOT/$OUT_BASE/crash-$(date -u +%Y%m%dT%H%M%S)"
mkdir -p "$OUT"
# multipart limits raised for this test only: a 1,000,000-row extract is about 40 MB, over the 25 MB default
MULTIPART=(--spring.servlet.multipart.max-file-size=200MB --spring.servlet.multipart.max-request-size=201MB)
FIRST_MONTH=2014-01 # the demo has no Kent County Council return before April 2021; the bank holiday calendar starts in 2014

PG_WORK=""
UPLOAD_PID=""
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ -n "$UPLOAD_PID" ] && kill "$UPLOAD_PID" 2>/dev/null || true
  hub_stop || true
  pg_destroy || true
  rm -f "$OUT/A.csv" "$OUT/B.csv" # 40 MB each at the full size; seeded, so they can be made again
  exit "$rc"
}
trap cleanup EXIT INT TERM

say() { printf '%s\n' "$*" | tee -a "$OUT/run.log"; }
fail() { say "FAILED${ROUND:+ in round $ROUND}: $*"; exit 1; }

if [ -z "${HUB_JAR:-}" ]; then
  say "== building the Hub into $OUT_BASE/build =="
  mvn -B -ntp -q -DskipTests -Dspotless.check.skip=true package "-Dhub.build.dir=$OUT_BASE/build" >>"$OUT/build.log" 2>&1 \
    || { tail -30 "$OUT/build.log" >&2; fail "the build failed"; }
  HUB_JAR=$(ls "$OUT_BASE"/build/safeguarding-hub-*.jar | head -1)
fi
HUB_JAR=$(realpath "$HUB_JAR")
T_START=$SECONDS

say "== a throwaway PostgreSQL on 127.0.0.1:$PGPORT, the Hub on :$HTTP (demo mode) =="
pg_create "$PGPORT" "$(mktemp -d /tmp/hub-resilience-crash.XXXXXX)"
new_database hub
start_hub() {
  local t0=$SECONDS
  hub_start "$HUB_JAR" hub "$HTTP" "$OUT/hub.log" "${MULTIPART[@]}"
  hub_wait_ready "${RESILIENCE_START_TIMEOUT:-900}"
  LAST_START_S=$((SECONDS - t0))
}
start_hub
say "ready after ${LAST_START_S}s (first start: migrations and demo data)"
JAR_COOKIES="$OUT/cookies"
signed=$(sign_in business@example.org "$JAR_COOKIES")
[[ "$signed" == 302* && "$signed" != *sign-in* ]] || fail "the business team could not sign in: $signed"

db() { sql hub "$1"; }
KCC=$(db "select id from agency where name = 'Kent County Council'")
PARTNERSHIP=$(db "select partnership_id from data_item where code = 'missing_episodes'")
ITEM=$(db "select id from data_item where code = 'missing_episodes'")
BY_DISTRICT=$(db "select 'DISTRICT' = any(breakdowns) from data_item where id = $ITEM")
db "select name from district where partnership_id = $PARTNERSHIP and archived_at is null order by name" >"$OUT/districts.txt"
[ -n "$KCC" ] && [ -n "$ITEM" ] && [ -s "$OUT/districts.txt" ] || fail "the demo data has no Kent County Council, missing_episodes item or districts"
LAST_MONTH=$(db "select to_char(('$FIRST_MONTH-01'::date + interval '$((MONTHS - 1)) months')::date, 'YYYY-MM')")
MONTHS_WINDOW="period_end >= date '$FIRST_MONTH-01' and period_end < date '$LAST_MONTH-01' + interval '1 month'"
TARGET="data_item_id = $ITEM and agency_id = $KCC and $MONTHS_WINDOW"
RETURN_TARGET="agency_id = $KCC and $MONTHS_WINDOW"

# make_file NAME SEED: an SSDA903 Missing file of $ROWS rows over $MONTHS months, and NAME.expected: the value of
# every cell the Hub should write ("YYYY-MM|kind|district|count", sorted), counted here from the rows written.
make_file() {
  awk -v rows="$ROWS" -v months="$MONTHS" -v seed="$2" -v first="$FIRST_MONTH" -v bydistrict="$BY_DISTRICT" \
    -v expected="$OUT/$1.expected.unsorted" -v districts_file="$OUT/districts.txt" '
    BEGIN {
      while ((getline d < districts_file) > 0) { nd++; district[nd] = d }
      srand(seed)
      split(first, f, "-"); y0 = f[1] + 0; m0 = f[2] + 0
      print "CHILD,MISSING,MIS_START,MIS_END,DISTRICT"
      for (i = 0; i < rows; i++) {
        k = int(rand() * months); y = y0 + int((m0 - 1 + k) / 12); m = (m0 - 1 + k) % 12 + 1
        day = 1 + int(rand() * 28)
        ym = sprintf("%04d-%02d", y, m)
        start = (i % 2 == 0) ? sprintf("%s-%02d", ym, day) : sprintf("%02d/%02d/%04d", day, m, y)
        kind = (rand() < 0.25) ? "A" : "M"
        ending = (rand() < 0.2) ? "" : sprintf("%s-%02d", ym, day)
        name = district[1 + int(rand() * nd)] # every row needs a district when the column is present
        printf "C%d,%s,%s,%s,%s\n", 100000 + int(rand() * 400000), kind, start, ending, name
        seen[ym] = 1
        if (kind == "M") { total[ym]++; cell[ym, name]++ }
      }
      for (ym in seen) {
        printf "%s|||%d\n", ym, total[ym] + 0 > expected
        if (bydistrict == "t") for (j = 1; j <= nd; j++) printf "%s|DISTRICT|%s|%d\n", ym, district[j], cell[ym, district[j]] + 0 > expected
      }
    }' >"$OUT/$1"
  LC_ALL=C sort "$OUT/$1.expected.unsorted" >"$OUT/$1.expected"
  rm -f "$OUT/$1.expected.unsorted"
}

# cells: the values the import writes, now, in the expected file's format
cells() {
  db "select to_char(period_end, 'YYYY-MM'), breakdown_kind, breakdown_value, trim_scale(value)
      from data_value where $TARGET" | LC_ALL=C sort
}

# snapshot DIR: every row of every table as text, sorted, except the cells the import writes (and the draft returns
# holding them), which are compared with the expected figures instead. Tables whose existing rows legitimately
# change while the Hub runs are listed in VOLATILE and not compared (sessions: last access time; event publication:
# completion time; scheduled job runs: last run).
VOLATILE=" spring_session spring_session_attributes event_publication event_publication_archive scheduled_job_run shedlock "
snapshot() {
  mkdir -p "$1"
  local t where
  for t in $(db "select tablename from pg_tables where schemaname = 'public' order by 1"); do
    [[ "$VOLATILE" == *" $t "* ]] && continue
    where="true"
    case "$t" in
    data_value) where="not ($TARGET)" ;;
    data_value_revision) where="data_value_id not in (select id from data_value where $TARGET)" ;;
    data_return) where="not ($RETURN_TARGET)" ;;
    esac
    "${PSQL[@]}" -U postgres -d hub -At -c "copy (select x::text from public.\"$t\" x where $where) to stdout" \
      | LC_ALL=C sort >"$1/$t"
  done
}

# intact BEFORE AFTER: every row of BEFORE is in AFTER; sets TABLES and COMPARED, fails with the differences.
intact() {
  local t lost rows=0 tables=0
  for t in "$1"/*; do
    t=$(basename "$t")
    [ -f "$2/$t" ] || fail "table $t has gone"
    lost=$(LC_ALL=C comm -23 "$1/$t" "$2/$t" | wc -l)
    if [ "$lost" != 0 ]; then
      LC_ALL=C comm -23 "$1/$t" "$2/$t" | head -5 >&2
      fail "$lost rows of $t that existed before the round are gone or changed (first ones above)"
    fi
    rows=$((rows + $(wc -l <"$1/$t")))
    tables=$((tables + 1))
  done
  TABLES=$tables
  COMPARED=$rows
}

# upload FILE NAME: the extract form, as the business team; prints "status redirect" when it returns.
upload() {
  local token
  token=$(session_csrf "$JAR_COOKIES" /performance/extracts/new)
  [ -n "$token" ] || { echo "000 no-form"; return; }
  curl -s -b "$JAR_COOKIES" -o /dev/null -w '%{http_code} %{redirect_url}' \
    -F layout=SSDA903_MISSING -F "agency=$KCC" -F "_csrf=$token" -F "file=@$1;type=text/csv;filename=$2" \
    "http://127.0.0.1:$HTTP/performance/extracts/new" || true
}

# loaded_as_expected LOAD_ID FILE: the load record and every cell match FILE
loaded_as_expected() {
  local row
  row=$(db "select status, row_count, values_written, file_sha256 from extract_load where id = $1")
  if [ "$row" != "LOADED|$ROWS|$(wc -l <"$OUT/$2.expected")|$(sha256sum "$OUT/$2" | cut -d' ' -f1)" ]; then
    db "select row_number, column_name, message from extract_problem where load_id = $1 order by row_number limit 5" >&2
    fail "load $1 of $2 is not as expected (status|rows|values|sha256): $row"
  fi
  cells >"$OUT/cells.now"
  cmp -s "$OUT/cells.now" "$OUT/$2.expected" || {
    diff "$OUT/$2.expected" "$OUT/cells.now" | head -5 >&2
    fail "the cells after load $1 differ from $2's figures (first differences above)"
  }
}

# phase: what the Hub's database sessions are doing (the load's transaction, if one is open)
phase() {
  db "select case
        when query ilike 'copy extract_stage%' then 'COPY to staging'
        when query ilike '%count(*) filter (where%' or query ilike 'insert into extract_problem%' then 'checks'
        when query ilike '%grouping sets%' or query ilike 'select distinct%extract_stage%' then 'aggregate'
        when query ilike '%data_value%' or query ilike '%data_return%' then 'saving returns'
        when state = 'idle in transaction' then 'in transaction (' || left(regexp_replace(query, '\s+', ' ', 'g'), 30) || ')'
        else 'transaction: ' || left(regexp_replace(query, '\s+', ' ', 'g'), 30) end
      from pg_stat_activity where usename = 'hub_app' and xact_start is not null and backend_type = 'client backend'
      order by xact_start limit 1" 2>/dev/null | tr '|' ' ' || true
}

# transaction_seen: waits (up to about a minute, while the upload runs) until the Hub has the import's write
# transaction open; true if it saw it
transaction_seen() {
  local tries=0
  while kill -0 "$UPLOAD_PID" 2>/dev/null && [ "$tries" -lt 3000 ]; do
    [ "$(db "select count(*) from pg_stat_activity where usename = 'hub_app' and backend_type = 'client backend'
              and xact_start is not null
              and (query ilike '%data_value%' or query ilike '%data_return%' or query ilike '%extract_%')" 2>/dev/null)" \
      != 0 ] && return 0
    tries=$((tries + 1))
  done
  return 1
}

say "== files: $ROWS rows over $MONTHS months from $FIRST_MONTH, two seeds =="
make_file A.csv "$SEED"
make_file B.csv "$((SEED + 1000))"
cmp -s "$OUT/A.csv.expected" "$OUT/B.csv.expected" && fail "files A and B have the same figures: the test could not tell them apart"
say "A.csv and B.csv: $(du -m "$OUT/A.csv" | cut -f1) MB each, $(wc -l <"$OUT/A.csv.expected") cells each"

say "== file A loaded in full (timed: the kill points are spread over this) =="
t0=$EPOCHREALTIME
answer=$(upload "$OUT/A.csv" A.csv)
DURATION=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
[[ "$answer" == 302*/performance/extracts/[0-9]* ]] || fail "the first load of A was not acknowledged: $answer (log: $OUT/hub.log)"
loaded_as_expected "${answer##*/}" A.csv
say "loaded in ${DURATION}s (upload, SHA-256, COPY, checks, GROUP BY, $MONTHS returns); machine: $(uptime)"
CURRENT=A.csv

# column 1: seconds after the upload starts (odd rounds); column 2: seconds after the import's transaction is seen
# open (even rounds), so kills land in the transaction however fast the machine makes the load
awk -v s="$SEED" -v n="$ROUNDS" -v d="$DURATION" 'BEGIN { srand(s); for (i = 1; i <= n; i++) printf "%.1f %.2f\n", 0.3 + rand() * d, rand() * 0.3 }' >"$OUT/delays"
TABLE="$OUT/table.md"
{
  echo "| Round | Kill after (s) | Phase at the kill | Outcome | Restart to ready (s) | Checks |"
  echo "|---:|---:|---|---|---:|---|"
} >"$TABLE"
COMMITTED=0
NOTHING=0
for ROUND in $(seq 1 "$ROUNDS"); do
  NEXT=$([ "$CURRENT" = A.csv ] && echo B.csv || echo A.csv)
  NAME="round-$ROUND-$NEXT"
  read -r DELAY FRACTION < <(sed -n "${ROUND}p" "$OUT/delays")
  rm -rf "$OUT/before" "$OUT/after"
  snapshot "$OUT/before"
  MAX_LOAD=$(db "select coalesce(max(id), 0) from extract_load")
  cells >"$OUT/cells.before"
  cmp -s "$OUT/cells.before" "$OUT/$CURRENT.expected" || fail "the round did not start from $CURRENT's figures"

  upload "$OUT/$NEXT" "$NAME" >"$OUT/upload.answer" &
  UPLOAD_PID=$!
  if [ $((ROUND % 2)) = 0 ]; then
    if transaction_seen; then
      sleep "$FRACTION"
      DELAY="transaction + $FRACTION"
    else
      DELAY="no transaction seen"
    fi
  else
    sleep "$DELAY"
  fi
  PHASE=$(phase)
  if ! kill -0 "$UPLOAD_PID" 2>/dev/null; then PHASE="after the answer ($(cat "$OUT/upload.answer"))"; fi
  hub_kill
  wait "$UPLOAD_PID" 2>/dev/null || true
  UPLOAD_PID=""
  [ -n "$PHASE" ] || PHASE="upload or SHA-256 (no transaction yet)"
  KILLED_AT=$(db "select now()")

  start_hub
  # the dead JVM's sessions end when PostgreSQL notices the closed connection (a running statement first finishes)
  for _ in $(seq 1 240); do
    [ "$(db "select count(*) from pg_stat_activity where usename = 'hub_app' and backend_start < '$KILLED_AT'")" = 0 ] && break
    sleep 0.5
  done
  signed=$(curl -s -b "$JAR_COOKIES" -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP/performance/extracts")
  if [ "$signed" != 200 ]; then # the session lives in PostgreSQL and should survive; sign in again if not
    say "  round $ROUND: the session did not survive the restart (GET /performance/extracts $signed); signing in again"
    sign_in business@example.org "$JAR_COOKIES" >/dev/null
  fi

  snapshot "$OUT/after"
  intact "$OUT/before" "$OUT/after"
  NEW_LOADS=$(db "select count(*) from extract_load where id > $MAX_LOAD")
  case "$NEW_LOADS" in
  0)
    OUTCOME="nothing committed"
    cells >"$OUT/cells.now"
    cmp -s "$OUT/cells.now" "$OUT/$CURRENT.expected" || fail "no load record, but the cells are not the previous file's figures: part of $NEXT was committed"
    [ "$(db "select count(*) from data_return where $RETURN_TARGET")" = "$(db "select count(distinct period_end) from data_value where $TARGET")" ] \
      || fail "returns were created without their values"
    NOTHING=$((NOTHING + 1))
    ;;
  1)
    OUTCOME="all committed"
    loaded_as_expected "$(db "select id from extract_load where id > $MAX_LOAD")" "$NEXT"
    COMMITTED=$((COMMITTED + 1))
    ;;
  *) fail "$NEW_LOADS load records for one upload" ;;
  esac
  CHECKS="whole file or none: ok; $COMPARED earlier rows in $TABLES tables intact"
  echo "| $ROUND | $DELAY | $PHASE | $OUTCOME | $LAST_START_S | $CHECKS |" >>"$TABLE"
  say "round $ROUND/$ROUNDS: killed after ${DELAY}s ($PHASE): $OUTCOME; $CHECKS"

  if [ "$OUTCOME" = "nothing committed" ]; then # retry, so the next round starts from a known state
    answer=$(upload "$OUT/$NEXT" "retry-$NAME")
    [[ "$answer" == 302*/performance/extracts/[0-9]* ]] || fail "the retry of $NEXT was not acknowledged: $answer"
    loaded_as_expected "${answer##*/}" "$NEXT"
  fi
  CURRENT=$NEXT
done
ROUND=""

say ""
say "## Crash during import: $ROUNDS SIGKILLs, $ROWS-row extract ($MONTHS months), seed $SEED"
say ""
cat "$TABLE" | tee -a "$OUT/run.log"
say ""
say "$COMMITTED rounds all committed, $NOTHING nothing committed, none partial. Full load of one file: ${DURATION}s."
say "Run time $((SECONDS - T_START))s after the build; machine at the end: $(uptime). Raw output: $OUT"
