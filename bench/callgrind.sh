#!/bin/sh
# Callgrind instruction counts (Ir) per payload for every stage of
# bench_check, as ratios to the RapidJSON parse floor. Ir is exact and
# repeatable on this host, unlike time (PERFORMANCE.md 1).
#   bench/callgrind.sh build-bench/bench/bench_check [reps]
set -eu
bin=${1:?usage: callgrind.sh path/to/bench_check [reps]}
reps=${2:-3}
out=$(mktemp -d "${TMPDIR:-/tmp}/callcheck-callgrind.XXXXXX")
trap 'rm -rf "$out"' EXIT
echo "| stage | set | payloads | Ir / payload | x floor (Ir) |"
echo "|---|---|---:|---:|---:|"
for set in all clean invalid; do
  floor=
  for stage in floor_rapidjson_parse full_check stage_parse stage_schema stage_schema_valijson stage_schema_verdict \
    stage_classify stage_rules stage_scopes stage_render_json; do
    f="$out/$stage.$set"
    info=$(valgrind --tool=callgrind --toggle-collect=callcheck_bench_measured --callgrind-out-file="$f" \
           "$bin" "--callgrind=$stage/$set" "$reps" 2>/dev/null)
    n=$(echo "$info" | sed -n 's/.*payloads=\([0-9]*\).*/\1/p')
    ir=$(sed -n 's/^summary: *\([0-9]*\).*/\1/p' "$f")
    [ -n "$ir" ] || ir=$(sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$f")
    per=$((ir / (reps * n)))
    [ -n "$floor" ] || floor=$per
    awk -v s="$stage" -v set="$set" -v n="$n" -v per="$per" -v floor="$floor" \
      'BEGIN { printf "| %s | %s | %d | %.1f k | %.2f |\n", s, set, n, per / 1000, per / floor }'
  done
done
