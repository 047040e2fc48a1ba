#!/usr/bin/env bash
# Baseline application at scale (issue 18): FILES small payloads checked with
# and without a baseline of ENTRIES entries. Applying a baseline used to scan
# every entry for every file (O(files x entries)); hashed, the two runs should
# take about the same time.
#   [RUNS=3] bench/baseline_scale.sh [CALLCHECK_BINARY] [FILES] [ENTRIES]
# Prints wall and CPU time of each run (median of RUNS). Needs ~450 MB of /tmp for 1e5 files.
set -euo pipefail
bin=${1:-build-rel/src/callcheck}
files=${2:-100000}
entries=${3:-50000}
runs=${RUNS:-3}
bin=$(realpath "$bin")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/calls" "$work/.git"
python3 - "$work" "$files" "$entries" <<'EOF'
import json, os, sys
work, files, entries = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
body = '{"callbackUri": "http://bot.contoso.com/cb"}'
for i in range(files):
    with open(os.path.join(work, "calls", f"p{i:06d}.json"), "w") as f:
        f.write(body)
# One entry per file for the first `entries` files: the CC202 it reports.
rows = [{"path": f"calls/p{i:06d}.json", "code": "CC202", "pointer": "/callbackUri", "count": 1}
        for i in range(entries)]
with open(os.path.join(work, "baseline.json"), "w") as f:
    json.dump({"version": 1, "entries": rows}, f)
EOF
cd "$work"
# median <args...>: "wall W s, cpu C s" (median of 3 runs each; CPU = user + sys,
# which a shared machine disturbs less than wall time).
median() {
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$bin" --no-config --format json -j2 "$@" calls \
      >/dev/null 2>&1 || true
    read -r wall user sys < <(tail -n 1 "$work/time.txt")
    walls+=("$wall")
    cpus+=("$(echo "$user + $sys" | bc)")
  done
  local mid=$(((runs + 1) / 2))
  echo "wall $(printf '%s\n' "${walls[@]}" | sort -n | sed -n ${mid}p) s, cpu $(printf '%s\n' "${cpus[@]}" | sort -n | sed -n ${mid}p) s"
}
echo "callcheck: $bin; $files files, $entries baseline entries; nproc $(nproc); load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "without a baseline: $(median)"
echo "with the baseline:  $(median --baseline baseline.json)"
