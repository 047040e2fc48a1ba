#!/usr/bin/env bash
# Team policies (`schemas` in .callcheck.json, issue 14 item 2b), through the
# CLI: goldens (tests/golden/user_schemas/NAME.txt: stdout, stderr, exit) for
#  - the sample repository tests/user_schemas/repo: a policy with `title`,
#    `description` and `$comment`, a `$ref` into a subfolder, a file its
#    `files` glob matches (good and bad) and one it does not;
#  - each hostile configuration (issue 18), which must be one located CC401
#    and exit 2, never a crash, a hang or a silent pass: a `$ref` to
#    /etc/passwd, to ../outside.json, through a symlink out of the folder and
#    out of the repository, to http://; a `$ref` cycle and recursion; a huge
#    schema; a schema that is not JSON; a missing one; the schema path itself
#    absolute or escaping; globs empty or too long.
# Also: -j2 gives the bytes of -j1, the report validates against
# report.schema.json, and the policy is read once however many files match.
# CALLCHECK_UPDATE_GOLDEN=1 rewrites the goldens (then review the diff).
set -uo pipefail
bin=$(realpath "$CALLCHECK_BINARY")
src="$CALLCHECK_SOURCE_DIR"
golden="$src/tests/golden/user_schemas"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
source "$src/tests/scripts/golden.bash"

# golden_run NAME DIR ARGS...: callcheck in DIR against tests/golden/user_schemas/NAME.txt.
golden_run() {
  local name=$1 dir=$2; shift 2
  (cd "$dir" && timeout 10 "$bin" --color never "$@") >"$work/out" 2>"$work/err"
  golden_record "$name" $? "$work/out" "$work/err"
  golden_compare "$name" "$golden/$name.txt"
}

# A repository of its own (a .git folder: the trust boundary) from the sample.
repo="$work/repo"
cp -r "$src/tests/user_schemas/repo" "$repo"
mkdir -p "$repo/.git"

golden_run repo "$repo" calls other
golden_run repo-json "$repo" --format json calls/bad.json
(cd "$repo" && "$bin" --format json calls/bad.json >"$work/report.json")
if python3 "$src/tests/scripts/validate_json.py" "$src/schemas/callcheck/report.schema.json" "$work/report.json"; then
  echo "ok: the report with CC110 validates against report.schema.json"
else
  echo "FAIL: report.schema.json"; fail=1
fi
(cd "$repo" && "$bin" --format sarif calls/bad.json >"$work/report.sarif")
if grep -q '"ruleId": "CC110"' "$work/report.sarif" && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/report.sarif"; then
  echo "ok: SARIF carries CC110"
else
  echo "FAIL: SARIF"; fail=1
fi
# The levels of the configuration apply to CC110 like to any rule.
jq '. + {rules: {"policy-violation": "warning"}}' "$repo/.callcheck.json" >"$work/c.json" && cp "$work/c.json" "$repo/.callcheck.json"
golden_run repo-warning "$repo" calls/bad.json
cp "$src/tests/user_schemas/repo/.callcheck.json" "$repo/.callcheck.json"
# The schema files are callcheck's own: a walk of the whole repository skips them.
golden_run repo-walk "$repo" .

# 600 matching files, -j1 and -j2: the same bytes, and the policy (and the
# file its $ref names) opened once per run.
mkdir -p "$repo/calls/many"
for i in $(seq 1 300); do cp "$repo/calls/bad.json" "$repo/calls/many/b$i.json"; cp "$repo/calls/good.json" "$repo/calls/many/g$i.json"; done
(cd "$repo" && "$bin" -j1 calls/many >"$work/j1.txt" 2>&1)
(cd "$repo" && "$bin" -j2 calls/many >"$work/j2.txt" 2>&1)
if cmp -s "$work/j1.txt" "$work/j2.txt" && [ "$(grep -c 'CC110' "$work/j1.txt")" -eq 900 ]; then
  echo "ok: 600 files, -j2 prints what -j1 prints (900 CC110)"
else
  echo "FAIL: -j1 and -j2 differ, or not 900 CC110 ($(grep -c CC110 "$work/j1.txt"))"; fail=1
fi
if command -v strace >/dev/null; then
  opens=$(cd "$repo" && strace -f -e trace=openat -o "$work/trace" "$bin" -j2 calls/many >/dev/null 2>&1; grep -c 'call.policy.json"' "$work/trace")
  refs=$(grep -c 'callback.json"' "$work/trace")
  if [ "$opens" -eq 1 ] && [ "$refs" -eq 1 ]; then
    echo "ok: each policy file is opened once for 600 files"
  else
    echo "FAIL: the policy was opened $opens times, its \$ref file $refs times"; fail=1
  fi
fi
rm -rf "$repo/calls/many"

# --- hostile configurations: each a repository of its own ---------------------
# hostile NAME POLICY_JSON [CONFIG_JSON]: a repo with policies/p.json and a payload.
hostile() {
  local name=$1 policy=$2
  local config=${3:-'{"schemas": [{"files": "*.json", "schema": "policies/p.json"}]}'}
  local dir="$work/h-$name"
  mkdir -p "$dir/.git" "$dir/policies"
  printf '%s\n' "$config" >"$dir/.callcheck.json"
  [ -n "$policy" ] && printf '%s\n' "$policy" >"$dir/policies/p.json"
  cp "$repo/calls/good.json" "$dir/payload.json"
  echo "$dir"
}
dir=$(hostile ref-etc-passwd '{"properties": {"callbackUri": {"$ref": "/etc/passwd"}}}')
golden_run hostile-ref-etc-passwd "$dir" payload.json
dir=$(hostile ref-dotdot '{"properties": {"callbackUri": {"$ref": "../outside.json"}}}')
printf '{"title": "outside"}\n' >"$dir/outside.json"
golden_run hostile-ref-dotdot "$dir" payload.json
dir=$(hostile ref-symlink-folder '{"properties": {"callbackUri": {"$ref": "defs.json"}}}')
printf '{"title": "outside"}\n' >"$dir/outside.json"
ln -s ../outside.json "$dir/policies/defs.json"
golden_run hostile-ref-symlink-folder "$dir" payload.json
dir=$(hostile ref-symlink-repo '{"properties": {"callbackUri": {"$ref": "defs.json"}}}')
printf '{"title": "S3CR3T-outside-the-repo"}\n' >"$work/secret.json"
ln -s "$work/secret.json" "$dir/policies/defs.json"
golden_run hostile-ref-symlink-repo "$dir" payload.json
dir=$(hostile ref-http '{"properties": {"callbackUri": {"$ref": "http://127.0.0.1:9/policy.json"}}}')
golden_run hostile-ref-http "$dir" payload.json
dir=$(hostile remote-schema '{"$schema": "https://json-schema.org/draft/2020-12/schema", "title": "x"}')
golden_run hostile-remote-schema "$dir" payload.json
dir=$(hostile ref-cycle '{"definitions": {"a": {"$ref": "#/definitions/b"}, "b": {"allOf": [{"$ref": "#/definitions/a"}]}}, "$ref": "#/definitions/a"}')
golden_run hostile-ref-cycle "$dir" payload.json
dir=$(hostile ref-recursive '{"properties": {"source": {"$ref": "#"}}}')
golden_run hostile-ref-recursive "$dir" payload.json
dir=$(hostile huge "")
{ printf '{"title": "'; head -c 300000 /dev/zero | tr '\0' 'x'; printf '"}\n'; } >"$dir/policies/p.json"
golden_run hostile-huge "$dir" payload.json
dir=$(hostile not-json '{"title": "a policy", }')
golden_run hostile-not-json "$dir" payload.json
dir=$(hostile missing "")
golden_run hostile-missing "$dir" payload.json
dir=$(hostile pattern '{"properties": {"callbackUri": {"pattern": "^(a+)+$"}}}')
golden_run hostile-pattern "$dir" payload.json
dir=$(hostile schema-absolute "" '{"schemas": [{"files": "*.json", "schema": "/etc/passwd"}]}')
golden_run hostile-schema-absolute "$dir" payload.json
dir=$(hostile schema-dotdot "" '{"schemas": [{"files": "*.json", "schema": "../p.json"}]}')
golden_run hostile-schema-dotdot "$dir" payload.json
dir=$(hostile glob-empty '{}' '{"schemas": [{"files": "", "schema": "policies/p.json"}]}')
golden_run hostile-glob-empty "$dir" payload.json
long=$(head -c 300 /dev/zero | tr '\0' 'a')
dir=$(hostile glob-long '{}' "{\"schemas\": [{\"files\": \"$long\", \"schema\": \"policies/p.json\"}]}")
golden_run hostile-glob-long "$dir" payload.json
# No byte of a file outside the repository reaches any format's output.
read -r -a formats <<<"${CALLCHECK_FORMATS:-text json sarif}"
dir="$work/h-ref-symlink-repo"
for f in "${formats[@]}"; do
  (cd "$dir" && timeout 10 "$bin" --format "$f" payload.json) >"$work/out" 2>&1
  rc=$?
  if grep -q S3CR3T "$work/out" || [ "$rc" -ne 2 ]; then
    echo "FAIL: --format $f: exit $rc, or the secret is shown"; fail=1
  else
    echo "ok: --format $f: exit 2, the secret is not shown"
  fi
done

exit $fail
