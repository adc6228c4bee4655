#!/usr/bin/env bash
# Fan-out benchmark: one incident to N email subscribers (default 100000) through a local SMTP
# sink, on SQLite (or DATABASE_URL) or on an embedded PostgreSQL started for the run from the
# test classpath (nothing to install). Prints messages per second, the time to the last delivery
# and the load average. Not part of the test suite.
# Usage: bench/notifications.sh [N] [email workers] [sqlite|postgresql]
# Extra JVM options (a JFR recording, say) go in BENCH_JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
./mvnw -B -q -ntp test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
exec java -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$CP" bench/FanOutBench.java "${1:-100000}" "${2:-4}" "${3:-sqlite}"
