#!/usr/bin/env bash
# docs/rules/ holds one page per rule, each exactly `callcheck explain CODE`,
# named <code>-<name>.md as callcheck::rule_page() says (the URL in SARIF
# helpUri, JSON `url` and the text output's `= docs:` line ends in that name).
# No page may be missing, stale or left over from a removed rule.
# CALLCHECK_UPDATE_GOLDEN=1 rewrites the folder; review the diff and commit.
set -euo pipefail
bin="${CALLCHECK_BINARY:?}"
dir="${CALLCHECK_SOURCE_DIR:?}/docs/rules"
update="${CALLCHECK_UPDATE_GOLDEN:-}"
mapfile -t rules < <("$bin" rules --format json | sed -n 's/.*"code":"\(CC[0-9]*\)","name":"\([a-z0-9-]*\)".*/\1 \2/p')
[ "${#rules[@]}" -gt 50 ] || { echo "FAIL: rules --format json listed ${#rules[@]} rules"; exit 1; }
fail=0
expected=()
[ -n "$update" ] && mkdir -p "$dir"
for row in "${rules[@]}"; do
  code=${row% *}; name=${row#* }
  page="$(echo "$code" | tr 'A-Z' 'a-z')-$name.md"
  expected+=("$page")
  want=$("$bin" explain "$code")
  url=$("$bin" rules --format json | grep -F "\"code\":\"$code\"" | sed -n 's/.*"url":"\([^"]*\)".*/\1/p')
  [ "${url##*/}.md" = "$page" ] || { echo "FAIL: $code: url $url does not name $page"; fail=1; }
  if [ -n "$update" ]; then
    printf '%s\n' "$want" >"$dir/$page"
  elif [ ! -f "$dir/$page" ]; then
    echo "FAIL: docs/rules/$page is missing"; fail=1
  elif [ "$(cat "$dir/$page")" != "$want" ]; then
    echo "FAIL: docs/rules/$page is stale:"; diff <(cat "$dir/$page") <(echo "$want") | head -10; fail=1
  fi
done
for f in "$dir"/*.md; do
  base=${f##*/}
  [ "$base" = README.md ] && continue
  case " ${expected[*]} " in
    *" $base "*) ;;
    *) if [ -n "$update" ]; then rm -f "$f"; else echo "FAIL: docs/rules/$base is no rule's page"; fail=1; fi ;;
  esac
done
if [ "$fail" -ne 0 ]; then
  echo "Regenerate with: CALLCHECK_UPDATE_GOLDEN=1 CALLCHECK_BINARY=build/src/callcheck CALLCHECK_SOURCE_DIR=. bash tests/scripts/rule_docs.sh"
  exit 1
fi
echo "ok: docs/rules/ has the page of each of the ${#rules[@]} rules, none stale"
