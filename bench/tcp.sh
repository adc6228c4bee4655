#!/usr/bin/env bash
# A fault-free TCP proxy's cost, on loopback only: one echo upstream measured directly, through
# nginx's stream proxy and through an Upbeat tcp target (upbeat serve, made through the simulator
# API, no simulation live). bench/TcpBench.java is the load: an untimed warm-up round per path,
# then ROUNDS rounds with the order of the paths rotating; every round is printed as a Markdown
# table row for docs/benchmarks.md. Not part of the test suite.
#
#   bench/tcp.sh            # ROUNDS=5, 256 MiB per throughput run, 20000 round trips by default
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-5}
BULK_MIB=${BULK_MIB:-256}
ROUND_TRIPS=${ROUND_TRIPS:-20000}
ECHO=18200 NGINX_PROXY=18201 UPBEAT=18290 TARGET=18291

if [ ! -f /usr/lib/nginx/modules/ngx_stream_module.so ]; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-stream >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
. bin/java-home
[ -f target/upbeat.jar ] || ./mvnw -B -q -ntp -DskipTests package   # delete it to measure fresh code

WORK=$(mktemp -d)
cleanup() {
  local status=$?
  [ $status -ne 0 ] && [ -f "$WORK/upbeat.log" ] && { echo "Upbeat's log:"; tail -40 "$WORK/upbeat.log"; } >&2
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${UPBEAT_PID:-}" ] && kill "$UPBEAT_PID" 2>/dev/null && wait "$UPBEAT_PID" 2>/dev/null || true
  [ -n "${ECHO_PID:-}" ] && kill "$ECHO_PID" 2>/dev/null && wait "$ECHO_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

java bench/TcpBench.java echo $ECHO > "$WORK/echo.log" 2>&1 &
ECHO_PID=$!

cat > "$WORK/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_stream_module.so;
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 4096; }
stream {
  # half-close passed on, as Upbeat does: without it nginx ends the session at the client's EOF
  # and cuts the echo short.
  server { listen 127.0.0.1:$NGINX_PROXY; proxy_pass 127.0.0.1:$ECHO; proxy_half_close on; }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"

TOKEN=bench-token-0123456789
DATABASE_URL="jdbc:sqlite:$WORK/upbeat.db" PORT=$UPBEAT UPBEAT_HOST=127.0.0.1 UPBEAT_ADMIN_TOKEN=$TOKEN UPBEAT_LOG_LEVEL=WARN \
  java -jar target/upbeat.jar serve > "$WORK/upbeat.log" 2>&1 &
UPBEAT_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$UPBEAT/healthz" >/dev/null && break; sleep 0.5; done
curl -fs -X POST "http://127.0.0.1:$UPBEAT/api/v1/simulator/targets" -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/json" \
  -d "{\"name\":\"bench\",\"kind\":\"tcp\",\"listen\":\"127.0.0.1:$TARGET\",\"upstream\":\"127.0.0.1:$ECHO\"}" >/dev/null

echo "Machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
echo "nginx: $("$NGINX" -v 2>&1)"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -DbulkMiB="$BULK_MIB" -DroundTrips="$ROUND_TRIPS" bench/TcpBench.java run "$ROUNDS" \
  direct=127.0.0.1:$ECHO nginx-stream=127.0.0.1:$NGINX_PROXY upbeat-tcp=127.0.0.1:$TARGET
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
