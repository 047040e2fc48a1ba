#!/usr/bin/env bash
# The CLI contract: exit codes 0/1/2, stdin, formats, explain, schemas, bad flags.
set -uo pipefail
bin="$CALLCHECK_BINARY"
src="$CALLCHECK_SOURCE_DIR"
fail=0
expect() {  # expect <code> <description> <command...>
  local want=$1 what=$2; shift 2
  "$@" >/tmp/cc_out.$$ 2>/tmp/cc_err.$$
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL: $what: exit $got, expected $want"; cat /tmp/cc_out.$$ /tmp/cc_err.$$ | head -20; fail=1
  else
    echo "ok: $what"
  fi
}
cd "$src"
expect 0 "valid samples are clean" "$bin" samples/valid
expect 1 "invalid JSON is a finding, not a failure" bash -c "printf '{\"a\":1,}' | '$bin' -"
expect 2 "missing file" "$bin" samples/valid/does-not-exist.json
grep -q "does-not-exist.json:1:1: error CC010 unreadable-input" /tmp/cc_out.$$ || { echo "FAIL: missing file message"; fail=1; }
expect 2 "missing file among good ones still exits 2" "$bin" samples/valid/p2p-service-hosted.json nope.json
grep -q "1 of 2 inputs could not be read" /tmp/cc_err.$$ || { echo "FAIL: summary of unreadable inputs"; fail=1; }
expect 2 "unknown flag" "$bin" --no-such-flag samples/valid
expect 2 "bad --format value" "$bin" --format xml samples/valid
expect 2 "directory without payloads" "$bin" "$src/include"
expect 0 "explain by code" "$bin" explain CC001
grep -q "## Why is this bad?" /tmp/cc_out.$$ || { echo "FAIL: explain sections"; fail=1; }
expect 0 "explain by name" "$bin" explain invalid-json
expect 2 "explain unknown" "$bin" explain CC999
expect 0 "schemas list" "$bin" schemas
grep -q "graph/v1.0/call.schema.json" /tmp/cc_out.$$ || { echo "FAIL: schemas list"; fail=1; }
expect 0 "schemas print" "$bin" schemas call
grep -q '"title": "call"' /tmp/cc_out.$$ || { echo "FAIL: schemas print"; fail=1; }
expect 0 "rules json" "$bin" rules --format json
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert all(set(r)=={"code","name","severity","status","always_reported","fix","summary","url"} for r in d["rules"]); assert [r["code"] for r in d["rules"] if r["always_reported"]]==["CC001","CC002","CC003","CC004","CC005","CC006","CC007","CC010"]' /tmp/cc_out.$$ || { echo "FAIL: rules json shape"; fail=1; }
expect 1 "json format on findings" "$bin" --format json samples/invalid
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' /tmp/cc_out.$$ || { echo "FAIL: json output parses"; fail=1; }
expect 0 "--fail-on error ignores warnings" bash -c "printf '\xef\xbb\xbf{\"callbackUri\":\"https://a.example/cb\",\"mediaConfig\":{\"@odata.type\":\"#microsoft.graph.serviceHostedMediaConfig\"},\"targets\":[{\"identity\":{\"user\":{\"id\":\"98da8a1a-1b87-452c-a713-65d3f10b5555\"}}}]}' | '$bin' -"
expect 1 "--fail-on warning counts warnings" bash -c "printf '\xef\xbb\xbf{\"callbackUri\":\"https://a.example/cb\",\"mediaConfig\":{\"@odata.type\":\"#microsoft.graph.serviceHostedMediaConfig\"},\"targets\":[{\"identity\":{\"user\":{\"id\":\"98da8a1a-1b87-452c-a713-65d3f10b5555\"}}}]}' | '$bin' --fail-on warning -"
expect 0 "scopes text" "$bin" scopes samples/valid/group-call-app-hosted.json
grep -q "required: Calls.InitiateGroupCall.All - " /tmp/cc_out.$$ || { echo "FAIL: scopes text"; fail=1; }
expect 0 "scopes json" "$bin" scopes --format json samples/valid/group-call-app-hosted.json samples/valid/join-as-guest.json
python3 - /tmp/cc_out.$$ <<'PY' || { echo "FAIL: scopes json content"; fail=1; }
import json, sys
files = json.load(open(sys.argv[1]))["files"]
assert files[0]["required_scopes"] == ["Calls.AccessMedia.All", "Calls.InitiateGroupCall.All"], files[0]
assert files[0]["scenario"]["kind"] == "group-call" and files[0]["scenario"]["evidence"] == "/targets"
assert files[1]["required_scopes"] == ["Calls.JoinGroupCallAsGuest.All"], files[1]
assert files[1]["scenario"]["evidence"] == "/source/identity/guest"
PY
expect 2 "scopes of a missing file" "$bin" scopes nope.json
expect 0 "scopes of the seed Markdown page" "$bin" scopes --api beta --format json \
  "$CALLCHECK_SHARED_DIR/corpus/seed/create-call-beta-2019.pt-BR.md"
python3 - /tmp/cc_out.$$ <<'PY' || { echo "FAIL: scopes of the seed page"; fail=1; }
import json, sys
files = json.load(open(sys.argv[1]))["files"]
kinds = [f["scenario"]["kind"] for f in files]
assert kinds == ["peer-to-peer", "peer-to-peer", "group-call", "join-meeting", "join-meeting",
                 "join-meeting-as-guest"], kinds
assert files[1]["required_scopes"] == ["Calls.AccessMedia.All", "Calls.Initiate.All"], files[1]
assert files[5]["required_scopes"] == ["Calls.JoinGroupCallAsGuest.All"], files[5]
PY
expect 1 "--stdin-filename names stdin in findings" bash -c "printf '{\"a\":1,}' | '$bin' --stdin-filename payload.json -"
grep -q "^payload.json:1:7: error CC001 invalid-json" /tmp/cc_out.$$ || { echo "FAIL: --stdin-filename"; fail=1; }
# Output is in input order whatever the number of workers.
"$bin" -j1 --format json samples >/tmp/cc_j1.$$ 2>/dev/null
"$bin" -j2 --format json samples >/tmp/cc_j2.$$ 2>/dev/null
cmp -s /tmp/cc_j1.$$ /tmp/cc_j2.$$ && [ -s /tmp/cc_j1.$$ ] || { echo "FAIL: -j1 and -j2 outputs differ"; fail=1; }
rm -f /tmp/cc_j1.$$ /tmp/cc_j2.$$
# A file named by its absolute path is shown relative to the working
# directory, however the path is spelt (plain names take a shorter way,
# src/cli/input.cc display_path); outside it, absolute and normal.
bad=samples/invalid/cc104-enum-mismatch.json
"$bin" --no-config "$bad" >/tmp/cc_rel.$$ 2>&1
for spelling in "$PWD/$bad" "$PWD/samples/./invalid/../invalid/cc104-enum-mismatch.json"; do
  "$bin" --no-config "$spelling" >/tmp/cc_abs.$$ 2>&1
  cmp -s /tmp/cc_rel.$$ /tmp/cc_abs.$$ && grep -q "^$bad:" /tmp/cc_abs.$$ ||
    { echo "FAIL: $spelling is not shown as $bad"; diff /tmp/cc_rel.$$ /tmp/cc_abs.$$ | head -5; fail=1; }
done
(cd samples/valid && "$bin" --no-config "$src/$bad" >/tmp/cc_abs.$$ 2>&1)
grep -q "^$src/$bad:" /tmp/cc_abs.$$ || { echo "FAIL: a file outside the working directory is not shown absolute"; fail=1; }
rm -f /tmp/cc_rel.$$ /tmp/cc_abs.$$
rm -f /tmp/cc_out.$$ /tmp/cc_err.$$
exit $fail
