#!/usr/bin/env bash
# The matrix commands a user types, end to end (process start to exit), for issue #10's command targets:
#   car 1,000 x 1,000 on the Isle of Wight (target < 0.5 s), three runs after a warm-up that caches the hierarchy;
#   r5r's Porto Alegre transit case with the median-journey breakdown on (target < 10 s) and with --no-breakdown.
# Prints /usr/bin/time lines (wall, CPU, peak RSS) and the command's own phases (--summary-json).
# The geo measured is the README's precompiled install (ReadyToRun, `dotnet publish --use-current-runtime`), published
# here into $cache/publish; the car case is also run with the plain Release build's apphost for comparison.
# Usage: bash benchmarks/commands/run-commands.sh   (from the repository root, after a Release build)
#        CAR_ONLY=1 bash benchmarks/commands/run-commands.sh   (the car case only: about a minute with the publish)
#        GEO_BIN=/path/to/geo ... (measure that executable instead of publishing one)
# Inputs are generated or built into ${GEO_BENCH_CACHE:-/tmp/geo-bench-commands} (never committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${GEO_DATA:-$root/../shared/data}
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-commands}
built="$root/src/Cli/bin/Release/net10.0/geo"
mkdir -p "$cache"
if [ -n "${GEO_BIN:-}" ]; then
  geo=$GEO_BIN
else
  dotnet publish "$root/src/Cli" -c Release --use-current-runtime -o "$cache/publish" > "$cache/publish.log" 2>&1 || { tail -20 "$cache/publish.log"; exit 1; }
  geo="$cache/publish/geo"
fi
cd "$cache"
# /usr/bin/time's line goes to a file (the command's own progress on stderr is dropped), then to stdout
timed() { local label=$1; shift; /usr/bin/time -o "$cache/time.txt" -f "$label: %e s wall, %U s user + %S s sys, %M KiB peak" "$@" > /dev/null 2>&1; cat "$cache/time.txt"; }
phases() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('  phases: ' + ', '.join(f\"{p['phase']} {p['seconds']:.2f} s\" for p in d['phases']))" "$1"; }
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# Car: seeded uniform points in the island's bounding box (some fall in the sea and are reported unsnapped).
for seed in 1 2; do
  python3 -c "
import random, sys
r = random.Random(int(sys.argv[1]))
print('id,lon,lat')
for i in range(1000):
    print(f'p{i},{r.uniform(-1.52, -1.10):.6f},{r.uniform(50.60, 50.74):.6f}')" "$seed" > "iow-points-$seed.csv"
done
[ -f iow.geonet ] || "$built" build-network --osm "$data/isle-of-wight/osm/iow-filtered.osm.pbf" --out iow.geonet --contract car > /dev/null
car=("$geo" matrix --network iow.geonet --origins iow-points-1.csv --destinations iow-points-2.csv --out car.csv --summary-json car.json)
"${car[@]}" > /dev/null 2>&1
for run in 1 2 3; do
  timed "car 1,000 x 1,000 run $run" "${car[@]}"
  phases car.json
done
if [ -z "${GEO_BIN:-}" ]; then
  car[0]=$built
  for run in 1 2 3; do
    timed "car 1,000 x 1,000 run $run, plain build (not precompiled)" "${car[@]}"
    phases car.json
  done
fi
if [ -n "${CAR_ONLY:-}" ]; then
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

# Porto Alegre, r5r's benchmark settings (1,000 m walk = 12.5 min at 4.8 km/h).
[ -f poa.geonet ] || "$built" build-network --osm "$data/poa/poa_osm.pbf" --out poa.geonet --contract none > /dev/null
poa=("$geo" matrix --mode transit --network poa.geonet --origins "$data/poa/poa_hexgrid.csv" --destinations "$data/poa/poa_hexgrid.csv"
  --gtfs "$data/poa/poa_eptc.zip" --gtfs "$data/poa/poa_trensurb.zip" --date 2019-05-13 --window 14:00-16:00
  --percentiles 5,25,50,75,95 --max-walk-minutes 12.5 --max-minutes 120 --max-rides 3)
timed "Porto Alegre transit, breakdown on" "${poa[@]}" --out poa.csv --summary-json poa.json
phases poa.json
timed "Porto Alegre transit, --no-breakdown" "${poa[@]}" --no-breakdown --out poa-nb.csv --summary-json poa-nb.json
phases poa-nb.json
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
