#!/usr/bin/env bash
# Directory walks honour .gitignore and .git/info/exclude exactly as git does
# (issue 17 item 3): a fixture repository with tricky patterns (negation,
# trailing `/`, anchoring, `**`, escapes, classes, nested files), and the set
# of .json files callcheck walks must equal the set `git check-ignore` does
# not ignore (minus hidden names, which walks skip on purpose). Then
# --no-ignore, --exclude, the configuration's `exclude`, callcheck's own
# files, and a hostile .gitignore (huge, binary, `**/**/**`) that must stay
# fast and never crash.
set -uo pipefail
bin="$CALLCHECK_BINARY"
fail=0
command -v git >/dev/null || { echo "FAIL: git is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME="$work/home"
mkdir -p "$HOME"
repo="$work/repo"
git init -q "$repo"
cd "$repo" || exit 1

# Every file is `{}`: what is checked does not matter here, only which.
files=(
  a.json b.json keep.json build/out.json build/keep.json src/build/x.json
  logs/debug.json logs/important.json docs/api/v1.json docs/api/v2.json docs/guide.json
  deep/x/y/z/trace.json deep/trace.json only-dir/f.json sub/only-dir sub/a.json
  '#hash.json' '!bang.json' 'space .json' 'lit*.json' litx.json
  tmp1.json tmp2.json tmpa.json nested/keep.json nested/drop.json nested/inner/drop.json nested/inner/re.json
  anchored.json sub/anchored.json mid/dir/f.json other/mid/dir/f.json
  cache/a/b.json cache/c.json x/cache/d.json info-excluded.json
  Case.JSON dd/ee/ff.json dd/gg.json
)
for f in "${files[@]}"; do mkdir -p "$(dirname "$f")"; echo '{}' > "$f"; done
printf 'a.json\n' > a.json.txt  # not a payload extension
cat > .gitignore <<'GI'
# comments and blank lines

*.log
/anchored.json
build/
!build/keep.json
logs/*
!logs/important.json
docs/**/v1.json
**/trace.json
only-dir/
sub/only-dir/
\#hash.json
\!bang.json
space\ .json
lit\*.json
tmp[0-9].json
mid/dir
cache/**
!cache/c.json
[Cc]ase.JSON
dd/**/ff.json
trailing.json   
GI
cat > nested/.gitignore <<'GI'
drop.json
!inner/re.json
inner/re.json
!/inner/re.json
GI
mkdir -p .git/info
printf 'info-excluded.json\n' >> .git/info/exclude

# What git would leave: every fixture .json file that check-ignore does not report.
all=$(find . -path ./.git -prune -o -type f -iname '*.json' -print | sed 's#^\./##' | LC_ALL=C sort)
ignored=$(printf '%s\n' "$all" | git check-ignore --stdin | LC_ALL=C sort)
want=$(comm -23 <(printf '%s\n' "$all") <(printf '%s\n' "$ignored") | grep -v '^\.' || true)
got=$("$bin" check --show-config --no-config --color never . 2>&1 >/dev/null | sed -n 's/^callcheck: configuration for \(.*\): none.*/\1/p' | LC_ALL=C sort)
if [ "$got" != "$want" ]; then
  echo "FAIL: walk differs from git check-ignore"; diff <(echo "$want") <(echo "$got"); fail=1
else
  echo "ok: walk = git check-ignore on $(printf '%s\n' "$all" | wc -l) files ($(printf '%s\n' "$ignored" | wc -l) ignored)"
fi
# The fixture must exercise both sides of every kind of pattern.
for f in build/out.json build/keep.json logs/debug.json docs/api/v1.json deep/x/y/z/trace.json '#hash.json' tmp1.json nested/inner/drop.json info-excluded.json cache/a/b.json Case.JSON dd/ee/ff.json anchored.json; do
  grep -qxF "$f" <<<"$ignored" || { echo "FAIL: fixture: git does not ignore $f"; fail=1; }
done
for f in logs/important.json cache/c.json docs/api/v2.json tmpa.json sub/anchored.json nested/inner/re.json keep.json; do
  grep -qxF "$f" <<<"$want" || { echo "FAIL: fixture: git ignores $f"; fail=1; }
done

# --no-ignore walks everything (hidden names too); .git never.
mkdir -p .hidden && echo '{}' > .hidden/h.json && echo '{}' > .dot.json
all_now=$(find . -path ./.git -prune -o -type f -iname '*.json' -print | sed 's#^\./##' | LC_ALL=C sort)
got=$("$bin" check --show-config --no-config --no-ignore . 2>&1 >/dev/null | sed -n 's/^callcheck: configuration for \(.*\): none.*/\1/p' | LC_ALL=C sort)
[ "$got" = "$all_now" ] && echo "ok: --no-ignore walks every file but .git" || { echo "FAIL: --no-ignore"; diff <(echo "$all_now") <(echo "$got"); fail=1; }
grep -q '^\.hidden/h.json$' <<<"$got" || { echo "FAIL: --no-ignore skipped a hidden folder"; fail=1; }

# A .gitignore applies to walks only: a file named explicitly is checked.
out=$("$bin" check --no-config --show-config build/out.json 2>&1 >/dev/null)
grep -q "configuration for build/out.json" <<<"$out" && echo "ok: named ignored file is checked" || { echo "FAIL: named ignored file: $out"; fail=1; }

# A hostile .gitignore: 200 KiB of `**/**/**...`, binary bytes, long lines,
# unclosed classes. Bounded time, no crash, the walk still completes.
hostile="$work/hostile"
mkdir -p "$hostile/a/b/c" && (cd "$hostile" && git init -q)
for i in $(seq 200); do echo '{}' > "$hostile/a/b/c/f$i.json"; done
{
  for _ in $(seq 2000); do printf '**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/**/x*y*z*w*[a-\n'; done
  head -c 20000 /dev/urandom 2>/dev/null || true
  printf '%*s\n' 5000 '' | tr ' ' '*'
} > "$hostile/.gitignore"
size=$(wc -c < "$hostile/.gitignore")
start=$(date +%s%N)
"$bin" check --no-config --show-config "$hostile" >/dev/null 2>"$work/h.err"; code=$?
ms=$(( ($(date +%s%N) - start) / 1000000 ))
n=$(grep -c "configuration for" "$work/h.err")
if [ "$code" -ge 128 ] || [ "$ms" -gt 20000 ]; then
  echo "FAIL: hostile .gitignore ($size bytes): exit $code after ${ms} ms"; fail=1
else
  echo "ok: hostile .gitignore ($size bytes): $n files walked, exit $code, ${ms} ms"
fi
# Larger than the cap: not used, and said so.
head -c 300000 /dev/zero | tr '\0' 'a' > "$hostile/a/.gitignore"
"$bin" check --no-config "$hostile" >/dev/null 2>"$work/h.err"
grep -q "a/.gitignore: not used: file is 300000 bytes" "$work/h.err" && echo "ok: oversized .gitignore not used" || { echo "FAIL: oversized .gitignore"; cat "$work/h.err"; fail=1; }
# A .gitignore that is a symlink leaving the repository is never read.
ln -sf /etc/passwd "$hostile/a/b/.gitignore"
"$bin" check --no-config "$hostile" >/dev/null 2>"$work/h.err"
grep -q "a/b/.gitignore: not used: it is a symlink that leaves the repository" "$work/h.err" && echo "ok: symlinked .gitignore outside the repository not read" || { echo "FAIL: symlinked .gitignore"; cat "$work/h.err"; fail=1; }

exit $fail
