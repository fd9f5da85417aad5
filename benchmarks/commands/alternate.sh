#!/usr/bin/env bash
# Before/after comparison of one of run-commands.sh's commands: several geo executables run in turn (A, B, A, B...), so
# changes in the machine's speed or load hit them alike. Each output is cmp-checked against run-commands.sh's own
# (car.csv or poa.csv). Prints per run: label, wall s, CPU (user + sys) s, peak MB, load phase s, write phase s; then
# medians per label.
#   car: 1,000 x 1,000 on the Isle of Wight;  poa: r5r's Porto Alegre transit case with the breakdown on.
# Usage: bash benchmarks/commands/run-commands.sh   (once, makes the inputs and the reference outputs;
#                                                    CAR_ONLY=1 when only the car case is compared)
#        bash benchmarks/commands/alternate.sh car 5 before=/path/to/old/geo after=/path/to/new/geo
#        bash benchmarks/commands/alternate.sh poa 4 before=/path/to/old/geo after=/path/to/new/geo
# Inputs are read from ${GEO_BENCH_CACHE:-/tmp/geo-bench-commands}; data from ${GEO_DATA:-<repo>/../shared/data}.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
data=${GEO_DATA:-$root/../shared/data}
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-commands}
case=$1; runs=$2; shift 2
case $case in
  car) args=(matrix --network iow.geonet --origins iow-points-1.csv --destinations iow-points-2.csv) ;;
  poa) args=(matrix --mode transit --network poa.geonet --origins "$data/poa/poa_hexgrid.csv" --destinations "$data/poa/poa_hexgrid.csv"
         --gtfs "$data/poa/poa_eptc.zip" --gtfs "$data/poa/poa_trensurb.zip" --date 2019-05-13 --window 14:00-16:00
         --percentiles 5,25,50,75,95 --max-walk-minutes 12.5 --max-minutes 120 --max-rides 3) ;;
  *) echo "usage: alternate.sh car|poa RUNS label=geo ..." >&2; exit 2 ;;
esac
cd "$cache"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
: > "alternate-$case.txt"
for _ in $(seq 1 "$runs"); do
  for spec in "$@"; do
    label=${spec%%=*}; geo=${spec#*=}
    /usr/bin/time -o time.txt -f "%e %U %S %M" "$geo" "${args[@]}" --out "alternate-$case.csv" --summary-json alternate.json > /dev/null 2>&1
    cmp -s "alternate-$case.csv" "$case.csv" || echo "$label: OUTPUT DIFFERS from $case.csv"
    python3 -c "
import json, sys
phases = {p['phase']: p['seconds'] for p in json.load(open('alternate.json'))['phases']}
wall, user, sys_, kib = map(float, open('time.txt').read().split())
print(f\"{sys.argv[1]} {wall:.2f} {user + sys_:.2f} {kib / 1024:.0f} {phases['load']:.3f} {phases['write']:.3f}\")" "$label" | tee -a "alternate-$case.txt"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c "
import statistics, collections, sys
runs = collections.defaultdict(list)
for line in open(sys.argv[1]):
    label, *values = line.split(); runs[label].append([float(v) for v in values])
for label, rows in runs.items():
    med = [statistics.median(c) for c in zip(*rows)]
    print(f'{label}: median wall {med[0]:.2f} s, CPU {med[1]:.2f} s, peak {med[2]:.0f} MB, load phase {med[3] * 1000:.0f} ms, write phase {med[4] * 1000:.0f} ms ({len(rows)} runs)')" "alternate-$case.txt"
