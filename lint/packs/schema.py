"""The JSON Schema of YAML rule packs.

One schema per rule kind: the fields every rule has, plus the kind's own. ``refuso schema pack``
prints it, for editors that validate YAML against a schema.
"""

from __future__ import annotations

from typing import Any

from lint.findings import CATEGORY_NAMES
from lint.rules import SCOPES

LANG = {"type": "string", "pattern": "^[a-z]{2,3}$"}
TEXT_BY_LANGUAGE = {
    "description": "a string, or a mapping from language code to string",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "propertyNames": {"pattern": "^([a-z]{2,3}|\\*)$"},
            "additionalProperties": {"type": "string", "minLength": 1},
            "minProperties": 1,
        },
    ],
}
EXAMPLE = {
    "description": "a string, or a mapping with text (and optionally fixed, language)",
    "anyOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "additionalProperties": False,
            "required": ["text"],
            "properties": {
                "text": {"type": "string", "minLength": 1},
                "fixed": {"type": "string"},
                "language": LANG,
            },
        },
    ],
}
WORD_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}
SCOPE_VALUES = [*SCOPES, *(f"~{s}" for s in SCOPES if s != "text")]

COMMON_PROPERTIES: dict[str, Any] = {
    "code": {"type": "string", "pattern": "^[A-Z]{2,4}[0-9]{3}$"},
    "name": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},
    "kind": {"type": "string"},
    "category": {"enum": list(CATEGORY_NAMES)},
    "severity": {"enum": ["error", "warning", "info"]},
    "message": TEXT_BY_LANGUAGE,
    "messages": {
        "description": "named message templates besides 'message', each a string or one per language",
        "type": "object",
        "propertyNames": {"pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"},
        "additionalProperties": TEXT_BY_LANGUAGE,
    },
    "description": TEXT_BY_LANGUAGE,
    "examples": {
        "type": "object",
        "additionalProperties": False,
        "required": ["flagged", "clean"],
        "properties": {
            "flagged": {"type": "array", "minItems": 1, "items": EXAMPLE},
            "clean": {"type": "array", "minItems": 1, "items": EXAMPLE},
        },
    },
    "scope": {
        "description": f"one of {', '.join(SCOPE_VALUES)}, or a list of them",
        "anyOf": [{"enum": SCOPE_VALUES}, {"type": "array", "items": {"enum": SCOPE_VALUES}, "minItems": 1}],
    },
    "languages": {
        "description": "a language code, a list of them, or '*' for every language",
        "anyOf": [LANG, {"const": "*"}, {"type": "array", "items": LANG, "minItems": 1}],
    },
    "preview": {"type": "boolean"},
    "aliases": {"type": "array", "items": {"type": "string", "pattern": "^[a-z][a-z0-9]*(-[a-z0-9]+)*$"}},
    "reference": {"type": "string"},
    "ignorecase": {"type": "boolean"},
    "exceptions": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "suggestions": WORD_LIST,
    "fix": {"enum": ["safe", "unsafe"]},
}
COMMON_REQUIRED = ["code", "name", "kind", "category", "severity", "message", "description", "examples"]


def rule_schema(kind_properties: dict[str, Any], kind_required: list[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "additionalProperties": False,
        "required": [*COMMON_REQUIRED, *kind_required],
        "properties": {**COMMON_PROPERTIES, **kind_properties},
    }


PACK_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "refuso rule pack",
    "type": "object",
    "additionalProperties": False,
    "required": ["rules"],
    "properties": {
        "pack": {"type": "string"},
        "description": {"type": "string"},
        "language": {
            "description": "a language code, a list of them, or '*' for every language",
            "anyOf": [LANG, {"const": "*"}, {"type": "array", "items": LANG, "minItems": 1}],
        },
        "rules": {"type": "array", "items": {"type": "object"}},
    },
}
