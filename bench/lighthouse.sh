#!/usr/bin/env bash
# Lighthouse 12.2.3 scores, loopback only: starts Upbeat with sample data on a free port, then runs
# Lighthouse with Debian's Chromium on the home, an incident, the uptime and the history pages,
# desktop and mobile, RUNS times each, and prints the median of each category, with the audits
# that cost points. Lighthouse is installed into bench/lighthouse/ (not committed) on first use.
# Usage: bench/lighthouse.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/java-home
runs=${1:-3}
version=12.2.3
export CHROME_PATH=/usr/bin/chromium
[ -x "$CHROME_PATH" ] || bin/browser-deps
command -v npm >/dev/null || bin/node-deps
tool=bench/lighthouse
if [ "$(node -p "try { require('./$tool/node_modules/lighthouse/package.json').version } catch (e) { '' }")" != "$version" ]; then
  mkdir -p "$tool"
  [ -f "$tool/package.json" ] || echo '{"name": "upbeat-lighthouse", "private": true}' > "$tool/package.json"
  npm install --prefix "$tool" --no-audit --no-fund --loglevel=error "lighthouse@$version" >&2
fi
[ -f target/upbeat.jar ] || ./mvnw -B -q -ntp -DskipTests package
data=$(mktemp -d)
port=$(node -e "const s = require('net').createServer().listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); })")
PORT=$port UPBEAT_HOST=127.0.0.1 UPBEAT_DATA_DIR="$data" UPBEAT_LOG_LEVEL=WARN java -jar target/upbeat.jar demo > "$data/log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done
curl -fs "http://127.0.0.1:$port/healthz" >/dev/null || { cat "$data/log" >&2; exit 1; }
base="http://127.0.0.1:$port"
incident=$(curl -fs "$base/api/v1/incidents" | node -e "let s = ''; process.stdin.on('data', d => s += d).on('end', () => console.log(JSON.parse(s)[0].id))")
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM," \
  "$($CHROME_PATH --version 2>/dev/null), Lighthouse $version; load $(cut -d' ' -f1-3 /proc/loadavg)"
flags="--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run"
for form in desktop mobile; do
  preset=()
  [ "$form" = desktop ] && preset=(--preset=desktop)
  for page in home:/ incident:/incidents/$incident uptime:/uptime history:/history; do
    for run in $(seq 1 "$runs"); do
      "$tool/node_modules/.bin/lighthouse" "$base${page#*:}" "${preset[@]}" --quiet --output=json \
        --output-path="$data/${form}-${page%%:*}-$run.json" --chrome-flags="$flags" \
        --only-categories=performance,accessibility,best-practices,seo
    done
  done
done
node bench/lighthouse-table.mjs "$data" "$runs"
