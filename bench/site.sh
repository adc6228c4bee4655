#!/usr/bin/env bash
# Public-read and live-update benchmark, loopback only: starts Upbeat with sample data on a free
# port, measures page and API reads with wrk (skipped when seconds is 0), then fans one change out
# to N live streams, ROUNDS times, and measures the heap each open stream costs.
# Usage: bench/site.sh [streams=10000] [seconds=15] [rounds=5] [warm-up rounds=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
streams=${1:-10000}
seconds=${2:-15}
rounds=${3:-5}
warmup=${4:-3}
# Each stream is a socket on both sides (two processes), plus a margin for the JVM's own files.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ "$(ulimit -n)" -gt $((streams + 1000)) ] || { echo "ulimit -n $(ulimit -n) is too low for $streams streams" >&2; exit 1; }
command -v wrk >/dev/null || { echo "installing wrk" >&2; apt-get install -y -qq wrk >/dev/null; }
[ -f target/upbeat.jar ] || ./mvnw -B -q -ntp -DskipTests package
data=$(mktemp -d)
port=18080
token=bench-token-$RANDOM$RANDOM
PORT=$port UPBEAT_HOST=127.0.0.1 UPBEAT_DATA_DIR="$data" UPBEAT_ADMIN_TOKEN=$token UPBEAT_LOG_LEVEL=WARN \
  java -jar target/upbeat.jar demo > "$data/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
[ "$seconds" = 0 ] || for path in / /api/v1/components /api/v4/current-status /api/v2/summary.json; do
  echo "== GET $path"
  wrk -t2 -c64 -d"${seconds}s" --latency "http://127.0.0.1:$port$path" | grep -E "Requests/sec|50%|99%|Non-2xx" || true
done
echo "== live updates to $streams open pages"
nproc_line="$(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(java -version 2>&1 | head -1)"
echo "machine: $nproc_line; load $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/LiveFanOut.java "http://127.0.0.1:$port" "$token" "$streams" "$rounds" "$pid" "$warmup"
