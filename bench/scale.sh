#!/usr/bin/env bash
# The whole CLI at scale (issue 14), in numbers that do not depend on the
# machine's load: callgrind instruction counts per thread and peak RSS. The
# calling thread consumes the results in order and checks inputs too
# (cli/worker_pool.h): with -jN its share is about 1/N when the work is even.
#   bench/scale.sh [CALLCHECK_BINARY] [OTHER_BINARY]
# Inputs as bench/compare.sh makes them: the syntactically valid payloads of
# the graph-docs corpus and samples/valid, copied cyclically to 600 and 6,000
# files, and as NDJSON lines (1,000, 10,000 and 100,000; LINES_1M=1 adds a
# million). With OTHER_BINARY (e.g. a build of main) every row is measured
# for both. Instructions are also given per file (whole process, every
# thread, divided by the file count).
# Needs valgrind and GNU time; ~100 MB of /tmp.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${CALLCHECK_SHARED:-$root/../shared}
bins=("$(realpath "${1:-$root/build-rel/src/callcheck}")")
[ $# -ge 2 ] && bins+=("$(realpath "$2")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pool" "$work/n600" "$work/n6000"
for f in "$shared"/corpus/graph-docs/*.json "$root"/samples/valid/*.json; do
  python3 -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$f" 2>/dev/null && cp "$f" "$work/pool/"
done
python3 - "$work" <<'EOF'
import glob, json, os, shutil, sys
work = sys.argv[1]
pool = sorted(glob.glob(os.path.join(work, "pool", "*.json")))
for n in (600, 6000):
    for i in range(n):
        shutil.copy(pool[i % len(pool)], os.path.join(work, f"n{n}", f"{i:05d}.json"))
docs = [json.dumps(json.load(open(f, encoding="utf-8")), separators=(",", ":"), ensure_ascii=False) for f in pool]
docs = [d for d in docs if d.startswith("{")]
for n in (1000, 10000, 100000) + ((1000000,) if os.environ.get("LINES_1M") == "1" else ()):
    with open(os.path.join(work, f"lines{n}.ndjson"), "w", encoding="utf-8") as out:
        for i in range(n):
            out.write(docs[i % len(docs)])
            out.write("\n")
EOF
cd "$work"

# threads N BIN ARGS...: "total T (T/N per file), calling thread C (P %), workers W1 W2 ..." (instructions)
threads() {
  local files=$1 bin=$2
  shift 2
  rm -f cg.out*
  valgrind --tool=callgrind --separate-threads=yes --callgrind-out-file="$work/cg.out.%p" "$bin" "$@" \
    >/dev/null 2>/dev/null || true
  python3 - "$work" "$files" <<'EOF'
import glob, os, re, sys
counts = []
for f in sorted(glob.glob(os.path.join(sys.argv[1], "cg.out.*-*")), key=lambda p: int(p.rsplit("-", 1)[1])):
    for line in open(f):
        if line.startswith("summary:"):
            counts.append(int(line.split()[1]))
total = sum(counts)
print(f"total {total / 1e6:.1f} M ({total / int(sys.argv[2]) / 1e3:.1f} k per file), calling thread {counts[0] / 1e6:.1f} M ({100 * counts[0] / total:.1f} %), "
      f"workers {' '.join(f'{c / 1e6:.1f} M' for c in counts[1:]) or 'none'}")
EOF
}
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }

echo "# load $(cut -d' ' -f1-3 /proc/loadavg); nproc $(nproc); $(ls pool | wc -l) payloads"
for bin in "${bins[@]}"; do
  echo "## $bin"
  for n in 600 6000; do
    echo "check --no-config -j2, $n files: $(threads "$n" "$bin" check --no-config -j2 "n$n")"
  done
  for n in 600 6000; do
    echo "check --no-config -j1, $n files: $(threads "$n" "$bin" check --no-config -j1 "n$n")"
  done
  echo "check -j1 (configuration discovery), 6000 files: $(threads 6000 "$bin" check -j1 n6000)"
  echo "check --no-config --format json -j2, 10,000 NDJSON lines: $(threads 10000 "$bin" check --no-config --format json -j2 lines10000.ndjson)"
  echo "check --no-config --format json -j1, 10,000 NDJSON lines: $(threads 10000 "$bin" check --no-config --format json -j1 lines10000.ndjson)"
  echo "peak RSS: 1 file $(rss "$bin" check --no-config pool/"$(ls pool | head -1)") KiB," \
    "600 files $(rss "$bin" check --no-config -j2 n600) KiB, 6,000 files $(rss "$bin" check --no-config -j2 n6000) KiB," \
    "1,000 NDJSON lines $(rss "$bin" check --no-config --format json lines1000.ndjson) KiB," \
    "100,000 lines $(rss "$bin" check --no-config --format json lines100000.ndjson) KiB" \
    "${LINES_1M:+, 1,000,000 lines $(rss "$bin" check --no-config --format json lines1000000.ndjson) KiB}"
done
