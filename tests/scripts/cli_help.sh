#!/usr/bin/env bash
# A CLI that helps (issue 17 item 5): bare `callcheck` prints usage (exit 2),
# usage lines name the program, a misspelt command, option or rule gets a
# did-you-mean, and a word is read as a file name only when such a file
# exists or no command is close. Goldens in tests/golden/cli/help-*.txt
# (stdout, stderr, exit code; CALLCHECK_UPDATE_GOLDEN=1 rewrites them).
set -uo pipefail
bin="${CALLCHECK_BINARY:?}"
src="${CALLCHECK_SOURCE_DIR:?}"
golden="$src/tests/golden/cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$src/samples/valid/p2p-service-hosted.json" "$work/p.json"
fail=0

source "$src/tests/scripts/golden.bash"
golden_run() {
  local name=$1; shift
  (cd "$work" && env -u NO_COLOR -u FORCE_COLOR "$bin" "$@") >"$work/stdout" 2>"$work/stderr"
  golden_record "$name" $? "$work/stdout" "$work/stderr"
  golden_compare "$name" "$golden/help-$name.txt" "help-$name"
}

golden_run bare
golden_run misspelt-command chek p.json
golden_run misspelt-command-2 scope p.json
golden_run far-word-is-a-path cheeseburger
golden_run misspelt-option check --formt json p.json
golden_run misspelt-option-default --no-confg p.json
golden_run misspelt-audit-option audit --stirct p.json
golden_run explain-lowercase explain cc202
golden_run explain-misspelt-code explain CC20
golden_run explain-misspelt-name explain callback-uri-not-http
for sub in check scopes audit; do  # the whole help changes with every option: only the usage line here
  # Captured first: `grep -q` stops reading at the match, and under pipefail the writer's SIGPIPE
  # would fail the pipeline at random (the help is long enough to need several writes).
  help=$("$bin" $sub --help)
  grep -q "^Usage: callcheck $sub \[OPTIONS\]" <<<"$help" ||
    { echo "FAIL: callcheck $sub --help does not name the program"; fail=1; }
done

# A file or folder of that name is a path, however close to a command.
mkdir "$work/chek" && cp "$work/p.json" "$work/chek/"
golden_run existing-folder-is-a-path chek

# --version and `version`: the release, the embedded schemas (with a digest
# of their bytes) and the permission table's source.
version_re='^callcheck [0-9]+\.[0-9]+\.[0-9]+
schemas: Graph v1\.0 \([1-9][0-9]* types\), beta \([1-9][0-9]* types\); digest [0-9a-f]{16}
permissions: [^ ]+@[0-9a-f]{8} \([0-9]{4}-[0-9]{2}-[0-9]{2}\)$'
for how in --version version; do
  out=$("$bin" $how)
  if [[ "$out" =~ $version_re ]]; then echo "ok: $how"; else echo "FAIL: $how printed: $out"; fail=1; fi
done
[ "$("$bin" --version)" = "$("$bin" version)" ] || { echo "FAIL: --version and version differ"; fail=1; }
exit "$fail"
