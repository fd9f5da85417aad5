#!/usr/bin/env bash
# Public transport at national size (issue 10) on geo sample --national (real LSOA 2021 centroids, generated buses):
#   1. generate the region with its bus GTFS unless cached (~1 min at scale 1); the street network is the cached
#      run-england.sh one (same PBF, byte for byte) when present, else built here without a hierarchy;
#   2. "201": geo matrix --mode transit, ~200 origins (every (zones/200)th zone) x 200 hospitals, 07:00-10:00,
#      p25/50/75, CSV;
#   3. "all": every zone (35,672 at scale 1) x 200 hospitals, same settings, Parquet.
# Capped by DOTNET_GCHeapHardLimit (default 14 GiB) so running out is a clear error. Peak RSS and wall/CPU from
# /usr/bin/time; RSS sampled every 10 s into <out>.rss; load average printed before and after; phases in <out>.summary.json.
# Usage: bash benchmarks/scale/run-england-transit.sh [scale] [steps]   e.g. "1 201,all" (default), "0.5 201".
# Extra geo matrix options in GEO_MATRIX_ARGS, e.g. GEO_MATRIX_ARGS="--origins-batch 2000" (each batch's rows are
# written as it finishes: <out>.rss also logs the output's size, so the routing rate shows while it runs).
# Data: ${GEO_BENCH_CACHE:-/tmp/geo-bench-national}/scale-<scale>-gtfs (never committed). Needs a Release build of
# src/Cli (or GEO="dotnet path/to/geo.dll").
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
scale=${1:-1}
steps=${2:-201,all}
cache=${GEO_BENCH_CACHE:-/tmp/geo-bench-national}
dir="$cache/scale-$scale-gtfs"
geo=${GEO:-dotnet $root/src/Cli/bin/Release/net10.0/geo.dll}
export DOTNET_GCHeapHardLimit=${DOTNET_GCHeapHardLimit:-0x380000000}
timed() {
  local out=$1; shift
  echo "-- $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg): $*"
  /usr/bin/time -f "   %e s wall, %U s user, %S s sys, %M KiB peak RSS" "$@" &
  local pid=$! child
  : > "$out.rss"
  while kill -0 $pid 2>/dev/null; do
    child=$(pgrep -P $pid | head -1 || true)
    if [ -n "$child" ]; then
      echo "$(date -u +%H:%M:%S) $(awk '/VmRSS/{print $2}' /proc/$child/status 2>/dev/null) KiB, load $(cut -d' ' -f1 /proc/loadavg), output $(cat "$(dirname "$out")"/.$(basename "$out")*.tmp 2>/dev/null | wc -c) bytes" >> "$out.rss"
    fi
    sleep 10
  done
  wait $pid
  echo "   done $(date -u +%H:%M:%S), load $(cut -d' ' -f1-3 /proc/loadavg)"
}
cd "$root"   # the generator finds ../shared/data from the repository root
if [ ! -f "$dir/bus-gtfs.zip" ]; then
  $geo sample --national --scale "$scale" --out "$dir" | tail -1
fi
if [ ! -e "$dir/region.geonet" ]; then
  if [ -f "$cache/scale-$scale/region.geonet" ] && cmp -s "$dir/region.osm.pbf" "$cache/scale-$scale/region.osm.pbf"; then
    ln -s "$cache/scale-$scale/region.geonet" "$dir/region.geonet"
  else
    $geo build-network --osm "$dir/region.osm.pbf" --out "$dir/region.geonet" | tail -3
  fi
fi
zones=$(($(wc -l < "$dir/zones.csv") - 1))
step=$((zones / 200 > 0 ? zones / 200 : 1))
awk -v s=$step 'NR == 1 || (NR - 2) % s == 0' "$dir/zones.csv" > "$dir/o200.csv"
# shellcheck disable=SC2206
extra=(${GEO_MATRIX_ARGS:-})
common=(matrix --mode transit --network "$dir/region.geonet" --destinations "$dir/hospitals.csv" --gtfs "$dir/bus-gtfs.zip"
  --date 2024-03-05 --window 07:00-10:00 --percentiles 25,50,75 "${extra[@]}")
filter="Pairs|ok|unreach|unsnapped|Trips|Stops|Batches|Time|Peak|peak RSS|done|load|rror|refuse|memory"
if [[ ",$steps," == *",201,"* ]]; then
  echo "origins: $(($(wc -l < "$dir/o200.csv") - 1)) (every ${step}th of $zones zones)"
  timed "$dir/transit_201" $geo "${common[@]}" --origins "$dir/o200.csv" --out "$dir/transit_201.csv" \
    --summary-json "$dir/transit_201.summary.json" 2>&1 | grep -E "$filter"
fi
if [[ ",$steps," == *",all,"* ]]; then
  timed "$dir/transit_all" $geo "${common[@]}" --origins "$dir/zones.csv" --out "$dir/transit_all.parquet" \
    --summary-json "$dir/transit_all.summary.json" 2>&1 | grep -E "$filter"
fi
