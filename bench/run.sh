#!/bin/sh
# The benchmarks of docs/performance.md. Not part of ./mvnw verify.
#
#   bench/run.sh [options]            the load benchmark (bench/run.sh --help lists the options)
#   bench/run.sh jmh [JMH options]    the JMH benchmarks of the second-factor step
#   bench/run.sh bulk [options]       the bulk contact sync of the API (bench/run.sh bulk --help lists the options)
#
# Builds the jar first (tests skipped). Extra Maven flags go in MVN_FLAGS, e.g. MVN_FLAGS=-o for offline.
set -e
cd "$(dirname "$0")/.."
main=dev.latchkey.bench.LoadBenchmark
if [ "$1" = jmh ]; then
  shift
  main=org.openjdk.jmh.Main
elif [ "$1" = bulk ]; then
  shift
  main=dev.latchkey.bench.BulkBenchmark
fi
exec ./mvnw -B --no-transfer-progress $MVN_FLAGS -Pbench -DskipTests package exec:exec \
  -Dbench.main="$main" -Dbench.args="$*"
