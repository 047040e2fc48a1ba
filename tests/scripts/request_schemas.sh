#!/usr/bin/env bash
# schemas/graph/<profile>/requests/ must be exactly what
# tests/scripts/generate_request_schemas.py makes of the CSDL in ../shared/corpus/csdl/
# (issue 12): the request schemas are never edited by hand.
set -euo pipefail
python3 "$CALLCHECK_SOURCE_DIR/tests/scripts/generate_request_schemas.py" "$CALLCHECK_SHARED_DIR/corpus/csdl" \
  "$CALLCHECK_SOURCE_DIR/schemas" --check
echo "ok: schemas/graph/*/requests/ are the generator's output"
# The generator's --check must be able to fail: a changed copy is caught.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$CALLCHECK_SOURCE_DIR/schemas" "$work/schemas"
sed -i 's/"maxItems": 1000/"maxItems": 999/' "$work/schemas/graph/v1.0/requests/redirect.schema.json"
if python3 "$CALLCHECK_SOURCE_DIR/tests/scripts/generate_request_schemas.py" "$CALLCHECK_SHARED_DIR/corpus/csdl" \
  "$work/schemas" --check 2>/dev/null; then
  echo "FAIL: --check accepted an edited schema" >&2
  exit 1
fi
# Every request of the catalogue is listed by `callcheck schemas`, per profile.
listing=$("$CALLCHECK_BINARY" schemas)
for f in answer playPrompt transfer participant-invite keepAlive; do
  grep -q "graph/v1.0/requests/$f.schema.json" <<<"$listing" || { echo "FAIL: callcheck schemas lacks v1.0 $f" >&2; exit 1; }
done
grep -q "graph/beta/requests/startRecording.schema.json" <<<"$listing" || { echo "FAIL: no beta startRecording" >&2; exit 1; }
echo "ok: callcheck schemas lists the request schemas"
