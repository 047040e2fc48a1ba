#!/usr/bin/env bash
# The `language: node` hook of .pre-commit-hooks.yaml with real pre-commit
# (Debian's 3.0.4) from a local clone of this repository: pre-commit builds
# the hook's Node environment itself (nodeenv on the system Node.js: nothing
# downloaded), installs the repository's package.json, which depends on the
# npm package callcheck, and runs its CLI. A bad payload is blocked, a good
# one committed, findings are the native CLI's.
#
# The npm package is not published from here, so npm is pointed at a stand-in
# registry on 127.0.0.1 (registry.js) that serves only the tarball under test;
# nothing else is fetched (its log is checked).
#   precommit.sh TARBALL   (env: CALLCHECK_BINARY, the native CLI)
set -euo pipefail
tarball=${1:?usage: precommit.sh TARBALL}
: "${CALLCHECK_BINARY:?}"
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
for tool in pre-commit git node npm tar; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done
fail() { echo "FAIL: $*"; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/callcheck-precommit-node.XXXXXX")
registry_pid=
cleanup() {
  [ -z "$registry_pid" ] || kill "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" PRE_COMMIT_HOME="$work/pre-commit" XDG_CACHE_HOME="$work/cache"
export npm_config_cache="$work/npm-cache" npm_config_userconfig="$work/npmrc" npm_config_update_notifier=false
export npm_config_audit=false npm_config_fund=false
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=ci GIT_AUTHOR_EMAIL=ci@example.com GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.com
mkdir -p "$HOME"

# The hook repository: a clone of this one, at its committed HEAD.
git clone -q "$root" "$work/hooks"
rev=$(git -C "$work/hooks" rev-parse HEAD)
tar -xzOf "$tarball" package/package.json > "$work/manifest.json"
version=$(node -p "require('$work/manifest.json').version")
wanted=$(node -p "require('$work/hooks/package.json').dependencies.callcheck")
[ "$wanted" = "$version" ] || fail "package.json depends on callcheck $wanted, the tarball is $version"

node "$here/registry.js" "$tarball" "$work/manifest.json" "$work/port" "$work/registry.log" &
registry_pid=$!
for _ in $(seq 100); do [ -s "$work/port" ] && break; sleep 0.1; done
[ -s "$work/port" ] || fail "the stand-in registry did not start"
export npm_config_registry="http://127.0.0.1:$(cat "$work/port")/"

repo="$work/repo"
git init -q "$repo"
cd "$repo"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: callcheck
YAML
git add .pre-commit-config.yaml
git commit -q --no-verify -m config
pre-commit install >/dev/null

cp "$root/samples/valid/p2p-service-hosted.json" good.json
sed 's#"https://bot.contoso.com/callback"#"http://bot.contoso.com/callback"#' good.json > bad.json
grep -q '"http://bot.contoso.com/callback"' bad.json || fail "could not make bad.json"

# 1. The bad payload is blocked; the output is the native CLI's.
git add bad.json
if out=$(git commit -m "bad payload" 2>&1); then
  echo "$out"; fail "a commit of bad.json was allowed"
fi
grep -q "bad.json:.*error CC202 callback-uri-not-https" <<<"$out" || { echo "$out"; fail "no CC202 for bad.json"; }
expected=$("$CALLCHECK_BINARY" check --color never bad.json || true)
grep -qF "$(head -1 <<<"$expected")" <<<"$out" || { echo "$out"; fail "the hook's finding differs from the native CLI's"; }
git rev-parse -q --verify HEAD~1 >/dev/null && fail "a commit was recorded"
git reset -q bad.json

# 2. The good payload is committed.
git add good.json
out=$(git commit -m "good payload" 2>&1) || { echo "$out"; fail "a commit of good.json was blocked"; }
grep -q "callcheck.*Passed" <<<"$out" || { echo "$out"; fail "the hook did not run on good.json"; }

# 3. The hook ran on the WebAssembly CLI in pre-commit's own Node environment.
env_dir=$(find "$PRE_COMMIT_HOME" -maxdepth 2 -type d -name 'node_env-*' | head -1)
[ -n "$env_dir" ] || fail "pre-commit made no node environment"
cli=$(find "$env_dir" -path '*node_modules/callcheck/lib/callcheck-cli.wasm' | head -1)
[ -n "$cli" ] || fail "the npm package callcheck is not installed in $env_dir"

# 4. Only the package under test was fetched.
if grep -vE "^GET /callcheck(/-/callcheck-[0-9.]+\.tgz)?$" "$work/registry.log"; then fail "npm asked the registry for something else"; fi
grep -q "^GET /callcheck/-/callcheck-$version.tgz" "$work/registry.log" || fail "the tarball was never fetched"
echo "ok: the language: node hook installs itself and blocks bad payloads"
