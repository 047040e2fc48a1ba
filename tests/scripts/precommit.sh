#!/usr/bin/env bash
# pre-commit integration: a throwaway git repository whose .pre-commit-config.yaml
# runs the built callcheck as a `repo: local`, `language: system` hook. A commit
# of a bad payload must be blocked (and name the code); a good one must pass.
# Needs `pre-commit` (Debian package pre-commit) and git; no network: pre-commit
# clones and builds nothing for local system hooks. Missing tools FAIL the test.
set -euo pipefail

: "${CALLCHECK_BINARY:?set CALLCHECK_BINARY to the built callcheck}"
command -v pre-commit >/dev/null || { echo "FAIL: pre-commit is not installed (apt-get install pre-commit)"; exit 1; }
command -v git >/dev/null || { echo "FAIL: git is not installed"; exit 1; }
[ -x "$CALLCHECK_BINARY" ] || { echo "FAIL: $CALLCHECK_BINARY is not executable"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Nothing from the real user's setup leaks in, nothing is written outside $work.
export HOME="$work/home" PRE_COMMIT_HOME="$work/cache" XDG_CACHE_HOME="$work/cache"
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
mkdir -p "$HOME"
repo="$work/repo"
git init -q "$repo"
cd "$repo"

cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: callcheck
        name: callcheck
        entry: "'$CALLCHECK_BINARY' check --color never"
        language: system
        files: '\.(json|http|rest|md)$'
        require_serial: false
YAML
git add .pre-commit-config.yaml
git commit -q --no-verify -m "config"
pre-commit install >/dev/null

cat > good.json <<'JSON'
{
  "@odata.type": "#microsoft.graph.call",
  "callbackUri": "https://bot.contoso.com/callback",
  "targets": [
    {
      "@odata.type": "#microsoft.graph.invitationParticipantInfo",
      "identity": {
        "@odata.type": "#microsoft.graph.identitySet",
        "user": { "@odata.type": "#microsoft.graph.identity", "id": "8b081ef6-4792-4def-b2c9-c363a1bf41d5" }
      }
    }
  ],
  "requestedModalities": ["audio"],
  "mediaConfig": { "@odata.type": "#microsoft.graph.serviceHostedMediaConfig" }
}
JSON
sed 's#"https://bot.contoso.com/callback"#"http://bot.contoso.com/callback"#' good.json > bad.json

fail() { echo "FAIL: $*"; exit 1; }

# 1. The bad payload is blocked, and the output names the finding.
git add bad.json
if out=$(git commit -m "bad payload" 2>&1); then
  echo "$out"; fail "a commit of bad.json was allowed"
fi
grep -q "CC202" <<<"$out" || { echo "$out"; fail "the hook output does not mention CC202"; }
grep -q "bad.json" <<<"$out" || { echo "$out"; fail "the hook output does not name bad.json"; }
git rev-parse -q --verify HEAD~1 >/dev/null && fail "a commit was recorded"
git reset -q bad.json

# 2. The good payload is committed.
git add good.json
out=$(git commit -m "good payload" 2>&1) || { echo "$out"; fail "a commit of good.json was blocked"; }
grep -q "callcheck.*Passed" <<<"$out" || { echo "$out"; fail "the hook did not run on good.json"; }
[ "$(git log --format=%s -1)" = "good payload" ] || fail "good.json was not committed"

# 3. A request body inside a .http file is checked too.
printf 'POST https://graph.microsoft.com/v1.0/communications/calls\nContent-Type: application/json\n\n' > call.http
cat bad.json >> call.http
git add call.http
if out=$(git commit -m "bad http" 2>&1); then
  echo "$out"; fail "a commit of a bad .http request was allowed"
fi
grep -q "call.http:6:18: error CC202" <<<"$out" || { echo "$out"; fail "the .http finding is not at the body's line"; }

git reset -q call.http

# 4. Options in `args` never swallow the file names pre-commit appends
#    (issue 10: `--scopes X bad1 bad2 good` used to check only good.json).
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: local
    hooks:
      - id: callcheck
        name: callcheck
        entry: "'$CALLCHECK_BINARY' check --color never"
        language: system
        args: [--scopes, Calls.Initiate.All, --select, CC2, --ignore, CC221]
        files: '\.(json|http|rest|md)$'
        require_serial: true
YAML
git add .pre-commit-config.yaml
git commit -q --no-verify -m "hook with args"
cp bad.json bad1.json
sed 's#"https://bot.contoso.com/callback"#"https://bot.contoso.com/callback", "ringingTimeoutInSeconds": 500#' good.json > bad2.json
cp good.json good2.json
git add bad1.json bad2.json good2.json
if out=$(git commit -m "two bad, one good" 2>&1); then
  echo "$out"; fail "bad payloads behind --scopes/--select/--ignore args were committed"
fi
grep -q "bad1.json:.*CC202" <<<"$out" || { echo "$out"; fail "bad1.json was not checked"; }
grep -q "bad2.json:.*CC219" <<<"$out" || { echo "$out"; fail "bad2.json was not checked"; }
grep -q "3 files checked" <<<"$out" || { echo "$out"; fail "not every staged file was checked"; }

git reset -q bad1.json bad2.json good2.json
rm -f bad1.json bad2.json good2.json

# 5. The shipped `callcheck-system` hook (.pre-commit-hooks.yaml, its own
#    `files`) with a tsconfig.json, a package.json and an .eslintrc.json next
#    to the payloads (issue 17 item 3): they are not passed, so the commit
#    of a good payload passes with no missing-property noise, and a bad one
#    is still blocked.
: "${CALLCHECK_SOURCE_DIR:?set CALLCHECK_SOURCE_DIR to the source tree}"
hooks="$work/hooks"
git init -q "$hooks"
cp "$CALLCHECK_SOURCE_DIR/.pre-commit-hooks.yaml" "$hooks/"
git -C "$hooks" add .pre-commit-hooks.yaml
git -C "$hooks" commit -q -m hooks
mkdir -p "$work/bin"
ln -sf "$CALLCHECK_BINARY" "$work/bin/callcheck"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $hooks
    rev: $(git -C "$hooks" rev-parse HEAD)
    hooks:
      - id: callcheck-system
YAML
git add .pre-commit-config.yaml
git commit -q --no-verify -m "the shipped hook"
mkdir -p web payloads
printf '{ "compilerOptions": { "strict": true, "target": "es2022" } }\n' > web/tsconfig.json
printf '{ "name": "bot", "version": "1.0.0", "scripts": { "build": "tsc" } }\n' > package.json
printf '{ "root": true, "extends": ["eslint:recommended"] }\n' > .eslintrc.json
cp good.json payloads/call.json
git add web/tsconfig.json package.json .eslintrc.json payloads/call.json
out=$(PATH="$work/bin:$PATH" git commit -m "payload and tool configs" 2>&1) ||
  { echo "$out"; fail "a good payload next to tsconfig.json/package.json was blocked"; }
grep -q "callcheck.*Passed" <<<"$out" || { echo "$out"; fail "the shipped hook did not run"; }
grep -qE "CC[0-9]{3}|not-a-calls-request" <<<"$out" && { echo "$out"; fail "tool configuration files produced findings"; }
sed 's#"https://bot.contoso.com/callback"#"http://bot.contoso.com/callback"#' good.json > payloads/call.json
git add payloads/call.json
if out=$(PATH="$work/bin:$PATH" git commit -m "bad payload, shipped hook" 2>&1); then
  echo "$out"; fail "the shipped hook let a bad payload through"
fi
grep -q "payloads/call.json:.*CC202" <<<"$out" || { echo "$out"; fail "the shipped hook did not report CC202"; }
grep -q "1 file checked" <<<"$out" || { echo "$out"; fail "the shipped hook passed more than the payload"; }
git reset -q payloads/call.json
# Named anyway (a hand-written `files: '\.json$'`): one CC252, never a list of missing properties.
out=$("$CALLCHECK_BINARY" check --color never web/tsconfig.json 2>&1 || true)
grep -q "CC252" <<<"$out" || { echo "$out"; fail "tsconfig.json is not one CC252"; }
[ "$(grep -c ' CC[0-9]' <<<"$out")" = 1 ] || { echo "$out"; fail "tsconfig.json gave more than one finding"; }

echo "ok: pre-commit blocks bad payloads and allows good ones"
