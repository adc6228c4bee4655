#!/usr/bin/env bash
# Triage benchmark: one advisory against C components of P packages each (default 500 x 2000, a
# million packages), on SQLite, or embedded PostgreSQL with "postgresql". Prints the time of a
# triage (the advisory's write and its triage, one transaction) and of reading it. Not part of the
# test suite. Usage: bench/triage.sh [C] [P] [sqlite|postgresql]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
./mvnw -B -q -ntp -o test-compile
./mvnw -B -q -ntp -o dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec java -Xmx2g -cp "$CP" bench/TriageBench.java "${1:-500}" "${2:-2000}" "${3:-sqlite}"
