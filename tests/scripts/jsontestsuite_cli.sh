#!/usr/bin/env bash
# JSONTestSuite through the CLI (RELIABILITY.md R10/R11): every y_/i_/n_ file
# ends with exit 0 or 1 -- never 2 (the input was readable) and never a
# signal -- and every n_ file exits 1 with a positioned error line. `timeout 5`
# is a hang guard, not a timing assertion: a hang shows up as exit 124.
set -uo pipefail
bin="$CALLCHECK_BINARY"
suite="$CALLCHECK_SHARED_DIR/corpus/jsontestsuite"
[ -d "$suite" ] || { echo "FAIL: no corpus at $suite"; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cd "$suite"
fail=0 count=0
for f in [yin]_*.json; do
  count=$((count + 1))
  timeout 5 "$bin" --no-config --color never "$f" >"$out/o" 2>"$out/e"
  rc=$?
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "FAIL: $f: exit $rc (want 0 or 1; 124 = hang, >128 = signal)"; head -5 "$out/o" "$out/e"; fail=1
    continue
  fi
  case "$f" in
    n_*)
      if [ "$rc" -ne 1 ]; then echo "FAIL: $f: n_ file exited $rc, want 1"; fail=1; continue; fi
      # The file name may hold regex characters: match it literally, then the position and code.
      if ! grep -F -- "$f:" "$out/o" | grep -Eq -- ":[0-9]+:[0-9]+: error CC0[0-9][0-9] "; then
        echo "FAIL: $f: no 'path:line:col: error CC0..' line"; head -5 "$out/o"; fail=1
      fi
      ;;
  esac
done
[ "$count" -ge 300 ] || { echo "FAIL: only $count suite files found"; fail=1; }
echo "checked $count files"
exit $fail
