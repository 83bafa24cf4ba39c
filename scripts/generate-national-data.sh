#!/usr/bin/env bash
# Synthetic national-scale data (issue 6, section 1), deterministic: the same settings and seed give the same rows
# (on the same day: referral dates are relative to today). Starts the Hub in-process on a PERSISTENT embedded
# PostgreSQL in $NATIONAL_DATA_DIR (deleted and recreated), which runs the migrations and loads the Kent demo, then
# generates 150 partnerships (12 districts, 6 own agencies, 6 users each), 60 indicators each with 10 years of monthly
# values in total and by district (14 million rows, COPY), 10,000 referrals in partnership 1 plus 20 in each other
# one (children, agencies, rapid reviews, themes), practice reviews, recommendations and actions, and Section 11
# cycles, returns and responses. Prints per load step the time, per table rows, size and checksum, the total
# database size and time, and the emails of partnership 1's users (password load-test-2026).
#
#   bash scripts/generate-national-data.sh                                  # full size, about 15 min on 2 cores
#   NATIONAL_PARTNERSHIPS=10 NATIONAL_YEARS=2 bash scripts/generate-national-data.sh      # quick, about 2 min
#   bash scripts/generate-national-data.sh --verify-determinism             # two small runs, checksums compared
#
# Afterwards: HUB_DATA_DIR=$NATIONAL_DATA_DIR java -jar target/safeguarding-hub-0.1.0-SNAPSHOT.jar
#
# Settings (environment): NATIONAL_DATA_DIR (/tmp/hub-national), NATIONAL_PARTNERSHIPS (150), NATIONAL_INDICATORS
# (60), NATIONAL_YEARS (10), NATIONAL_REFERRALS (10000, in partnership 1), NATIONAL_OTHER_REFERRALS (20, in each other
# partnership), NATIONAL_SEED (42), NATIONAL_BUILD_DIR (target-national), MVN_FLAGS (-o).
# --verify-determinism generates twice with the same seed at NATIONAL_VERIFY_PARTNERSHIPS (5) partnerships and
# NATIONAL_VERIFY_YEARS (2) years into two scratch directories, compares every table's checksum and exits 1 on any
# difference.
# Needs Java 17+, Maven (offline once built), about 5 GB of free disk for the full size.
set -euo pipefail
cd "$(dirname "$0")/.."

DATA_DIR=${NATIONAL_DATA_DIR:-/tmp/hub-national}
PARTNERSHIPS=${NATIONAL_PARTNERSHIPS:-150}
INDICATORS=${NATIONAL_INDICATORS:-60}
YEARS=${NATIONAL_YEARS:-10}
REFERRALS=${NATIONAL_REFERRALS:-10000}
OTHER_REFERRALS=${NATIONAL_OTHER_REFERRALS:-20}
SEED=${NATIONAL_SEED:-42}
BUILD_DIR=${NATIONAL_BUILD_DIR:-target-national}
MVN_FLAGS=${MVN_FLAGS:--o}
VERIFY=0
[[ "${1:-}" == "--verify-determinism" ]] && VERIFY=1

JAVA_PID=
cleanup() {
  # the JVM stops its embedded PostgreSQL when it exits; if we are interrupted, stop it (and so PostgreSQL) too
  if [[ -n "$JAVA_PID" ]] && kill -0 "$JAVA_PID" 2>/dev/null; then
    kill "$JAVA_PID" 2>/dev/null || true
    wait "$JAVA_PID" 2>/dev/null || true
  fi
}
trap cleanup EXIT

echo "Building test classes into $BUILD_DIR ..." >&2
mvn -q $MVN_FLAGS test-compile -Dhub.build.dir="$BUILD_DIR" -Dspotless.check.skip=true
mvn -q $MVN_FLAGS dependency:build-classpath -Dhub.build.dir="$BUILD_DIR" \
    -Dmdep.outputFile="$BUILD_DIR/national-classpath.txt" -Dmdep.includeScope=test
CLASSPATH_ARG="$BUILD_DIR/test-classes:$BUILD_DIR/classes:$(cat "$BUILD_DIR/national-classpath.txt")"

# generate DIR PARTNERSHIPS YEARS CHECKSUM_FILE: a fresh data directory, then one generator JVM
generate() {
  local dir=$1 partnerships=$2 years=$3 sums=$4
  if [[ -e "$dir" && ! -e "$dir/.hub-national" ]]; then
    echo "Refusing to delete $dir: it was not created by this script (no .hub-national marker)" >&2
    exit 2
  fi
  rm -rf "$dir"
  mkdir -p "$dir"
  touch "$dir/.hub-national"
  java -Xmx2g -cp "$CLASSPATH_ARG" org.safeguardinghub.benchmarks.national.NationalDataGenerator \
      "$dir" "$partnerships" "$INDICATORS" "$years" "$REFERRALS" "$OTHER_REFERRALS" "$SEED" "$sums" &
  JAVA_PID=$!
  wait "$JAVA_PID"
  JAVA_PID=
}

{
  echo "Machine: $(nproc) CPU cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM;"\
       "load: $(uptime | sed 's/.*load average/load average/')"
  echo "Java: $(java -version 2>&1 | head -1)"
  echo "Commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)   Date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
} >&2

if [[ $VERIFY == 1 ]]; then
  P=${NATIONAL_VERIFY_PARTNERSHIPS:-5}
  Y=${NATIONAL_VERIFY_YEARS:-2}
  mkdir -p "$BUILD_DIR"
  generate "$BUILD_DIR/determinism-a" "$P" "$Y" "$BUILD_DIR/checksums-a.txt"
  generate "$BUILD_DIR/determinism-b" "$P" "$Y" "$BUILD_DIR/checksums-b.txt"
  rm -rf "$BUILD_DIR/determinism-a" "$BUILD_DIR/determinism-b"
  if diff "$BUILD_DIR/checksums-a.txt" "$BUILD_DIR/checksums-b.txt" >&2; then
    echo
    echo "Determinism: two runs with seed $SEED ($P partnerships, $Y years) gave the same row count and checksum"\
         "in all $(wc -l < "$BUILD_DIR/checksums-a.txt") tables."
  else
    echo "Determinism: FAILED, the checksums above differ" >&2
    exit 1
  fi
else
  mkdir -p "$BUILD_DIR"
  generate "$DATA_DIR" "$PARTNERSHIPS" "$YEARS" "$BUILD_DIR/checksums-$(date -u +%Y%m%dT%H%M%SZ).txt"
  echo
  echo "Start the Hub on it: HUB_DATA_DIR=$DATA_DIR java -jar target/safeguarding-hub-0.1.0-SNAPSHOT.jar"
fi
