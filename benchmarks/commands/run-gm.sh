#!/usr/bin/env bash
# Issue #10's region-sized run: `geo run` (car, walk, cycle, transit, appraisal, p-median placement) on the generated
# Greater Manchester region (1,702 real LSOA centroids, ~1 million OSM nodes, 15,318 stops), target < 2 minutes.
# Prints each progress line with the wall-clock time it appeared (stage durations), then /usr/bin/time's wall, CPU and
# peak RSS. Usage: bash benchmarks/commands/run-gm.sh   (from the repository root, after a Release build of src/Cli)
# The region is generated once into ${GEO_BENCH_GM:-/tmp/geo-bench-gm-run} (never committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${GEO_DATA:-$root/../shared/data}
dir=${GEO_BENCH_GM:-/tmp/geo-bench-gm-run}
geo="$root/src/Cli/bin/Release/net10.0/geo"
[ -f "$dir/scenario.json" ] || "$geo" sample --national --centroids "$data/greater-manchester-partial/lsoa/lsoa21_pwc_gm.csv" \
  --hospitals 12 --out "$dir" > /dev/null
rm -rf "$dir/results"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -o "$dir/time.txt" -f "geo run: %e s wall, %U s user + %S s sys, %M KiB peak" \
  "$geo" run "$dir/scenario.json" --out "$dir/results" 2>&1 | while IFS= read -r line; do echo "$(date +%T) $line"; done
cat "$dir/time.txt"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
