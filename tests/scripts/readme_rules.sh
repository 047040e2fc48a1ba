#!/usr/bin/env bash
# The README's rule table must be exactly `callcheck rules --format markdown`.
set -euo pipefail
readme="$CALLCHECK_SOURCE_DIR/README.md"
expected=$("$CALLCHECK_BINARY" rules --format markdown)
actual=$(sed -n '/<!-- rules:begin -->/,/<!-- rules:end -->/p' "$readme" | sed '1d;$d')
if [ "$expected" != "$actual" ]; then
  echo "README.md rule table is stale. Regenerate it with:" >&2
  echo "  callcheck rules --format markdown  (between <!-- rules:begin --> and <!-- rules:end -->)" >&2
  diff <(echo "$actual") <(echo "$expected") >&2 || true
  exit 1
fi
echo "README rule table matches the catalogue ($(echo "$expected" | tail -n +3 | wc -l) rules)"
