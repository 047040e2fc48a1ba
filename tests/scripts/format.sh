#!/usr/bin/env bash
# The C and C++ sources follow .clang-format (issue 11), as Debian's
# clang-format 14 writes them: any other version formats some constructs
# differently, so the check pins the version. On failure it names each file;
# `clang-format-14 -i FILE` fixes it.
set -euo pipefail
cd "$CALLCHECK_SOURCE_DIR"
tool=$(command -v clang-format-14 || command -v clang-format || true)
if [ -z "$tool" ]; then
  echo "clang-format 14 is not installed (.ci/deps installs it)" >&2
  exit 1
fi
if ! "$tool" --version | grep -q 'version 14\.'; then
  echo "the format is pinned to clang-format 14; found: $("$tool" --version)" >&2
  exit 1
fi
# A clone lists its files; an unpacked tarball is searched (never build trees
# or node_modules).
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files '*.cc' '*.h' '*.c' '*.cpp')
else
  mapfile -t files < <(find src include tests bench tools bindings -path '*/node_modules' -prune -o \
    -type f \( -name '*.cc' -o -name '*.h' -o -name '*.c' -o -name '*.cpp' \) -print | sort)
fi
[ "${#files[@]}" -gt 100 ] || { echo "found only ${#files[@]} sources: wrong folder?" >&2; exit 1; }
bad=()
for f in "${files[@]}"; do
  "$tool" --style=file --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ "${#bad[@]}" -gt 0 ]; then
  for f in "${bad[@]}"; do echo "$f: not formatted (clang-format-14 -i $f)" >&2; done
  exit 1
fi
echo "${#files[@]} files formatted"
