#!/usr/bin/env bash
# Before/after comparison of the car 1,000 x 1,000 command: several geo executables run in turn (A, B, A, B...) on
# run-commands.sh's inputs, so load changes on a shared machine hit them alike. Each output is cmp-checked against
# run-commands.sh's car.csv. Prints per run: label, wall s, CPU (user + sys) s, load phase s, write phase s; then medians.
# Usage: CAR_ONLY=1 bash benchmarks/commands/run-commands.sh   (once, makes the inputs and car.csv)
#        bash benchmarks/commands/alternate-car.sh 5 before=/path/to/old/geo after=/path/to/new/geo
# Inputs are read from ${GEO_BENCH_CACHE:-/tmp/geo-bench-commands}.
set -euo pipefail
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-commands}
runs=$1; shift
cd "$cache"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
: > alternate.txt
for _ in $(seq 1 "$runs"); do
  for spec in "$@"; do
    label=${spec%%=*}; geo=${spec#*=}
    /usr/bin/time -o time.txt -f "%e %U %S" "$geo" matrix --network iow.geonet --origins iow-points-1.csv \
      --destinations iow-points-2.csv --out alternate.csv --summary-json alternate.json > /dev/null 2>&1
    cmp -s alternate.csv car.csv || echo "$label: OUTPUT DIFFERS from car.csv"
    python3 -c "
import json, sys
phases = {p['phase']: p['seconds'] for p in json.load(open('alternate.json'))['phases']}
wall, user, sys_ = map(float, open('time.txt').read().split())
print(f\"{sys.argv[1]} {wall:.2f} {user + sys_:.2f} {phases['load']:.3f} {phases['write']:.3f}\")" "$label" | tee -a alternate.txt
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 -c "
import statistics, collections
runs = collections.defaultdict(list)
for line in open('alternate.txt'):
    label, *values = line.split(); runs[label].append([float(v) for v in values])
for label, rows in runs.items():
    med = [statistics.median(c) for c in zip(*rows)]
    print(f'{label}: median wall {med[0]:.2f} s, CPU {med[1]:.2f} s, load phase {med[2] * 1000:.0f} ms, write phase {med[3] * 1000:.0f} ms ({len(rows)} runs)')"
