#!/usr/bin/env bash
# The Python module (bindings/python, ctypes over libcallcheck_c.so) from the
# build tree under test: its pytest suite against this build's CLI. Needs
# Debian's python3-pytest (.ci/deps installs it); missing tools FAIL the test.
set -euo pipefail
: "${CALLCHECK_BINARY:?}" "${CALLCHECK_SOURCE_DIR:?}" "${CALLCHECK_BUILD_DIR:?}"
# Under ASan (tests/sanitize.sh) the library needs the ASan runtime loaded
# before python itself; the ABI is exercised under ASan by tests/capi instead.
if [ "${CALLCHECK_UNDER_ASAN:-0}" = 1 ]; then echo "skipped under ASan: covered by tests/capi"; exit 0; fi
lib="$CALLCHECK_BUILD_DIR/src/libcallcheck_c.so"
[ -f "$lib" ] || { echo "FAIL: $lib was not built (CALLCHECK_BUILD_C_LIBRARY=OFF?)"; exit 1; }
/usr/bin/python3 -c 'import pytest' 2>/dev/null || { echo "FAIL: python3-pytest is not installed"; exit 1; }
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
CALLCHECK_LIBRARY="$lib" PYTHONPATH="$CALLCHECK_SOURCE_DIR/bindings/python" PYTHONDONTWRITEBYTECODE=1 \
  /usr/bin/python3 -m pytest -q -p no:cacheprovider "$CALLCHECK_SOURCE_DIR/bindings/python/tests"
