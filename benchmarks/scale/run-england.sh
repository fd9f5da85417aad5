#!/usr/bin/env bash
# England-sized run of issue 10 (scale 1 of geo sample --national: the 35,672 real LSOA 2021 centroids, ~20 M OSM nodes):
#   1. generate the region (streets only) unless cached;
#   2. geo build-network --contract car (network + car hierarchy), capped by DOTNET_GCHeapHardLimit (default 14 GiB) so
#      running out of memory is a clear error, never the shared machine's swap;
#   3. geo matrix by car, 35,672 zones x 200 hospitals, CSV, from the built network;
#   4. geo matrix by car, 35,672 zones x 6,500 GP sites (the first 6,500 generated), streamed to Parquet.
# Peak RSS and wall/CPU time from /usr/bin/time -v; the load average is printed before and after each step.
# Usage: bash benchmarks/scale/run-england.sh [scale] [steps]   e.g. "1 build,200,6500" (default); "1 200" for one step.
# Data: ${GEO_BENCH_CACHE:-/tmp/geo-bench-national}/scale-<scale> (never committed). Needs a Release build of src/Cli.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scale=${1:-1}
steps=${2:-build,200,6500}
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-national}
dir="$cache/scale-$scale"
geo="dotnet $root/src/Cli/bin/Release/net10.0/geo.dll"
export DOTNET_GCHeapHardLimit=${DOTNET_GCHeapHardLimit:-0x380000000}
timed() {
  echo "-- $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg): $*"
  /usr/bin/time -f "   %e s wall, %U s user, %S s sys, %M KiB peak RSS" "$@"
  echo "   done $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
}
cd "$root"   # the generator finds ../shared/data from the repository root
if [ ! -f "$dir/region.osm.pbf" ]; then
  timed $geo sample --national --scale "$scale" --no-gtfs --out "$dir" | tail -1
fi
if [[ ",$steps," == *",build,"* ]]; then
  rm -f "$dir/region.geonet.car.off_peak.ch"   # else build-network would load the cached hierarchy instead of contracting
  timed $geo build-network --osm "$dir/region.osm.pbf" --out "$dir/region.geonet" --contract car 2>&1 \
    | grep -E "Vertices  |Edges  |Nodes used|Routable ways|Time|Peak|File size|peak RSS|done|load|rror"
fi
if [[ ",$steps," == *",200,"* ]]; then
  timed $geo matrix --network "$dir/region.geonet" --origins "$dir/zones.csv" --destinations "$dir/hospitals.csv" \
    --out "$dir/car_200.csv" --summary-json "$dir/car_200.summary.json" 2>&1 \
    | grep -E "Pairs|ok|unreach|unsnapped|Batches|Time|Peak|peak RSS|done|load|rror"
fi
if [[ ",$steps," == *",6500,"* ]]; then
  head -6501 "$dir/gp_sites.csv" > "$dir/gp_6500.csv"
  timed $geo matrix --network "$dir/region.geonet" --origins "$dir/zones.csv" --destinations "$dir/gp_6500.csv" \
    --out "$dir/car_6500.parquet" --summary-json "$dir/car_6500.summary.json" 2>&1 \
    | grep -E "Pairs|ok|unreach|unsnapped|Batches|Time|Peak|peak RSS|done|load|rror"
  ls -l "$dir/car_6500.parquet" | awk '{print "   parquet bytes: " $5}'
fi
