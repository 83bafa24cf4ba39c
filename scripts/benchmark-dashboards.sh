#!/usr/bin/env bash
# Server time of the two learning dashboards at volume (issue 3): loads N synthetic referrals (default 10,000) with
# their children, agencies, rapid reviews and learning themes into a fresh embedded PostgreSQL, then times the
# dashboard queries as the pages run them and prints a markdown table (p50, p95, max over the measured runs).
#
#   bash scripts/benchmark-dashboards.sh              # 10,000 referrals, 30 runs after 5 warm-up runs
#   BENCH_REFERRALS=50000 BENCH_RUNS=50 bash scripts/benchmark-dashboards.sh
#
# Needs Java 17+ and Maven (offline is fine once the project has been built). Uses its own build folder, so it can
# run next to other builds; the embedded database lives under that folder and is deleted when the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BENCH_BUILD_DIR:-target-bench-dashboards}
REFERRALS=${BENCH_REFERRALS:-10000}
RUNS=${BENCH_RUNS:-30}
WARMUP=${BENCH_WARMUP:-5}
MVN_FLAGS=${MVN_FLAGS:--o}

echo "Building test classes into $BUILD_DIR ..." >&2
mvn -q $MVN_FLAGS test-compile -Dhub.build.dir="$BUILD_DIR" -Dspotless.check.skip=true
mvn -q $MVN_FLAGS dependency:build-classpath -Dhub.build.dir="$BUILD_DIR" \
    -Dmdep.outputFile="$BUILD_DIR/benchmark-classpath.txt" -Dmdep.includeScope=test

{
  echo "Machine: $(nproc) CPU cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM,"\
       "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
  echo "Java: $(java -version 2>&1 | head -1)"
  echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)   Date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >&2

exec java -Xmx1g \
    -cp "$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/benchmark-classpath.txt")" \
    -Dhub.data-dir="$BUILD_DIR" \
    org.safeguardinghub.benchmarks.DashboardBenchmark "$REFERRALS" "$RUNS" "$WARMUP"
