#!/usr/bin/env bash
# Cluster throughput and per-shard overhead on Porto Alegre (r5r's benchmark data in ../shared/data/poa):
# 1,227 hexagon centroids to themselves by public transport (14:00-15:00, 60 departures, p25/50/75) and by car.
#   1. plain `geo matrix` (one process) as the reference time;
#   2. one job on 1, 2 and 3 silos of this machine, shards of 100 origins (origins/s from submit to done);
#   3. one silo, shards of 500 origins, against (1): the job-level overhead (submit to done), with where the time went;
#   4. a second job over the same inputs on that (now warm) silo: the per-shard overhead, wall and CPU (see below).
# Per-shard overhead of a 500-origin shard: a silo that has served a job holds the job's stage (network, timetable, snapped
# points), so the second job's silo CPU and its first lease -> last verified span are the shards' own costs (route,
# write, hash, verify, Orleans calls, PostgreSQL); they are set against what plain `geo matrix` spends on route + write
# for the same origins: its CPU minus a 1-origin run's (start-up, load, snap), and its route + write phases (wall).
# Usage: GEO_TEST_POSTGRES=... bash benchmarks/cluster/cluster-bench.sh  (from the repository root, after a Release build)
#   MODES="transit car" (default); OVERHEAD_ONLY=1 skips step 2; REPEAT=n repeats steps 1, 3 and 4 n times (back to back).
set -euo pipefail
GEO=${GEO:-"dotnet src/Cli/bin/Release/net10.0/geo.dll"}  # GEO="dotnet /other/build/geo.dll" compares two builds
POA=${POA:-../shared/data/poa}
WORK=${WORK:-/tmp/geo-cluster-bench}
ADMIN=${GEO_TEST_POSTGRES:?set GEO_TEST_POSTGRES (bash .ci/postgres.sh prints it)}
DB=geo_cluster_bench
PG="${ADMIN/Database=geo_test/Database=$DB}"
MODES=${MODES:-transit car}
mkdir -p "$WORK/data"
cp -f "$POA/poa_hexgrid.csv" "$POA/poa_eptc.zip" "$WORK/data/"
[ -f "$WORK/data/poa.geonet" ] || $GEO build-network --osm "$POA/poa_osm.pbf" --out "$WORK/data/poa.geonet" >/dev/null
psql_admin() { PGPASSWORD=geo psql -q -h 127.0.0.1 -U geo -d geo_test -c "$1" >/dev/null; }
now() { date +%s.%N; }
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }  # user + system CPU of a process, in clock ticks
secs() { echo "$2 - $1" | bc; }

job() { # id mode shard_origins
  local transit=""
  [ "$2" = transit ] && transit=', "transit": { "gtfs": ["poa_eptc.zip"], "date": "2019-05-13", "window": "14:00-15:00" }'
  echo "{ \"id\": \"$1\", \"network\": \"poa.geonet\", \"mode\": \"$2\", \"origins\": \"poa_hexgrid.csv\", \"destinations\": \"poa_hexgrid.csv\", \"shard_origins\": $3, \"output\": \"$WORK/out/$1\" $transit }" > "$WORK/$1.json"
}

run_cluster() { # silos mode shard_origins [again] -> prints seconds from submit to done, span; with again: the second job's CPU and span too
  local n=$1 mode=$2 size=$3 id="bench-$2-$1-$3-$RANDOM" pids=()
  job "$id" "$mode" "$size"
  for i in $(seq 1 "$n"); do
    $GEO cluster silo --postgres "$PG" --data "$WORK/data" --cluster-id bench --service-id bench --port $((21110 + i)) --gateway-port $((31110 + i)) ${WRITERS:+--writers "$WRITERS"} > "$WORK/silo-$i.log" 2>&1 &
    pids+=($!)
  done
  for i in $(seq 1 "$n"); do until grep -q "joined cluster" "$WORK/silo-$i.log"; do sleep 0.2; done; done
  local c0; c0=$(for p in "${pids[@]}"; do cpu_ticks "$p"; done | paste -sd+ | bc)
  local t0; t0=$(now)
  /usr/bin/time -f "%U %S" -o "$WORK/submit.cpu" $GEO cluster submit "$WORK/$id.json" --data "$WORK/data" --postgres "$PG" --cluster-id bench --service-id bench > "$WORK/submit.log" 2>&1
  local t1; t1=$(now)
  local c1; c1=$(for p in "${pids[@]}"; do cpu_ticks "$p"; done | paste -sd+ | bc)
  echo "  CPU: silos $(echo "($c1 - $c0) / $(getconf CLK_TCK)" | bc -l | xargs printf '%.1f') s during the job, submit process $(awk '{ printf "%.1f", $1 + $2 }' "$WORK/submit.cpu") s" >&2
  grep "submitted in" "$WORK/submit.log" | sed 's/^/  /' >&2 || true
  local warm=""
  if [ -n "${4:-}" ]; then # the same job again (new id, same inputs) on the same, now warm, silos
    job "$id-warm" "$mode" "$size"
    local w0; w0=$(for p in "${pids[@]}"; do cpu_ticks "$p"; done | paste -sd+ | bc)
    /usr/bin/time -f "%U %S" -o "$WORK/submit-warm.cpu" $GEO cluster submit "$WORK/$id-warm.json" --data "$WORK/data" --postgres "$PG" --cluster-id bench --service-id bench > "$WORK/submit.log" 2>&1
    local w1; w1=$(for p in "${pids[@]}"; do cpu_ticks "$p"; done | paste -sd+ | bc)
    warm="$(echo "($w1 - $w0) / $(getconf CLK_TCK)" | bc -l) $(awk '{ print $1 + $2 }' "$WORK/submit-warm.cpu") $(span "$id-warm")"
    phases "$id-warm" 0 0 | sed 's/submit->stored [^,]*, //; s/, last verified->submit exit [^;]*;/;/' >&2
  fi
  kill "${pids[@]}"; wait "${pids[@]}" 2>/dev/null || true
  phases "$id" "$t0" "$t1" >&2
  echo "$(secs "$t0" "$t1") $(span "$id") $(echo "($c1 - $c0) / $(getconf CLK_TCK)" | bc -l) $warm"
}

span() { # job -> seconds from its first lease to its last shard verified
  PGPASSWORD=geo psql -At -h 127.0.0.1 -U geo -d $DB -c "SELECT round(extract(epoch FROM max(finished_at) - min(started_at)), 2) FROM geo_cluster_shard WHERE job_id = '$1'"
}

phases() { # id submit_start submit_end -> where the time went (seconds; the silo's phases are sums over shards)
  PGPASSWORD=geo psql -At -F' ' -h 127.0.0.1 -U geo -d $DB -c "
    SELECT round(extract(epoch FROM j.created_at) - $2, 2), round(extract(epoch FROM min(s.started_at) - j.created_at), 2),
           round(extract(epoch FROM max(s.finished_at) - min(s.started_at)), 2), round($3 - extract(epoch FROM max(s.finished_at)), 2),
           round(sum(s.check_ms) / 1000.0, 2), round(sum(s.stage_ms) / 1000.0, 2), round(sum(s.route_ms) / 1000.0, 2),
           round(sum(s.write_ms) / 1000.0, 2), round(sum(s.hash_ms) / 1000.0, 2), round(sum(s.verify_ms) / 1000.0, 2),
           string_agg(s.route_ms || '+' || s.write_ms || '/' || round(extract(epoch FROM s.finished_at - s.started_at) * 1000), ' ' ORDER BY s.shard)
    FROM geo_cluster_job j JOIN geo_cluster_shard s USING (job_id) WHERE j.job_id = '$1' GROUP BY j.created_at" |
  while read -r submit first span tail check stage route write hash verify each; do
    echo "  $1: submit->stored ${submit}s, stored->first lease ${first}s, first lease->last verified ${span}s, last verified->submit exit ${tail}s;" \
         "shards: check ${check}s stage ${stage}s route ${route}s write ${write}s hash ${hash}s verify ${verify}s; route+write/lease->verified ms per shard: ${each}"
  done
}

psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; psql_admin "CREATE DATABASE $DB"
echo "machine: $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
pct() { echo "($1 / $2 - 1) * 100" | bc -l | xargs printf '%+.1f %%'; }
f1() { printf '%.1f' "$1"; }
for mode in $MODES; do
  args=(--network "$WORK/data/poa.geonet" --mode "$mode" --destinations "$WORK/data/poa_hexgrid.csv")
  [ "$mode" = transit ] && args+=(--gtfs "$WORK/data/poa_eptc.zip" --date 2019-05-13 --window 14:00-15:00)
  head -2 "$WORK/data/poa_hexgrid.csv" > "$WORK/data/one-origin.csv"
  $GEO matrix "${args[@]}" --origins "$WORK/data/poa_hexgrid.csv" --out "$WORK/plain-$mode.parquet" >/dev/null   # warm-up (builds the cached hierarchy for car)
  for r in $(seq 1 "${REPEAT:-1}"); do
  /usr/bin/time -f "%U %S" -o "$WORK/plain1.cpu" $GEO matrix "${args[@]}" --origins "$WORK/data/one-origin.csv" --out "$WORK/plain1-$mode.parquet" >/dev/null
  fixed=$(awk '{ print $1 + $2 }' "$WORK/plain1.cpu")
  t0=$(now); /usr/bin/time -f "%U %S" -o "$WORK/plain.cpu" $GEO matrix "${args[@]}" --origins "$WORK/data/poa_hexgrid.csv" --out "$WORK/plain-$mode.parquet" --summary-json "$WORK/plain-$mode.json" >/dev/null; t1=$(now)
  plain=$(secs "$t0" "$t1"); plaincpu=$(awk '{ print $1 + $2 }' "$WORK/plain.cpu")
  routewrite=$(jq '[.phases[] | select(.phase == "route" or .phase == "write") | .seconds] | add' "$WORK/plain-$mode.json")
  echo "$mode plain geo matrix: $plain s, CPU $(f1 "$plaincpu") s (a 1-origin run: $(f1 "$fixed") s), $(echo "1227 / $plain" | bc -l | xargs printf '%.0f') origins/s; phases: $(jq -r '[.phases[] | "\(.phase) \(.seconds)s"] | join(", ")' "$WORK/plain-$mode.json")"
  [ -n "${OVERHEAD_ONLY:-}" ] || for n in 1 2 3; do
    read -r wall span _ < <(run_cluster "$n" "$mode" 100)
    echo "$mode $n silo(s), 13 shards of 100: $wall s submit-to-done, $(echo "1227 / $wall" | bc -l | xargs printf '%.0f') origins/s (first lease to last verified $span s)"
  done
  read -r wall span silocpu warmcpu warmsubmit warmspan < <(run_cluster 1 "$mode" 500 again)
  submitcpu=$(awk '{ print $1 + $2 }' "$WORK/submit.cpu")
  echo "$mode 1 silo, 3 shards of 500 vs plain $plain s, job level: submit-to-done $wall s ($(pct "$wall" "$plain")), first lease to last verified $span s ($(pct "$span" "$plain"));" \
       "CPU silo $(f1 "$silocpu") s + submit process $(f1 "$submitcpu") s vs plain $(f1 "$plaincpu") s ($(pct "$(echo "$silocpu + $submitcpu" | bc -l)" "$plaincpu"))"
  # Per shard: the warm silo's second job against plain route + write for the same 1,227 origins, scaled to 500.
  per() { echo "$1 * 500 / 1227" | bc -l; }
  plainshard=$(per "$routewrite"); plainshardcpu=$(per "$(echo "$plaincpu - $fixed" | bc -l)")
  echo "$mode per 500-origin shard (warm silo, 2nd job): wall $(f1 "$(per "$warmspan")") s vs plain route+write $(f1 "$plainshard") s ($(pct "$warmspan" "$routewrite"));" \
       "CPU silo $(f1 "$(per "$warmcpu")") s vs plain $(f1 "$plainshardcpu") s ($(pct "$warmcpu" "$(echo "$plaincpu - $fixed" | bc -l)")), with the submit process $(f1 "$(per "$(echo "$warmcpu + $warmsubmit" | bc -l)")") s ($(pct "$(echo "$warmcpu + $warmsubmit" | bc -l)" "$(echo "$plaincpu - $fixed" | bc -l)"))"
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
psql_admin "DROP DATABASE IF EXISTS $DB WITH (FORCE)"
