#!/usr/bin/env bash
# Snapshot rebuild with 100 components and 90 days, 400 days and three years of incidents and probe results,
# on SQLite and embedded PostgreSQL: median wall and CPU time, with nothing changed (the refresh
# timer) and after a change to one incident (every write); then 90 days and three years after a
# change taking turns (RebuildPairs), for a difference that the machine's load moving does not make.
# Not part of the test suite; compiled like bench/jmh.sh. Usage: bench/history.sh [sqlite|postgresql ...]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
./mvnw -B -q -ntp -o test-compile
./mvnw -B -q -ntp -o -Pbench dependency:build-classpath -Dmdep.outputFile=target/jmh-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/jmh-classpath.txt)"
rm -rf target/jmh-classes && mkdir -p target/jmh-classes
javac -proc:full -cp "$CP" -d target/jmh-classes $(find bench/jmh/java -name '*.java')
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
for database in "${@:-sqlite postgresql}"; do
  for d in $database; do
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/jmh-classes:$CP" dev.upbeat.bench.RebuildTimes "$d" 90 400 1095 2>&1 | grep -v '^WARNING'
    echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
    java -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/jmh-classes:$CP" dev.upbeat.bench.RebuildPairs "$d" 90 1095 2>&1 | grep -v '^WARNING'
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
