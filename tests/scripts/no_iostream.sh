#!/usr/bin/env bash
# No <iostream> static initialiser in the CLI (issue 14): std::ios_base::Init
# constructs the standard streams and the classic locale at start-up, 81 k
# instructions of a one-file check once. The CLI writes through cli/out.h;
# the third-party headers that include <iostream> go through
# util/no_iostream.h. A TU that includes <iostream> itself (or a header that
# does, without that guard) puts the constructor back in the binary. Then a
# check and --version must still print: the guard only removes declarations
# nothing used.
set -uo pipefail
bin="$CALLCHECK_BINARY"
src="$CALLCHECK_SOURCE_DIR"
fail=0
command -v nm >/dev/null || { echo "SKIP: no nm"; exit 0; }
# Only libstdc++ has the per-TU initialiser; a stripped binary has no symbols to look at.
if nm "$bin" >/dev/null 2>&1 && [ -n "$(nm "$bin" 2>/dev/null | head -1)" ]; then
  if nm -C "$bin" | grep -q 'std::ios_base::Init::Init()'; then
    echo "FAIL: std::ios_base::Init::Init() is linked into $bin (a TU includes <iostream>):"
    nm -C "$bin" | grep 'ios_base::Init' | head -5
    fail=1
  fi
fi
# Not in the sources either, except through the guard.
if grep -rln '#include <iostream>' "$src/src" | grep -v 'src/util/no_iostream.h$'; then
  echo "FAIL: the files above include <iostream>; use cli/out.h (or util/no_iostream.h before a third-party header)"
  fail=1
fi
out=$("$bin" check --no-config "$src/samples/valid/p2p-service-hosted.json") ||
  { echo "FAIL: check exited $?"; fail=1; }
case "$out" in *"1 file checked"*) ;; *) echo "FAIL: check printed: $out"; fail=1 ;; esac
"$bin" --version | grep -q '^callcheck ' || { echo "FAIL: --version printed nothing"; fail=1; }
[ "$fail" = 0 ] && echo "PASS: no std::ios_base::Init in the CLI"
exit "$fail"
