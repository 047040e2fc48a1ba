#!/usr/bin/env bash
# The README's rule table must be exactly `callcheck rules --format markdown`;
# CALLCHECK_UPDATE_GOLDEN=1 rewrites it.
set -euo pipefail
readme="$CALLCHECK_SOURCE_DIR/README.md"
expected=$("$CALLCHECK_BINARY" rules --format markdown)
actual=$(sed -n '/<!-- rules:begin -->/,/<!-- rules:end -->/p' "$readme" | sed '1d;$d')
if [ "$expected" != "$actual" ] && [ -n "${CALLCHECK_UPDATE_GOLDEN:-}" ]; then
  # Like the goldens: CALLCHECK_UPDATE_GOLDEN=1 rewrites the table; review the diff.
  python3 - "$readme" "$expected" <<'EOF_PY'
import sys
path, table = sys.argv[1], sys.argv[2]
text = open(path, encoding="utf-8").read()
begin, end = "<!-- rules:begin -->\n", "<!-- rules:end -->"
a = text.index(begin) + len(begin)
b = text.index(end, a)
open(path, "w", encoding="utf-8").write(text[:a] + table + "\n" + text[b:])
EOF_PY
  echo "README rule table rewritten from the catalogue"
  exit 0
fi
if [ "$expected" != "$actual" ]; then
  echo "README.md rule table is stale. Regenerate it with CALLCHECK_UPDATE_GOLDEN=1 (ctest -R readme_rules), or:" >&2
  echo "  callcheck rules --format markdown  (between <!-- rules:begin --> and <!-- rules:end -->)" >&2
  diff <(echo "$actual") <(echo "$expected") >&2 || true
  exit 1
fi
echo "README rule table matches the catalogue ($(echo "$expected" | tail -n +3 | wc -l) rules)"
