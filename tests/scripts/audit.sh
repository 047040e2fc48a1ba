#!/usr/bin/env bash
# `callcheck audit` through the real CLI: exit codes (0 clean, 1 findings at or
# above --fail-on, 2 an input that cannot be read or recognised), every output
# format (JSON against report.schema.json, SARIF against the official schema,
# JUnit against JUnit.xsd, github workflow commands), --app from the
# configuration, --write-minimal (atomic, refuses a symlink, round-trips), the
# README worked example byte for byte, and the embedded permission table
# regenerated from ../shared (so it is never edited by hand).
set -uo pipefail
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
shared="${CALLCHECK_SHARED_DIR:?}"
validate="$src/tests/scripts/validate_json.py"
report_schema="$src/schemas/callcheck/report.schema.json"
sarif_schema="$shared/corpus/sarif/sarif-schema-2.1.0.json"
junit_xsd="$shared/corpus/junit/JUnit.xsd"
corpus="$shared/corpus/app-registrations"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/samples" "$work/samples"
cp "$src/samples/audit/app.json" "$work/app.json"
fail=0

# expect <exit code> <name> <args...>: runs in $work, output in $work/out/<name>{,.err}
mkdir -p "$work/out"
expect() {
  local want=$1 name=$2; shift 2
  (cd "$work" && "$bin" audit --no-config --color never "$@") >"$work/out/$name" 2>"$work/out/$name.err"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: audit $* -> exit $got, expected $want"; head -20 "$work/out/$name" "$work/out/$name.err"; fail=1
  else
    echo "ok: audit $* -> $want"
  fi
}
contains() {  # contains <name> <fixed string>
  grep -qF -- "$2" "$work/out/$1" || { echo "FAIL: $1 lacks: $2"; fail=1; }
}
lacks() {
  if grep -qF -- "$2" "$work/out/$1"; then echo "FAIL: $1 has: $2"; fail=1; fi
}

# --- exit codes ---------------------------------------------------------------------
printf '{"requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [{"id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role"}]}]}\n' >"$work/join.json"
printf '{"requiredResourceAccess": [{"resourceAppId": "00000003-0000-0000-c000-000000000000", "resourceAccess": [{"id": "f6b49018-60ab-4f81-83bd-22caeabfed2d", "type": "Role"}, {"id": "284383ee-7f6e-4e40-a2a8-e85dcb029101", "type": "Role"}]}]}\n' >"$work/join-initiate.json"
join=samples/valid/join-private-meeting.json
expect 0 clean --app join.json "$join"
contains clean "missing:  (none)"
expect 1 missing --app join.json samples/valid/
contains missing "error CC601 missing-permission: \`Calls.Initiate.All\` is not declared"
expect 0 excess-warning --app join-initiate.json "$join"
contains excess-warning "warning CC602 excess-permission: \`Calls.Initiate.All\`"
expect 1 excess-fail-on --app join-initiate.json --fail-on warning "$join"
expect 1 excess-strict --app join-initiate.json --strict "$join"
contains excess-strict "error CC602 excess-permission"
expect 0 excess-ignored --app join-initiate.json --strict --ignore CC602 "$join"
lacks excess-ignored "CC602"
expect 2 no-app "$join"
contains no-app.err "--app FILE"
expect 2 unreadable-app --app nope.json "$join"
contains unreadable-app "error CC010 unreadable-input: cannot read \`nope.json\`"
expect 2 unrecognised-app --app samples/invalid/cc616-unrecognised-app-file.json "$join"
contains unrecognised-app "error CC616 unrecognised-app-file"
lacks unrecognised-app "CC601"
expect 2 missing-payload --app join.json nope/
expect 2 bad-flag --app join.json --select CC699 "$join"
# --app takes one file per occurrence: the paths behind it stay paths.
expect 1 two-apps --app join.json --app samples/invalid/cc610-calling-not-enabled.json samples/valid/
contains two-apps "warning CC610 calling-not-enabled"
contains two-apps "audit: 17 request bodies audited against 2 app files"  # 11 create bodies, 6 mid-call ones with their own permission
# A mid-call body counts with its page's permission (redirect: Calls.Initiate.All), located at the body.
expect 1 mid-call --app join.json samples/valid/requests/redirect.json
contains mid-call "error CC601 missing-permission: \`Calls.Initiate.All\` is not declared, but 1 payload needs it: samples/valid/requests/redirect.json:1:1 (redirects an incoming call"
# ... and one that needs nothing beyond its call's permissions adds nothing.
expect 0 mid-call-none --app join.json samples/valid/requests/mute.json

# --- formats ------------------------------------------------------------------------
for format in ${CALLCHECK_FORMATS:?set by tests/CMakeLists.txt from include/callcheck/format_table.h}; do
  expect 1 "all.$format" --app app.json --app samples/invalid/cc610-calling-not-enabled.json --format "$format" samples/
done
if python3 "$validate" "$report_schema" "$work/out/all.json" >"$work/v.log" 2>&1; then echo "ok: json valid"; else
  echo "FAIL: audit --format json is not valid against report.schema.json"; head -30 "$work/v.log"; fail=1; fi
python3 - "$work/out/all.json" <<'EOF' || fail=1
import json, sys
a = json.load(open(sys.argv[1]))["audit"]
assert a["missing"] == ["Calls.JoinGroupCallAsGuest.All"], a["missing"]
assert a["excess"] == ["Calls.ReportSyntheticMedia.All"], a["excess"]
assert "Calls.JoinGroupCall.All" in a["required"] and "User.Read" in a["declared"], a
assert a["not_evaluated"] == ["User.Read"], a["not_evaluated"]
assert [d["method"] for d in a["declarations"]] == ["parsed", "parsed"], a["declarations"]
assert [d["format"] for d in a["declarations"]] == ["graph-application", "teams-manifest"], a["declarations"]
guest = [n for n in a["needs"] if n["name"] == "Calls.JoinGroupCallAsGuest.All"][0]
assert {p["path"] for p in guest["needed_by"]} >= {"samples/valid/join-as-guest.json"}, guest
assert all(p["line"] > 0 for p in guest["needed_by"]), guest
print("ok: json audit member")
EOF
if python3 "$validate" "$sarif_schema" "$work/out/all.sarif" >"$work/v.log" 2>&1; then echo "ok: sarif valid"; else
  echo "FAIL: audit --format sarif is not valid SARIF 2.1.0"; head -30 "$work/v.log"; fail=1; fi
python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["runs"][0]; assert r["properties"]["audit"]["missing"]==["Calls.JoinGroupCallAsGuest.All"]; assert any(x["ruleId"]=="CC601" and x["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]=="app.json" for x in r["results"]); print("ok: sarif audit properties and located CC601")' "$work/out/all.sarif" || fail=1
if xmllint --noout --schema "$junit_xsd" "$work/out/all.junit" >"$work/v.log" 2>&1; then echo "ok: junit valid"; else
  echo "FAIL: audit --format junit is not valid against JUnit.xsd"; head -30 "$work/v.log"; fail=1; fi
contains all.junit '<testsuite name="callcheck audit"'
contains all.junit '<property name="missing" value="Calls.JoinGroupCallAsGuest.All"/>'
contains all.github "::error file=app.json,line=11,col=7"
contains all.github "callcheck audit: required Calls.AccessMedia.All"
while IFS= read -r line; do
  case "$line" in
    ::error\ *|::warning\ *|::notice\ *|"callcheck audit: "*|"callcheck: "*) ;;
    *) echo "FAIL: github output line is neither a command nor a summary: $line"; fail=1 ;;
  esac
done <"$work/out/all.github"

# --- "app" in the configuration -------------------------------------------------------
mkdir -p "$work/repo/payloads" "$work/repo/infra"
cp "$src/$join" "$work/repo/payloads/join.json"
cp "$work/join-initiate.json" "$work/repo/infra/app.json"
printf '{"app": ["infra/app.json"]}\n' >"$work/repo/.callcheck.json"
(cd "$work/repo" && "$bin" audit --color never payloads/) >"$work/out/config" 2>&1
[ $? -eq 0 ] || { echo "FAIL: audit with \"app\" in .callcheck.json"; cat "$work/out/config"; fail=1; }
contains config "infra/app.json:1:"
contains config "CC602"
(cd "$work/repo" && "$bin" audit --color never --app ../join.json payloads/) >"$work/out/config-flag" 2>&1
lacks config-flag "CC602"
printf '{"app": "infra/app.json"}\n' >"$work/repo/.callcheck.json"
(cd "$work/repo" && "$bin" audit --color never payloads/) >"$work/out/config-bad" 2>&1
[ $? -eq 2 ] || { echo "FAIL: an invalid \"app\" must be CC401, exit 2"; fail=1; }
contains config-bad "CC401"

# --- --write-minimal --------------------------------------------------------------------
expect 1 minimal --app app.json --write-minimal minimal.json samples/valid/
contains minimal.err "wrote the minimal requiredResourceAccess to \`minimal.json\`"
expect 0 minimal-again --app minimal.json samples/valid/
contains minimal-again "missing:  (none)"
contains minimal-again "excess:   (none)"
contains minimal-again "not evaluated (not Calls.*): User.Read"
ls -a "$work" | grep -q '\.tmp$' && { echo "FAIL: a temporary file was left behind"; fail=1; }
echo "keep" >"$work/victim.txt"
ln -s victim.txt "$work/link.json"
expect 2 minimal-symlink --app app.json --write-minimal link.json samples/valid/
contains minimal-symlink.err "symbolic link"
[ "$(cat "$work/victim.txt")" = "keep" ] || { echo "FAIL: --write-minimal wrote through a symlink"; fail=1; }
mkdir "$work/adir"
expect 2 minimal-dir --app app.json --write-minimal adir samples/valid/

# --- the corpus through the CLI (every file is read, none is an input error) ----------
for f in "$corpus"/*; do
  case "$f" in *.tsv|*.md) continue ;; esac
  "$bin" audit --no-config --format json --app "$f" "$src/samples/valid/" >"$work/out/corpus.json" 2>/dev/null
  status=$?
  if [ "$status" -gt 1 ]; then echo "FAIL: corpus $(basename "$f"): exit $status"; fail=1; fi
  python3 "$validate" "$report_schema" "$work/out/corpus.json" >/dev/null 2>&1 ||
    { echo "FAIL: corpus $(basename "$f"): JSON not valid against the schema"; fail=1; }
done
echo "ok: every corpus file audited (exit 0 or 1, valid JSON)"

# --- README worked example -----------------------------------------------------------------
expected=$(sed -n '/<!-- audit-example:begin -->/,/<!-- audit-example:end -->/p' "$src/README.md" | sed '1,3d;$d' | sed '$d')
# The README is UTF-8: the byte of cc003-invalid-encoding.json that is not shows as U+FFFD there.
actual=$(cd "$work" && "$bin" audit --no-config --color never --app app.json samples/ 2>&1 |
  python3 -c 'import sys; sys.stdout.write(sys.stdin.buffer.read().decode("utf-8", "replace"))')
if [ "$expected" != "$actual" ] && [ -n "${CALLCHECK_UPDATE_GOLDEN:-}" ]; then
  # Like every golden: CALLCHECK_UPDATE_GOLDEN=1 rewrites it (a new sample changes the counts); review the diff.
  python3 - "$src/README.md" "$actual" <<'EOF_PY'
import sys
path, example = sys.argv[1], sys.argv[2]
lines = open(path, encoding="utf-8").read().split("\n")
begin = lines.index("<!-- audit-example:begin -->")
end = lines.index("<!-- audit-example:end -->", begin)
# The marker, the opening fence and the command line stay; so do the closing fence and the end marker.
lines[begin + 3:end - 1] = example.split("\n")
open(path, "w", encoding="utf-8").write("\n".join(lines))
EOF_PY
  echo "ok: README audit example rewritten"
elif [ "$expected" != "$actual" ]; then
  echo "FAIL: the README's audit example is stale; regenerate it with CALLCHECK_UPDATE_GOLDEN=1 or (in a checkout, app.json = samples/audit/app.json):"
  echo "  callcheck audit --app app.json samples/"
  diff <(echo "$expected") <(echo "$actual") | head -40
  fail=1
else
  echo "ok: README audit example matches"
fi

# --- the permission table is generated, never edited -------------------------------------------
python3 "$src/tests/scripts/generate_graph_permissions.py" "$corpus/graph-permissions.tsv" "$work/graph-permissions.json"
if cmp -s "$work/graph-permissions.json" "$src/schemas/callcheck/graph-permissions.json"; then
  echo "ok: schemas/callcheck/graph-permissions.json is the generator's output"
else
  echo "FAIL: schemas/callcheck/graph-permissions.json differs from tests/scripts/generate_graph_permissions.py's output"
  fail=1
fi

exit $fail
