#!/usr/bin/env bash
# Fan-out benchmark: one incident to N email subscribers (default 100000) through a local SMTP
# sink, on SQLite unless DATABASE_URL says otherwise. Prints messages per second and the time to
# the last delivery. Not part of the test suite. Usage: bench/notifications.sh [N] [email workers]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
./mvnw -B -q -ntp test-compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
exec java -Xmx2g -cp "$CP" bench/FanOutBench.java "${1:-100000}" "${2:-4}"
