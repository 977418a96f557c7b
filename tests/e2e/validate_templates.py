#!/usr/bin/python3
"""Validates template TOML files against schemas/template.schema.json.

Usage: validate_templates.py SCHEMA FOLDER_OR_FILE [...]
Every *.toml below each folder is read with tomllib (dates become strings)
and validated; exits non-zero and prints each violation with its file.
"""
import datetime
import json
import pathlib
import sys
import tomllib

from jsonschema import Draft202012Validator


def plain(value):
    """TOML values as JSON would hold them (dates as ISO strings)."""
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    return value


def main() -> int:
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    validator = Draft202012Validator(schema)
    files = []
    for arg in sys.argv[2:]:
        path = pathlib.Path(arg)
        files += sorted(path.rglob("*.toml")) if path.is_dir() else [path]
    failed = False
    for path in files:
        with open(path, "rb") as handle:
            document = plain(tomllib.load(handle))
        for error in sorted(validator.iter_errors(document), key=lambda e: list(e.path)):
            location = "/".join(str(p) for p in error.path) or "(top level)"
            print(f"{path}: {location}: {error.message}")
            failed = True
    print(f"validate_templates: {len(files)} files, {'errors' if failed else 'all valid'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
