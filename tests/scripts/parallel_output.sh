#!/usr/bin/env bash
# Output does not depend on the thread count (issue 18), now that workers
# also read NDJSON lines and render reports (issue 14): a directory of more
# files than the pool's window (cli/worker_pool.h kWindow = 256) and an NDJSON
# file of more lines than that give the same bytes and exit code with -j1, -j2
# and -j4, in every format, with --quiet and with several outputs. The NDJSON
# file read in blocks gives what the same bytes give on stdin (split in
# memory): blank lines, CRLF, a line over --max-bytes, no final newline.
set -uo pipefail
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
formats="${CALLCHECK_FORMATS:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0

mkdir -p "$work/many"
i=0
while [ "$i" -lt 300 ]; do
  for f in "$src"/samples/valid/*.json "$src"/samples/invalid/*.json; do
    [ "$i" -ge 300 ] && break
    cp "$f" "$work/many/$(printf %04d "$i").json"
    i=$((i + 1))
  done
done
python3 - "$src" "$work/lines.ndjson" <<'EOF'
import glob, json, os, sys
src, out = sys.argv[1], sys.argv[2]
docs = []
for f in sorted(glob.glob(os.path.join(src, "samples", "*", "*.json"))):
    try:
        docs.append(json.dumps(json.load(open(f, encoding="utf-8")), separators=(",", ":")))
    except ValueError:
        docs.append(open(f, encoding="utf-8", errors="replace").read().replace("\n", " "))
with open(out, "w", encoding="utf-8", newline="") as o:
    for i in range(400):
        o.write(docs[i % len(docs)])
        o.write("\r\n" if i % 7 == 0 else "\n")
        if i % 50 == 0:
            o.write("   \n")
    o.write('{"callbackUri": "' + "x" * 5000 + '"}\n')
    o.write('{"callbackUri": "http://bot.contoso.com/cb"}')
EOF

# run NAME ARGS...: stdout, stderr and the exit code of one run in $work/NAME
run() {
  local name=$1
  shift
  (cd "$work" && "$bin" check --no-config "$@") >"$work/$name.out" 2>"$work/$name.err"
  echo "exit $?" >>"$work/$name.err"
}
same() {  # same A B WHAT
  if ! cmp -s "$work/$1.out" "$work/$2.out" || ! cmp -s "$work/$1.err" "$work/$2.err"; then
    echo "FAIL: $3: -j1 and the parallel run differ"
    diff "$work/$1.out" "$work/$2.out" | head -5
    diff "$work/$1.err" "$work/$2.err" | head -5
    fail=1
  fi
}

for format in $formats; do
  for input in many lines.ndjson; do
    run j1 -j1 --format "$format" --max-bytes 4000 "$input"
    [ -s "$work/j1.out" ] || { echo "FAIL: $format $input: no output"; fail=1; }
    for j in 2 4; do
      run "j$j" "-j$j" --format "$format" --max-bytes 4000 "$input"
      same j1 "j$j" "--format $format -j$j $input"
    done
    # With two outputs nothing is rendered apart: the renderer writes each
    # report itself, and the document must be the same.
    run two -j2 --format "$format:one.out" --format "concise:two.out" --max-bytes 4000 "$input"
    if ! cmp -s "$work/j1.out" "$work/one.out"; then
      echo "FAIL: --format $format $input: rendered apart and rendered in order differ"
      diff "$work/j1.out" "$work/one.out" | head -5
      fail=1
    fi
  done
done
for extra in --quiet --statistics --show-scopes "--format json:report.json --format text"; do
  # shellcheck disable=SC2086 # $extra holds several arguments on purpose
  run j1 -j1 $extra many lines.ndjson
  cp "$work/report.json" "$work/report1.json" 2>/dev/null
  # shellcheck disable=SC2086
  run j2 -j2 $extra many lines.ndjson
  same j1 j2 "$extra"
  if [ -f "$work/report.json" ] && ! cmp -s "$work/report.json" "$work/report1.json"; then
    echo "FAIL: $extra: the report file differs between -j1 and -j2"
    fail=1
  fi
done

# The file, streamed in blocks, and the same bytes on stdin, split in memory
# (stdin is capped as a whole by --max-bytes, so the default cap here).
for format in text json; do
  run file -j2 --format "$format" lines.ndjson
  (cd "$work" && "$bin" check --no-config -j2 --format "$format" --stdin-filename lines.ndjson - \
    <lines.ndjson) >"$work/stdin.out" 2>"$work/stdin.err"
  echo "exit $?" >>"$work/stdin.err"
  same file stdin "NDJSON file vs stdin ($format)"
done
grep -q '"line": 410' "$work/file.out" || { echo "FAIL: the last line (no final newline) is not checked at line 410"; fail=1; }
run capped -j2 --format json --max-bytes 4000 lines.ndjson
grep -q '"code": "CC004"' "$work/capped.out" || { echo "FAIL: the line over --max-bytes is not CC004"; fail=1; }

# A FIFO named .ndjson is refused, never opened for reading (it would block).
mkfifo "$work/pipe.ndjson"
if (cd "$work" && timeout 10 "$bin" check --no-config pipe.ndjson) >"$work/fifo.out" 2>&1; then
  echo "FAIL: a FIFO was checked"
  fail=1
fi
grep -q 'CC010' "$work/fifo.out" || { echo "FAIL: a FIFO is not CC010"; cat "$work/fifo.out"; fail=1; }

[ "$fail" = 0 ] && echo "ok: output identical across -j1/-j2/-j4 in every format; NDJSON streamed = stdin"
exit "$fail"
