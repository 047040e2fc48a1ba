#!/usr/bin/env bash
# `callcheck join-url` and `check --join-url`/`--token` through the real CLI:
#  - goldens (tests/golden/join/*.txt: stdout, stderr and exit code) for the
#    link shapes, both formats, every CC24x sample with its link or token;
#  - the round trip `join-url LINK --callback-uri … | check -` exits 0 (and
#    with --join-url LINK too) for every shape;
#  - every refusal is exit 2 with one line on stderr, nothing on stdout, and
#    never the passcode; `--format json` matches schemas/callcheck/join-url.schema.json;
#  - the token's tenant never reaches the output.
# CALLCHECK_UPDATE_GOLDEN=1 rewrites the goldens (then review the diff).
# No pipefail: a `grep -q` closing a pipe early must not fail the pipeline.
set -u
bin=$(realpath "${CALLCHECK_BINARY:?}")
src="${CALLCHECK_SOURCE_DIR:?}"
golden="$src/tests/golden/join"
validate="$src/tests/scripts/validate_json.py"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0
export NO_COLOR=1

# Links as public threads showed them, ids changed (tests/unit/join_test.cc has the sources).
scheduled='https://teams.microsoft.com/l/meetup-join/19%3ameeting_Win6Ydo4wsMijFjZS00ZGVjLTk5MGUtOTRjNWY2NmNkYTFm%40thread.v2/0?context=%7b%22Tid%22%3a%22aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%225810cede-f3cc-42eb-b2c1-e9bd5d53ec96%22%7d'
channel='https://teams.microsoft.com/l/meetup-join/19%3a2d05e8c5daf34a88b821f43fee5cab00%40thread.skype/1562307724828?context=%7b%22Tid%22%3a%22aa67bd4c-8475-432d-bd41-39f255720e0a%22%2c%22Oid%22%3a%225810cede-f3cc-42eb-b2c1-e9bd5d53ec96%22%7d'
hash='https://teams.microsoft.com/_#/l/meetup-join/19:fb9e9eec508b41f3a106fccdae1fc800@thread.skype/1559064739458?context=%7B%22Tid%22:%22dad97a0c-c63c-4d47-820c-0e24b6824200%22,%22Oid%22:%22ea1e52f3-9b41-4610-bbe7-8533adf2be00%22%7D&anon=true&deeplinkId=95183f13-d1da-421e-fb5a-007588ece400'
raw='https://teams.microsoft.com/l/meetup-join/19:cd9ce3da56624fe69c9d7cd026f91200@thread.skype/1509579179399?context={"Tid":"72f988bf-86f1-41af-91ab-2d7cd011db00","Oid":"550fae72-d251-43ec-868c-373732c27000","MessageId":"1536978844957"}'
launcher='https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fl%2Fmeetup-join%2F19%3Ameeting_MTRmODhjMDMtYjI4My00MjY5LWJiNWYtNDVmNjQzMWJiNTZz%40thread.v2%2F0%3Fcontext%3D%257b%2522Tid%2522%253a%25221676489c-5c72-46b7-ba63-9ab90c4aad00%2522%252c%2522Oid%2522%253a%2522035f12ea-f596-4c69-886f-978131801400%2522%257d%26anon%3Dtrue&type=meetup-join&deeplinkId=cd77a2fc-c431-4278-b9aa-00000000aa00&directDl=true&msLaunch=true&enableMobilePage=true&suppressPrompt=true'
safelinks='https://eur02.safelinks.protection.outlook.com/ap/t-59584e83/?url=https%3A%2F%2Fteams.microsoft.com%2Fl%2Fmeetup-join%2F19%253ameeting_NDUzNTI4ZTMtNDYzMS00N2U2LWJjMmUtOGZlMmViNjExZTzz%2540thread.v2%2F0%3Fcontext%3D%257b%2522Tid%2522%253a%25229c9bcd11-977a-4e9c-a9a0-bc734090160a%2522%252c%2522Oid%2522%253a%25221e7b4c3d-880e-41fd-8c49-e1fcd9c08500%2522%257d&data=02%7C01%7C%7Cabc%7C0&sdata=xyz%3D&reserved=0'
gcch='https://gov.teams.microsoft.us/l/meetup-join/19%3agcch%3ameeting_1fa6f7bb9186450fa64a2f0c0c497100%40thread.v2/0?context=%7b%22Tid%22%3a%22b18f006c-b0fc-467d-b23a-a35b5695b500%22%2c%22Oid%22%3a%226bb34de0-3fc5-496b-bf75-8faac6ae6e00%22%7d'
live='https://teams.microsoft.com/l/meetup-join/19%3ameeting_ODE5M2UyY2MtZDMxZS00MTNkLWE1ZDItNzUyNDI4OWJlY2zz%40thread.v2/0?context=%7b%22Tid%22%3a%22f7a17af6-1c5c-4a36-aa8b-f5be247aa400%22%2c%22Oid%22%3a%227e47b779-9638-4f49-b6ba-be9fda179100%22%2c%22IsBroadcastMeeting%22%3atrue%7d&btype=a&role=a'
short='https://teams.microsoft.com/meet/2414128301281?p=Nz8DLMLT8b07DrkwkE'
short_launcher='https://teams.microsoft.com/dl/launcher/launcher.html?url=%2F_%23%2Fmeet%2F2345678901200%3Fp%3DAbCdEf123%26anon%3Dtrue&type=meet&deeplinkId=2515&directDl=true&msLaunch=true&enableMobilePage=true'
consumer='https://teams.live.com/meet/9322118196691?p=Xq3LmT9vRw2K'
callback='https://bot.contoso.com/api/calls'
tenant='aa67bd4c-8475-432d-bd41-39f255720e0a'
other='97009a52-97e9-4290-8f2c-a8ac8925d978'

# golden_run NAME ARGS...: stdout, stderr and the exit code against tests/golden/join/NAME.txt.
source "$src/tests/scripts/golden.bash"
golden_run() {
  local name=$1; shift
  (cd "$src" && "$bin" "$@") >"$work/out" 2>"$work/err"
  golden_record "$name" $? "$work/out" "$work/err"
  golden_compare "$name" "$golden/$name.txt"
}

# ---- join-url: one golden per shape, both formats ----
golden_run join-url-scheduled join-url "$scheduled" --callback-uri "$callback"
golden_run join-url-scheduled-placeholders join-url "$scheduled"
golden_run join-url-scheduled-json join-url "$scheduled" --callback-uri "$callback" --format json
golden_run join-url-channel-raw-context join-url "$raw" --callback-uri "$callback"
golden_run join-url-hash join-url "$hash" --callback-uri "$callback"
golden_run join-url-launcher join-url "$launcher" --callback-uri "$callback" --format json
golden_run join-url-safe-links join-url "$safelinks" --callback-uri "$callback"
golden_run join-url-gcc-high join-url "$gcch" --callback-uri "$callback" --api beta
golden_run join-url-live-event join-url "$live" --callback-uri "$callback"
golden_run join-url-app-media join-url "$scheduled" --callback-uri "$callback" --media app
golden_run join-url-short join-url "$short" --callback-uri "$callback" --tenant "$tenant"
golden_run join-url-short-no-tenant join-url "$short" --callback-uri "$callback"
golden_run join-url-short-launcher-json join-url "$short_launcher" --tenant "$tenant" --format json
golden_run join-url-consumer join-url "$consumer"
golden_run join-url-tenant-conflict join-url "$scheduled" --tenant "$other"

# ---- --format json: the contract ----
if python3 -c 'import jsonschema' 2>/dev/null; then
  "$bin" join-url "$scheduled" --format json >"$work/j1.json" 2>/dev/null
  "$bin" join-url "$short" --tenant "$tenant" --format json >"$work/j2.json" 2>/dev/null
  "$bin" join-url "$launcher" --media app --format json >"$work/j3.json" 2>/dev/null
  "$bin" join-url "$gcch" --api beta --format json >"$work/j4.json" 2>/dev/null
  if python3 "$validate" "$src/schemas/callcheck/join-url.schema.json" "$work"/j[1-4].json >"$work/j.log" 2>&1; then
    echo "ok: --format json matches join-url.schema.json"
  else
    echo "FAIL: --format json does not match join-url.schema.json"; cat "$work/j.log"; fail=1
  fi
else
  echo "FAIL: python3-jsonschema not installed"; fail=1
fi

# ---- the round trip: every shape joins cleanly, and matches its own link ----
for link in "$scheduled" "$channel" "$hash" "$raw" "$launcher" "$safelinks" "$gcch" "$live" "$short" "$short_launcher"; do
  args=(--callback-uri "$callback")
  case "$link" in *meet/*|*meet%2F*) args+=(--tenant "$tenant") ;; esac
  "$bin" join-url "$link" "${args[@]}" 2>/dev/null | "$bin" check --no-config - >"$work/rt" 2>&1
  c1=$?
  # Nothing at all may be reported, not even an info.
  "$bin" join-url "$link" "${args[@]}" 2>/dev/null |
    "$bin" check --no-config --fail-on info --join-url "$link" - >"$work/rt2" 2>&1
  c2=$?
  if [ "$c1" -eq 0 ] && [ "$c2" -eq 0 ]; then
    echo "ok: round trip ${link:0:60}…"
  else
    echo "FAIL: round trip $link: check exit $c1, with --join-url and --fail-on info exit $c2"; cat "$work/rt" "$work/rt2"; fail=1
  fi
done
# A body with placeholders left never passes.
"$bin" join-url "$scheduled" 2>/dev/null | "$bin" check --no-config - >/dev/null 2>&1
[ $? -eq 1 ] && echo "ok: placeholders are findings" || { echo "FAIL: a placeholder body passed check"; fail=1; }
# A body for one meeting, checked against another's link, is an error.
"$bin" join-url "$scheduled" --callback-uri "$callback" 2>/dev/null | "$bin" check --no-config --join-url "$hash" - >"$work/x" 2>&1
[ $? -eq 1 ] && grep -q CC241 "$work/x" && grep -q CC243 "$work/x" && grep -q CC244 "$work/x" &&
  echo "ok: another meeting's link" || { echo "FAIL: another meeting's link"; cat "$work/x"; fail=1; }

# ---- every refusal: exit 2, one line on stderr, nothing on stdout, no passcode ----
refuse() {  # refuse WHAT ARGS...
  local what=$1; shift
  "$bin" "$@" >"$work/rout" 2>"$work/rerr"
  local code=$? lines
  lines=$(wc -l <"$work/rerr")
  if [ "$code" -ne 2 ] || [ "$lines" -ne 1 ] || [ -s "$work/rout" ] || grep -q 'Xq3LmT9vRw2K\|S3cretPass' "$work/rerr"; then
    echo "FAIL: $what: exit $code, $lines stderr lines"; cat "$work/rout" "$work/rerr"; fail=1
  else
    echo "ok: refused: $what"
  fi
}
refuse "consumer link" join-url "$consumer"
refuse "unknown host" join-url 'https://zoom.us/j/123456789?pwd=S3cretPass'
refuse "no context" join-url 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0'
refuse "context not JSON" join-url 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0?context=%7b%22Tid%22{{tid}}%7d'
refuse "bad percent" join-url 'https://teams.microsoft.com/meet/2414128301281?p=S3cretPass%2'
refuse "bad short id" join-url 'https://teams.microsoft.com/meet/abc?p=S3cretPass'
refuse "empty" join-url ' '
refuse "--tenant not a GUID" join-url "$short" --tenant contoso.onmicrosoft.com
refuse "--tenant conflicting" join-url "$scheduled" --tenant "$other"
refuse "--callback-uri http" join-url "$scheduled" --callback-uri http://bot.contoso.com/callback
refuse "check --join-url consumer" check --no-config --join-url "$consumer" "$src/samples/valid/join-meeting-by-id.json"
mkdir -p "$work/cfg"
printf '{ "overrides": [ { "files": ["*.json"], "joinUrl": "%s" } ] }\n' "$consumer" >"$work/cfg/.callcheck.json"
cp "$src/samples/valid/join-meeting-by-id.json" "$work/cfg/a.json"
(cd "$work/cfg" && "$bin" check a.json) >"$work/cfg.out" 2>&1
[ $? -eq 2 ] && grep -q '.callcheck.json:1:.*CC401 invalid-config: teams.live.com' "$work/cfg.out" &&
  echo "ok: config joinUrl refused (CC401)" || { echo "FAIL: config joinUrl"; cat "$work/cfg.out"; fail=1; }
# A usable config joinUrl compares, and --join-url replaces it.
printf '{ "joinUrl": "%s" }\n' "$short" >"$work/cfg/.callcheck.json"
(cd "$work/cfg" && "$bin" check a.json) >"$work/cfg.out" 2>&1
[ $? -eq 1 ] && grep -q 'CC245' "$work/cfg.out" && echo "ok: config joinUrl compares" ||
  { echo "FAIL: config joinUrl compare"; cat "$work/cfg.out"; fail=1; }
(cd "$work/cfg" && "$bin" check --join-url "$scheduled" a.json) >"$work/cfg.out" 2>&1
grep -q 'CC246' "$work/cfg.out" && ! grep -q 'CC245' "$work/cfg.out" && echo "ok: --join-url replaces the config's" ||
  { echo "FAIL: --join-url over config"; cat "$work/cfg.out"; fail=1; }

# ---- the CC24x samples with their link or token (catalog_test.cc uses the same) ----
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
# A tenant no rule documentation mentions, so finding it in any output is a leak.
token_tid='6d0e1f2a-3b4c-4d5e-8f60-718293a4b5c6'
payload=$(printf '{"aud":"https://graph.microsoft.com","roles":["Calls.JoinGroupCall.All"],"tid":"%s"}' "$token_tid" | b64url)
printf '%s.%s.%s\n' "$header" "$payload" "c2lnbmF0dXJl" >"$work/token.jwt"
token="$work/token.jwt"
golden_run cc240-join-url-unusable check --no-config --join-url "$consumer" samples/invalid/cc240-join-url-unusable.json
golden_run cc241-join-url-thread-mismatch check --no-config --join-url "$scheduled" samples/invalid/cc241-join-url-thread-mismatch.json
golden_run cc242-join-url-message-mismatch check --no-config --join-url "$channel" samples/invalid/cc242-join-url-message-mismatch.json
golden_run cc243-join-url-organizer-mismatch check --no-config --join-url "$scheduled" samples/invalid/cc243-join-url-organizer-mismatch.json
golden_run cc244-join-url-tenant-mismatch check --no-config --join-url "$scheduled" samples/invalid/cc244-join-url-tenant-mismatch.json
golden_run cc245-join-url-meeting-id-mismatch check --no-config --join-url "$short" samples/invalid/cc245-join-url-meeting-id-mismatch.json
golden_run cc246-join-url-not-comparable check --no-config --join-url "$short" samples/invalid/cc246-join-url-not-comparable.json
golden_run cc246-join-url-not-comparable-json check --no-config --format json --join-url "$short" samples/invalid/cc246-join-url-not-comparable.json
golden_run cc247-tenant-id-mismatch check --no-config samples/invalid/cc247-tenant-id-mismatch.json
golden_run cc248-token-tenant-mismatch check --no-config --token "$token" samples/invalid/cc248-token-tenant-mismatch.json
golden_run cc249-cross-tenant-join check --no-config --token "$token" samples/invalid/cc249-cross-tenant-join.json
golden_run cc249-cross-tenant-join-json check --no-config --format json --token "$token" --join-url "$scheduled" samples/invalid/cc249-cross-tenant-join.json

# ---- the README's worked example is real output ----
readme_block() {  # the console lines after `$ CMD` up to the next prompt
  awk -v cmd="$1" 'index($0, "$ ") == 1 { on = ($0 == "$ " cmd); next } on && /^```/ { on = 0 } on' "$src/README.md"
}
"$bin" join-url "$scheduled" --callback-uri https://bot.contoso.com/api/calls >"$work/readme.actual" 2>&1
readme_block 'callcheck join-url "$LINK" --callback-uri https://bot.contoso.com/api/calls' >"$work/readme.expected"
"$bin" join-url "$scheduled" --callback-uri https://bot.contoso.com/api/calls 2>/dev/null |
  "$bin" check --no-config --color never --join-url "$scheduled" - >"$work/readme2.actual" 2>&1
readme_block 'callcheck join-url "$LINK" --callback-uri https://bot.contoso.com/api/calls | callcheck check --join-url "$LINK" -' \
  >"$work/readme2.expected"
(cd "$work" && "$bin" join-url "$short" >join.json 2>"$work/readme3.actual")
readme_block "callcheck join-url '$short' > join.json" >"$work/readme3.expected"
sed 's/5810cede-f3cc/5810cedf-f3cc/' "$work/readme.actual" >"$work/wrong.json"
(cd "$work" && "$bin" check --no-config --color never --join-url "$scheduled" wrong.json) >"$work/readme4.actual" 2>&1
readme_block 'callcheck check --join-url "$LINK" wrong.json' >"$work/readme4.expected"
for n in "" 2 3 4; do
  if [ -s "$work/readme$n.expected" ] && diff -u "$work/readme$n.expected" "$work/readme$n.actual"; then
    echo "ok: README example ${n:-1} is real output"
  else
    echo "FAIL: README example ${n:-1} differs from the output"; fail=1
  fi
done

# The check reports with a link or a token keep the report contract.
if python3 -c 'import jsonschema' 2>/dev/null; then
  for name in cc246-join-url-not-comparable-json cc249-cross-tenant-join-json; do
    sed -n '/^--- stdout$/,/^--- stderr$/p' "$work/$name.txt" | sed '1d;$d' >"$work/$name.json"
  done
  if python3 "$validate" "$src/schemas/callcheck/report.schema.json" "$work"/cc24*-json.json >"$work/r.log" 2>&1; then
    echo "ok: check --format json with --join-url/--token matches report.schema.json"
  else
    echo "FAIL: report.schema.json"; cat "$work/r.log"; fail=1
  fi
fi

# ---- the token's tenant never reaches any output format ----
for format in ${CALLCHECK_FORMATS:?set by tests/CMakeLists.txt from include/callcheck/format_table.h}; do
  out=$(cd "$src" && "$bin" check --no-config --format "$format" --token "$token" --join-url "$scheduled" \
        samples/invalid/cc248-token-tenant-mismatch.json samples/invalid/cc249-cross-tenant-join.json 2>&1)
  grep -q 'CC248' <<<"$out" || { echo "FAIL: $format: no CC248"; fail=1; }
  if grep -qiF -- "$token_tid" <<<"$out" || grep -qF -- "$payload" <<<"$out"; then
    echo "FAIL: $format output contains the token's tenant"; fail=1
  else
    echo "ok: $format keeps the token's tenant private"
  fi
done
exit $fail
