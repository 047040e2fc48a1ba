#!/usr/bin/env python3
"""validate_json.py SCHEMA INSTANCE...: exit 1 with every error if an instance is invalid.

The draft comes from the schema's $schema (draft-04 for SARIF, draft-07 for ours).
Needs Debian's python3-jsonschema. Used by tests/golden/formats_test.cc and
tests/scripts/formats.sh.
"""
import json
import sys

try:
    import jsonschema
except ImportError:
    sys.exit("validate_json.py: python3-jsonschema is not installed (apt-get install python3-jsonschema)")


def main(argv):
    if len(argv) < 3:
        sys.exit("usage: validate_json.py SCHEMA INSTANCE...")
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    validator = cls(schema)
    failed = False
    for path in argv[2:]:
        try:
            with open(path, encoding="utf-8") as f:
                instance = json.load(f)
        except (OSError, ValueError) as e:
            print(f"{path}: not JSON: {e}")
            failed = True
            continue
        for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
            where = "/" + "/".join(str(p) for p in error.absolute_path)
            print(f"{path}: at {where}: {error.message}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
