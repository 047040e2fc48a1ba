#!/usr/bin/env bash
# The npm package's tests, on the tarball .ci/npm built:
#   bindings/npm/test/run.sh "$(.ci/npm | tail -1)" [TEST.js...]
# CALLCHECK_BINARY: the native CLI to compare with (default: build-test's, then build's).
# Installs the tarball into an empty folder (no registry needed: the package
# has no dependencies), checks the issue's one-liner, then runs node --test
# over this folder: API, CLI vs goldens, Graph middleware, types, playground,
# and the pre-commit node hook (precommit.sh).
set -euo pipefail
tarball=$(cd "$(dirname "${1:?usage: run.sh path/to/callcheck-VERSION.tgz}")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
native=${CALLCHECK_BINARY:-}
for candidate in "$root/build-test/src/callcheck" "$root/build/src/callcheck" "$root/build/python/cmake/src/callcheck"; do
  [ -n "$native" ] || { [ -x "$candidate" ] && native=$candidate; } || true
done
[ -x "$native" ] || { echo "FAIL: no native callcheck (set CALLCHECK_BINARY)"; exit 1; }
dev="$root/build/npm/dev/node_modules"
[ -d "$dev" ] || { echo "FAIL: $dev is missing (run .ci/npm)"; exit 1; }
artifacts="$root/build/npm/artifacts"
mkdir -p "$artifacts"

consumer=$(mktemp -d "${TMPDIR:-/tmp}/callcheck-npm-consumer.XXXXXX")
trap 'rm -rf "$consumer"' EXIT
(cd "$consumer" && npm install --offline --no-audit --no-fund --silent "$tarball" >/dev/null)
# The one-liner from the issue, in the empty folder.
out=$(cd "$consumer" && node -e "const r = require('callcheck').check('{\"callbackUri\": \"http://x\"}'); console.log(r.files[0].diagnostics.map(d => d.code).join(','))")
case ",$out," in *,CC202,*) ;; *) echo "FAIL: require('callcheck').check(...) in a fresh folder gave: $out"; exit 1 ;; esac

export CALLCHECK_NPM_CONSUMER="$consumer" CALLCHECK_BINARY="$native" CALLCHECK_ARTIFACTS="$artifacts"
export CALLCHECK_PLAYGROUND_DIR="$root/build/playground" CALLCHECK_NPM_TARBALL="$tarball"
export NODE_PATH="$dev"
cd "$root"
shift
if [ $# -gt 0 ]; then tests=("$@"); else tests=("$here"/*.test.js); fi
node --test --test-concurrency=1 "${tests[@]}"
