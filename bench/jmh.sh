#!/usr/bin/env bash
# JMH micro-benchmarks (bench/jmh/java): the snapshot rebuild with 90 days and three years of
# history on SQLite and embedded PostgreSQL, and page renders from a built snapshot. Compiled here,
# into target/jmh-classes, with the libraries of the Maven profile "bench": the build and the tests
# never see them. Short but honest defaults (one fork, warm-up iterations first); any JMH options
# replace them, e.g. bench/jmh.sh RebuildBenchmark -p database=sqlite, or bench/jmh.sh -h.
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
./mvnw -B -q -ntp -o test-compile
./mvnw -B -q -ntp -o -Pbench dependency:build-classpath -Dmdep.outputFile=target/jmh-classpath.txt -Dmdep.includeScope=test
CP="target/classes:target/test-classes:$(cat target/jmh-classpath.txt)"
rm -rf target/jmh-classes && mkdir -p target/jmh-classes
javac -proc:full -cp "$CP" -d target/jmh-classes $(find bench/jmh/java -name '*.java')
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 3 -w 2s -i 5 -r 2s
fi
java -Xmx2g --enable-native-access=ALL-UNNAMED -cp "target/jmh-classes:$CP" org.openjdk.jmh.Main "$@"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
