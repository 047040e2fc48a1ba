#!/usr/bin/env bash
# The installable library: `cmake --install` into a temporary prefix, then
#  1. a consumer CMake project with find_package(callcheck) -> callcheck::callcheck,
#  2. a consumer compiled with `pkg-config --cflags --libs callcheck`,
#  3. `cpack -G DEB`: the CLI package lists bin/callcheck; as root in CI
#     (CI set), it is installed with dpkg -i, run, and removed again.
# Reuses CALLCHECK_BUILD_DIR when set (ctest sets it), else configures and
# builds CALLCHECK_SOURCE_DIR. Needs cmake, g++, pkg-config, dpkg-deb.
set -euo pipefail

: "${CALLCHECK_SOURCE_DIR:?set CALLCHECK_SOURCE_DIR}"
for tool in cmake g++ pkg-config cpack dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }
done
fail() { echo "FAIL: $*"; exit 1; }

work=$(mktemp -d)
installed_deb=""
cleanup() {
  if [ -n "$installed_deb" ]; then dpkg -r callcheck >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

build="${CALLCHECK_BUILD_DIR:-}"
if [ -z "$build" ]; then
  build="$work/build"
  cmake -S "$CALLCHECK_SOURCE_DIR" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCALLCHECK_BUILD_TESTS=OFF >/dev/null
  cmake --build "$build" --target callcheck -j2 >/dev/null
fi
# Under ctest the build is complete: never rebuild it here, other tests run
# its binary concurrently (ctest -j).
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >/dev/null

for f in bin/callcheck include/callcheck/callcheck.h include/callcheck/version.h; do
  compgen -G "$prefix/$f" >/dev/null || fail "not installed: $f"
done
# The CMake package sits under the (multiarch) library directory.
for f in callcheckConfig.cmake callcheckConfigVersion.cmake; do
  [ -n "$(find "$prefix" -path "*/cmake/callcheck/$f")" ] || fail "not installed: cmake/callcheck/$f"
done
libcallcheck=$(find "$prefix" -name libcallcheck.a | head -n 1)
[ -n "$libcallcheck" ] || fail "libcallcheck.a is not installed"
pcdir=$(dirname "$(find "$prefix" -name callcheck.pc | head -n 1)")
[ -f "$pcdir/callcheck.pc" ] || fail "callcheck.pc is not installed"
"$prefix/bin/callcheck" --version >/dev/null || fail "the installed CLI does not run"

# Flags the library was built with that its users must share (sanitizers).
extra_flags=""
if grep -q '^CALLCHECK_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" 2>/dev/null; then
  extra_flags="-fsanitize=address,undefined"
fi

# ---- a consumer: a payload with a plain-http callback and invalid JSON ------
consumer="$work/consumer"
mkdir -p "$consumer"
cat > "$consumer/main.cc" <<'CC'
#include <callcheck/callcheck.h>

#include <cstdio>
#include <string>

int main() {
  callcheck::Options options;
  const callcheck::Report broken = callcheck::check("{\"callbackUri\": ", "broken.json", options);
  const callcheck::Report missing = callcheck::check("{}", "empty.json", options);
  bool cc001 = false;
  bool cc101 = false;
  for (const auto &d : broken.diagnostics) cc001 = cc001 || d.code == "CC001";
  for (const auto &d : missing.diagnostics) cc101 = cc101 || d.code == "CC101";
  if (!cc001 || !cc101 || missing.worst() != callcheck::Severity::Error) {
    std::printf("unexpected report: cc001=%d cc101=%d\n", cc001, cc101);
    return 1;
  }
  std::printf("ok %s\n", CALLCHECK_VERSION);
  return 0;
}
CC
cat > "$consumer/CMakeLists.txt" <<'CMAKE'
cmake_minimum_required(VERSION 3.16)
project(callcheck_consumer LANGUAGES CXX)
find_package(callcheck 0.2 REQUIRED CONFIG)
if(NOT TARGET callcheck::callcheck)
  message(FATAL_ERROR "find_package(callcheck) did not define callcheck::callcheck")
endif()
add_executable(consumer main.cc)
set_target_properties(consumer PROPERTIES CXX_STANDARD 17 CXX_STANDARD_REQUIRED ON)
target_compile_options(consumer PRIVATE ${CONSUMER_FLAGS})
target_link_options(consumer PRIVATE ${CONSUMER_FLAGS})
target_link_libraries(consumer PRIVATE callcheck::callcheck)
CMAKE
cmake -S "$consumer" -B "$consumer/build" -DCMAKE_PREFIX_PATH="$prefix" -DCONSUMER_FLAGS="$extra_flags" \
  >"$work/consumer-configure.log" 2>&1 || { cat "$work/consumer-configure.log"; fail "find_package(callcheck) failed"; }
cmake --build "$consumer/build" >"$work/consumer-build.log" 2>&1 || { cat "$work/consumer-build.log"; fail "the CMake consumer does not build"; }
grep -q '^ok ' <<<"$("$consumer/build/consumer")" || fail "the CMake consumer did not find the expected codes"

# ---- the same consumer through pkg-config -----------------------------------
export PKG_CONFIG_PATH="$pcdir"
pkg-config --exists callcheck || fail "pkg-config does not find callcheck"
[ "$(pkg-config --modversion callcheck)" = "$("$prefix/bin/callcheck" --version | grep -o '[0-9][0-9.]*' | head -n 1)" ] \
  || fail "pkg-config version differs from callcheck --version"
# shellcheck disable=SC2046
g++ -std=c++17 $extra_flags "$consumer/main.cc" -o "$work/consumer-pc" $(pkg-config --cflags --libs callcheck) \
  || fail "the pkg-config consumer does not build"
grep -q '^ok ' <<<"$("$work/consumer-pc")" || fail "the pkg-config consumer did not find the expected codes"

# ---- Debian packages ---------------------------------------------------------
packages="$work/packages"
(cd "$build" && cpack -G DEB -B "$packages" >"$work/cpack.log" 2>&1) || { cat "$work/cpack.log"; fail "cpack -G DEB failed"; }
deb=$(find "$packages" -maxdepth 1 -name 'callcheck_*.deb' | head -n 1)
dev=$(find "$packages" -maxdepth 1 -name 'libcallcheck-dev_*.deb' | head -n 1)
[ -n "$deb" ] || { ls -l "$packages"; fail "no callcheck_*.deb"; }
[ -n "$dev" ] || { ls -l "$packages"; fail "no libcallcheck-dev_*.deb"; }
# The C ABI's shared library: its own package, named after the soname (Debian policy 8.1).
capi=$(find "$packages" -maxdepth 1 -name 'libcallcheck-c0_*.deb' | head -n 1)
[ -n "$capi" ] || { ls -l "$packages"; fail "no libcallcheck-c0_*.deb"; }
grep -q '/libcallcheck_c\.so\.0 -> ' <<<"$(dpkg-deb -c "$capi")" || fail "libcallcheck-c0 does not contain libcallcheck_c.so.0"
grep -q 'libcallcheck-c0' <<<"$(dpkg-deb -f "$dev" Depends)" || fail "libcallcheck-dev does not depend on libcallcheck-c0"
# Listings are captured first: `grep -q` closing a pipe would kill dpkg-deb.
deb_files=$(dpkg-deb -c "$deb")
dev_files=$(dpkg-deb -c "$dev")
grep -q '\./usr/bin/callcheck$' <<<"$deb_files" || { echo "$deb_files"; fail "the .deb does not contain /usr/bin/callcheck"; }
grep -q 'libcallcheck\.a$' <<<"$dev_files" || { echo "$dev_files"; fail "the -dev .deb does not contain libcallcheck.a"; }
grep -q 'callcheck\.pc$' <<<"$dev_files" || fail "the -dev .deb does not contain callcheck.pc"
grep -q 'callcheckConfig\.cmake$' <<<"$dev_files" || fail "the -dev .deb does not contain callcheckConfig.cmake"
grep -q 'libc6' <<<"$(dpkg-deb -f "$deb" Depends)" || fail "the .deb does not depend on libc6"
# Depends lists libc6 only: the packaged binary must need nothing else (the
# static-pie CLI needs nothing at all: ldd says "statically linked").
if [ -z "$extra_flags" ] && command -v ldd >/dev/null; then  # sanitizer builds load their runtimes
  extra_libs=$(ldd "$prefix/bin/callcheck" | grep -v -E 'linux-vdso|ld-linux|libc\.so|libm\.so|statically linked' || true)
  [ -z "$extra_libs" ] || fail "callcheck needs shared libraries its .deb does not depend on: $extra_libs"
fi
[ -n "$(dpkg-deb -f "$deb" Maintainer)" ] || fail "the .deb has no Maintainer"
# Debian policy (issue 17): copyright, changelog, manual page, hardening, multiarch.
grep -q '\./usr/share/doc/callcheck/copyright$' <<<"$deb_files" || fail "the .deb has no copyright file"
grep -q '\./usr/share/doc/libcallcheck-dev/copyright$' <<<"$dev_files" || fail "the -dev .deb has no copyright file"
grep -q '\./usr/share/man/man1/callcheck\.1\.gz$' <<<"$deb_files" || fail "the .deb has no manual page"
grep -q '\./usr/lib/[a-z0-9_]*-linux-gnu/libcallcheck\.a$' <<<"$dev_files" || fail "libcallcheck.a is not on the multiarch path"
if [ -z "$extra_flags" ]; then
  command -v lintian >/dev/null || fail "lintian is not installed (apt-get install lintian)"
  for pkg in "$deb" "$dev" "$capi"; do
    status=0
    raw=$(lintian --fail-on error,warning "$pkg" 2>&1) || status=$?
    report=$(grep -v 'running with root privileges' <<<"$raw" || true)
    [ "$status" -eq 0 ] || { echo "$report"; fail "lintian reports problems in $(basename "$pkg")"; }
    [ -z "$report" ] || { echo "$report"; fail "lintian is not silent on $(basename "$pkg")"; }
  done
  # PIE and full RELRO, as lintian's hardening checks want them.
  readelf -h "$prefix/bin/callcheck" | grep -q 'DYN' || fail "callcheck is not PIE"
  readelf -d "$prefix/bin/callcheck" | grep -q 'BIND_NOW\|FLAGS.*NOW' || fail "callcheck is not linked with -z now"
fi

if [ "$(id -u)" = 0 ] && [ -n "${CI:-}" ] && command -v dpkg >/dev/null; then
  if dpkg -s callcheck >/dev/null 2>&1; then
    echo "note: a callcheck package is already installed; not replacing it"
  else
    installed_deb="$deb"
    dpkg -i "$deb" >/dev/null || fail "dpkg -i failed"
    /usr/bin/callcheck --version || fail "the packaged callcheck does not run"
    dpkg -r callcheck >/dev/null || fail "dpkg -r failed"
    installed_deb=""
    [ ! -e /usr/bin/callcheck ] || fail "/usr/bin/callcheck is left after dpkg -r"
  fi
else
  echo "note: not root in CI (CI unset or not uid 0): the .deb is inspected, not installed"
fi

echo "ok: install, find_package, pkg-config and cpack -G DEB work"
