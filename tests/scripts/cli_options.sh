#!/usr/bin/env bash
# Options never swallow paths (issue 10): every multi-value option takes one
# value per occurrence, split on commas, in both `--opt v` and `--opt=v` form,
# so the files after it are all checked. Rule selectors on the command line
# are validated exactly as in .callcheck.json: unknown ones exit 2.
set -uo pipefail
bin="$CALLCHECK_BINARY"
src="$CALLCHECK_SOURCE_DIR"
fail=0
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
run() { "$@" >"$out" 2>"$err"; }
check_exit() {  # check_exit <want> <description>
  if [ "$got" -ne "$1" ]; then
    echo "FAIL: $2: exit $got, expected $1"; head -20 "$out" "$err"; fail=1
  else
    echo "ok: $2"
  fi
}
cd "$src"
bad1=samples/invalid/cc202-callback-uri-not-https.json
bad2=samples/invalid/cc219-ringing-timeout-too-long.json
good=samples/valid/p2p-service-hosted.json

for opt in "--scopes Calls.Initiate.All" "--scopes=Calls.Initiate.All" "--scopes Calls.Initiate.All,Calls.AccessMedia.All" \
           "--select CC2" "--select=CC2,CC1" "--ignore CC221" "--ignore=CC221,CC303" \
           "--select callback-uri-not-https,ringing-timeout-too-long"; do
  # shellcheck disable=SC2086  # the option and its value are two words on purpose
  run "$bin" check --color never $opt "$bad1" "$bad2" "$good"; got=$?
  check_exit 1 "$opt followed by three paths"
  grep -q "^3 files checked" "$out" || { echo "FAIL: $opt: not all three files were checked"; cat "$out"; fail=1; }
  grep -q "cc202-callback-uri-not-https.json:2:18: error CC202" "$out" || { echo "FAIL: $opt: bad1 not reported"; fail=1; }
  grep -q "cc219-ringing-timeout-too-long.json:.*CC219" "$out" || { echo "FAIL: $opt: bad2 not reported"; fail=1; }
done

# Repeated occurrences accumulate: both permissions are granted.
app=samples/valid/p2p-app-hosted.json
run "$bin" check --scopes Calls.Initiate.All --scopes Calls.AccessMedia.All "$app"; got=$?
check_exit 0 "--scopes repeated accumulates"
run "$bin" check --scopes Calls.Initiate.All "$app"; got=$?
check_exit 1 "--scopes once misses the media permission"
grep -q "CC302" "$out" || { echo "FAIL: CC302 expected"; fail=1; }

# Selectors: validated like the configuration, with a did-you-mean.
for sel in "--select CC999" "--select cc2" "--ignore CC99" "--select callback-uri-not-http" "--ignore=nonsense"; do
  # shellcheck disable=SC2086
  run "$bin" check $sel "$good"; got=$?
  check_exit 2 "unknown selector: $sel"
  grep -q "is not a rule" "$err" || { echo "FAIL: $sel: no message"; cat "$err"; fail=1; }
done
run "$bin" check --select cc2 "$good"; got=$?
grep -q "did you mean \`CC2\`" "$err" || { echo "FAIL: cc2 has no did-you-mean CC2"; cat "$err"; fail=1; }
run "$bin" check --select callback-uri-not-http "$good"; got=$?
grep -q "did you mean \`callback-uri-not-https\`" "$err" || { echo "FAIL: name typo has no did-you-mean"; cat "$err"; fail=1; }

# Input validity cannot be switched off (issue 18, item 4).
for codes in CC001 invalid-json CC003 CC010; do
  run "$bin" check --ignore "$codes" "$good"; got=$?
  check_exit 2 "--ignore $codes is refused"
  grep -q "always reported" "$err" || { echo "FAIL: --ignore $codes: no explanation"; fail=1; }
done
printf 'not json at all' > "$out.bin"
run "$bin" check --select CC202 "$out.bin"; got=$?
check_exit 1 "--select CC202 on garbage still reports CC001"
grep -q "error CC001" "$out" || { echo "FAIL: CC001 hidden by --select"; cat "$out"; fail=1; }
printf '{"a":1}\0{"b":2}' > "$out.bin"
run "$bin" check --ignore CC0,CC1,CC2,CC3 "$out.bin"; got=$?
check_exit 1 "--ignore of every prefix still reports a NUL byte"
grep -q "CC005" "$out" || { echo "FAIL: CC005 hidden by prefixes"; cat "$out"; fail=1; }
rm -f "$out.bin"

# Quiet when clean: nothing but the summary, unless --show-scopes / -v.
run "$bin" check --color never "$good"; got=$?
check_exit 0 "clean file"
[ "$(wc -l <"$out")" -eq 1 ] || { echo "FAIL: a clean file printed more than the summary"; cat "$out"; fail=1; }
for flag in --show-scopes -v --verbose; do
  run "$bin" check --color never "$flag" "$good"; got=$?
  grep -q "p2p-service-hosted.json: scenario peer-to-peer" "$out" || { echo "FAIL: $flag shows no scenario"; fail=1; }
  grep -q "required scopes: Calls.Initiate.All" "$out" || { echo "FAIL: $flag shows no scopes"; fail=1; }
done

# CC303/CC304 are about the flag, not the payloads: reported once, at --scopes.
run "$bin" check --color never --scopes Calls.InitiateGroupCalls.All,Calls.Bogus.All \
  samples/valid/group-call-service-hosted.json samples/valid/group-call-app-hosted.json; got=$?
[ "$(grep -c "CC303" "$out")" -eq 1 ] || { echo "FAIL: CC303 not reported exactly once"; cat "$out"; fail=1; }
[ "$(grep -c "CC304" "$out")" -eq 1 ] || { echo "FAIL: CC304 not reported exactly once"; cat "$out"; fail=1; }
grep -q "^--scopes:1:1: warning CC303 scope-alias" "$out" || { echo "FAIL: CC303 not at the flag"; cat "$out"; fail=1; }
grep -q "^2 files checked" "$out" || { echo "FAIL: the flag counted as a file"; cat "$out"; fail=1; }
grep -q "group-call-service-hosted.json.*CC30[34]" "$out" && { echo "FAIL: a payload repeats CC303/CC304"; fail=1; }

# ... and once at the configuration entry that spells them, not per file.
repo=$(mktemp -d)
mkdir -p "$repo/.git" "$repo/p"
cp samples/valid/group-call-service-hosted.json "$repo/p/a.json"
cp samples/valid/group-call-app-hosted.json "$repo/p/b.json"
printf '{\n  "scopes": ["Calls.InitiateGroupCalls.All", "Calls.AccessMedia.All", "Calls.Bogus.All"]\n}\n' >"$repo/.callcheck.json"
(cd "$repo" && "$bin" --color never p) >"$out" 2>"$err"; got=$?
check_exit 0 "config scope spellings are warnings, the canonical names grant the calls"
grep -q "^.callcheck.json:2:14: warning CC303 scope-alias" "$out" || { echo "FAIL: CC303 not at the config entry"; cat "$out"; fail=1; }
grep -q "^.callcheck.json:2:71: warning CC304 unknown-scope" "$out" || { echo "FAIL: CC304 not at the config entry"; cat "$out"; fail=1; }
[ "$(grep -c "CC30[34]" "$out")" -eq 2 ] || { echo "FAIL: config scope findings repeated per file"; cat "$out"; fail=1; }
rm -rf "$repo"

# Which request a body is (issue 12): --request, then "request" in the
# configuration (above --request), then a request line (above both); each
# file's JSON says which decided.
repo=$(mktemp -d)
mkdir -p "$repo/.git"
printf '{"callbackUri":"https://bot.contoso.com/cb","acceptedModalities":["audio"],"mediaConfig":{"@odata.type":"#microsoft.graph.serviceHostedMediaConfig"}}' >"$repo/a.json"
decided() {  # decided <want name> <want decided_by> <description> ARGS...
  local name=$1 by=$2 what=$3; shift 3
  (cd "$repo" && "$bin" --format json "$@") >"$out" 2>"$err"; got=$?
  check_exit 0 "$what"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["files"][0]["request"]; sys.exit(0 if r=={"name":sys.argv[2],"decided_by":sys.argv[3]} else 1)' \
    "$out" "$name" "$by" || { echo "FAIL: $what: request is not $name/$by"; cat "$out"; fail=1; }
}
decided answer flag "--request answer" --request answer a.json
decided answer flag "--request=answer" --request=answer a.json
printf '{"request": "answer"}\n' >"$repo/.callcheck.json"
decided answer config '"request" in .callcheck.json' --request reject a.json
rm "$repo/.callcheck.json"
printf 'POST https://graph.microsoft.com/v1.0/communications/calls/1/answer\nContent-Type: application/json\n\n' >"$repo/r.http"
cat "$repo/a.json" >>"$repo/r.http"
decided answer request-line "a request line in .http" --request reject r.http
run "$bin" --no-config --request anwser "$repo/a.json"; got=$?
check_exit 2 "--request with an unknown name"
grep -q '^callcheck: --request: unknown request `anwser` (did you mean `answer`?)' "$err" ||
  { echo "FAIL: --request anwser: no did-you-mean"; cat "$err"; fail=1; }
rm -rf "$repo"

exit $fail
