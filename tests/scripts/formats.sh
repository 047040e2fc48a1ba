#!/usr/bin/env bash
# The real CLI in every machine format over samples/ (plus awkward inputs: a
# path with a space and a colon, an unreadable file), each output checked
# against its official schema:
#   --format sarif  -> shared/corpus/sarif/sarif-schema-2.1.0.json  (python3-jsonschema)
#   --format json   -> schemas/callcheck/report.schema.json          (python3-jsonschema)
#   --format junit  -> shared/corpus/junit/JUnit.xsd                  (xmllint: libxml2-utils)
#   --format github -> every line a well-formed workflow command or the summary
set -uo pipefail
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
shared="${CALLCHECK_SHARED_DIR:?}"
sarif_schema="$shared/corpus/sarif/sarif-schema-2.1.0.json"
junit_xsd="$shared/corpus/junit/JUnit.xsd"
report_schema="$src/schemas/callcheck/report.schema.json"
validate="$src/tests/scripts/validate_json.py"

for f in "$sarif_schema" "$junit_xsd" "$report_schema"; do
  [ -f "$f" ] || { echo "FAIL: schema $f is missing"; exit 1; }
done
command -v xmllint >/dev/null || { echo "FAIL: xmllint not found (apt-get install libxml2-utils)"; exit 1; }
python3 -c 'import jsonschema' 2>/dev/null || { echo "FAIL: python3-jsonschema not installed"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/odd dir"
printf '{\n  "callbackUri": "http://x/100%%,a:b",\n  "x%%:,]]><&>\\"'"'"' \\u00e9": 1\n}\n' >"$work/odd dir/a b:c.json"
printf 'not json' >"$work/odd dir/broken.json"

fail=0
# run <name> <expected exit codes, e.g. "0 1"> <format> <paths...>
run() {
  local name=$1 codes=$2 format=$3; shift 3
  (cd "$work" && "$bin" check --format "$format" "$@") >"$work/$name" 2>"$work/$name.err"
  local got=$?
  case " $codes " in
    *" $got "*) ;;
    *) echo "FAIL: --format $format $*: exit $got, expected one of $codes"; head -20 "$work/$name.err"; fail=1 ;;
  esac
  [ -s "$work/$name" ] || { echo "FAIL: --format $format $*: no output"; fail=1; }
}

check_json() {  # check_json <schema> <file> <what>
  if python3 "$validate" "$1" "$2" >"$2.log" 2>&1; then
    echo "ok: $3"
  else
    echo "FAIL: $3"; head -30 "$2.log"; fail=1
  fi
}

check_junit() {
  if xmllint --noout --schema "$junit_xsd" "$1" >"$1.log" 2>&1; then
    echo "ok: $2"
  else
    echo "FAIL: $2"; head -30 "$1.log"; fail=1
  fi
}

check_github() {  # every line: a command with escaped properties, or the plain summary
  local bad
  bad=$(grep -Ev '^::(error|warning|notice) file=[^,:]+(,(line|col|endLine|endColumn)=[1-9][0-9]*)*,title=(CC[0-9]{3} [a-z0-9-]+|callcheck omitted-findings)::.*$|^callcheck: [0-9]+ files? checked: ' "$1")
  if [ -n "$bad" ]; then
    echo "FAIL: $2: lines that are neither a workflow command nor the summary:"; echo "$bad" | head -10; fail=1
  else
    echo "ok: $2"
  fi
}

for pass in samples awkward; do
  if [ "$pass" = samples ]; then
    paths=("$src/samples"); codes="0 1"
  else
    paths=("odd dir/a b:c.json" "odd dir/broken.json" "missing.json" "$src/samples/valid"); codes="2"
  fi
  run "$pass.sarif" "$codes" sarif "${paths[@]}"
  check_json "$sarif_schema" "$work/$pass.sarif" "$pass: sarif output is valid SARIF 2.1.0"
  run "$pass.json" "$codes" json "${paths[@]}"
  check_json "$report_schema" "$work/$pass.json" "$pass: json output matches report.schema.json"
  run "$pass.xml" "$codes" junit "${paths[@]}"
  check_junit "$work/$pass.xml" "$pass: junit output is valid against JUnit.xsd"
  run "$pass.github" "$codes" github "${paths[@]}"
  check_github "$work/$pass.github" "$pass: github output is one workflow command per line"
done

# The awkward pass must really contain what it was built for.
grep -q '"uri": "odd%20dir/a%20b%3Ac.json"' "$work/awkward.sarif" || { echo "FAIL: sarif uri not percent-encoded"; fail=1; }
grep -q '"executionSuccessful": false' "$work/awkward.sarif" || { echo "FAIL: sarif run with an unreadable input is not marked unsuccessful"; fail=1; }
grep -q '<error message="cannot read `missing.json`' "$work/awkward.xml" || { echo "FAIL: junit has no <error> for the unreadable input"; fail=1; }
grep -q '^::error file=odd dir/a b%3Ac.json,' "$work/awkward.github" || { echo "FAIL: github file property not escaped"; fail=1; }
grep -q '"input_errors": 1' "$work/awkward.json" || { echo "FAIL: json summary does not count the unreadable input"; fail=1; }

# Determinism (issue 18): every format, run twice over the same inputs,
# gives the same bytes; nothing comes from the clock or the host. JUnit's
# required timestamp follows SOURCE_DATE_EPOCH (and is the epoch without it).
for format in ${CALLCHECK_FORMATS:?set by tests/CMakeLists.txt from include/callcheck/format_table.h}; do
  for pass in 1 2; do
    (cd "$work" && "$bin" check --no-config --format "$format" "$src/samples" "odd dir/a b:c.json" \
      "odd dir/broken.json" missing.json) >"$work/twice.$format.$pass" 2>/dev/null
  done
  if cmp -s "$work/twice.$format.1" "$work/twice.$format.2"; then
    echo "ok: --format $format is byte-identical across runs"
  else
    echo "FAIL: --format $format differs between two runs:"; diff "$work/twice.$format.1" "$work/twice.$format.2" | head -10
    fail=1
  fi
done
grep -q 'timestamp="1970-01-01T00:00:00"' "$work/twice.junit.1" ||
  { echo "FAIL: junit timestamp without SOURCE_DATE_EPOCH is not the epoch"; fail=1; }
(cd "$work" && SOURCE_DATE_EPOCH=1700000000 "$bin" check --no-config --format junit "$src/samples/valid") >"$work/epoch.xml"
grep -q 'timestamp="2023-11-14T22:13:20"' "$work/epoch.xml" || { echo "FAIL: junit ignores SOURCE_DATE_EPOCH"; fail=1; }
check_junit "$work/epoch.xml" "junit with SOURCE_DATE_EPOCH is valid against JUnit.xsd"

[ "$fail" -eq 0 ] && echo "formats: all outputs valid"
exit "$fail"
