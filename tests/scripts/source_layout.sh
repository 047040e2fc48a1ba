#!/usr/bin/env bash
# The shape of src/ that issue 11 asks for, so it cannot erode unnoticed:
#  1. no file under src/ over 450 lines (split by concern before that);
#  2. no include from a lower stage to a higher one: document/, schema/,
#     rules/ and permissions/ never include the pipeline's entry header
#     (check.h) or the CLI;
#  3. third-party headers stay in their adapters: valijson only in schema/;
#     render/ never sees the parser, the DOM or valijson (its JSON writers
#     may use RapidJSON's writer and nothing else of RapidJSON);
#  4. public headers (include/callcheck/) use only the standard library.
# Each check prints every offender, then the test fails.
set -euo pipefail
src="$CALLCHECK_SOURCE_DIR/src"
include="$CALLCHECK_SOURCE_DIR/include/callcheck"
max_lines=450
failed=0
fail() {
  echo "$1" >&2
  failed=1
}

# 1. file size
while IFS= read -r file; do
  lines=$(wc -l < "$file")
  if [ "$lines" -gt "$max_lines" ]; then
    fail "${file#"$CALLCHECK_SOURCE_DIR"/}: $lines lines, over $max_lines (split it by concern)"
  fi
done < <(find "$src" -type f \( -name '*.cc' -o -name '*.h' -o -name '*.c' \) | sort)

# Lines `#include ...` of the files below a folder, as "file:line:text".
includes() { grep -rHn --include='*.cc' --include='*.h' -E '^[[:space:]]*#[[:space:]]*include' "$@" || true; }

# 2. stage order
for stage in document schema rules permissions; do
  while IFS= read -r hit; do
    [ -n "$hit" ] && fail "lower stage includes a higher one: ${hit#"$CALLCHECK_SOURCE_DIR"/}"
  done < <(includes "$src/$stage" | grep -E '[<"](callcheck/)?check\.h[>"]|[<"]cli/' || true)
done

# 3. adapters
while IFS= read -r hit; do
  [ -n "$hit" ] && fail "valijson outside src/schema/: ${hit#"$CALLCHECK_SOURCE_DIR"/}"
done < <(includes "$src" | grep -E '[<"]valijson/|schema/valijson_adapter\.h' | grep -v "^$src/schema/" || true)
while IFS= read -r hit; do
  [ -n "$hit" ] && fail "render/ reaches into the parser or a schema library: ${hit#"$CALLCHECK_SOURCE_DIR"/}"
done < <(includes "$src/render" |
         grep -E '[<"](valijson/|schema/|document/document\.h|document/strict_handler\.h|rapidjson/)' |
         grep -vE '[<"]rapidjson/(prettywriter|writer|ostreamwrapper|stringbuffer)\.h[>"]' || true)
if includes "$src/render/text.cc" | grep -qiE 'rapidjson|valijson|document/document\.h'; then
  fail "render/text.cc includes RapidJSON, valijson or the parser (it needs only document/line_index.h)"
fi
# The line index is standard-library only: renderers include it freely.
if includes "$src/document/line_index.h" "$src/document/line_index.cc" |
   grep -vE '#[[:space:]]*include[[:space:]]*(<[a-z_]+>|"callcheck/[a-z_]+\.h"|"document/line_index\.h")' | grep -q .; then
  fail "document/line_index.{h,cc} include more than the standard library and callcheck/ headers"
fi

# 4. public headers
while IFS= read -r hit; do
  [ -n "$hit" ] && fail "public header includes a non-standard header: ${hit#"$CALLCHECK_SOURCE_DIR"/}"
done < <(includes "$include" |
         grep -vE '#[[:space:]]*include[[:space:]]*(<[a-z_]+(\.h)?>|"callcheck/[a-z_]+\.h"|<callcheck/[a-z_]+\.h>)' || true)

if [ "$failed" -ne 0 ]; then exit 1; fi
echo "src/ layout holds: every file <= $max_lines lines, stages include downwards, adapters contain their libraries"
