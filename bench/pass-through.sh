#!/usr/bin/env bash
# Pass-through cost of a simulator target, on loopback only: the same upstream (nginx serving a
# 2.7 KB file) measured through nginx's proxy_pass (upstream keep-alive) and through an Upbeat
# target with no fault live, in alternating rounds under one load, then each path once on a single
# connection. Prints every round and the ratio as Markdown for docs/benchmarks.md. Not part of the
# test suite.
#
#   bench/pass-through.sh                       # ROUNDS=3 rounds of 5 s each per path, wrk -t1 -c64
#   PROFILE=/tmp/pass.jfr bench/pass-through.sh # also records Upbeat with JFR during the loaded rounds
#   JAVA_OPTS=... bench/pass-through.sh         # the JVM options bin/upbeat would be given
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-12s}
CONNECTIONS=64 THREADS=1
UPSTREAM=18080 NGINX_PROXY=18081 UPBEAT=18090 TARGET=18091

if ! command -v wrk >/dev/null || { ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; }; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
. bin/java-home
[ -f target/upbeat.jar ] || ./mvnw -B -q -ntp -DskipTests package   # delete it to measure fresh code

WORK=$(mktemp -d)
chmod 755 "$WORK"   # nginx's workers (www-data) read the payload from it
cleanup() {
  local status=$?
  [ $status -ne 0 ] && [ -f "$WORK/upbeat.log" ] && { echo "Upbeat's log:"; tail -40 "$WORK/upbeat.log"; } >&2
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${UPBEAT_PID:-}" ] && kill "$UPBEAT_PID" 2>/dev/null && wait "$UPBEAT_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

head -c 2700 /dev/zero | tr '\0' 'x' > "$WORK/payload"
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
# In a session of its own, as nginx puts itself when it starts and as a service runs: with the
# kernel's autogroup scheduling, a server left in this script's session would share one group's
# CPU time with wrk, while nginx gets a group to itself.
# shellcheck disable=SC2086 # JAVA_OPTS is a list of options, split as bin/upbeat splits it
DATABASE_URL="jdbc:sqlite:$WORK/upbeat.db" PORT=$UPBEAT UPBEAT_HOST=127.0.0.1 UPBEAT_ADMIN_TOKEN=$TOKEN UPBEAT_LOG_LEVEL=WARN \
  setsid java ${JAVA_OPTS:-} -jar target/upbeat.jar serve > "$WORK/upbeat.log" 2>&1 &
UPBEAT_PID=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$UPBEAT/healthz" >/dev/null && break; sleep 0.5; done
curl -fs -X POST "http://127.0.0.1:$UPBEAT/api/v1/simulator/targets" -H "Authorization: Bearer $TOKEN" \
  -H "Content-Type: application/json" \
  -d "{\"name\":\"bench\",\"listen\":\"127.0.0.1:$TARGET\",\"upstream\":\"http://127.0.0.1:$UPSTREAM\"}" >/dev/null
size=$(curl -fs "http://127.0.0.1:$TARGET/" | wc -c) && [ "$size" -eq 2700 ] || { echo "the target passed $size bytes, not 2700" >&2; exit 1; }

ms() { # a wrk latency (850.00us, 1.20ms, 2.00s) in milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n *= 1000; printf "%.3f", n }'
}
run() { # connections threads duration port -> "requests/s p50-ms p99-ms"
  local out
  out=$(wrk -t"$2" -c"$1" -d"$3" --latency "http://127.0.0.1:$4/")
  echo "$(awk '/Requests\/sec/ {print $2}' <<<"$out") $(ms "$(awk '$1 == "50%" {print $2}' <<<"$out")")" \
    "$(ms "$(awk '$1 == "99%" {print $2}' <<<"$out")")"
}

echo "Machine: $(nproc) vCPU, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
echo "nginx: $("$NGINX" -v 2>&1 | cut -d/ -f2); $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2); JAVA_OPTS: ${JAVA_OPTS:-none}"
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
# Lets the JVM compile the hot path before anything is measured, and nginx open its upstream connections.
wrk -t$THREADS -c$CONNECTIONS -d"$WARMUP" "http://127.0.0.1:$TARGET/" >/dev/null
wrk -t$THREADS -c$CONNECTIONS -d2s "http://127.0.0.1:$NGINX_PROXY/" >/dev/null

[ -n "${PROFILE:-}" ] && jcmd "$UPBEAT_PID" JFR.start name=bench settings=profile filename="$PROFILE" >/dev/null

echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, 2,700-byte body, after a $WARMUP warm-up:"
echo
echo "| Round | Path | Requests/s | p50 | p99 |"
echo "|---|---|---|---|---|"
upbeat_total=0 nginx_total=0
for round in $(seq 1 "$ROUNDS"); do
  read -r rps p50 p99 <<<"$(run $CONNECTIONS $THREADS "$DURATION" $TARGET)"
  printf '| %s | Upbeat target | %s | %s ms | %s ms |\n' "$round" "$rps" "$p50" "$p99"
  upbeat_total=$(awk -v a="$upbeat_total" -v b="$rps" 'BEGIN { print a + b }')
  read -r rps p50 p99 <<<"$(run $CONNECTIONS $THREADS "$DURATION" $NGINX_PROXY)"
  printf '| %s | nginx proxy_pass | %s | %s ms | %s ms |\n' "$round" "$rps" "$p50" "$p99"
  nginx_total=$(awk -v a="$nginx_total" -v b="$rps" 'BEGIN { print a + b }')
done
[ -n "${PROFILE:-}" ] && jcmd "$UPBEAT_PID" JFR.stop name=bench >/dev/null
echo
awk -v u="$upbeat_total" -v n="$nginx_total" -v r="$ROUNDS" \
  'BEGIN { printf "Mean: Upbeat %.0f req/s, nginx %.0f req/s, ratio %.2f\n", u / r, n / r, u / n }'
echo
echo "One connection (wrk -t1 -c1 -d$DURATION):"
echo
echo "| Path | Requests/s | p50 | p99 |"
echo "|---|---|---|---|"
read -r rps direct_p50 p99 <<<"$(run 1 1 "$DURATION" $UPSTREAM)"
printf '| direct to the upstream | %s | %s ms | %s ms |\n' "$rps" "$direct_p50" "$p99"
read -r rps p50 p99 <<<"$(run 1 1 "$DURATION" $NGINX_PROXY)"
printf '| nginx proxy_pass | %s | %s ms | %s ms |\n' "$rps" "$p50" "$p99"
read -r rps upbeat_p50 p99 <<<"$(run 1 1 "$DURATION" $TARGET)"
printf '| Upbeat target | %s | %s ms | %s ms |\n' "$rps" "$upbeat_p50" "$p99"
echo
awk -v u="$upbeat_p50" -v d="$direct_p50" 'BEGIN { printf "p50 added by Upbeat on one connection: %.3f ms\n", u - d }'
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -z "${PROFILE:-}" ] || echo "Upbeat's profile during the rounds: $PROFILE (jfr view hot-methods $PROFILE)"
