#!/usr/bin/env bash
# --token: the roles claim is used, the token text never reaches any output
# format, and a malformed token is exit 2 without echoing it.
# No pipefail: `grep -q` closing a pipe early must not fail the pipeline.
set -u
bin="$CALLCHECK_BINARY"
src="$CALLCHECK_SOURCE_DIR"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
header=$(printf '{"alg":"RS256","typ":"JWT"}' | b64url)
payload=$(printf '{"aud":"https://graph.microsoft.com","roles":["Calls.Initiate.All"],"tid":"secret-tenant-marker"}' | b64url)
signature=$(printf 'signature-bytes-that-must-stay-private' | b64url)
token="$header.$payload.$signature"
printf '%s\n' "$token" > "$tmp/token.jwt"
fail=0
for format in ${CALLCHECK_FORMATS:?set by tests/CMakeLists.txt from include/callcheck/format_table.h}; do
  out=$("$bin" --format "$format" --token "$tmp/token.jwt" "$src/samples/valid/group-call-service-hosted.json" \
        "$src/samples/valid/p2p-service-hosted.json" 2>&1)
  code=$?
  if [ "$code" -ne 1 ]; then echo "FAIL: $format: exit $code, expected 1 (group call needs InitiateGroupCall)"; fail=1; fi
  grep -q "CC302" <<<"$out" || { echo "FAIL: $format: no CC302 missing-scope finding"; fail=1; }
  for part in "$header" "$payload" "$signature" "secret-tenant-marker"; do
    if grep -qF -- "$part" <<<"$out"; then echo "FAIL: $format output contains token material"; fail=1; fi
  done
  echo "ok: $format"
done
# Enough roles: clean.
"$bin" --token "$tmp/token.jwt" "$src/samples/valid/p2p-service-hosted.json" >/dev/null 2>&1 \
  || { echo "FAIL: token with Calls.Initiate.All should satisfy a peer-to-peer call"; fail=1; }
# Malformed tokens: exit 2, a clear message, never the token.
printf 'not-a-jwt-but-secret-looking-text\n' > "$tmp/bad.jwt"
out=$("$bin" --token "$tmp/bad.jwt" "$src/samples/valid/p2p-service-hosted.json" 2>&1); code=$?
[ "$code" -eq 2 ] || { echo "FAIL: malformed token: exit $code, expected 2"; fail=1; }
grep -q "not a JWT" <<<"$out" || { echo "FAIL: malformed token message: $out"; fail=1; }
grep -qF "secret-looking" <<<"$out" && { echo "FAIL: malformed token echoed"; fail=1; }
noroles=$(printf '{"scp":"Calls.Read"}' | b64url)
printf '%s.%s.%s\n' "$header" "$noroles" "$signature" > "$tmp/noroles.jwt"
out=$("$bin" --token "$tmp/noroles.jwt" "$src/samples/valid/p2p-service-hosted.json" 2>&1); code=$?
[ "$code" -eq 2 ] || { echo "FAIL: token without roles: exit $code, expected 2"; fail=1; }
grep -q "roles" <<<"$out" || { echo "FAIL: no-roles message: $out"; fail=1; }
grep -qF "$noroles" <<<"$out" && { echo "FAIL: no-roles token echoed"; fail=1; }
# From stdin.
out=$(printf '%s' "$token" | "$bin" --token - "$src/samples/valid/p2p-service-hosted.json" 2>&1); code=$?
[ "$code" -eq 0 ] || { echo "FAIL: --token - : exit $code"; echo "$out"; fail=1; }
# --scopes: satisfied, not satisfied, alias spelling (accepted, with a warning naming the canonical form).
"$bin" --scopes Calls.InitiateGroupCall.All "$src/samples/valid/group-call-service-hosted.json" >/dev/null 2>&1 \
  || { echo "FAIL: --scopes satisfied should exit 0"; fail=1; }
out=$("$bin" --scopes Calls.Initiate.All "$src/samples/valid/group-call-service-hosted.json" 2>&1); code=$?
[ "$code" -eq 1 ] && grep -q "CC302 missing-scope: .*Calls.InitiateGroupCall.All" <<<"$out" \
  || { echo "FAIL: --scopes not satisfied: exit $code"; echo "$out"; fail=1; }
out=$("$bin" --scopes 'Calls.InitiateGroupCalls.All' --scopes 'Calls.AccessMedia.All' \
      "$src/samples/valid/group-call-app-hosted.json" 2>&1); code=$?
[ "$code" -eq 0 ] && grep -q "warning CC303 scope-alias: .*Calls.InitiateGroupCall.All" <<<"$out" \
  || { echo "FAIL: alias spelling: exit $code"; echo "$out"; fail=1; }
exit $fail
