#!/usr/bin/env bash
# The build compiles against exactly the valijson of one Debian package
# (issue 17 item 6): the system's libvalijson-dev, or the .deb .ci/deps
# unpacked into build-deps/ when the package is not installed. Every header
# the package ships must be byte-identical (its md5sums) in the folder the
# build's valijson target names, and every valijson header the compiler
# actually read (the objects' depfiles) must come from that folder.
set -uo pipefail
build="$CALLCHECK_BUILD_DIR"
src="$CALLCHECK_SOURCE_DIR"
fail=0
origin="$build/valijson-origin.txt"
[ -f "$origin" ] || { echo "FAIL: $origin missing (CMakeLists.txt writes it at configure)"; exit 1; }
include=$(sed -n 's/^include=//p' "$origin")
[ -d "$include/valijson" ] || { echo "FAIL: $include/valijson is not a folder"; exit 1; }
prefix_root=$(cd "$include/../.." && pwd)  # md5sums paths are relative to the package's root: usr/include/...
case "$include" in
  "$src"/build-deps/*)
    deb=$(ls "$src"/build-deps/libvalijson-dev_*.deb 2>/dev/null | head -1)
    [ -n "$deb" ] || { echo "FAIL: headers from build-deps but no .deb beside them"; exit 1; }
    version=$(dpkg-deb -f "$deb" Version)
    sums=$(dpkg-deb -I "$deb" md5sums)
    what="the .deb $(basename "$deb")" ;;
  *)
    version=$(dpkg-query -W -f='${Version}' libvalijson-dev 2>/dev/null) ||
      { echo "FAIL: headers from $include, which is neither build-deps nor the installed package"; exit 1; }
    sums=$(dpkg-query --control-show libvalijson-dev md5sums)
    what="the installed package" ;;
esac
headers=$(grep -c ' usr/include/valijson/' <<<"$sums")
[ "$headers" -gt 0 ] || { echo "FAIL: no valijson header in the md5sums of $what"; exit 1; }
if ! (cd "$prefix_root" && grep ' usr/include/valijson/' <<<"$sums" | md5sum --quiet -c -); then
  echo "FAIL: the headers in $include differ from $what"; fail=1
else
  echo "ok: $headers headers in $include are libvalijson-dev $version ($what)"
fi
# What the compiler read: no valijson header from anywhere else.
read_from=$(find "$build" -name '*.o.d' -exec grep -ho '[^ ]*valijson/[^ ]*\.hpp' {} + 2>/dev/null | sort -u)
if [ -z "$read_from" ]; then
  echo "FAIL: no depfile names a valijson header (built with depfiles?)"; fail=1
elif others=$(grep -v "^$include/valijson/" <<<"$read_from"); then
  echo "FAIL: headers read from elsewhere:"; echo "$others" | head; fail=1
else
  echo "ok: the compiler read $(wc -l <<<"$read_from") valijson headers, all from $include"
fi
exit $fail
