#!/usr/bin/env bash
# The Hub's scorecard, indicator page and two case-review dashboards against DuckDB (issue 6, section 2, first
# bullet), on the national data set made by scripts/generate-national-data.sh. Starts the Hub in-process on that data
# directory and, for partnership NAT001: times each page's server time through MockMvc signed in as the business
# team (p50, p95 after warm-up); exports the tables the pages read from PostgreSQL to CSV (COPY ... TO STDOUT) and
# loads them into in-memory DuckDB tables (read_csv), both timed separately and not counted; times DuckDB computing
# the same aggregates; checks DuckDB's answers equal what the Hub's own query functions return (exit 1 if not).
# Prints Markdown tables: per page Hub p50/p95, DuckDB p50/p95, ratio, goal met (Hub p95 <= DuckDB p95) or not.
#
#   bash scripts/generate-national-data.sh && bash scripts/benchmark-reference.sh     # full size
#   REFERENCE_RUNS=10 REFERENCE_WARMUP=2 bash scripts/benchmark-reference.sh           # quicker
#
# Settings (environment): NATIONAL_DATA_DIR (/tmp/hub-national: must hold generated data; it is not modified except
# by the Hub's own start-up work), REFERENCE_RUNS (30), REFERENCE_WARMUP (5), REFERENCE_BUILD_DIR
# (target-reference; the CSV export goes to $REFERENCE_BUILD_DIR/export, raw output to $REFERENCE_BUILD_DIR/runs),
# MVN_FLAGS (-o), REFERENCE_SPRING_ARGS (none; e.g. --spring.flyway.validate-on-migrate=false if a migration
# applied when the data was generated has been edited since, in a tree under development). Needs Java 17+, Maven (offline once built; org.duckdb:duckdb_jdbc from Maven Central), about 2 GB
# of free disk for the export at full size. Takes about 10 minutes at full size on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR=${NATIONAL_DATA_DIR:-/tmp/hub-national}
RUNS=${REFERENCE_RUNS:-30}
WARMUP=${REFERENCE_WARMUP:-5}
BUILD_DIR=${REFERENCE_BUILD_DIR:-target-reference}
MVN_FLAGS=${MVN_FLAGS:--o}
SPRING_ARGS=${REFERENCE_SPRING_ARGS:-}

if [[ ! -d "$DATA_DIR/pgdata" ]]; then
  echo "No generated data in $DATA_DIR: run scripts/generate-national-data.sh first" >&2
  exit 2
fi

JAVA_PID=
cleanup() {
  # the JVM stops its embedded PostgreSQL when it exits; if we are interrupted, stop it (and so PostgreSQL) too
  if [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; then
    kill "$JAVA_PID" 2>/dev/null || true
    wait "$JAVA_PID" 2>/dev/null || true
  fi
  rm -rf "$BUILD_DIR/export"
}
trap cleanup EXIT

echo "Building test classes into $BUILD_DIR ..." >&2
mvn -q $MVN_FLAGS test-compile -Dhub.build.dir="$BUILD_DIR" -Dspotless.check.skip=true
mvn -q $MVN_FLAGS dependency:build-classpath -Dhub.build.dir="$BUILD_DIR" \
    -Dmdep.outputFile="$BUILD_DIR/reference-classpath.txt" -Dmdep.includeScope=test
mkdir -p "$BUILD_DIR/runs"
RAW="$BUILD_DIR/runs/reference-$(date -u +%Y%m%dT%H%M%SZ).txt"

{
  echo "Machine: $(nproc) CPU cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM;"\
       "load before the run: $(uptime | sed 's/.*load average/load average/')"
  echo "Java: $(java -version 2>&1 | head -1)"
  echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)   Date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} | tee "$RAW" >&2

set +e
java -Xmx2g -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/reference-classpath.txt")" \
    org.safeguardinghub.benchmarks.national.ReferenceBenchmark "$DATA_DIR" "$BUILD_DIR/export" "$RUNS" "$WARMUP" \
    $SPRING_ARGS \
    > >(tee -a "$RAW") 2> >(tee -a "$RAW" >&2) &
JAVA_PID=$!
wait "$JAVA_PID"
STATUS=$?
JAVA_PID=
set -e
echo "Load after the run: $(uptime | sed 's/.*load average/load average/')" | tee -a "$RAW"
echo "Raw output: $RAW" >&2
exit $STATUS
