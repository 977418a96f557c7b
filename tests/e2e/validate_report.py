#!/usr/bin/python3
"""Validates report.json files against schemas/report.schema.json.

Usage: validate_report.py SCHEMA REPORT [REPORT...]
Exits non-zero and prints every violation when a report does not conform.
"""
import json
import sys

from jsonschema import Draft202012Validator


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    failed = False
    for path in sys.argv[2:]:
        report = json.load(open(path, encoding="utf-8"))
        errors = sorted(validator.iter_errors(report), key=lambda e: list(e.path))
        for error in errors:
            location = "/".join(str(p) for p in error.path)
            print(f"{path}: {location}: {error.message}")
        failed = failed or bool(errors)
        if not errors:
            print(f"{path}: valid ({len(report['findings'])} findings)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
