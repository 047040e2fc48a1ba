#!/usr/bin/env bash
# Repository hygiene (issue 17 item 3), as users see it: what a walk checks
# by default (.gitignore, hidden names), --no-ignore, --exclude and the
# configuration's `exclude` (in walks, and on files named explicitly),
# callcheck's own files (configuration, baseline, reports it writes), and
# the did-you-mean for the new flags. Goldens in tests/golden/cli/walk-*.txt
# (stdout, stderr, exit code; CALLCHECK_UPDATE_GOLDEN=1 rewrites them).
set -uo pipefail
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
golden="$src/tests/golden/cli"
command -v git >/dev/null || { echo "FAIL: git is not installed"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
fail=0
source "$src/tests/scripts/golden.bash"

repo="$work/repo"
git init -q "$repo"
good="$src/samples/valid/p2p-service-hosted.json"
bad="$src/samples/invalid/cc202-callback-uri-not-https.json"
mkdir -p "$repo"/{payloads/drafts,build,.venv/lib,web,logs}
cp "$good" "$repo/payloads/call.json"
cp "$bad" "$repo/payloads/drafts/wip.json"
cp "$bad" "$repo/build/generated.json"
cp "$bad" "$repo/.venv/lib/data.json"
cp "$bad" "$repo/logs/run.json"
printf '{ "compilerOptions": { "strict": true } }\n' > "$repo/web/tsconfig.json"
printf '{ "root": true }\n' > "$repo/.eslintrc.json"
printf 'build/\n*.log\n' > "$repo/.gitignore"
printf 'logs/\n' >> "$repo/.git/info/exclude"
printf '{ "exclude": ["tsconfig.json", "payloads/drafts"], "baseline": "callcheck-baseline.json" }\n' > "$repo/.callcheck.json"
printf '{ "version": 1, "entries": [] }\n' > "$repo/callcheck-baseline.json"

golden_run() {
  local name=$1; shift
  (cd "$repo" && env -u NO_COLOR -u FORCE_COLOR "$bin" "$@") >"$work/stdout" 2>"$work/stderr"
  golden_record "$name" $? "$work/stdout" "$work/stderr"
  golden_compare "$name" "$golden/walk-$name.txt" "walk-$name"
}

# Only payloads/call.json: build/ (.gitignore), logs/ (info/exclude), .venv
# and .eslintrc.json (hidden), tsconfig.json and drafts/ (`exclude`), the
# baseline and .callcheck.json (callcheck's own) are all skipped, silently.
golden_run default --color never --show-config .
# Hidden names and ignored folders are walked; `exclude` and own files are not.
golden_run no-ignore --color never --show-config --no-ignore .
# --exclude adds to `exclude`, in walks and on named files.
golden_run exclude-flag --color never --show-config --exclude payloads --no-ignore .
# Named explicitly: one line each saying why, the rest is checked.
golden_run named-skipped --color never web/tsconfig.json .callcheck.json callcheck-baseline.json payloads/drafts/wip.json payloads/call.json
golden_run named-excluded-flag --color never --exclude 'call*.json' payloads/call.json build/generated.json
# .gitignore applies to walks only: a named ignored file is checked.
golden_run named-ignored --color never build/generated.json
# A report this run writes is never read as input.
golden_run named-report --color never --format json:report.json --format text payloads/call.json report.json
# Every named file set aside on purpose: one note, exit 0 (a pre-commit batch of excluded files passes).
golden_run nothing-left --color never web/tsconfig.json
# The new flags get a did-you-mean through the usual path.
golden_run misspelt-exclude --color never --exlude x .
golden_run misspelt-no-ignore --color never --no-ignor .
# --exclude takes the config's limits: an empty or oversized glob is a usage error (exit 2).
golden_run flag-empty-exclude --color never --exclude '' payloads/call.json
golden_run flag-long-exclude --color never --exclude "$(printf 'a%.0s' $(seq 300))" payloads/call.json
golden_run audit-flag-empty-exclude --color never audit --exclude '' payloads/call.json
# An empty or oversized `exclude` is CC401 at the entry.
printf '{ "exclude": [] }\n' > "$repo/.callcheck.json"
golden_run config-empty-exclude --color never payloads/call.json
printf '{ "exclude": ["%s"] }\n' "$(printf 'a%.0s' $(seq 300))" > "$repo/.callcheck.json"
golden_run config-long-exclude --color never payloads/call.json
# --help lists both flags.
"$bin" check --help >"$work/help"
for flag in --exclude --no-ignore; do
  grep -q -- "$flag" "$work/help" || { echo "FAIL: check --help lacks $flag"; fail=1; }
done
exit "$fail"
