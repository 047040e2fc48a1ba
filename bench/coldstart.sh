#!/bin/sh
# Cold start of one small file, whole process (issue 14: <= 1.5x /bin/true):
# callgrind instruction counts (Ir) from the first instruction of the dynamic
# loader to exit, which do not depend on the machine's load, for /bin/true,
# for `callcheck check --no-config FILE` and for `callcheck --version`, and
# their ratios.
#   bench/coldstart.sh BUILD_DIR [FILE]
# BUILD_DIR holds src/callcheck (a Release or RelWithDebInfo build);
# FILE defaults to samples/valid/p2p-service-hosted.json. Where the
# instructions go: callgrind_annotate --inclusive=yes on a run of
#   valgrind --tool=callgrind build/src/callcheck check --no-config FILE
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
build=${1:?usage: coldstart.sh BUILD_DIR [FILE]}
file=${2:-$here/samples/valid/p2p-service-hosted.json}
bin=$build/src/callcheck
[ -x "$bin" ] || { echo "coldstart.sh: no $bin" >&2; exit 2; }
command -v valgrind >/dev/null || { echo "coldstart.sh: valgrind is not installed" >&2; exit 2; }
out=$(mktemp -d "${TMPDIR:-/tmp}/callcheck-coldstart.XXXXXX")
trap 'rm -rf "$out"' EXIT

# Ir of one run of "$@" (its output discarded; the exit code must be 0).
ir() {
  valgrind --tool=callgrind --callgrind-out-file="$out/cg" "$@" >/dev/null 2>"$out/log" ||
    { cat "$out/log" >&2; echo "coldstart.sh: $* failed" >&2; exit 2; }
  sed -n 's/^totals: *\([0-9]*\).*/\1/p' "$out/cg"
}

true_ir=$(ir /bin/true)
check_ir=$(ir "$bin" check --no-config "$file")
version_ir=$(ir "$bin" --version)
echo "| run | Ir | x /bin/true |"
echo "|---|---:|---:|"
for row in "/bin/true:$true_ir" "callcheck check --no-config $(basename "$file"):$check_ir" \
  "callcheck --version:$version_ir"; do
  name=${row%:*}
  n=${row##*:}
  awk -v name="$name" -v n="$n" -v t="$true_ir" 'BEGIN { printf "| %s | %.1f k | %.2f |\n", name, n / 1000, n / t }'
done
