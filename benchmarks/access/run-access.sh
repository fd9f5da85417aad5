#!/usr/bin/env bash
# geo access at national scale (issue #14): 35,672 zones x 6,500 GP sites from a wide matrix file (as `geo matrix --wide`
# writes it), all four indices; prints /usr/bin/time -v's wall, CPU and peak RSS and the load average.
# Usage, from the repository root after `dotnet build Geo.sln -c Release`: bash benchmarks/access/run-access.sh
# Inputs are generated (seeded) into ${GEO_BENCH_CACHE:-/tmp/geo-bench-access} (about 1.3 GB, never committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-access}
geo="$root/src/Cli/bin/Release/net10.0/geo"
[ -f "$cache/matrix_wide.csv" ] || python3 "$root/benchmarks/access/make-inputs.py" "$cache"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg); matrix $(du -h "$cache/matrix_wide.csv" | cut -f1)"
/usr/bin/time -v -o "$cache/time.txt" "$geo" access --matrix "$cache/matrix_wide.csv" --zones "$cache/zones.csv" --demand population \
  --sites "$cache/sites.csv" --supply gp_fte --threshold 15 --out "$cache/access.parquet" > "$cache/access.log" 2>&1
cat "$cache/access.log"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
grep -E "Elapsed \(wall clock\)|User time|System time|Maximum resident set size" "$cache/time.txt"
