#!/usr/bin/env bash
# A real LSP client (issue 16): Debian's Neovim, headless, with its built-in
# client (vim.lsp) started on `callcheck server`, opens a body with a
# trailing comma, waits for the diagnostic, applies the code action the
# server offers, checks that the buffer is fixed and that the diagnostics
# are updated, saves, and checks the file on disk.
set -u
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
command -v nvim >/dev/null || { echo "FAIL: nvim not found (apt-get install neovim; .ci/deps installs it)"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/repo/.git"
printf '{\n  "callbackUri": "http://bot.contoso.com/callback",\n  "requestedModalities": ["audio"],\n}\n' >"$work/repo/call.json"
# The configuration is discovered per file, as `callcheck check` does: it
# selects only the input-validity rules, so once the comma is fixed the
# client must show nothing (without it: CC202 for the http callback, CC101...).
printf '{"select": ["CC0"]}\n' >"$work/repo/.callcheck.json"

export CALLCHECK_BINARY="$bin" NVIM_TEST_FILE="$work/repo/call.json" NVIM_TEST_RESULT="$work/result"
HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state" \
  timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $src/tests/editor/neovim_lsp.lua" >"$work/out" 2>&1
rc=$?
cat "$work/out"
[ -f "$work/result" ] && cat "$work/result"
if [ $rc -ne 0 ] || ! grep -q '^ok: all' "$work/result" 2>/dev/null; then
  echo "FAIL: neovim LSP session (exit $rc)"
  exit 1
fi
expected=$(printf '{\n  "callbackUri": "http://bot.contoso.com/callback",\n  "requestedModalities": ["audio"]\n}')
if [ "$(cat "$work/repo/call.json")" != "$expected" ]; then
  echo "FAIL: the saved file is not the fixed body:"; cat "$work/repo/call.json"; exit 1
fi
echo "ok: neovim received diagnostics, applied the code action and saved the fixed file"
