#!/usr/bin/env bash
# The hostile suite, "hostile repository" part (issue 18): the configuration,
# file names, symlinks and sizes are the attacker's. Each case plants what a
# pull request could plant and asserts what callcheck does with it:
#   - configurations above the repository root are never read;
#   - paths a configuration names stay inside its root (CC401, exit 2);
#   - payload symlinks leaving the repository are refused (CC010, exit 2);
#   - no byte of a secret file (or a token) reaches any output format;
#   - writes never follow planted symlinks; write failures are exit 2;
#   - `scopes` reports invalid input; empty directories are not dropped.
# Everything is created in a temporary directory. Runs in a few seconds.
set -uo pipefail
bin=$(realpath "$CALLCHECK_BINARY")
src="$CALLCHECK_SOURCE_DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail=0 cases=0
read -r -a formats <<<"${CALLCHECK_FORMATS:?set by tests/CMakeLists.txt from include/callcheck/format_table.h}"

ok() { echo "ok: $1"; }
bad() { echo "FAIL: $1"; [ -f "$work/out.txt" ] && head -c 2000 "$work/out.txt"; fail=1; }
# cc <dir> <args...>: runs callcheck in <dir>; stdout+stderr in out.txt, exit code in $rc.
cc() {
  local dir=$1; shift
  cases=$((cases + 1))
  # --show-scopes: the scenario line proves a clean file after a refused one was checked.
  [ "$1" = scopes ] || set -- --color never --show-scopes "$@"
  (cd "$dir" && timeout 10 "$bin" "$@") >"$work/out.txt" 2>&1
  rc=$?
}
expect_rc() { [ "$rc" -eq "$1" ] && ok "$2" || bad "$2: exit $rc, expected $1"; }
has() { grep -qF -- "$1" "$work/out.txt"; }
expect_has() { has "$1" && ok "$2" || bad "$2: no '$1'"; }
expect_not() { has "$1" && bad "$2: output contains '$1'" || ok "$2"; }
# never_shown <dir> <secret> <what> <args...>: the secret is in no format's output.
never_shown() {
  local dir=$1 secret=$2 what=$3; shift 3
  for f in "${formats[@]}"; do
    cc "$dir" --format "$f" "$@"
    if has "$secret"; then bad "$what: --format $f shows the secret"; else ok "$what: --format $f"; fi
  done
}

good="$src/samples/valid/p2p-service-hosted.json"
# A payload with an error (CC202 at /callbackUri), so a config that hides it shows.
bad_payload() {
  sed 's#"callbackUri": "https://#"callbackUri": "http://#' "$good" >"$1"
}
secret_line="machine api.github.com login ci password S3CR3T-netrc-value-0123456789"
printf '%s\n' "$secret_line" >"$work/netrc"
jwt_header=$(printf '{"alg":"RS256","typ":"JWT"}' | base64 -w0 | tr '+/' '-_' | tr -d '=')
jwt_payload=$(printf '{"roles":["Calls.Initiate.All"],"tid":"tenant-secret"}' | base64 -w0 | tr '+/' '-_' | tr -d '=')
jwt="$jwt_header.$jwt_payload.c2lnbmF0dXJlLXRoYXQtbXVzdC1zdGF5LXByaXZhdGU"

# --- 1. Configuration discovery stops at the repository root -------------------
mkdir -p "$work/ws/repo/.git" "$work/ws/repo/calls"
printf '{"ignore": ["CC"]}' >"$work/ws/.callcheck.json"  # a CI workspace parent, /tmp, $HOME
bad_payload "$work/ws/repo/calls/p.json"
cc "$work/ws/repo" calls/p.json
expect_rc 1 "config above .git is not read"
expect_has "error CC202" "config above .git: the finding shows"
cc "$work/ws/repo" --show-config calls/p.json
expect_has "callcheck: configuration for calls/p.json: none (trust boundary: .)" "--show-config: none"
# .git as a file (worktrees, submodules) is a root too.
mkdir -p "$work/ws/wt/calls" && printf 'gitdir: /elsewhere\n' >"$work/ws/wt/.git"
bad_payload "$work/ws/wt/calls/p.json"
cc "$work/ws/wt/calls" p.json
expect_rc 1 "config above a .git file is not read"
# No .git anywhere: never above the working directory.
mkdir -p "$work/nogit/proj/calls"
printf '{"ignore": ["CC"]}' >"$work/nogit/.callcheck.json"
bad_payload "$work/nogit/proj/calls/p.json"
cc "$work/nogit/proj" calls/p.json
expect_rc 1 "no .git: config above the working directory is not read"
printf '{"rules": {"CC202": "warning"}}' >"$work/nogit/proj/.callcheck.json"
cc "$work/nogit/proj/calls" --show-config p.json
expect_rc 1 "no .git: config above the working directory (a folder of the project) is not read either"
cc "$work/nogit/proj" --show-config calls/p.json
expect_rc 0 "no .git: the config in the working directory applies"
expect_has "callcheck: configuration for calls/p.json: .callcheck.json (trust boundary: .)" "--show-config: path"
cc "$work/nogit/proj" --show-config --config .callcheck.json calls/p.json
expect_has "configuration for calls/p.json: --config .callcheck.json" "--show-config: --config"
cc "$work/nogit/proj" --show-config --no-config calls/p.json
expect_has "configuration for calls/p.json: none (--no-config)" "--show-config: --no-config"
# Named from outside the working directory: the folder named is the boundary.
cc "$work/ws/repo" --show-config ../../nogit/proj/calls
expect_has "configuration for ../../nogit/proj/calls/p.json: none (trust boundary: $work/nogit/proj/calls)" \
  "no .git, named from outside the working directory: the boundary is the folder named"

# --- 2. "root": true ------------------------------------------------------------
mkdir -p "$work/mono/.git" "$work/mono/app/team/calls"
bad_payload "$work/mono/app/team/calls/p.json"
(cd "$work/mono/app/team" && "$bin" --no-config --write-baseline ../../baseline.json calls >/dev/null 2>&1)
printf '{"root": true}' >"$work/mono/app/.callcheck.json"
printf '{"baseline": "../../baseline.json"}' >"$work/mono/app/team/.callcheck.json"
cc "$work/mono/app/team" calls/p.json
expect_rc 2 "a baseline above a \"root\": true configuration is CC401"
expect_has ".callcheck.json:1:14: error CC401 invalid-config: \`baseline\` leaves this configuration's root" \
  "root: located at the entry"
printf '{"root": true, "rules": {"CC202": "off"}}' >"$work/mono/app/team/.callcheck.json"
cc "$work/mono/app/team" calls/p.json
expect_rc 0 "\"root\": true is a valid member"

# --- 3. Paths a configuration names stay inside its root -----------------------
mkdir -p "$work/r3/.git" "$work/r3/calls"
cp "$good" "$work/r3/calls/p.json"
for baseline in '../netrc' "$work/netrc" 'calls/../../netrc'; do
  printf '{\n  "baseline": "%s"\n}\n' "$baseline" >"$work/r3/.callcheck.json"
  cc "$work/r3" calls/p.json
  expect_rc 2 "baseline $baseline: exit 2"
  expect_has ".callcheck.json:2:15: error CC401 invalid-config" "baseline $baseline: CC401 at the entry"
  never_shown "$work/r3" "S3CR3T" "baseline $baseline" calls/p.json
done
ln -s ../netrc "$work/r3/b.json"
printf '{"baseline": "b.json"}' >"$work/r3/.callcheck.json"
cc "$work/r3" calls/p.json
expect_rc 2 "baseline through a symlink leaving the root: exit 2"
expect_has "leaves this configuration's root through a symlink" "baseline symlink: message"
never_shown "$work/r3" "S3CR3T" "baseline symlink" calls/p.json
rm "$work/r3/b.json"

# --- 4. No code frame, no value of a file that is not a configuration ----------
# A JSON credentials file committed (or linked) as .callcheck.json.
cat >"$work/r3/.callcheck.json" <<EOF
{
  "type": "service_account",
  "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC-secret-key-body\n-----END PRIVATE KEY-----\n",
  "aws_secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "api": "$jwt",
  "select": ["$jwt_payload"]
}
EOF
cc "$work/r3" calls/p.json
expect_rc 2 "credentials file as .callcheck.json: exit 2"
expect_has ".callcheck.json:2:3: error CC401" "credentials file: CC401 located"
for s in "secret-key-body" "wJalrXUtnFEMI" "$jwt_header" "$jwt_payload" "service_account"; do
  never_shown "$work/r3" "$s" "credentials file value ${s:0:12}" calls/p.json
done
# A token pasted into a valid member, with an error on its line.
printf '{"scopes": ["%s"], "select": 5}\n' "$jwt" >"$work/r3/.callcheck.json"
cc "$work/r3" calls/p.json
expect_rc 2 "token in .callcheck.json next to an error: exit 2"
never_shown "$work/r3" "$jwt_payload" "token in .callcheck.json" calls/p.json
# A discovered .callcheck.json that is a symlink out of the repository is not read.
printf '{"api": "%s"}' "$secret_line" >"$work/creds.json"
ln -sf ../creds.json "$work/r3/.callcheck.json"
cc "$work/r3" calls/p.json
expect_rc 2 "a .callcheck.json symlink leaving the repository: exit 2"
expect_has "it is a symlink that leaves the repository" ".callcheck.json symlink: message"
never_shown "$work/r3" "S3CR3T" ".callcheck.json symlink" calls/p.json
rm "$work/r3/.callcheck.json"

# --- 5. Payload symlinks ---------------------------------------------------------
ln -s ../../netrc "$work/r3/calls/leak.json"
cc "$work/r3" calls/leak.json
expect_rc 2 "payload symlink leaving the repository: exit 2"
expect_has "calls/leak.json:1:1: error CC010 unreadable-input: cannot read \`calls/leak.json\`: symlink leaves the repository; pass --follow-symlinks to allow" \
  "payload symlink: CC010 message"
never_shown "$work/r3" "S3CR3T" "payload symlink (named)" calls/leak.json
never_shown "$work/r3" "S3CR3T" "payload symlink (walked)" calls
cc "$work/r3" calls
expect_has "calls/p.json: scenario" "payload symlink: the other files are still checked"
cc "$work/r3" --follow-symlinks calls/leak.json
expect_rc 1 "--follow-symlinks reads it"
expect_has "error CC001" "--follow-symlinks: checked as a payload"
rm "$work/r3/calls/leak.json"
cp "$good" "$work/r3/real.json" && ln -s ../real.json "$work/r3/calls/inside.json"
cc "$work/r3" calls/inside.json
expect_rc 0 "a symlink inside the repository is read"
rm "$work/r3/calls/inside.json"
# A symlinked directory leaving the repository, walked or named.
mkdir -p "$work/outside" && cp "$work/netrc" "$work/outside/netrc.json"
ln -s ../../outside "$work/r3/calls/shared"
cc "$work/r3" calls
expect_rc 2 "symlinked directory leaving the repository: exit 2"
expect_has "calls/shared:1:1: error CC010 unreadable-input: cannot read \`calls/shared\`: symlink leaves the repository" \
  "symlinked directory: CC010"
never_shown "$work/r3" "S3CR3T" "symlinked directory" calls
cc "$work/r3" calls/shared
expect_rc 2 "a named symlinked directory leaving the repository: exit 2"
cc "$work/r3" --follow-symlinks calls
expect_has "calls/shared/netrc.json:1:1: error CC001" "--follow-symlinks descends into it"
rm "$work/r3/calls/shared"

# --- 6. Safe writes ----------------------------------------------------------------
printf 'victim\n' >"$work/victim"
ln -s ../victim "$work/r3/base.json.tmp"
cc "$work/r3" --write-baseline base.json calls
expect_rc 0 "planted FILE.tmp -> victim: the baseline is written"
[ "$(cat "$work/victim")" = victim ] && ok "planted FILE.tmp: victim untouched" || bad "planted FILE.tmp: victim overwritten"
[ -L "$work/r3/base.json.tmp" ] && ok "planted FILE.tmp: the link is left alone" || bad "planted FILE.tmp was replaced"
grep -q '"version": 1' "$work/r3/base.json" && ok "baseline content" || bad "baseline content"
rm "$work/r3/base.json"
ln -s ../victim "$work/r3/base.json"
cc "$work/r3" --write-baseline base.json calls
expect_rc 2 "planted FILE -> victim: refused"
expect_has "cannot write the baseline \`base.json\`: it is a symbolic link" "planted FILE: message"
[ "$(cat "$work/victim")" = victim ] && ok "planted FILE: victim untouched" || bad "planted FILE: victim overwritten"
rm "$work/r3/base.json" "$work/r3/base.json.tmp"
printf 'old\n' >"$work/r3/base.json" && chmod 640 "$work/r3/base.json"
cc "$work/r3" --write-baseline base.json calls
[ "$(stat -c %a "$work/r3/base.json")" = 640 ] && ok "the mode of the replaced file is kept" || bad "mode not kept"
[ -z "$(find "$work/r3" -maxdepth 1 -name '.base.json.*')" ] && ok "no temporary left behind" || bad "temporary left"
# A full disk, simulated with a file size limit: exit 2, the old file intact.
printf 'old\n' >"$work/r3/base.json"
printf '{}' >"$work/r3/calls/empty.json"
cases=$((cases + 1))
msg=$(cd "$work/r3" && prlimit --fsize=64 "$bin" --write-baseline base.json calls 2>&1 >/dev/null); rc=$?
expect_rc 2 "--write-baseline past the file size limit: exit 2"
grep -q "cannot write the baseline .base.json.: write failed: File too large" <<<"$msg" && ok "full disk: message" ||
  bad "full disk: message: $msg"
[ "$(cat "$work/r3/base.json")" = old ] && ok "full disk: the old baseline is intact" || bad "full disk: baseline damaged"
[ -z "$(find "$work/r3" -maxdepth 1 -name '.base.json.*')" ] && ok "full disk: no temporary left" || bad "temporary left"
rm "$work/r3/calls/empty.json" "$work/r3/base.json"

# --- 7. Output write failures --------------------------------------------------------
for f in "${formats[@]}"; do
  cases=$((cases + 1))
  msg=$(cd "$work/r3" && "$bin" --format "$f" calls/p.json 2>&1 >/dev/full); rc=$?
  expect_rc 2 "--format $f > /dev/full"
  grep -q "callcheck: cannot write the output: No space left on device" <<<"$msg" && ok "--format $f > /dev/full: message" ||
    bad "--format $f > /dev/full: message: $msg"
done
for sub in "rules" "rules --format markdown" "explain CC202" "schemas" "schemas call" "version" "scopes calls/p.json"; do
  cases=$((cases + 1))
  # shellcheck disable=SC2086
  msg=$(cd "$work/r3" && "$bin" $sub 2>&1 >/dev/full); rc=$?
  expect_rc 2 "callcheck $sub > /dev/full"
done

# --- 8. Tokens ------------------------------------------------------------------------
cc "$work/r3" --token "$jwt" calls/p.json
expect_rc 2 "--token VALUE: exit 2"
expect_has "looks like a token, not a file; write it to a file or pass - to read stdin" "--token VALUE: message"
for part in "$jwt_header" "$jwt_payload" "c2lnbmF0dXJl"; do expect_not "$part" "--token VALUE: not echoed"; done
cc "$work/r3" --token "eyJsecret-looking-value" calls/p.json
expect_has "looks like a token" "--token eyJ...: message"
expect_not "secret-looking" "--token eyJ...: not echoed"
cc "$work/r3" --token "missing-token-file-name" calls/p.json
expect_rc 2 "--token missing file: exit 2"
expect_not "missing-token-file-name" "--token missing file: the argument is not echoed"
head -c 70000 /dev/zero | tr '\0' 'a' >"$work/r3/big.jwt"
cc "$work/r3" --token big.jwt calls/p.json
expect_rc 2 "token file over 64 KiB: exit 2"
expect_has "larger than the limit of 65536 bytes" "token size: message"
expect_not "--max-bytes" "token size: does not name --max-bytes (the cap is fixed)"
rm "$work/r3/big.jwt"

# --- 9. scopes on invalid input --------------------------------------------------------
printf '{"a":' >"$work/r3/calls/broken.json"
printf '{"callbackUri":"https://a.example/cb","callbackUri":"http://evil.example/cb"}' >"$work/r3/calls/dup.json"
cc "$work/r3" scopes calls/broken.json
expect_rc 1 "scopes on invalid JSON: exit 1"
expect_has "calls/broken.json:1:6: error CC001 invalid-json" "scopes text: the located finding"
expect_not "scenario: unknown" "scopes text: no scenario for invalid input"
cc "$work/r3" scopes calls/dup.json
expect_rc 1 "scopes on duplicate keys: exit 1"
cases=$((cases + 1))
(cd "$work/r3" && "$bin" scopes --format json calls/broken.json calls/dup.json calls/p.json >"$work/scopes.json" 2>/dev/null)
rc=$?
expect_rc 1 "scopes --format json on invalid input: exit 1"
python3 "$src/tests/scripts/validate_json.py" "$src/schemas/callcheck/report.schema.json" "$work/scopes.json" >"$work/out.txt" &&
  ok "scopes json validates against report.schema.json" || bad "scopes json against report.schema.json"
python3 - "$work/scopes.json" <<'PY' && ok "scopes json: diagnostics and input_error" || bad "scopes json content"
import json, sys
files = json.load(open(sys.argv[1]))["files"]
assert [f["input_error"] for f in files] == [False, False, False], files
assert [d["code"] for d in files[0]["diagnostics"]] == ["CC001"], files[0]
assert files[0]["diagnostics"][0]["severity"] == "error" and files[0]["diagnostics"][0]["line"] == 1
assert [d["code"] for d in files[1]["diagnostics"]] == ["CC002"], files[1]
assert files[2]["diagnostics"] == [] and files[2]["required_scopes"] == ["Calls.Initiate.All"], files[2]
PY
cases=$((cases + 1))
(cd "$work/r3" && "$bin" scopes --format json nothere.json >"$work/scopes.json" 2>/dev/null); rc=$?
expect_rc 2 "scopes on an unreadable file: exit 2"
python3 -c 'import json,sys; f=json.load(open(sys.argv[1]))["files"][0]; assert f["input_error"] and f["diagnostics"][0]["code"]=="CC010", f' \
  "$work/scopes.json" && ok "scopes json: input_error only when unreadable" || bad "scopes json unreadable"
python3 "$src/tests/scripts/validate_json.py" "$src/schemas/callcheck/report.schema.json" "$work/scopes.json" >"$work/out.txt" &&
  ok "scopes json (unreadable) validates" || bad "scopes json (unreadable) against report.schema.json"
rm "$work/r3/calls/broken.json" "$work/r3/calls/dup.json"

# --- 10. Directories named as inputs ----------------------------------------------------
mkdir -p "$work/r3/empty" "$work/r3/upper" "$work/r3/docs"
cp "$good" "$work/r3/upper/A.JSON"
printf 'notes\n' >"$work/r3/docs/notes.txt"
cc "$work/r3" empty calls/p.json
expect_rc 2 "an empty directory: exit 2"
expect_has "empty:1:1: error CC010 unreadable-input: cannot read \`empty\`: a directory with no .json file in it" \
  "an empty directory: located CC010"
expect_has "calls/p.json: scenario" "an empty directory: the other inputs are still checked"
cc "$work/r3" docs
expect_rc 2 "a directory without .json files: exit 2"
cc "$work/r3" upper
expect_rc 0 "a directory holding only A.JSON: checked"
expect_has "upper/A.JSON: scenario" "extensions match in any case"
cc "$work/r3" scopes empty
expect_rc 2 "scopes on an empty directory: exit 2"

# --- 11. Globs ---------------------------------------------------------------------------
long=$(python3 -c 'print("**a" * 90 + "b")')
printf '{\n  "overrides": [{"files": ["%s"], "rules": {"CC202": "off"}}]\n}\n' "$long" >"$work/r3/.callcheck.json"
cc "$work/r3" calls/p.json
expect_rc 2 "a glob over 256 bytes: exit 2"
expect_has ".callcheck.json:2:28: error CC401 invalid-config: a glob of 271 bytes; globs are limited to 256 bytes" \
  "a long glob: CC401 at the entry"
rm "$work/r3/.callcheck.json"

# --- 12. Names the CLI prints itself are escaped -------------------------------------------
mkdir -p "$work/r3/odd"
cp "$good" "$work/r3/odd/$(printf 'a\n::error ::x.json')"
cc "$work/r3" --show-config --format json odd
grep -q '^::error' "$work/out.txt" && bad "--show-config: a newline in a file name starts a line" ||
  ok "--show-config: file names are escaped"

echo "$cases cases"
exit $fail
