#!/usr/bin/env bash
# callcheck.1 stays in step with the CLI: every long option of every
# subcommand's --help is documented, and man(1) parses the page cleanly.
set -euo pipefail
bin="$CALLCHECK_BINARY"
page="$CALLCHECK_SOURCE_DIR/src/install/callcheck.1"
fail=0
for sub in check scopes rules explain schemas join-url audit server; do
  for opt in $("$bin" "$sub" --help | grep -oE -- '--[a-z][a-z0-9-]+' | sort -u); do
    [ "$opt" = --help ] && continue
    escaped=${opt//-/\\-}
    grep -qF -- "$escaped" "$page" || { echo "FAIL: callcheck $sub $opt is not in callcheck.1"; fail=1; }
  done
done
if command -v man >/dev/null; then
  warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l "$page" 2>&1 >/dev/null || true)
  [ -z "$warnings" ] || { echo "FAIL: man --warnings: $warnings"; fail=1; }
fi
[ "$fail" -eq 0 ] && echo "ok: callcheck.1 documents every option"
exit "$fail"
