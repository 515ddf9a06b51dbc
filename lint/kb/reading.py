"""Reading one knowledge-base file: YAML, or JSON for the machine-written ones, checked against the
schema (:mod:`lint.kb.schema`) with errors that name the file and the line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from lint.yamlsource import Located, SourceError


class KBError(SourceError):
    pass


def _normalise(value: Any) -> Any:
    """YAML dates become ISO strings, so the JSON Schema can check them."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {k: _normalise(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    return value


def _generated_dir() -> Path:
    from lint.data import rules_dir

    return rules_dir() / "kb" / "generated"


def read_file(path: Path, display: str, validate: bool | None = None) -> Located:
    """Parse and schema-check one KB file (YAML, or JSON for machine-written ones). Raises KBError.

    The files tools/build_kb.py writes into the built-in KB are checked against the schema when written
    (and by the tests), so by default they are not checked again at every cold start."""
    from lint.kb.schema import KB_SCHEMA
    from lint.yamlsource import (
        deepest,
        error_line,
        expect_mapping,
        format_schema_error,
        load_yaml,
        path_label,
        read_source,
        schema_validator,
    )

    try:
        text = read_source(path, display, "knowledge-base file")
        if path.suffix == ".json":
            import json

            try:
                located = Located(json.loads(text), display)
            except json.JSONDecodeError as exc:
                raise KBError(display, exc.lineno, f"invalid JSON: {exc.msg}") from None
        else:
            located = load_yaml(text, display)
        if located.data is None:
            located.data = {}
        expect_mapping(
            located,
            "knowledge-base file",
            "a knowledge-base file is a mapping with lists such as people, offices and organisations",
            KB_SCHEMA["properties"],
        )
    except SourceError as exc:
        raise KBError(exc.file, exc.line, exc.message) from None
    located.data = _normalise(located.data)
    if validate is None:
        validate = path.resolve().parent != _generated_dir().resolve()
    if not validate:
        return located
    errors = sorted(
        schema_validator()(KB_SCHEMA).iter_errors(located.data), key=lambda e: list(map(str, e.path))
    )
    if errors:
        err = deepest(errors[0])
        where = path_label(err.absolute_path)
        raise KBError(
            display,
            error_line(located, err),
            f"{where}: {format_schema_error(err)}" if where else format_schema_error(err),
        )
    return located
