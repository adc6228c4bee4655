#!/usr/bin/env bash
# Change-feed benchmark: three `upbeat serve` processes on one embedded PostgreSQL; N writes
# (default 200) through the first, each timed until the other two serve its ETag on
# /api/v1/components and /api/v2/summary.json and send it on a live stream. Prints p50, p90,
# p99 and max in milliseconds. Not part of the test suite. Usage: bench/cluster.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
./mvnw -B -q -ntp -o test-compile
./mvnw -B -q -ntp -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec java -cp "$CP" bench/ClusterBench.java "${1:-200}"
