#!/usr/bin/env bash
# CI ergonomics (issue 17 item 4), through the real CLI: several reports from
# one run (--format NAME[:FILE], -o), --statistics, --exit-zero, -q/--quiet,
# FORCE_COLOR/NO_COLOR, and every way of getting them wrong. Goldens in
# tests/golden/cli/NAME.txt hold stdout, stderr and the exit code
# (CALLCHECK_UPDATE_GOLDEN=1 rewrites them; review the diff). Each report
# written to a file is byte-identical to the same format on standard output
# (one lint, many renderings), and the machine ones match their schemas.
set -uo pipefail
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
shared="${CALLCHECK_SHARED_DIR:?}"
golden="$src/tests/golden/cli"
validate="$src/tests/scripts/validate_json.py"
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
mkdir -p "$work/p" "$work/out"
cp "$src/samples/invalid/cc201-undeclared-property.json" "$src/samples/invalid/cc202-callback-uri-not-https.json" \
   "$src/samples/valid/p2p-service-hosted.json" "$work/p/"
cp "$src/samples/audit/app.json" "$work/app.json"
fail=0

# golden_run NAME ARGS...: in $work, with no configuration and no colour from the environment.
source "$src/tests/scripts/golden.bash"
golden_run() {
  local name=$1; shift
  (cd "$work" && env -u NO_COLOR -u FORCE_COLOR "$bin" "$@") >"$work/stdout" 2>"$work/stderr"
  golden_record "$name" $? "$work/stdout" "$work/stderr"
  golden_compare "$name" "$golden/$name.txt"
}
same() {  # same FILE1 FILE2 WHAT
  if cmp -s "$1" "$2"; then echo "ok: $3"; else echo "FAIL: $3"; diff "$1" "$2" | head -10; fail=1; fi
}

# ---- one run, four reports ----
golden_run multi check --no-config --format concise --format sarif:out/r.sarif --format gitlab:out/gl.json \
  --format junit:out/r.xml --format json:out/r.json p/
for f in sarif gitlab junit json; do
  (cd "$work" && "$bin" check --no-config --format "$f" p/ >"out/single.$f" 2>/dev/null)
done
same "$work/out/r.sarif" "$work/out/single.sarif" "sarif:FILE is --format sarif byte for byte"
same "$work/out/gl.json" "$work/out/single.gitlab" "gitlab:FILE is --format gitlab byte for byte"
same "$work/out/r.xml" "$work/out/single.junit" "junit:FILE is --format junit byte for byte"
same "$work/out/r.json" "$work/out/single.json" "json:FILE is --format json byte for byte"
if python3 -c 'import jsonschema' 2>/dev/null; then
  python3 "$validate" "$shared/corpus/sarif/sarif-schema-2.1.0.json" "$work/out/r.sarif" >/dev/null ||
    { echo "FAIL: r.sarif is not SARIF 2.1.0"; fail=1; }
  python3 "$validate" "$src/tests/schemas/gitlab-codequality.schema.json" "$work/out/gl.json" >/dev/null ||
    { echo "FAIL: gl.json is not a GitLab Code Quality report"; fail=1; }
  python3 "$validate" "$src/schemas/callcheck/report.schema.json" "$work/out/r.json" >/dev/null ||
    { echo "FAIL: r.json does not match report.schema.json"; fail=1; }
fi
if command -v xmllint >/dev/null; then
  xmllint --noout --schema "$shared/corpus/junit/JUnit.xsd" "$work/out/r.xml" 2>/dev/null ||
    { echo "FAIL: r.xml is not valid JUnit"; fail=1; }
fi

# ---- -o / --output-file ----
golden_run output-file check --no-config -o out/report.txt p/
(cd "$work" && "$bin" check --no-config p/ >out/stdout.txt 2>/dev/null)
same "$work/out/report.txt" "$work/out/stdout.txt" "-o FILE holds what standard output would"
golden_run output-file-format check --no-config --format sarif:out/o.sarif --format gitlab --output-file out/o.gitlab p/
same "$work/out/o.gitlab" "$work/out/single.gitlab" "-o takes the format without a FILE"

# ---- --statistics: beside text, on stderr beside a JSON document ----
golden_run statistics check --no-config --statistics p/
golden_run statistics-json check --no-config --statistics --format json p/
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/stdout" ||
  { echo "FAIL: --statistics --format json: standard output is not one JSON document"; fail=1; }
golden_run statistics-files check --no-config --statistics --format sarif:out/s.sarif p/

# ---- --exit-zero, -q ----
golden_run exit-zero check --no-config --exit-zero p/
golden_run exit-zero-failure check --no-config --exit-zero p/ missing.json
golden_run quiet check --no-config -q p/
golden_run quiet-clean check --no-config --quiet p/p2p-service-hosted.json
golden_run quiet-json check --no-config -q --format json p/cc201-undeclared-property.json
golden_run quiet-fail-on check --no-config -q --fail-on warning p/

# ---- what is refused, and failed writes ----
golden_run two-stdout check --no-config --format text --format json p/
golden_run unknown-format check --no-config --format sarf p/
golden_run empty-file check --no-config --format sarif: p/
golden_run same-file check --no-config --format sarif:out/x --format json:out/x p/
golden_run output-file-no-output check --no-config --format sarif:out/y.sarif -o out/z p/
golden_run missing-folder check --no-config --format sarif:no/such/dir/r.sarif p/
ln -s "$work/out/target" "$work/out/link.sarif"
golden_run symlink check --no-config --format sarif:out/link.sarif p/
[ ! -e "$work/out/target" ] || { echo "FAIL: a report was written through a symlink"; fail=1; }
if [ -w /dev/full ]; then  # standard output fails: exit 2, and the file report is still whole
  (cd "$work" && "$bin" check --no-config --format json --format sarif:out/full.sarif p/ >/dev/full 2>"$work/full.err")
  code=$?
  if [ "$code" = 2 ] && grep -q "cannot write the output" "$work/full.err" && [ -s "$work/out/full.sarif" ]; then
    echo "ok: a failed standard output is exit 2"
  else
    echo "FAIL: --format json >/dev/full: exit $code: $(cat "$work/full.err")"; fail=1
  fi
fi
golden_run audit-files audit --no-config --app app.json --format concise --format sarif:out/a.sarif p/
[ -s "$work/out/a.sarif" ] || { echo "FAIL: audit --format sarif:FILE wrote nothing"; fail=1; }

# ---- colour from the environment ----
colour() {  # colour EXPECTED(yes|no) ENV... : does text output to a pipe carry ANSI colour?
  local want=$1; shift
  (cd "$work" && env -u NO_COLOR -u FORCE_COLOR "$@" "$bin" check --no-config p/cc202-callback-uri-not-https.json) \
    >"$work/colour" 2>&1
  local got=no
  grep -q $'\x1b\[' "$work/colour" && got=yes
  if [ "$got" = "$want" ]; then echo "ok: colour $want with $*"; else echo "FAIL: colour $got with $*"; fail=1; fi
}
colour no
colour yes FORCE_COLOR=1
colour yes FORCE_COLOR=true NO_COLOR=1
colour no FORCE_COLOR= NO_COLOR=
colour no NO_COLOR=1
(cd "$work" && FORCE_COLOR=1 "$bin" check --no-config --color never p/ 2>&1 | grep -q $'\x1b\[') &&
  { echo "FAIL: --color never lost to FORCE_COLOR"; fail=1; }
(cd "$work" && FORCE_COLOR=1 "$bin" check --no-config --format concise --format text:out/c.txt p/ >/dev/null 2>&1)
grep -q $'\x1b\[' "$work/out/c.txt" && { echo "FAIL: a report file got colour"; fail=1; }

exit "$fail"
