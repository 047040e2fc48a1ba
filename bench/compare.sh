#!/bin/sh
# Whole-process comparison of callcheck with the tools people would use
# instead, on the same draft-07 schemas (schemas/graph/v1.0/) and the same
# payloads, and the in-process tables of bench_check and callgrind.sh.
# Writes Markdown to OUT (default bench/RESULTS.md).
#
#   bench/compare.sh [BUILD_DIR] [OUT]
#     BUILD_DIR (default build-bench): configured here as a Release build with
#                -DCALLCHECK_BUILD_BENCH=ON when it is new, then callcheck and
#                bench_check are built in it (incrementally); a folder
#                configured with another build type is refused, so no row
#                ever times a Debug or RelWithDebInfo binary.
#   env: QUICK=1 fewer runs; NO_NDJSON=1 skips the 1-million-line NDJSON run;
#        NO_INPROC=1 skips bench_check and callgrind.
#
# Peers are installed into a scratch folder, never into the project:
#   $PEERS (default ${TMPDIR:-/tmp}/callcheck-bench-peers): npm ajv-cli, ajv-formats,
#   @sourcemeta/jsonschema. Python jsonschema is Debian's python3-jsonschema
#   run by /usr/bin/python3. hyperfine and /usr/bin/time come from apt.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
build_arg=${1:-$root/build-bench}
if [ ! -f "$build_arg/CMakeCache.txt" ]; then
  echo "configuring $build_arg (Release, bench)" >&2
  cmake -S "$root" -B "$build_arg" -DCMAKE_BUILD_TYPE=Release -DCALLCHECK_BUILD_BENCH=ON \
    -DCALLCHECK_BUILD_TESTS=OFF >/dev/null
fi
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build_arg/CMakeCache.txt")
if [ "$build_type" != Release ]; then
  echo "compare.sh: $build_arg is a '$build_type' build; the bench times Release builds only" >&2
  exit 1
fi
echo "building callcheck and bench_check in $build_arg" >&2
nice -n 10 cmake --build "$build_arg" -j2 --target callcheck bench_check >/dev/null
build=$(cd "$build_arg" && pwd)
out=${2:-$here/RESULTS.md}
cc="$build/src/callcheck"
bench="$build/bench/bench_check"
schemas="$root/schemas/graph/v1.0"
shared=${CALLCHECK_SHARED_DIR:-$root/../shared}
peers=${PEERS:-${TMPDIR:-/tmp}/callcheck-bench-peers}
work=$(mktemp -d "${TMPDIR:-/tmp}/callcheck-compare.XXXXXX")
trap 'rm -rf "$work"' EXIT
runs=${RUNS:-20}
peer_runs=${PEER_RUNS:-5}
[ "${QUICK:-0}" = 1 ] && runs=5 && peer_runs=2

# ---- tools ----
if ! command -v hyperfine >/dev/null 2>&1; then
  echo "installing hyperfine (apt)" >&2
  apt-get install -y -q hyperfine >/dev/null || { echo "hyperfine is needed: apt-get install hyperfine" >&2; exit 1; }
fi
[ -x /usr/bin/time ] || apt-get install -y -q time >/dev/null
if [ ! -x "$peers/node_modules/.bin/ajv" ]; then
  echo "installing peers into $peers (npm)" >&2
  mkdir -p "$peers"
  npm install --prefix "$peers" --no-audit --no-fund ajv-cli ajv-formats >/dev/null
fi
[ -x "$peers/node_modules/@sourcemeta/jsonschema/build/github-releases/jsonschema-linux-$(uname -m)" ] ||
  npm install --prefix "$peers" --no-audit --no-fund @sourcemeta/jsonschema >/dev/null 2>&1 || true
ajv="$peers/node_modules/.bin/ajv"
# The native binary the npm package carries, not its Node wrapper (which adds
# Node's start to every run and is not what a CI image would install).
sm="$peers/node_modules/@sourcemeta/jsonschema/build/github-releases/jsonschema-linux-$(uname -m)"
[ -x "$sm" ] || sm=
py=/usr/bin/python3

# ---- inputs: syntactically valid corpus payloads and samples, copied ----
mkdir -p "$work/pool" "$work/refs" "$work/n1" "$work/n600" "$work/n6000"
for f in "$shared"/corpus/graph-docs/*.json "$root"/samples/valid/*.json; do
  "$py" -c 'import json,sys; json.load(open(sys.argv[1], encoding="utf-8"))' "$f" 2>/dev/null &&
    cp "$f" "$work/pool/"
done
for f in "$schemas"/*.json; do [ "$(basename "$f")" = call.schema.json ] || cp "$f" "$work/refs/"; done
pool_n=$(ls "$work/pool" | wc -l)
cp "$root/samples/valid/p2p-service-hosted.json" "$work/n1/"
fill() {  # fill DIR COUNT: cycle through the pool
  i=0
  while [ "$i" -lt "$2" ]; do
    for f in "$work"/pool/*.json; do
      [ "$i" -ge "$2" ] && break
      cp "$f" "$1/$(printf %05d "$i").json"
      i=$((i + 1))
    done
  done
}
fill "$work/n600" 600
fill "$work/n6000" 6000

cat >"$work/pyvalidate.py" <<'EOF'
# Python jsonschema (Debian python3-jsonschema): every file under the given
# paths against call.schema.json, $refs resolved from the local schema files.
import glob, json, os, sys
import jsonschema
schema_dir, paths = sys.argv[1], sys.argv[2:]
store = {}
for f in glob.glob(os.path.join(schema_dir, "*.json")):
    s = json.load(open(f, encoding="utf-8"))
    store[s["$id"]] = s
root = store["https://callcheck.dev/schemas/graph/v1.0/call.schema.json"]
resolver = jsonschema.RefResolver(root["$id"], root, store=store)
validator = jsonschema.Draft7Validator(root, resolver=resolver,
                                       format_checker=jsonschema.draft7_format_checker)
bad = 0
for p in paths:
    files = sorted(glob.glob(os.path.join(p, "*.json"))) if os.path.isdir(p) else [p]
    for f in files:
        errors = list(validator.iter_errors(json.load(open(f, encoding="utf-8"))))
        if errors:
            bad += 1
            print(f"{f}: {len(errors)} errors")
sys.exit(1 if bad else 0)
EOF

cmd_cc() { echo "$cc check --no-config $1"; }
cmd_ajv() { echo "$ajv validate --spec=draft7 --strict=false -c ajv-formats -s $schemas/call.schema.json -r $work/refs/*.json -d $2"; }
cmd_py() { echo "$py $work/pyvalidate.py $schemas $1"; }
# -c: go on after the first invalid file (without it, sourcemeta stops at the
# first one and the row times a fraction of the inputs). --fast trades error
# messages for speed; both are shown.
cmd_sm() { echo "$sm validate $schemas/call.schema.json $1 -r $schemas -c"; }
cmd_smf() { echo "$sm validate $schemas/call.schema.json $1 -r $schemas -c --fast"; }

# hyperfine NAME RUNS CMD... -> json in $work/NAME.json
hf() {
  hf_name=$1 hf_runs=$2
  shift 2
  (cd "$peers" && hyperfine -N -i --warmup 1 --runs "$hf_runs" --export-json "$work/$hf_name.json" "$@" \
    >"$work/$hf_name.log" 2>&1) || { echo "hyperfine failed ($hf_name):" >&2; tail -5 "$work/$hf_name.log" >&2; }
}

echo "timing: cold start" >&2
one="$work/n1/p2p-service-hosted.json"
hf n1 "$runs" -n "/bin/true" /bin/true -n callcheck "$(cmd_cc "$one")" -n "node -e 0" "node -e 0" \
  -n "python3 -c pass" "$py -c pass"
hf n1peers "$peer_runs" -n ajv-cli "$(cmd_ajv x "$one")" -n "python jsonschema" "$(cmd_py "$one")" \
  ${sm:+-n "sourcemeta jsonschema"} ${sm:+"$(cmd_sm "$one")"} ${sm:+-n "sourcemeta jsonschema --fast"} ${sm:+"$(cmd_smf "$one")"}
for n in 600 6000; do
  echo "timing: $n files" >&2
  d="$work/n$n"
  hf "n$n" "$runs" -n "callcheck -j2" "$(cmd_cc "-j2 $d")" -n "callcheck -j1" "$(cmd_cc "-j1 $d")"
  pr=$peer_runs
  [ "$n" = 6000 ] && pr=$(( peer_runs > 3 ? 3 : peer_runs ))
  hf "n${n}peers" "$pr" -n ajv-cli "$(cmd_ajv x "$d/*.json")" -n "python jsonschema" "$(cmd_py "$d")" \
    ${sm:+-n "sourcemeta jsonschema"} ${sm:+"$(cmd_sm "$d")"} ${sm:+-n "sourcemeta jsonschema --fast"} ${sm:+"$(cmd_smf "$d")"}
done

# ---- peak RSS ----
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | sed -n 's/.*Maximum resident set size (kbytes): //p'; }
echo "memory" >&2
rss_1=$(rss "$cc" check --no-config "$one")
rss_600=$(rss "$cc" check --no-config -j2 "$work/n600")
rss_6000=$(rss "$cc" check --no-config -j2 "$work/n6000")
set -f  # the globs are for ajv to expand
rss_ajv=$(cd "$peers" && rss $(cmd_ajv x "$work/n6000/*.json"))
set +f
rss_py=$(rss $(cmd_py "$work/n6000"))
ndjson_note="not measured (NO_NDJSON=1)"
if [ "${NO_NDJSON:-0}" != 1 ]; then
  echo "ndjson: 1,000,000 lines" >&2
  "$py" - "$work/pool" "$work/lines.ndjson" <<'EOF'
import glob, json, os, sys
docs = [json.dumps(json.load(open(f, encoding="utf-8")), separators=(",", ":"), ensure_ascii=False)
        for f in sorted(glob.glob(os.path.join(sys.argv[1], "*.json")))]
docs = [d for d in docs if d.startswith("{")]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(1000000):
        out.write(docs[i % len(docs)])
        out.write("\n")
EOF
  nd_bytes=$(stat -c %s "$work/lines.ndjson")
  head -n 1000 "$work/lines.ndjson" >"$work/lines1000.ndjson"
  nd_rss_1k=$(rss "$cc" check --no-config --format json "$work/lines1000.ndjson")
  start=$(date +%s%N)
  nd_rss_1m=$(rss "$cc" check --no-config --format json "$work/lines.ndjson")
  nd_ms=$(( ($(date +%s%N) - start) / 1000000 ))
  ndjson_note="1,000,000 lines ($((nd_bytes / 1048576)) MiB, --format json to /dev/null): peak RSS ${nd_rss_1m} KiB, wall ${nd_ms} ms; the first 1,000 lines alone ${nd_rss_1k} KiB"
fi

# ---- in-process ----
inproc=
cg=
if [ -x "$bench" ] && [ "${NO_INPROC:-0}" != 1 ]; then
  echo "bench_check" >&2
  inproc=$("$bench" --benchmark_repetitions=9 --benchmark_enable_random_interleaving=true \
           --benchmark_min_time=0.05 2>/dev/null | sed -n '/^| stage/,$p')
  echo "callgrind" >&2
  cg=$("$here/callgrind.sh" "$bench" 1)
fi
# Ajv in process on the same payloads, right after bench_check (same load).
ajv_inproc=
if [ "${NO_INPROC:-0}" != 1 ] && [ -d "$peers/node_modules/ajv" ]; then
  echo "ajv in process" >&2
  ajv_inproc=$(NODE_PATH="$peers/node_modules" node "$here/ajv_inproc.js" "$schemas" "$work/pool" 2>&1 || true)
fi

# ---- report ----
echo "writing $out" >&2
load=$(uptime | sed 's/.*load average: //')
pkgver() { "$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$peers/node_modules/$1/package.json" 2>/dev/null || echo "?"; }
cc_v=$("$cc" --version | head -1)
hf_v=$(hyperfine --version | sed 's/hyperfine //')
node_v=$(node --version)
ajvcli_v=$(pkgver ajv-cli)
ajv_v=$(pkgver ajv)
pyjs_v=$("$py" -c 'import importlib.metadata as m; print(m.version("jsonschema"))')
sm_v=$( [ -n "$sm" ] && "$sm" --version 2>/dev/null | head -1 || echo "not installed")
"$py" - "$work" "$out" <<EOF
import json, os, sys
work, out = sys.argv[1], sys.argv[2]
def results(name):
    p = os.path.join(work, name + ".json")
    return json.load(open(p))["results"] if os.path.exists(p) else []
def ms(x): return f"{x * 1000:.1f} ms"
def table(title, names, ref_name):
    rows = [r for n in names for r in results(n)]
    ref = next((r for r in rows if r["command"] == ref_name), None)
    s = f"\n### {title}\n\n| command | runs | median | min | max | user CPU (mean) | × {ref_name} (median) |\n|---|---:|---:|---:|---:|---:|---:|\n"
    for r in rows:
        ratio = r["median"] / ref["median"] if ref else float("nan")
        s += f"| {r['command']} | {len(r['times'])} | {ms(r['median'])} | {ms(r['min'])} | {ms(r['max'])} | {ms(r.get('user', float('nan')))} | {ratio:.2f} |\n"
    return s
cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
md = f"""# callcheck performance results

Generated by \`bench/compare.sh\` (one run; every ratio compares numbers from this run).

## Machine

* nproc: {os.cpu_count()}; CPU: {cpu}; load average at the end of the run: $load
* $(uname -srm); callcheck $cc_v; hyperfine $hf_v; node $node_v; ajv-cli $ajvcli_v (ajv $ajv_v);
  python jsonschema $pyjs_v (Debian python3-jsonschema); @sourcemeta/jsonschema $sm_v
* Inputs: $pool_n syntactically valid payloads (corpus graph-docs + samples/valid), copied cyclically
  to 600 and 6,000 files; one file = samples/valid/p2p-service-hosted.json. All tools validate against
  schemas/graph/v1.0/call.schema.json with its \$refs resolved from the local files.

## Whole process (hyperfine -N, medians)
"""
md += table("One file: cold start", ["n1", "n1peers"], "callcheck")
md += table("600 files", ["n600", "n600peers"], "callcheck -j2")
md += table("6,000 files", ["n6000", "n6000peers"], "callcheck -j2")
md += """
## Peak memory (/usr/bin/time -v, maximum RSS)

| run | peak RSS |
|---|---:|
| callcheck, 1 file | ${rss_1} KiB |
| callcheck -j2, 600 files | ${rss_600} KiB |
| callcheck -j2, 6,000 files | ${rss_6000} KiB |
| ajv-cli, 6,000 files | ${rss_ajv} KiB |
| python jsonschema, 6,000 files | ${rss_py} KiB |

NDJSON: ${ndjson_note}
"""
inproc = """$inproc"""
cg = """$cg"""
if inproc:
    md += "\n## In process, per payload (bench_check: Google Benchmark, 9 interleaved repetitions, median CPU time)\n\n" + inproc + "\n"
ajv_inproc = """$ajv_inproc"""
if ajv_inproc:
    md += "\n### Ajv in process, per payload (bench/ajv_inproc.js, same payloads, after V8 tier-up)\n\n| run | payloads | median per payload |\n|---|---|---:|\n" + ajv_inproc.strip() + "\n"
if cg:
    md += "\n## In process, callgrind instructions per payload (bench/callgrind.sh)\n\n" + cg + "\n"
md += f"""
## Reproduce

\`\`\`sh
bench/compare.sh                        # configures and builds build-bench (Release), then writes this file
                                        # (peers go to \$TMPDIR/callcheck-bench-peers)
build-bench/bench/bench_check           # in-process times only
bench/callgrind.sh build-bench/bench/bench_check   # instruction counts only
\`\`\`

Commands timed (paths shortened: \$W is the temp dir, \$S = schemas/graph/v1.0):

* callcheck: \`callcheck check --no-config [-j1|-j2] \$W/n6000\`
* ajv-cli: \`ajv validate --spec=draft7 --strict=false -c ajv-formats -s \$S/call.schema.json -r '\$W/refs/*.json' -d '\$W/n6000/*.json'\`
* python jsonschema: \`/usr/bin/python3 pyvalidate.py \$S \$W/n6000\` (Draft7Validator, RefResolver store of the local \$ids, format checker; script embedded in compare.sh)
* sourcemeta: \`jsonschema-linux-x86_64 validate \$S/call.schema.json \$W/n6000 -r \$S -c [--fast]\` (the native binary from the npm package)
"""
# Sections other benchmarks write (bench_hostile's by hand, bench/wasm.sh's between markers) are kept.
import os, re
kept = ""
if os.path.exists(out):
    old = open(out).read()
    wasm = re.search(r"<!-- wasm:begin -->.*?<!-- wasm:end -->", old, re.S)
    rest = re.sub(r"\n*<!-- wasm:begin -->.*?<!-- wasm:end -->\n*", "\n", old, flags=re.S)
    at = rest.find("\n## Adversarial shapes")
    if at >= 0:
        kept = rest[at:].rstrip("\n") + "\n"
    if wasm:
        kept += "\n" + wasm.group(0) + "\n"
open(out, "w").write(md.rstrip("\n") + "\n" + kept)
EOF
echo "done: $out" >&2
