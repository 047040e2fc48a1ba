#!/usr/bin/env bash
# `check --fix`, `--unsafe-fixes`, `--diff`, `--fix-only` (issue 16), as a
# user runs them:
#  - goldens: `--diff` (and `--diff --unsafe-fixes`) of tests/golden/fix/*
#    (JSON, a Markdown page, a .http file); CALLCHECK_UPDATE_GOLDEN=1 rewrites;
#  - --fix writes atomically (a new inode, the mode kept), only when the
#    result parses, and a second --fix changes nothing (idempotence);
#  - --diff changes nothing and exits 1 when there is something to fix;
#  - the docs corpus: every *.invalid.json of shared/corpus/graph-docs, on
#    copies: fixed twice must equal fixed once, every written file parses;
#    the counts of valid and clean files are printed (the issue's measure).
set -u
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
shared="${CALLCHECK_SHARED_DIR:-$src/../shared}"
golden="$src/tests/golden/fix"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

# --- goldens
for f in "$golden"/*.json "$golden"/*.md "$golden"/*.http; do
  name=$(basename "$f")
  for mode in safe unsafe; do
    flags=(--diff); [ $mode = unsafe ] && flags+=(--unsafe-fixes)
    expected="$golden/$name.$mode.diff"
    (cd "$golden" && "$bin" check --no-config "${flags[@]}" "$name") >"$work/out" 2>"$work/err"
    rc=$?
    [ $rc -eq 1 ] || bad "$name --diff ($mode): exit $rc, expected 1 (there is something to fix)"
    if [ "${CALLCHECK_UPDATE_GOLDEN:-}" = 1 ]; then
      cp "$work/out" "$expected"
    elif ! diff -u "$expected" "$work/out"; then
      bad "$name --diff ($mode) differs from $(basename "$expected")"
    fi
  done
done

# --- --fix on a copy: atomic, mode kept, idempotent, the same as the diff
for f in "$golden"/*.json "$golden"/*.md "$golden"/*.http; do
  name=$(basename "$f")
  mkdir -p "$work/fix"
  cp "$f" "$work/fix/$name"
  chmod 640 "$work/fix/$name"
  inode_before=$(stat -c %i "$work/fix/$name")
  (cd "$work/fix" && "$bin" check --no-config --diff "$name") >"$work/would" 2>/dev/null
  (cd "$work/fix" && "$bin" check --no-config --fix "$name") >"$work/fix.out" 2>&1
  grep -Eq "^[0-9]+ files?( \([0-9]+ request bod(y|ies)\))? checked: [1-9][0-9]* fixed, [0-9]+ remaining" "$work/fix.out" ||
    bad "$name --fix: summary line: $(tail -1 "$work/fix.out")"
  [ "$(stat -c %a "$work/fix/$name")" = 640 ] || bad "$name --fix: mode not kept ($(stat -c %a "$work/fix/$name"))"
  [ "$(stat -c %i "$work/fix/$name")" != "$inode_before" ] || bad "$name --fix: written in place, not renamed over"
  # What --fix wrote is what --diff showed.
  cp "$f" "$work/orig"
  patch -s -o "$work/patched" "$work/orig" <"$work/would" >/dev/null 2>&1 || bad "$name: the --diff does not apply with patch(1)"
  cmp -s "$work/patched" "$work/fix/$name" || bad "$name: --fix wrote something else than --diff showed"
  cp "$work/fix/$name" "$work/once"
  (cd "$work/fix" && "$bin" check --no-config --fix "$name") >"$work/fix2.out" 2>&1
  cmp -s "$work/once" "$work/fix/$name" || bad "$name: a second --fix changed the file"
  grep -q ': 0 fixed' "$work/fix2.out" || bad "$name: a second --fix fixed something: $(tail -1 "$work/fix2.out")"
  (cd "$work/fix" && "$bin" check --no-config --diff "$name") >"$work/diff2" 2>/dev/null
  rc=$?
  [ $rc -eq 0 ] && [ ! -s "$work/diff2" ] || bad "$name: --diff after --fix: exit $rc, $(wc -l <"$work/diff2") lines"
done

# --- --diff changes nothing; --fix-only hides the findings and exits 0
cp "$golden/join-meeting.json" "$work/d.json"
"$bin" check --no-config --diff "$work/d.json" >/dev/null 2>&1
cmp -s "$golden/join-meeting.json" "$work/d.json" || bad "--diff changed the file"
"$bin" check --no-config --fix-only "$work/d.json" >"$work/fo" 2>&1
rc=$?
[ $rc -eq 0 ] || bad "--fix-only: exit $rc"
grep -q ' CC[0-9]' "$work/fo" && bad "--fix-only printed findings: $(cat "$work/fo")"
grep -q 'fixed' "$work/fo" || bad "--fix-only: no summary"
# stdin: --diff works, --fix never writes anything
printf '{"a": [1,]}' | "$bin" check --no-config --diff - >"$work/stdin.diff" 2>/dev/null
[ $? -eq 1 ] && grep -q '^+{"a": \[1\]}' "$work/stdin.diff" || bad "--diff on stdin: $(cat "$work/stdin.diff")"
# JSON output carries the fix, and the summary the count
printf '{"a": [1,]}' >"$work/j.json"
"$bin" check --no-config --format json "$work/j.json" >"$work/j.out" 2>/dev/null
python3 - "$work/j.out" <<'PY' || bad "--format json: no fix on the CC001 diagnostic"
import json, sys
d = json.load(open(sys.argv[1]))["files"][0]["diagnostics"][0]
assert d["fix"] == {"safety": "safe", "description": "delete the trailing comma",
                    "edits": [{"line": 1, "column": 9, "endLine": 1, "endColumn": 10, "replacement": ""}]}, d
PY
"$bin" check --no-config --fix --format json "$work/j.json" >"$work/j2.out" 2>/dev/null
python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; assert s["fixed"] == 1, s' "$work/j2.out" ||
  bad "--fix --format json: summary.fixed"

# --- never written when the result would not parse
printf '\xef\xbb\xbf{"a": }' >"$work/broken.json"
cp "$work/broken.json" "$work/broken.orig"
"$bin" check --no-config --fix "$work/broken.json" >/dev/null 2>"$work/broken.err"
cmp -s "$work/broken.json" "$work/broken.orig" || bad "a fix was written although the result does not parse"
grep -q 'would not parse' "$work/broken.err" || bad "no note that the fixes were not applied: $(cat "$work/broken.err")"
# --- a symlink is never written through
ln -s "$work/j.json" "$work/link.json"
"$bin" check --no-config --fix "$work/link.json" >/dev/null 2>&1
[ -L "$work/link.json" ] || bad "--fix replaced a symlink"

# --- scope aliases (CC303) are fixed in the .callcheck.json that names them
mkdir -p "$work/cfg/.git"
printf '{\n  "scopes": ["calls.initiate.all", "Calls.JoinGroupCall.All"]\n}\n' >"$work/cfg/.callcheck.json"
cp "$src/samples/valid/peer-to-peer-service-hosted.json" "$work/cfg/p.json" 2>/dev/null ||
  cp "$(ls "$src"/samples/valid/*.json | head -1)" "$work/cfg/p.json"
(cd "$work/cfg" && "$bin" check --diff p.json) >"$work/cfg.diff" 2>/dev/null
[ $? -eq 1 ] && grep -q '^+  "scopes": \["Calls.Initiate.All", "Calls.JoinGroupCall.All"\]' "$work/cfg.diff" ||
  bad "--diff of a scope alias in .callcheck.json: $(cat "$work/cfg.diff")"
(cd "$work/cfg" && "$bin" check --fix p.json) >"$work/cfg.out" 2>&1
grep -q '"Calls.Initiate.All"' "$work/cfg/.callcheck.json" || bad "--fix left the alias in .callcheck.json"
grep -q 'CC303' "$work/cfg.out" && bad "--fix still reports CC303: $(cat "$work/cfg.out")"

# --- the Graph docs corpus, on copies
corpus="$shared/corpus/graph-docs"
if [ -d "$corpus" ]; then
  mkdir -p "$work/corpus"
  n=0
  for f in "$corpus"/*.invalid.json; do cp "$f" "$work/corpus/"; n=$((n + 1)); done
  count() {  # count <dir> -> "valid clean"
    local valid=0 clean=0 f
    for f in "$1"/*.json; do
      "$bin" check --no-config --select CC0 "$f" >/dev/null 2>&1 && valid=$((valid + 1))
      "$bin" check --no-config "$f" >/dev/null 2>&1 && clean=$((clean + 1))
    done
    echo "$valid $clean"
  }
  read -r v0 c0 < <(count "$work/corpus")
  (cd "$work/corpus" && "$bin" check --no-config --fix-only . ) >"$work/corpus.out" 2>&1
  read -r v1 c1 < <(count "$work/corpus")
  cp -r "$work/corpus" "$work/corpus-once"
  (cd "$work/corpus" && "$bin" check --no-config --fix . ) >"$work/corpus2.out" 2>&1
  grep -q ': 0 fixed' "$work/corpus2.out" || bad "corpus: a second --fix fixed more: $(tail -1 "$work/corpus2.out")"
  diff -r "$work/corpus-once" "$work/corpus" >/dev/null || bad "corpus: a second --fix changed files"
  cp -r "$corpus"/*.invalid.json "$work/corpus/"
  (cd "$work/corpus" && "$bin" check --no-config --fix-only --unsafe-fixes . ) >"$work/corpus3.out" 2>&1
  read -r v2 c2 < <(count "$work/corpus")
  echo "corpus: $n *.invalid.json; valid JSON before $v0, after --fix $v1, after --fix --unsafe-fixes $v2;" \
    "clean (exit 0) before $c0, after --fix $c1, after --unsafe-fixes $c2"
  echo "corpus: --fix: $(tail -1 "$work/corpus.out"); --unsafe-fixes: $(tail -1 "$work/corpus3.out")"
  [ "$v1" -ge "$v0" ] && [ "$c1" -ge "$c0" ] || bad "corpus: --fix made files worse"
fi

[ $fail -eq 0 ] && echo "ok: fix"
exit $fail
