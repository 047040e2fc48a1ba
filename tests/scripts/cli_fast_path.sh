#!/usr/bin/env bash
# `callcheck check PATH... [FLAG...]` with plain flags only is read without
# CLI11 (src/cli/main.cc plain_check, issue 14). The two readings must be one
# command: every flag of the fast path, alone and in pairs, gives the same
# stdout, stderr, exit code and (for the fixing flags) the same files as the
# same command with `--fail-on error` (the default, but an option with a
# value, so CLI11 reads it).
set -uo pipefail
bin="$CALLCHECK_BINARY"
src="$CALLCHECK_SOURCE_DIR"
fail=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

flags=(--statistics --exit-zero -q --quiet --no-config --preview --show-scopes -v --verbose --show-config
       --follow-symlinks --no-ignore --fix --unsafe-fixes --diff --fix-only)

# One run in a fresh copy of the samples: outputs and the tree afterwards.
run() {  # run <dir> <args...>
  local dir=$1; shift
  rm -rf "$dir" && mkdir -p "$dir" && cp -R "$src/samples" "$dir/samples"
  (cd "$dir" && "$bin" "$@" >"$dir.out" 2>"$dir.err"; echo $? >"$dir.rc")
}
same() {  # same <description> <args...>
  local what=$1; shift
  run "$work/fast" "$@"
  run "$work/cli11" "$@" --fail-on error
  local diffs=""
  for part in out err rc; do
    cmp -s "$work/fast.$part" "$work/cli11.$part" || diffs+=" $part"
  done
  diff -r "$work/fast/samples" "$work/cli11/samples" >/dev/null || diffs+=" files"
  if [ -n "$diffs" ]; then
    echo "FAIL: $what: fast path and CLI11 differ in:$diffs"
    diff "$work/fast.out" "$work/cli11.out" | head -10
    diff "$work/fast.err" "$work/cli11.err" | head -10
    fail=1
  else
    echo "ok: $what (exit $(cat "$work/fast.rc"))"
  fi
}

paths=(samples/invalid/cc202-callback-uri-not-https.json samples/invalid/cc104-enum-mismatch.json samples/valid)
same "no flag" check "${paths[@]}"
same "no subcommand" "${paths[@]}"
for flag in "${flags[@]}"; do
  same "$flag" check "${paths[@]}" "$flag"
  same "$flag before the paths" check "$flag" "${paths[@]}"
done
same "--fix --unsafe-fixes" check --fix --unsafe-fixes "${paths[@]}"
same "--diff --unsafe-fixes" check --diff --unsafe-fixes "${paths[@]}"
same "-q --statistics" check -q --statistics "${paths[@]}"
same "--exit-zero --show-scopes" check --exit-zero --show-scopes "${paths[@]}"
# A missing file is exit 2 on both readings.
same "missing file" check samples/does-not-exist.json

# What the fast path leaves to CLI11 still means what CLI11 says: a repeated
# flag, an unknown flag.
(cd "$src" && "$bin" check -q -q samples/valid >/dev/null 2>&1); rc=$?
[ "$rc" -le 2 ] || { echo "FAIL: -q -q: exit $rc"; fail=1; }
(cd "$src" && "$bin" check --no-such-flag samples/valid >/dev/null 2>&1); rc=$?
[ "$rc" -eq 2 ] || { echo "FAIL: --no-such-flag: exit $rc, expected 2"; fail=1; }
exit $fail
