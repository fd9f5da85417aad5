#!/usr/bin/env bash
# Fuzz one Geo input reader with afl++ (Debian's afl-fuzz) and SharpFuzz for a bounded time.
#   fuzz/run.sh <target> [seconds]     targets: pbf gtfs csv geojson scenario-json scenario-yaml; default 60 s
#   fuzz/run.sh all [seconds]          every target in turn
# Needs: afl-fuzz (apt install afl++) and the sharpfuzz tool (dotnet tool install -g SharpFuzz.CommandLine --version 2.3.0).
# Findings go to ${GEO_FUZZ_OUT:-/tmp/geo-fuzz}/findings/<target>; the last lines printed are executions, time and crashes.
# Replay a crash (or any file) with the uninstrumented build (instrumented code needs afl's shared memory):
#   dotnet build fuzz/Geo.Fuzz -c Release && dotnet fuzz/Geo.Fuzz/bin/Release/net10.0/geo-fuzz.dll <target> <file>...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
target=${1:?usage: fuzz/run.sh <target|all> [seconds]}
seconds=${2:-60}
out=${GEO_FUZZ_OUT:-/tmp/geo-fuzz}
bin=$out/bin
export PATH="$PATH:$HOME/.dotnet/tools"

if [ ! -f "$bin/.instrumented" ]; then
  rm -rf "$bin"; mkdir -p "$out"
  dotnet publish "$root/fuzz/Geo.Fuzz" -c Release -o "$bin" --nologo -v quiet >"$out/publish.log" 2>&1 || { tail -30 "$out/publish.log"; exit 1; }
  # Instrument Geo's assemblies and the third-party parsers they call (not the harness, not the runtime).
  for dll in Geo.Core.dll Geo.Routing.dll Geo.Catchment.dll Geo.Viewer.dll YamlDotNet.dll OsmSharp.dll; do
    sharpfuzz "$bin/$dll"
  done
  touch "$bin/.instrumented"
fi

run_one() {
  local t=$1
  local findings=$out/findings/$t
  rm -rf "$findings"
  mkdir -p "$findings"
  echo "== fuzzing $t for $seconds s"
  AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 \
    afl-fuzz -V "$seconds" -t 10000 -m none -i "$root/fuzz/seeds/$t" -o "$findings" -- dotnet "$bin/geo-fuzz.dll" "$t" >"$findings/afl.log" 2>&1 || true
  local stats=$findings/default/fuzzer_stats
  if [ -f "$stats" ]; then
    awk -F' *: *' '$1 ~ /^(execs_done|run_time|execs_per_sec|corpus_count|saved_crashes|saved_hangs)$/ {printf "%s=%s ", $1, $2} END {print ""}' "$stats"
  else
    echo "afl-fuzz did not start; see $findings/afl.log"; tail -20 "$findings/afl.log"; return 1
  fi
  local crashes=("$findings"/default/crashes/id:*)
  if [ -e "${crashes[0]}" ]; then
    echo "crashes: ${#crashes[@]} in $findings/default/crashes (replay them with the uninstrumented build, see above)"
  fi
}

if [ "$target" = all ]; then
  for t in pbf gtfs csv geojson scenario-json scenario-yaml; do run_one "$t"; done
else
  run_one "$target"
fi
