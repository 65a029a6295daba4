#!/usr/bin/env python3
"""Validates scenario files against scenarios/schema.json, so the schema editors use
stays true to what attune accepts. Usage: check_schema.py SCHEMA FILE..."""
import json
import sys

import jsonschema
import yaml

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
validator = jsonschema.Draft7Validator(schema)
failed = 0
for path in sys.argv[2:]:
    data = yaml.safe_load(open(path, encoding="utf-8"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.path))
    for e in errors:
        print(f"{path}: {'/'.join(map(str, e.path))}: {e.message}")
    failed += bool(errors)
print(f"{len(sys.argv) - 2 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
