"""The configuration's JSON Schema: refuso's own settings, and the sections plugins contribute through
``refuso_config_schema`` (refuso's built-in plugins at the top level, outside plugins under ``plugins:``)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

BUILTIN_PLUGIN = "refuso"  # whose configuration sections sit at the top level

# Seconds a setting may wait: a finite number above 0, at most a day (a larger one would overflow the
# clocks it is added to, and infinity or NaN would make a timeout that stops everything or nothing).
SECONDS: dict[str, Any] = {
    "description": "a number of seconds greater than 0 and at most 86400, such as 2.5",
    "type": "number",
    "finite": True,
    "exclusiveMinimum": 0,
    "maximum": 86400,
}
_STRINGS = {"type": "array", "items": {"type": "string", "minLength": 1}}
# The settings refuso itself reads; plugins add sections through the refuso_config_schema hook.
CORE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "refuso configuration",
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "language": {"type": "string", "pattern": "^(auto|[A-Za-z]{2,3}([-_][A-Za-z0-9]+)*)$"},
        "select": _STRINGS,
        "extend-select": _STRINGS,
        "ignore": _STRINGS,
        "preview": {"type": "boolean"},
        "fail-level": {"enum": ["error", "warning", "info"]},
        "rules": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "severity": {"enum": ["error", "warning", "info"]},
                    "options": {"type": "object"},
                },
            },
        },
        "rule-packs": _STRINGS,
        "knowledge-base": _STRINGS,
        "include": _STRINGS,
        "exclude": _STRINGS,
        "extend-exclude": _STRINGS,
        "respect-gitignore": {"type": "boolean"},
        "date": {"description": "a date such as 2022-01-05"},
        "encoding": {"type": "string", "minLength": 1},
        "regex-timeout": SECONDS,
        "plugins": {"type": "object", "additionalProperties": {"type": "object"}},
        "vocabulary": {
            "type": "object",
            "additionalProperties": False,
            "properties": {
                "accept": _STRINGS,
                "accept-file": _STRINGS,
                "reject": _STRINGS,
                "reject-file": _STRINGS,
            },
        },
    },
}
# Settings that may differ between files under one configuration: ``per-file`` entries, each for the
# files its globs match (gitignore syntax, relative to the configuration's folder); later entries win.
PER_FILE_KEYS = (
    "language",
    "select",
    "extend-select",
    "ignore",
    "preview",
    "fail-level",
    "rules",
    "date",
    "encoding",
    "regex-timeout",
)
CORE_SCHEMA["properties"]["per-file"] = {
    "type": "array",
    "items": {
        "type": "object",
        "additionalProperties": False,
        "required": ["files"],
        "properties": {
            "files": {**_STRINGS, "minItems": 1},
            **{key: CORE_SCHEMA["properties"][key] for key in PER_FILE_KEYS},
        },
    },
}


def assemble_schema(contributions: Iterable[tuple[str, Mapping[str, Any]]]) -> dict[str, Any]:
    """The configuration's JSON Schema: refuso's own settings, the sections refuso's built-in plugins
    contribute (``languagetool:``) at the top level, and each outside plugin's under ``plugins:``.
    ``contributions`` are the ``(plugin, {section: schema})`` answers to ``refuso_config_schema``."""
    properties = dict(CORE_SCHEMA["properties"])
    plugin_sections: dict[str, Any] = {}
    for plugin, sections in contributions:
        target = properties if plugin == BUILTIN_PLUGIN else plugin_sections
        for name, schema in sections.items():
            target.setdefault(name, schema)
    if plugin_sections:
        properties["plugins"] = {**properties["plugins"], "properties": plugin_sections}
    return {**CORE_SCHEMA, "properties": properties}


def schema_digest(schema: Mapping[str, Any]) -> str:
    """A short key for a schema: a configuration valid under one is not known valid under another."""
    import hashlib
    import json

    return hashlib.sha256(json.dumps(schema, sort_keys=True, default=str).encode()).hexdigest()[:16]
