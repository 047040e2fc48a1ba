# Sourced by the script tests that hold a command's whole result to a golden
# (ci_outputs.sh, cli_help.sh, join_url.sh). Not a test itself: ctest runs
# tests/scripts/*.sh only. Uses the caller's $work and sets fail=1.

# golden_record NAME EXIT STDOUT_FILE STDERR_FILE: $work/NAME.txt, the form every golden has.
golden_record() {
  { echo "--- stdout"; cat "$3"; echo "--- stderr"; cat "$4"; echo "--- exit $2"; } >"$work/$1.txt"
}

# golden_compare NAME GOLDEN_FILE [LABEL]: $work/NAME.txt against the golden;
# CALLCHECK_UPDATE_GOLDEN=1 rewrites the golden instead (then review the diff).
golden_compare() {
  local name=$1 file=$2 label=${3:-$1}
  if [ "${CALLCHECK_UPDATE_GOLDEN:-0}" = 1 ]; then
    mkdir -p "$(dirname "$file")"
    cp "$work/$name.txt" "$file"
    echo "rewrote: $label"
  elif ! diff -u "$file" "$work/$name.txt"; then
    echo "FAIL: golden $label"; fail=1
  else
    echo "ok: golden $label"
  fi
}
