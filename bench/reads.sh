#!/usr/bin/env bash
# Public reads side by side with nginx, on loopback only. Starts target/upbeat.jar demo (sample
# data) through bin/upbeat, so with the JVM options users get; copies each path's body from it into
# an nginx root, served as a static file with the same content type; then, per path, warms the JIT
# up and alternates rounds of Upbeat and nginx under the same load, printing every round and the
# ratio. Last, the cache-busting herd: the home page with `?cb=<random>` on every request against a
# plain read of it, alternating in the same way. Not part of the test suite.
#
#   bench/reads.sh   # ROUNDS=3 SECONDS_PER_ROUND=5 WARMUP=12 by default
#   PROFILE=/tmp/reads.jfr bench/reads.sh      # also records a JFR profile and prints its hot methods
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${ROUNDS:-3}
ROUND=${SECONDS_PER_ROUND:-5}
WARMUP=${WARMUP:-12}
LOAD=${LOAD:--t1 -c64}
PATHS=${PATHS:-/api/v2/summary.json /api/v4/current-status /api/v1/components / /badge.svg}
UPBEAT=18180 NGINX_PORT=18181

if ! command -v wrk >/dev/null || { ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ]; }; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx-light >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)
. bin/java-home

WORK=$(mktemp -d)
chmod 755 "$WORK" # nginx's workers read the root as an unprivileged user
cleanup() {
  local status=$?
  [ $status -ne 0 ] && [ -f "$WORK/upbeat.log" ] && { echo "Upbeat's log:"; tail -40 "$WORK/upbeat.log"; } >&2
  [ -f "$WORK/nginx.pid" ] && kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
  [ -n "${UPBEAT_PID:-}" ] && kill "$UPBEAT_PID" 2>/dev/null && wait "$UPBEAT_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2), $("$NGINX" -v 2>&1)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

# bin/upbeat builds the jar when the sources are newer and runs it with the JVM options users get.
# In a session of its own, as nginx puts itself when it starts and as a service runs: with the
# kernel's autogroup scheduling, a server left in this script's session would share one group's
# CPU time with wrk, while nginx gets a group to itself.
extra=""
[ -n "${PROFILE:-}" ] && extra="-XX:StartFlightRecording=filename=$PROFILE,settings=profile,dumponexit=true"
UPBEAT_DATA_DIR="$WORK/data" PORT=$UPBEAT UPBEAT_HOST=127.0.0.1 UPBEAT_LOG_LEVEL=WARN JAVA_OPTS="${JAVA_OPTS:-} $extra" \
  setsid bin/upbeat demo > "$WORK/upbeat.log" 2>&1 &
UPBEAT_PID=$!
for _ in $(seq 1 240); do curl -fs "http://127.0.0.1:$UPBEAT/healthz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$UPBEAT/healthz" >/dev/null

# The same bytes and content type as Upbeat answers, as static files nginx serves from its root.
mkdir -p "$WORK/root"
locations=""
declare -A body=()
n=0
for path in $PATHS; do
  n=$((n + 1))
  body[$path]="$WORK/root/body$n"
  type=$(curl -fs -o "${body[$path]}" -w '%{content_type}' "http://127.0.0.1:$UPBEAT$path")
  locations+="  location = $path { types { } default_type \"$type\"; try_files /${body[$path]##*/} =404; }"$'\n'
done
cat > "$WORK/nginx.conf" <<CONF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WORK/root;
$locations  }
}
CONF
"$NGINX" -c "$WORK/nginx.conf" -p "$WORK"

cat > "$WORK/cb.lua" <<'LUA'
-- A junk query string on every request, as widgets add to defeat caches.
request = function() return wrk.format(nil, "/?cb=" .. math.random(1, 1000000000)) end
LUA
# The plain read it is compared with makes its requests the same way (a Lua call, a random number,
# a formatted request each time) and only leaves the junk out: wrk shares the machine, so a script
# on one side only would charge the client's extra work to the server.
cat > "$WORK/plain.lua" <<'LUA'
request = function() local _ = math.random(1, 1000000000); return wrk.format(nil, "/") end
LUA

# A virtual machine's CPUs are shared with its neighbours: the time the host gave them elsewhere
# (steal, in ticks of 10 ms over all CPUs) moves a round's rate, so each round reports it.
steal() { awk '/^cpu / {print $9}' /proc/stat; }

rate() { # url [lua script] -> requests/s of one round; dies when any answer was not 2xx
  local out
  out=$(wrk $LOAD -d"${ROUND}s" ${2:+-s "$2"} "$1")
  if grep -q "Non-2xx" <<<"$out"; then echo "non-2xx answers from $1: $out" >&2; exit 1; fi
  awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$out"
}

# Alternates rounds of a and b, one line per round, then the ratio of their means and each one's spread
# (the peer's spread says how steady the machine itself was in those minutes).
compare() { # label name-a url-a name-b url-b [lua script for a] [lua script for b]
  local a=() b=() i
  # The warm-up runs in pieces of at most 4 s, so the JIT also sees connections close and open as
  # they do between rounds; one long run left that path to be recompiled during the first round.
  local left=$WARMUP
  while [ "$left" -gt 0 ]; do
    wrk $LOAD -d"$(( left < 4 ? left : 4 ))s" ${6:+-s "$6"} "$3" >/dev/null
    left=$(( left - 4 ))
  done
  for i in $(seq 1 "$ROUNDS"); do
    local s0 s1 s2
    s0=$(steal); a+=("$(rate "$3" "${6:-}")"); s1=$(steal); b+=("$(rate "$5" "${7:-}")"); s2=$(steal)
    printf '  round %d: %s %s req/s, %s %s req/s (load %s; CPU time stolen by the host: %s and %s ms)\n' "$i" "$2" "${a[-1]}" "$4" "${b[-1]}" \
      "$(cut -d' ' -f1 /proc/loadavg)" "$(( (s1 - s0) * 10 ))" "$(( (s2 - s1) * 10 ))"
  done
  awk -v label="$1" -v a="${a[*]}" -v b="${b[*]}" 'BEGIN {
    n = split(a, x, " "); split(b, y, " "); min = x[1]; max = x[1]; bmin = y[1]; bmax = y[1]
    for (i = 1; i <= n; i++) {
      sa += x[i]; sb += y[i]
      if (x[i] < min) min = x[i]; if (x[i] > max) max = x[i]; if (y[i] < bmin) bmin = y[i]; if (y[i] > bmax) bmax = y[i]
    }
    printf "%s: mean %.0f vs %.0f req/s, ratio %.2f; spread of the first %.1f%%, of the second %.1f%%\n", label, sa / n, sb / n, sa / sb,
      100 * (max - min) / (sa / n), 100 * (bmax - bmin) / (sb / n)
  }'
}

echo "wrk $LOAD, ${WARMUP} s warm-up, then $ROUNDS rounds of ${ROUND} s each, alternating"
for path in $PATHS; do
  echo "== GET $path ($(stat -c %s "${body[$path]}") bytes)"
  compare "GET $path, Upbeat / nginx" upbeat "http://127.0.0.1:$UPBEAT$path" nginx "http://127.0.0.1:$NGINX_PORT$path"
done
echo "== cache-busting herd: GET /?cb=<random> against GET /"
compare "GET /?cb=<random> / GET /" busted "http://127.0.0.1:$UPBEAT/" plain "http://127.0.0.1:$UPBEAT/" "$WORK/cb.lua" "$WORK/plain.lua"
echo "Upbeat's heap after: $(jcmd "$UPBEAT_PID" GC.heap_info 2>/dev/null | sed -n 2p | xargs || true)"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ -n "${PROFILE:-}" ]; then
  jcmd "$UPBEAT_PID" JFR.dump filename="$PROFILE" >/dev/null
  jfr view --width 160 hot-methods "$PROFILE" | head -40
fi
