#!/usr/bin/env bash
# A walk lists its files in byte order of their paths, whatever the order
# the file system lists a folder in (issue 18: deterministic output): names
# that sort around a folder's own name ("a", "a-b", "a.json" beside "a/"),
# upper case, spaces, bytes above 0x7F, a file type taken from the listing
# or from lstat, names that share their first eight bytes or more (the sort
# compares those as one integer first), and more files than one listing
# buffer holds. The order is
# what `--show-config` prints, one line per input; `sort` with LC_ALL=C is
# the reference.
set -uo pipefail
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
good="$src/samples/valid/p2p-service-hosted.json"
tree="$work/tree"
mkdir -p "$tree"/{a,a-b,a.d,A,'a b',ä,z/deep/er,participants,participants-long}
for f in a.json a-b.json a0.json A.JSON 'a b.json' ä.json z.json a/x.json a/a.json a-b/y.json a.d/z.json \
  A/q.json 'a b/c.json' ä/ö.json z/deep/er/e.json z/deep.json z/deep-1.json participants.json participant.json \
  participants/p.json participants-long/q.json participants-long.json participants-longer.json participants-lon.json; do
  cp "$good" "$tree/$f"
done
python3 - "$good" "$tree/z/deep" <<'EOF'
import shutil, sys
for i in range(700):
    shutil.copy(sys.argv[1], f"{sys.argv[2]}/{i * 7919 % 1000}.json")
EOF
# --show-config: "callcheck: configuration for PATH: none (--no-config) (...)"
(cd "$work" && "$bin" check --no-config --show-config -j2 tree) 2>"$work/err" >/dev/null
code=$?
[ "$code" -eq 0 ] || { echo "FAIL: exit $code"; cat "$work/err"; fail=1; }
sed -n 's/^callcheck: configuration for \(.*\): none (--no-config).*/\1/p' "$work/err" >"$work/got"
(cd "$work" && find tree -type f -iname '*.json' | LC_ALL=C sort) >"$work/want"
if ! cmp -s "$work/got" "$work/want"; then
  echo "FAIL: the walk's order is not the byte order of the paths"
  diff "$work/want" "$work/got" | head -20
  fail=1
fi
[ "$(wc -l <"$work/got")" -eq 724 ] || { echo "FAIL: $(wc -l <"$work/got") inputs, not 724"; fail=1; }
# --follow-symlinks: a folder reached by several paths is walked once, under
# the path that sorts first, whatever order the links are listed in (the
# links are made in a scrambled order, so the listing order differs from it).
links="$work/links"
mkdir -p "$links/m/real"
cp "$good" "$links/m/real/x.json"
for l in l7 l2 l9 l0 l5 l3 l8 l1 l6 l4; do ln -s m/real "$links/$l"; done
(cd "$work" && "$bin" check --no-config --show-config --follow-symlinks -j2 links) 2>"$work/err" >/dev/null
sed -n 's/^callcheck: configuration for \(.*\): none (--no-config).*/\1/p' "$work/err" >"$work/got"
if [ "$(cat "$work/got")" != "links/l0/x.json" ]; then
  echo "FAIL: --follow-symlinks: the folder is not reported once under its first path (links/l0)"
  cat "$work/got"
  fail=1
fi
# More inputs than one chunk (run_check.cc kChunk: inputs are taken from the
# walk a chunk at a time): the report is the one a single chunk gives
# (--show-config takes every input at once), with a discovered
# configuration in a folder the first chunk does not reach; and an invalid
# configuration there (CC401) still stops the run before any payload is checked.
big="$work/big"
mkdir -p "$big/a" "$big/z"
python3 - "$good" "$big/a" <<'EOF2'
import shutil, sys
for i in range(1500):
    shutil.copy(sys.argv[1], f"{sys.argv[2]}/{i:04d}.json")
EOF2
printf '{"callbackUri": "http://x", "extra": 1}' >"$big/a/0001.json"
printf '{"callbackUri": "http://x", "extra": 1}' >"$big/z/bad.json"
printf '{"ignore": ["CC201"]}' >"$big/z/.callcheck.json"
(cd "$work" && "$bin" check -j2 big) >"$work/chunked" 2>"$work/chunked.err"
chunked_code=$?
(cd "$work" && "$bin" check -j2 --show-config big) >"$work/whole" 2>/dev/null
whole_code=$?
if [ "$chunked_code" != "$whole_code" ] || ! cmp -s "$work/chunked" "$work/whole"; then
  echo "FAIL: chunked inputs: exit $chunked_code, not $whole_code, or another report"
  diff "$work/whole" "$work/chunked" | head -10
  fail=1
fi
grep -q "big/z/bad.json" "$work/chunked" || { echo "FAIL: chunked inputs: big/z/bad.json not reported"; fail=1; }
printf '{' >"$big/z/.callcheck.json"
(cd "$work" && "$bin" check -j2 big) >"$work/chunked" 2>&1
code=$?
[ "$code" -eq 2 ] || { echo "FAIL: an invalid configuration past the first chunk: exit $code, not 2"; fail=1; }
grep -q "CC401" "$work/chunked" || { echo "FAIL: an invalid configuration past the first chunk: no CC401"; fail=1; }
if grep -q "big/a/0001.json" "$work/chunked"; then
  echo "FAIL: a payload was checked before the invalid configuration stopped the run"
  fail=1
fi
exit "$fail"
