#!/usr/bin/env bash
# Scaling figures on generated road-like regions (geo sample --national): generate, build-network + car hierarchy
# (wall time and peak RSS from /usr/bin/time -v), then a 1,000 x 1,000 car query on the built network.
# Usage: bash benchmarks/scale/run-scaling.sh 0.0005 0.005 0.05   (fractions of the 35,672 LSOA centroids)
# Data goes to ${GEO_BENCH_CACHE:-/tmp/geo-bench-national} (never committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-national}
geo="dotnet $root/src/Cli/bin/Release/net10.0/geo.dll"
bench="dotnet $root/benchmarks/Geo.Benchmarks/bin/Release/net10.0/Geo.Benchmarks.dll"
mkdir -p "$cache"
for scale in "$@"; do
  dir="$cache/scale-$scale"
  echo "== scale $scale"
  if [ ! -f "$dir/region.osm.pbf" ]; then
    /usr/bin/time -f "generate: %e s wall, %M KiB peak" $geo sample --national --scale "$scale" --no-gtfs --out "$dir" | tail -1
  fi
  ls -l "$dir/region.osm.pbf" | awk '{print "pbf bytes: " $5}'
  /usr/bin/time -f "build-network+contract car: %e s wall, %U s user, %M KiB peak" \
    $geo build-network --osm "$dir/region.osm.pbf" --out "$dir/region.geonet" --contract car 2>/dev/null \
    | grep -E "Vertices  |Edges  |Routable ways|Nodes used|Time|Peak" || true
  $bench ch net "$dir/region.geonet" 2 car
done
