#!/usr/bin/env bash
# Before/after comparison of the Porto Alegre transit command (breakdown on): several geo executables run in turn
# (A, B, A, B...) with run-commands.sh's arguments, so the machine's changes of speed hit them alike. Each output is
# cmp-checked against run-commands.sh's poa.csv. Prints per run: label, wall s, user s, peak KiB; then medians.
# Usage: bash benchmarks/commands/run-commands.sh   (once, makes poa.geonet and poa.csv)
#        bash benchmarks/commands/alternate-poa.sh 4 before=/path/to/old/geo after=/path/to/new/geo
# Inputs are read from ${GEO_BENCH_CACHE:-/tmp/geo-bench-commands}; data from ${GEO_DATA:-<repo>/../shared/data}.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${GEO_DATA:-$root/../shared/data}
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-commands}
runs=$1; shift
cd "$cache"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
: > alternate-poa.txt
for _ in $(seq 1 "$runs"); do
  for spec in "$@"; do
    label=${spec%%=*}; geo=${spec#*=}
    /usr/bin/time -o time.txt -f "%e %U %M" "$geo" matrix --mode transit --network poa.geonet \
      --origins "$data/poa/poa_hexgrid.csv" --destinations "$data/poa/poa_hexgrid.csv" \
      --gtfs "$data/poa/poa_eptc.zip" --gtfs "$data/poa/poa_trensurb.zip" --date 2019-05-13 --window 14:00-16:00 \
      --percentiles 5,25,50,75,95 --max-walk-minutes 12.5 --max-minutes 120 --max-rides 3 --out alternate-poa.csv > /dev/null 2>&1
    cmp -s alternate-poa.csv poa.csv || echo "$label: OUTPUT DIFFERS from poa.csv"
    echo "$label $(cat time.txt)" | tee -a alternate-poa.txt
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c "
import statistics, collections
runs = collections.defaultdict(list)
for line in open('alternate-poa.txt'):
    label, *values = line.split(); runs[label].append([float(v) for v in values])
for label, rows in runs.items():
    med = [statistics.median(c) for c in zip(*rows)]
    print(f'{label}: median wall {med[0]:.2f} s, user {med[1]:.2f} s, peak {med[2] / 1024:.0f} MB ({len(rows)} runs)')"
