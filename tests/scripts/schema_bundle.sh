#!/usr/bin/env bash
# `callcheck schemas --bundle` (issue 16.3): one self-contained draft-07 schema
# per profile that any validator can use offline. python3-jsonschema checks
# the schema itself, then the valid samples must pass it and the samples of
# schema rules (CC101-CC107) must fail it, as callcheck's own check does.
set -euo pipefail
bin="$CALLCHECK_BINARY"
src="$CALLCHECK_SOURCE_DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for api in v1.0 beta; do
  "$bin" schemas --bundle call --api "$api" >"$work/call.$api.json"
  python3 - "$work/call.$api.json" "$src/samples" "$api" <<'PY'
import glob, json, os, sys, warnings
warnings.filterwarnings("ignore", category=DeprecationWarning)  # RefResolver: kept for Debian's jsonschema 4.10
import jsonschema

path, samples, api = sys.argv[1], sys.argv[2], sys.argv[3]
schema = json.load(open(path))
jsonschema.Draft7Validator.check_schema(schema)
text = open(path).read()
assert "x-callcheck" not in text, "internal annotations leaked into the bundle"
assert "GRAPH.md" not in text and "CALLS-API.md" not in text, "internal notes leaked into descriptions"

def refs(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                yield v
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)

for ref in refs(schema):
    assert ref.startswith("#"), f"$ref leaves the document: {ref}"
    # every local pointer resolves inside the bundle
    node = schema
    for token in ref[1:].split("/")[1:]:
        node = node[token.replace("~1", "/").replace("~0", "~")]

# No resolver may fetch anything: a handler that fails proves it.
def no_network(uri):
    raise AssertionError(f"the bundle tried to fetch {uri}")
resolver = jsonschema.RefResolver.from_schema(schema, handlers={"http": no_network, "https": no_network})
validator = jsonschema.Draft7Validator(schema, resolver=resolver)
valid = sorted(glob.glob(os.path.join(samples, "valid", "*.json")))
assert valid
for f in valid:
    errors = list(validator.iter_errors(json.load(open(f))))
    assert not errors, f"{api}: {os.path.basename(f)} is valid for callcheck but not for the bundle: {errors[0].message}"
failing = 0
for code in ("cc101", "cc102", "cc103", "cc104", "cc105", "cc107"):
    for f in glob.glob(os.path.join(samples, "invalid", code + "-*.json")):
        if not list(validator.iter_errors(json.load(open(f)))):
            raise AssertionError(f"{api}: {os.path.basename(f)} fails callcheck's schema but passes the bundle")
        failing += 1
assert failing >= 6, failing
print(f"ok: {api} bundle: draft-07, local $refs only, {len(valid)} valid samples pass, {failing} schema samples fail")
PY
done
if "$bin" schemas --bundle no-such-type >/dev/null 2>&1; then echo "FAIL: unknown type accepted"; exit 1; fi
echo "ok: unknown type is exit 2"
