#!/usr/bin/env bash
# libFuzzer smoke of every target: tests/fuzz/run.sh [seconds-per-target] (default 10).
#
# Builds build-fuzz with clang (reused if configured), seeds a temporary
# corpus per target (samples, the shared Graph docs and JSONTestSuite, the
# Markdown seed page, the extract goldens' inputs, hostile file names over
# the samples for render), runs each target for the given time and prints
# seeds, runs, exec/s, cov and ft. Exits 1 on any crash, leak,
# timeout, OOM or sanitizer report; the input is kept under
# build-fuzz/fuzz-artifacts/<target>/. Turn it into a regression with
#   cp build-fuzz/fuzz-artifacts/<target>/crash-* tests/fuzz/regressions/<target>/
# (tests/unit/fuzz_regressions_test.cc replays that folder).
#
# Environment: CALLCHECK_FUZZ_BUILD (build folder), CALLCHECK_SHARED_DIR
# (corpora; default ../shared beside the project), CALLCHECK_FUZZ_TARGETS
# (space-separated subset, default all), CALLCHECK_FUZZ_NO_BUILD=1 (run the
# binaries already in the build folder, e.g. beside a campaign in progress).
set -euo pipefail

seconds="${1:-10}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
build="${CALLCHECK_FUZZ_BUILD:-$root/build-fuzz}"
shared="${CALLCHECK_SHARED_DIR:-$root/../shared}"
targets="${CALLCHECK_FUZZ_TARGETS:-check parse token config extract render server schema}"
fuzz_dir="$root/tests/fuzz"

if ! command -v clang++ >/dev/null; then
  echo "run.sh: clang++ not found (apt-get install clang libclang-rt-14-dev)" >&2
  exit 1
fi

start_build=$SECONDS
if [ ! -f "$build/CMakeCache.txt" ]; then
  CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCALLCHECK_FUZZ=ON -DCALLCHECK_BUILD_TESTS=OFF \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
build_targets=()
for t in $targets; do build_targets+=("fuzz_$t"); done
if [ "${CALLCHECK_FUZZ_NO_BUILD:-0}" != 1 ]; then
  cmake --build "$build" -j"$(nproc)" --target "${build_targets[@]}" >/dev/null
fi
echo "fuzz: build took $((SECONDS - start_build)) s"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# A seed with a leading selector byte (the targets read byte 0 as options),
# named by its content's hash: names made from the file's base name collided
# (samples/valid/x.json and graph-docs/x.json, or one file under two
# selectors became one seed), so targets silently lost seeds.
seed() {  # seed <dir> <selector 0-255> <file>
  local tmp="$1/.seed.tmp"
  { printf "\\$(printf '%03o' "$2")"; cat "$3"; } >"$tmp"
  mv "$tmp" "$1/$(sha1sum <"$tmp" | cut -c1-40)"
}

b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }

make_corpus() {  # make_corpus <target> <dir>
  local target="$1" dir="$2" i=0 f
  mkdir -p "$dir"
  case "$target" in
    check | parse | schema)
      for f in "$root"/samples/*/*.json "$shared"/corpus/graph-docs/*.json "$shared"/corpus/graph-docs/*/*.json \
        "$shared"/corpus/jsontestsuite/*.json; do
        [ -f "$f" ] || continue
        # Spread the selector over all 256 values: its top bits pick the
        # output format, so i % 32 seeded only the text renderer.
        seed "$dir" $(((i * 37 + 11) % 256)) "$f"
        i=$((i + 1))
      done
      ;;
    extract)
      for f in "$shared"/corpus/seed/*.md; do [ -f "$f" ] && seed "$dir" 0 "$f" && seed "$dir" 4 "$f"; done
      for f in "$root"/tests/golden/extract/*.http; do [ -f "$f" ] && seed "$dir" 1 "$f"; done
      for f in "$root"/tests/golden/extract/*.ndjson; do [ -f "$f" ] && seed "$dir" 2 "$f"; done
      ;;
    token)
      local header sig claims
      header="$(printf '%s' '{"typ":"JWT","alg":"RS256"}' | b64url)"
      sig="c2lnbmF0dXJl"
      for claims in '{"roles":["Calls.Initiate.All","Calls.AccessMedia.All"]}' '{"roles":"Calls.JoinGroupCall.All"}' \
        '{"scp":"User.Read"}' '{"roles":[1]}' '[]'; do
        printf '%s.%s.%s' "$header" "$(printf '%s' "$claims" | b64url)" "$sig" >"$dir/jwt-$i"
        printf 'Bearer %s.%s.%s' "$header" "$(printf '%s' "$claims" | b64url)" "$sig" >"$dir/bearer-$i"
        i=$((i + 1))
      done
      ;;
    render)
      # <selector> <name length> <name> <payload>: hostile names over samples.
      local name len names=(
        "$(printf 'a\n::error file=x::pwned.json')" "$(printf '\033[2J\302\23331m.json')"
        "$(printf '\342\200\256nosj.txt ##[add-mask]x')" '::warning ::y.json' "$(printf 'caf\351 \377.json')"
        'dir with space/a b:c.json')
      for f in "$root"/samples/invalid/*.json "$root"/samples/valid/*.json; do
        name="${names[$((i % ${#names[@]}))]}"
        len=$(printf '%s' "$name" | wc -c)
        { printf "\\$(printf '%03o' "$len")"; printf '%s' "$name"; cat "$f"; } >"$work/render-seed"
        seed "$dir" $(((i * 37 + 11) % 256)) "$work/render-seed"
        i=$((i + 1))
      done
      ;;
    server)
      # Framed LSP sessions; selector 1 adds an initialize + didOpen prologue.
      local open='{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.json","version":1,"text":"{\"a\": [1,]}"}}}'
      local msgs=('{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}' "$open"
        '{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///f.json","version":2},"contentChanges":[{"range":{"start":{"line":0,"character":3},"end":{"line":0,"character":8}},"text":"\"video\""}]}}'
        '{"jsonrpc":"2.0","id":2,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///f.json"},"range":{"start":{"line":0,"character":0},"end":{"line":9,"character":0}},"context":{"diagnostics":[]}}}'
        '{"jsonrpc":"2.0","id":3,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///f.json"},"position":{"line":0,"character":5}}}'
        '{"jsonrpc":"2.0","id":4,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///f.json"},"position":{"line":1,"character":2}}}'
        '{"jsonrpc":"2.0","id":5,"method":"shutdown"}' '{"jsonrpc":"2.0","method":"exit"}')
      local m session=""
      for m in "${msgs[@]}"; do session+="Content-Length: ${#m}"$'\r\n\r\n'"$m"; done
      printf '%s' "$session" >"$work/s0"
      printf '%s' "${session#*\}\}}" >"$work/s1"
      seed "$dir" 0 "$work/s0"; seed "$dir" 1 "$work/s0"; seed "$dir" 1 "$work/s1"; seed "$dir" 3 "$work/s0"
      ;;
    config)
      printf '%s' '{"api": "beta", "scopes": ["Calls.Initiate.All"], "rules": {"CC201": "off", "undeclared-property": "info"}}' \
        >"$work/c1"
      printf '%s' '{"select": ["CC2"], "ignore": ["CC204"], "baseline": "b.json", "overrides": [{"files": ["docs/**/*.md"], "api": "v1.0", "rules": {"CC102": "warning"}}]}' \
        >"$work/c2"
      printf '%s' '{"suppressions": [{"files": ["*.json"], "pointer": "/targets/*", "rule": "CC205", "reason": "test ids"}, {"files": "**", "pointer": "", "rule": "missing-required-property", "reason": "x"}]}' \
        >"$work/c3"
      for f in "$work"/c1 "$work"/c2 "$work"/c3; do seed "$dir" 0 "$f"; seed "$dir" 1 "$f"; done
      ;;
  esac
}

export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1:suppressions=$fuzz_dir/ubsan.supp"

failed=0
printf '%-8s %6s %9s %9s %7s %7s %6s  %s\n' target seeds seconds runs exec/s cov ft result
for t in $targets; do
  corpus="$work/corpus-$t"
  artifacts="$build/fuzz-artifacts/$t"
  make_corpus "$t" "$corpus"
  seeds=$(find "$corpus" -type f | wc -l)
  mkdir -p "$artifacts"
  log="$work/$t.log"
  started=$SECONDS
  status=0
  # One in-process job: -jobs=N would fork a worker whose output goes to a
  # fuzz-N.log in the working directory instead of this log.
  # -entropic=0: the entropic scheduler's per-feature bookkeeping
  # (InputCorpus::UpdateFeatureFrequency) was up to half of fuzz_check's CPU
  # time early in a run, because one check touches thousands of edges;
  # without it 60 s on one idle core ran 2,489 exec/s instead of 1,909 and
  # reached more coverage (cov 10,179 vs 10,126, ft 33,566 vs 31,996;
  # bench/RESULTS.md).
  "$build/tests/fuzz/fuzz_$t" "$corpus" -dict="$fuzz_dir/json.dict" -max_total_time="$seconds" -max_len=20000 \
    -entropic=0 -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 ||
    status=$?
  elapsed=$((SECONDS - started))
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  speed="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
  result=ok
  if [ "$status" -ne 0 ] || grep -qE 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|SUMMARY: ' "$log"; then
    result="FAILED (exit $status)"
    failed=1
  fi
  printf '%-8s %6s %9s %9s %7s %7s %6s  %s\n' "$t" "$seeds" "$elapsed" "${runs:-?}" "${speed:-?}" "${cov:-?}" "${ft:-?}" \
    "$result"
  if [ "$result" != ok ]; then
    echo "---- fuzz_$t log (last 60 lines); inputs kept in $artifacts" >&2
    tail -60 "$log" >&2
  fi
done
exit "$failed"
