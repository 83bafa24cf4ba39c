#!/usr/bin/env bash
# The multi-agency dataset at national scale (issue 4). Into a fresh embedded PostgreSQL: 150 partnerships with 12
# districts, 60 data items and 60 indicators each, and 10 years of monthly indicator values in total and by district
# (about 14 million rows, written with COPY); times the scorecard and an indicator page server-side (p50, p95, max
# after warm-up). Then writes a 1,000,000-row SSDA903 Missing CSV and times a plain COPY of it against the extract
# load of the same file. Prints markdown tables.
#
#   bash scripts/benchmark-performance.sh                       # 150 partnerships, 60 indicators, 10 years, 1M rows
#   BENCH_PARTNERSHIPS=20 BENCH_EXTRACT_ROWS=100000 bash scripts/benchmark-performance.sh
#
# Needs Java 17+ and Maven (offline is fine once the project has been built), about 4 GB of free disk for the
# database. Uses its own build folder, so it can run next to other builds; the embedded database lives under that
# folder and is deleted when the run ends.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD_DIR=${BENCH_BUILD_DIR:-target-bench-performance}
PARTNERSHIPS=${BENCH_PARTNERSHIPS:-150}
INDICATORS=${BENCH_INDICATORS:-60}
YEARS=${BENCH_YEARS:-10}
EXTRACT_ROWS=${BENCH_EXTRACT_ROWS:-1000000}
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
    org.safeguardinghub.benchmarks.PerformanceBenchmark \
    "$PARTNERSHIPS" "$INDICATORS" "$YEARS" "$EXTRACT_ROWS" "$RUNS" "$WARMUP"
