#!/usr/bin/env bash
# The whole ctest suite in an ASan+UBSan build (g++, Debug): tests/sanitize.sh
#
# Any sanitizer report fails the run (halt_on_error=1); the one UBSan
# suppression is RapidJSON 1.1.0's known null-pointer offset
# (tests/fuzz/ubsan.supp). CALLCHECK_UNDER_ASAN=1 tells tests that measure
# memory with prlimit --as to skip: ASan reserves terabytes of virtual memory.
#
# Environment: CALLCHECK_ASAN_BUILD (build folder, default build-asan),
# CTEST_PARALLEL_LEVEL (default: the number of cores).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
build="${CALLCHECK_ASAN_BUILD:-$root/build-asan}"
jobs="$(nproc)"

started=$SECONDS
cmake -S "$root" -B "$build" -DCALLCHECK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j"$jobs" >/dev/null
echo "sanitize: build took $((SECONDS - started)) s"

export CALLCHECK_UNDER_ASAN=1
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:report_error_type=1:suppressions=$root/tests/fuzz/ubsan.supp"

started=$SECONDS
ctest --test-dir "$build" --output-on-failure -j"${CTEST_PARALLEL_LEVEL:-$jobs}" --timeout 600
echo "sanitize: tests took $((SECONDS - started)) s"
