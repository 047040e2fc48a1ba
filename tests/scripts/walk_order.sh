#!/usr/bin/env bash
# A walk lists its files in byte order of their paths, whatever the order
# the file system lists a folder in (issue 18: deterministic output): names
# that sort around a folder's own name ("a", "a-b", "a.json" beside "a/"),
# upper case, spaces, bytes above 0x7F, a file type taken from the listing
# or from lstat, and more files than one listing buffer holds. The order is
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
mkdir -p "$tree"/{a,a-b,a.d,A,'a b',ä,z/deep/er}
for f in a.json a-b.json a0.json A.JSON 'a b.json' ä.json z.json a/x.json a/a.json a-b/y.json a.d/z.json \
  A/q.json 'a b/c.json' ä/ö.json z/deep/er/e.json z/deep.json z/deep-1.json; do
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
[ "$(wc -l <"$work/got")" -eq 717 ] || { echo "FAIL: $(wc -l <"$work/got") inputs, not 717"; fail=1; }
exit "$fail"
