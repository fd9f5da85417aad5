#!/usr/bin/env bash
# The routing server's HTTP benchmarks of issue #14, in one command (run it on a quiet machine):
#   1,000 x 1,000 table (durations + distances), warm, 8 times; then 8 clients sending 100 x 100 tables for 60 s.
# Starts `geo serve-routing` on the Isle of Wight under /usr/bin/time -v, waits until it answers, runs
# benchmarks/OsrmHttpLoad, samples the server's VmRSS every 10 s during the load, stops the server (by its own PID) and
# prints its peak RSS. Usage, from the repository root after `dotnet build Geo.sln -c Release`:
#   bash benchmarks/server/run-osrm-load.sh
# Network and logs go to ${GEO_BENCH_CACHE:-/tmp/geo-bench-server} (never committed); port ${GEO_BENCH_PORT:-5078}.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${GEO_DATA:-$root/../shared/data}
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-server}
port=${GEO_BENCH_PORT:-5078}
# Smaller settings only to check the script itself: GEO_BENCH_TABLE=100 GEO_BENCH_REPEATS=2 GEO_BENCH_SECONDS=10
table=${GEO_BENCH_TABLE:-1000}
repeats=${GEO_BENCH_REPEATS:-8}
seconds=${GEO_BENCH_SECONDS:-60}
geo="$root/src/Cli/bin/Release/net10.0/geo"
load="$root/benchmarks/OsrmHttpLoad/bin/Release/net10.0/OsrmHttpLoad"
[ -x "$geo" ] || { echo "build first: dotnet build Geo.sln -c Release" >&2; exit 2; }
[ -x "$load" ] || dotnet build "$root/benchmarks/OsrmHttpLoad" -c Release > /dev/null
mkdir -p "$cache"
cd "$cache"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GB", $2/1048576}' /proc/meminfo), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
[ -f iow.geonet ] || "$geo" build-network --osm "$data/isle-of-wight/osm/iow-filtered.osm.pbf" --out iow.geonet > build.log 2>&1

/usr/bin/time -v -o server-time.txt "$geo" serve-routing --network iow.geonet --port "$port" > server.log 2>&1 &
timer=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
# /usr/bin/time's child is the server: stop that process only (its own PID), so time -v reports its peak.
server=""
for _ in $(seq 1 600); do
  server=$(pgrep -P "$timer" || true)
  if [ -n "$server" ] && curl -fs "http://127.0.0.1:$port/nearest/v1/driving/-1.2976,50.7007" > /dev/null 2>&1; then
    break
  fi
  sleep 0.5
done
curl -fs "http://127.0.0.1:$port/nearest/v1/driving/-1.2976,50.7007" > /dev/null || { echo "server did not start; see $cache/server.log" >&2; exit 1; }
echo "server pid $server ready; $(grep -i 'loaded' server.log | head -1)"

echo "--- $table x $table table, durations + distances, $repeats requests (the first warms up)"
"$load" "http://127.0.0.1:$port" table "$table" "$repeats"
echo "--- load: 8 clients, 100 x 100 tables, $seconds s (server VmRSS every 10 s)"
( for _ in $(seq 1 $((seconds / 10))); do sleep 10; echo "  server $(grep VmRSS /proc/"$server"/status)"; done ) &
sampler=$!
"$load" "http://127.0.0.1:$port" load 100 8 "$seconds"
wait "$sampler"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
kill "$server"
wait "$timer" || true
trap - EXIT
grep -E "Maximum resident set size|Elapsed \(wall clock\)|User time|System time" server-time.txt | sed 's/^\s*/  server /'
