#!/usr/bin/env bash
# Hostile inputs through the CLI (RELIABILITY.md R1, R2, R5-R7, R11): nothing
# crashes, hangs or passes silently. Every case runs as
#   prlimit --as=512MiB timeout 5 callcheck BAD good.json
# and asserts the exit code (2 = unreadable input, 1 = findings; a signal or
# 124 = hang is always a failure), the rule code in a `path:line:col: severity
# CODE` line, and that good.json after the bad input is still reported.
# Files are generated here, in a temporary directory; nothing big is committed.
# Memory: normal inputs need under 64 MiB of address space at -j2 (measured
# with prlimit); 512 MiB leaves room for the raised-limit cases.
set -uo pipefail
# ASan reserves terabytes of address space, so the address-space cap only
# means something in a normal build; the sanitizer run keeps the hang guard.
memcap="prlimit --as=$((512 * 1024 * 1024))"
[ "${CALLCHECK_UNDER_ASAN:-0}" = 1 ] && memcap=""
bin="$CALLCHECK_BINARY"
src="$CALLCHECK_SOURCE_DIR"
work=$(mktemp -d)
writer_pid=""
cleanup() {
  [ -n "$writer_pid" ] && kill "$writer_pid" 2>/dev/null
  chmod -R u+rwx "$work" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
chmod 755 "$work"  # the unprivileged case below must reach the files
cd "$work"
fail=0 cases=0
cp "$src/samples/valid/p2p-service-hosted.json" good.json
raise=(--max-bytes 100000000)  # lets big files reach the parser's own limits

# run <name> <want-exit|any> <code-regex|-> <file> [callcheck flags...]  (any = 0 or 1)
# Runs `callcheck [flags] <file> good.json`.
run() {
  local name=$1 want=$2 code=$3 file=$4; shift 4
  cases=$((cases + 1))
  $memcap timeout 5 "$bin" --no-config --color never --show-scopes -j2 "$@" "$file" good.json \
    >out.txt 2>err.txt
  local got=$?
  check_result "$name" "$want" "$code" "$file" "$got"
}
check_result() {
  local name=$1 want=$2 code=$3 file=$4 got=$5 ok=1
  if [ "$got" -ge 124 ]; then
    echo "FAIL: $name: exit $got (124 = hang, >128 = signal)"; ok=0
  elif [ "$want" = any ] && [ "$got" -le 1 ]; then
    :  # 0 or 1: the input was read and checked
  elif [ "$want" = any ] || [ "$got" -ne "$want" ]; then
    echo "FAIL: $name: exit $got, want $want"; ok=0
  fi
  # A here-string, not a pipe: grep -q closing the pipe early is a SIGPIPE
  # failure under pipefail once the output is large.
  if [ "$code" != "-" ] && ! grep -Eq -- ":[0-9]+:[0-9]+: (error|warning|info) ($code) " <<<"$(grep -F -- "$file:" out.txt)"; then
    echo "FAIL: $name: no '$file:line:col: severity $code' line"; ok=0
  fi
  if ! grep -q '^good.json: scenario' out.txt; then
    echo "FAIL: $name: good.json after it was not reported"; ok=0
  fi
  if [ "$ok" -eq 1 ]; then echo "ok: $name"; else head -c 1500 out.txt err.txt; echo; fail=1; fi
}
# A payload with one property replaced: payload <file> <python expression for the dict d>
payload() {
  python3 - "$1" "$2" <<'EOF'
import json, sys
d = json.load(open("good.json"))
exec(sys.argv[2])
json.dump(d, open(sys.argv[1], "w"))
EOF
}

# --- Depth: 10 million levels, balanced and unclosed -----------------------
head -c 10000000 /dev/zero | tr '\0' '[' >open.json
{ cat open.json; head -c 10000000 /dev/zero | tr '\0' ']'; } >balanced.json
python3 -c 'import sys; sys.stdout.write("{\"a\":" * 1000000)' >objects.json
python3 -c 'import sys; sys.stdout.write("{\"a\":" * 1000000 + "1" + "}" * 1000000)' >objects-closed.json
for f in open.json balanced.json objects.json objects-closed.json; do
  run "depth $f, default limits: refused by size" 2 CC010 "$f"
  grep -q "larger than the limit" out.txt || { echo "FAIL: $f: size message"; fail=1; }
  run "depth $f, --max-bytes raised: depth limit" 1 CC004 "$f" "${raise[@]}"
  run "depth $f, --max-depth 10000" 1 CC004 "$f" "${raise[@]}" --max-depth 10000
done

# --- 10 MB strings in every kind of field ---------------------------------
big='"x" * 10000000'
payload str-value.json "d['source']['identity']['application']['displayName'] = $big"
payload str-key.json "d[$big] = 1"
payload str-callback.json "d['callbackUri'] = 'https://a.example/' + $big"
payload str-target-id.json "d['targets'][0]['identity']['user']['id'] = $big"
for f in str-value.json str-key.json str-callback.json str-target-id.json; do
  run "10 MB string $f: refused by size" 2 CC010 "$f"
  run "10 MB string $f: string/key limit" 1 CC004 "$f" "${raise[@]}"
  # Every later stage sees the 10 MB string: schema, rules, renderers. A long
  # display name or a non-GUID-looking id is legal, so the verdict may be clean.
  run "10 MB string $f: all limits raised, no crash" any - "$f" "${raise[@]}" --max-string 1073741824 --max-key 1048576
done

# --- A million elements; 200k keys; duplicates ----------------------------
python3 -c 'import sys; sys.stdout.write("[" + ",".join(["0"] * 1000000) + "]")' >elements.json
run "1e6 elements: element limit" 1 CC004 elements.json "${raise[@]}"
python3 -c 'import sys; sys.stdout.write("{" + ",".join("\"k%d\":0" % i for i in range(200000)) + "}")' >keys.json
run "200k distinct keys: member limit" 1 CC004 keys.json "${raise[@]}"
printf '{"callbackUri":"https://a.example/cb","callbackUri":"http://evil.example/cb"}' >dup.json
run "duplicate keys" 1 CC002 dup.json

# --- 100 MB: refused by size before reading (sparse, so cheap to make) ----
truncate -s 100M huge.json
run "100 MB file" 2 CC010 huge.json
grep -q "file is 104857600 bytes, larger than the limit" out.txt || { echo "FAIL: 100 MB message"; fail=1; }

# --- Encoding --------------------------------------------------------------
printf '{"a":"\xc0\xaf"}' >overlong.json
printf '{"a":"\xed\xa0\x80"}' >surrogate.json
printf '{"a":"\xe2\x82"}' >truncated.json
printf '{"a":"\xf8"}' >f8.json
printf '{"a":"\xff"}' >ff.json
printf '{"a":"\x80"}' >continuation.json
printf '{\0"\0a\0"\0:\0001\0}\0' >utf16le.json
printf '\0{\0"\0a\0"\0:\0001\0}' >utf16be.json
printf '\xff\xfe{\0}\0' >utf16le-bom.json
printf '\xfe\xff\0{\0}' >utf16be-bom.json
printf '{\0\0\0}\0\0\0' >utf32le.json
printf '\0\0\0{\0\0\0}' >utf32be.json
printf '\xff\xfe\0\0{\0\0\0}\0\0\0' >utf32le-bom.json
for f in overlong surrogate truncated f8 ff continuation utf16le utf16be utf16le-bom utf16be-bom utf32le utf32be utf32le-bom; do
  run "encoding: $f" 1 CC003 "$f.json"
done
printf '{"a":"\\udc00"}' >lone-low.json
run "escaped lone low surrogate" 1 CC003 lone-low.json
printf '{"a":"\\ud800"}' >lone-high.json
run "escaped lone high surrogate" 1 'CC001|CC003' lone-high.json
printf '{"a":\0 1}' >nul.json
run "raw NUL in the middle" 1 CC005 nul.json
printf '{"a":"\\u0000"}' >escaped-nul.json
run "escaped NUL" 1 CC005 escaped-nul.json
{ printf '\xef\xbb\xbf'; cat good.json; } >bom.json
run "BOM on a valid payload: warning, exit 0 with --fail-on error" 0 CC006 bom.json --fail-on error
grep -q "^bom.json: scenario" out.txt || { echo "FAIL: BOM payload was not parsed after the warning"; fail=1; }
run "BOM with --fail-on warning" 1 CC006 bom.json --fail-on warning

# --- Numbers, trailing content ---------------------------------------------
printf '{"a":1e400}' >n1.json
printf '{"a":1.8e308}' >n2.json
printf '{"a":-1e400}' >n3.json
for f in n1 n2 n3; do run "number out of range $f" 1 CC007 "$f.json"; done
printf '{} x' >trailing.json
run "trailing content" 1 CC001 trailing.json

# --- Things that are not regular files -------------------------------------
mkfifo fifo.json
run "FIFO without a writer" 2 CC010 fifo.json
grep -q "FIFO" out.txt || { echo "FAIL: FIFO message"; fail=1; }
sleep 30 >fifo.json &  # a writer that opens the FIFO and never writes
writer_pid=$!
run "FIFO with a silent writer" 2 CC010 fifo.json
kill "$writer_pid" 2>/dev/null; wait "$writer_pid" 2>/dev/null; writer_pid=""
run "/dev/zero" 2 CC010 /dev/zero
grep -q "character device" out.txt || { echo "FAIL: /dev/zero message"; fail=1; }
run "/dev/null" 2 CC010 /dev/null
ln -s loop-a.json loop-b.json && ln -s loop-b.json loop-a.json
run "symlink loop" 2 CC010 loop-a.json
run "missing file" 2 CC010 missing.json

# Directories are expanded, never read as files: `dir/.` recurses; a
# directory named *.json is descended into, not opened; a symlink back to
# the directory is not followed (no endless recursion); a FIFO inside is
# skipped like any other non-regular entry.
mkdir -p tree/sub.json && cp good.json tree/sub.json/inner.json && printf '{"a":' >tree/broken.json
ln -s .. tree/sub.json/up && mkfifo tree/pipe.json
cases=$((cases + 1))
$memcap timeout 5 "$bin" --no-config --color never --show-scopes tree/. good.json >out.txt 2>err.txt
check_result "directory tree/. with a loop, a FIFO and a *.json directory" 1 CC001 tree/broken.json $?
grep -q '^tree/sub.json/inner.json: scenario' out.txt || { echo "FAIL: tree/sub.json/inner.json not checked"; fail=1; }
[ "$(grep -c 'inner.json: scenario' out.txt)" -eq 1 ] || { echo "FAIL: inner.json checked more than once"; fail=1; }
grep -q 'pipe.json' out.txt && { echo "FAIL: the FIFO in a directory was opened"; fail=1; }

# --- Unreadable file: as an unprivileged user when running as root ---------
printf '{}' >secret.json && chmod 000 secret.json
if [ "$(id -u)" -ne 0 ]; then
  run "file without read permission" 2 CC010 secret.json
elif command -v setpriv >/dev/null && setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
     setpriv --reuid=65534 --regid=65534 --clear-groups test -x "$bin"; then
  cases=$((cases + 1))
  setpriv --reuid=65534 --regid=65534 --clear-groups \
    $memcap timeout 5 "$bin" --no-config --color never --show-scopes secret.json good.json >out.txt 2>err.txt
  check_result "file without read permission (as uid 65534)" 2 CC010 secret.json $?
  grep -q "Permission denied" out.txt || { echo "FAIL: permission message"; fail=1; }
else
  echo "skipped: file without read permission: running as root and cannot run $bin as uid 65534"
fi

# --- Stdin that never ends ---------------------------------------------------
cases=$((cases + 1))
$memcap timeout 5 "$bin" --no-config --color never --show-scopes - good.json </dev/zero >out.txt 2>err.txt
check_result "stdin from /dev/zero: capped" 2 CC010 '<stdin>' $?

# --- Markdown annotation nested a million deep ---------------------------
python3 -c 'import sys; sys.stdout.write("<!-- {\"a\":" + "[" * 1000000 + " -->\n")' >deep.md
run "Markdown annotation 1e6 deep" any - deep.md

# --- Boundary pairs for every limit flag -----------------------------------
# at <name> <flag> <limit> <file at the limit> <file one over> <code when over>
at() {
  local name=$1 flag=$2 limit=$3 ok=$4 over=$5 code=$6 want_over=1
  [ "$code" = CC010 ] && want_over=2
  cases=$((cases + 1))
  $memcap timeout 5 "$bin" --no-config --color never --show-scopes "$flag" "$limit" "$ok" >out.txt 2>&1
  local rc=$?
  if [ "$rc" -ge 2 ] || grep -q "$code" out.txt; then echo "FAIL: $name: $limit passes (exit $rc)"; head -5 out.txt; fail=1; fi
  run "$name: $limit + 1 fails" "$want_over" "$code" "$over" "$flag" "$limit"
}
arrays() { python3 -c "import sys; n=int(sys.argv[1]); sys.stdout.write('['*n + ']'*n)" "$1"; }
arrays 64 >d64.json; arrays 65 >d65.json; arrays 5 >d5.json; arrays 6 >d6.json
at "depth default" --max-depth 64 d64.json d65.json CC004
at "depth lowered" --max-depth 5 d5.json d6.json CC004
size=$(stat -c %s good.json)
cp good.json bytes-ok.json && { cat good.json; printf ' '; } >bytes-over.json
at "bytes" --max-bytes "$size" bytes-ok.json bytes-over.json CC010
python3 -c 'import sys; sys.stdout.write("{\"a\":\"" + "x"*100 + "\"}")' >s100.json
python3 -c 'import sys; sys.stdout.write("{\"a\":\"" + "x"*101 + "\"}")' >s101.json
at "string" --max-string 100 s100.json s101.json CC004
python3 -c 'import sys; sys.stdout.write("{\"" + "k"*100 + "\":1}")' >k100.json
python3 -c 'import sys; sys.stdout.write("{\"" + "k"*101 + "\":1}")' >k101.json
at "key" --max-key 100 k100.json k101.json CC004
python3 -c 'import sys; sys.stdout.write("{" + ",".join("\"k%d\":0" % i for i in range(100)) + "}")' >m100.json
python3 -c 'import sys; sys.stdout.write("{" + ",".join("\"k%d\":0" % i for i in range(101)) + "}")' >m101.json
at "members" --max-members 100 m100.json m101.json CC004
python3 -c 'import sys; sys.stdout.write("[" + ",".join(["0"]*100) + "]")' >e100.json
python3 -c 'import sys; sys.stdout.write("[" + ",".join(["0"]*101) + "]")' >e101.json
at "elements" --max-elements 100 e100.json e101.json CC004

# --- Linear time within the default limits (issue 18 item 3) ---------------
# 1 MB of objects with 1,000 identical keys: ~50 s and 166,833 findings
# before; one CC002 per object now, well inside the 5 s guard and 512 MiB.
python3 -c 'import sys; o="{"+",".join(["\"k\":0"]*1000)+"}"; n=(1<<20)//(len(o)+1); sys.stdout.write("["+",".join([o]*n)+"]")' >dup-1mb.json
run "1 MB of 1,000-identical-key objects" 1 CC002 dup-1mb.json --format text
objects=$(python3 -c 'o="{"+",".join(["\"k\":0"]*1000)+"}"; print((1<<20)//(len(o)+1))')
[ "$(grep -c 'CC002 duplicate-key: duplicate member name "k" (1000 times in this object)' out.txt)" -eq "$objects" ] ||
  { echo "FAIL: dup-1mb.json: not one CC002 per object ($objects)"; fail=1; }

# --- Findings cap: 1,000 per file, the rest one note -----------------------
python3 -c 'import sys; sys.stdout.write("["+",".join(["{\"a\":1,\"a\":2}"]*1500)+"]")' >many.json
run "1,501 findings: 1,000 shown" 1 CC002 many.json
[ "$(grep -c '^many.json:[0-9]*:[0-9]*: ' out.txt)" -eq 1000 ] || { echo "FAIL: many.json: not 1,000 findings shown"; fail=1; }
grep -q '^many.json: 501 more findings omitted$' out.txt || { echo "FAIL: many.json: no omitted note"; fail=1; }
grep -q '; 501 more omitted$' out.txt || { echo "FAIL: many.json: summary does not count omitted findings"; fail=1; }

# --- Injected file names (issue 18 item 6) -----------------------------------
# A newline that would start `::error`/`::stop-commands::` lines in a GitHub
# log, ESC and U+009B (CSI) sequences, a bidi override, the legacy `##[`
# command, and a name that itself starts with `::`. No format may print a raw
# control, a line that starts a workflow command (text, json, sarif, junit)
# or `##[`.
mkdir -p names
printf '{"a":1,"a":2}' >"names/a
::error file=x::pwned
::stop-commands::tok.json"
printf '{"a":1,"a":2}' >"$(printf 'names/\033[2J\033]0;title\007\302\233%s' '31m.json')"
printf '{"a":1,"a":2}' >"$(printf 'names/\342\200\256nosj.txt ##[add-mask]x.json')"
printf '{"a":1,"a":2}' >'names/::warning ::y.json'
printf '{"a":1,"a":2}' >"$(printf 'names/\377\376 bytes.json')"
[ "$(find names -type f -printf x | wc -c)" -eq 5 ] || { echo "FAIL: could not create the hostile file names"; fail=1; }
for format in ${CALLCHECK_FORMATS:?set by tests/CMakeLists.txt from include/callcheck/format_table.h}; do
  cases=$((cases + 1))
  (cd names && for f in *; do printf '%s\0' "$f"; done | $memcap timeout 5 xargs -0 "$bin" --no-config --color never \
    --format "$format") >out.txt 2>err.txt
  got=$?
  ok=1
  [ "$got" -eq 123 ] || [ "$got" -eq 1 ] || { echo "FAIL: names --format $format: exit $got"; ok=0; }  # xargs: 123 = 1-125
  # Bytes, not characters: a bytes regex, whatever the locale.
  if python3 -c 'import re, sys; sys.exit(0 if re.search(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]", open("out.txt", "rb").read()) else 1)'; then
    echo "FAIL: names --format $format: a raw control character reached the output"; ok=0
  fi
  grep -q '##\[' out.txt && { echo "FAIL: names --format $format: '##[' reached the output"; ok=0; }
  if [ "$format" = github ]; then
    grep -Ev '^::(error|warning|notice) file=|^callcheck: ' out.txt | grep -q . &&
      { echo "FAIL: names --format github: a line that is not a command or the summary"; ok=0; }
  elif grep -Eq '^[[:space:]]*::' out.txt; then
    echo "FAIL: names --format $format: a line starts a workflow command"; ok=0
  fi
  if [ "$ok" -eq 1 ]; then echo "ok: injected file names, --format $format"; else head -c 1500 out.txt; echo; fail=1; fi
done
grep -q '^a\\n::error file=x::pwned\\n::stop-commands::tok.json:1:8: error CC002' <(cd names && "$bin" --no-config --color never a*) ||
  { echo "FAIL: the newline in a file name is not shown as \\n"; fail=1; }

echo "$cases cases"
exit $fail
