#!/usr/bin/env bash
# Pass-through cost of a simulator target, on loopback only: the same small upstream (nginx serving
# a 1 KiB file) measured directly, through nginx's proxy_pass and through an Upbeat target with no
# fault live. Prints a Markdown table for docs/benchmarks.md. Not part of the test suite.
#
#   bench/pass-through.sh            # DURATION=15s CONNECTIONS=50 THREADS=2 by default
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-15s}
CONNECTIONS=${CONNECTIONS:-50}
THREADS=${THREADS:-2}
UPSTREAM=18080 NGINX_PROXY=18081 UPBEAT=18090 TARGET=18091

if ! command -v wrk >/dev/null || { ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; }; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
. bin/java-home
[ -f target/upbeat.jar ] || ./mvnw -B -q -ntp -DskipTests package

WORK=$(mktemp -d)
cleanup() {
  local status=$?
  [ $status -ne 0 ] && [ -f "$WORK/upbeat.log" ] && { echo "Upbeat's log:"; tail -40 "$WORK/upbeat.log"; } >&2
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${UPBEAT_PID:-}" ] && kill "$UPBEAT_PID" 2>/dev/null && wait "$UPBEAT_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

head -c 1024 /dev/zero | tr '\0' 'x' > "$WORK/payload"
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  upstream origin { server 127.0.0.1:$UPSTREAM; keepalive 64; }
  server { listen 127.0.0.1:$UPSTREAM; root $WORK; location / { try_files /payload =404; } }
  server {
    listen 127.0.0.1:$NGINX_PROXY;
    location / {
      proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$remote_addr; proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header X-Forwarded-Host \$host;
    }
  }
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
  -d "{\"name\":\"bench\",\"listen\":\"127.0.0.1:$TARGET\",\"upstream\":\"http://127.0.0.1:$UPSTREAM\"}" >/dev/null

# Lets the JVM compile the hot path before it is measured.
wrk -t"$THREADS" -c"$CONNECTIONS" -d10s "http://127.0.0.1:$TARGET/" >/dev/null

measure() { # name port
  local load latency
  load=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$2/")
  latency=$(wrk -t1 -c1 -d"$DURATION" --latency "http://127.0.0.1:$2/")
  printf '| %s | %s | %s | %s | %s | %s |\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$load")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$load")" "$(awk '$1 == "99%" {print $2}' <<<"$load")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$latency")" "$(awk '$1 == "99%" {print $2}' <<<"$latency")"
}

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION (load) and -t1 -c1 (one connection); 1 KiB body; $(nproc) CPU(s)"
echo
echo "| Path | Requests/s (load) | p50 (load) | p99 (load) | p50 (1 conn) | p99 (1 conn) |"
echo "|---|---|---|---|---|---|"
measure "direct to the upstream" $UPSTREAM
measure "through nginx proxy_pass" $NGINX_PROXY
measure "through an Upbeat target" $TARGET
