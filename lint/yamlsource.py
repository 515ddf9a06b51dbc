"""YAML loading that remembers where each value came from, so errors can name a file and a line.

Used for rule packs and configuration. PyYAML's C loader is used when it is installed.
"""

from __future__ import annotations

import functools
from collections.abc import Hashable
from dataclasses import dataclass, field
from typing import Any


@functools.cache
def strict_loader() -> type:
    """A safe YAML loader (the C one when libyaml is there) where only true/false are booleans, as
    in YAML 1.2, so word lists may hold "no", "on" and "off", and dates stay strings, so that an
    impossible one (2020-02-30) is reported with its line by whoever reads it. PyYAML is imported only
    when a file has to be parsed: an unchanged configuration or pack comes from the cache."""
    import re

    import yaml

    base: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = type("StrictLoader", (base,), {})
    loader.yaml_implicit_resolvers = {
        first: [
            (tag, rx)
            for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:bool", "tag:yaml.org,2002:timestamp")
        ]
        for first, resolvers in base.yaml_implicit_resolvers.items()
    }
    loader.add_implicit_resolver(
        "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
    )
    return loader


Path_ = tuple[Hashable, ...]


class SourceError(Exception):
    """A problem in a YAML or TOML file, located by file and line."""

    def __init__(self, file: str, line: int | None, message: str, context: str = "") -> None:
        self.file = file
        self.line = line
        self.context = context
        self.message = message
        where = f"{file}:{line}" if line else file
        prefix = f"{context}: " if context else ""
        super().__init__(f"{where}: {prefix}{message}")

    def as_problem(self) -> Any:
        from lint.findings import Problem

        message = f"{self.context}: {self.message}" if self.context else self.message
        return Problem(self.file, message, line=self.line)


@dataclass
class Located:
    """Parsed data plus the line of every mapping key and sequence item, by path."""

    data: Any
    file: str
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one."""
        path = tuple(path)
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


def _walk(node: Any, path: Path_, lines: dict[Path_, int], file: str) -> None:
    import yaml

    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            line = key_node.start_mark.line + 1
            if key in seen and key != "<<":
                raise SourceError(file, line, f"duplicate key {key!r} (first on line {seen[key]})")
            seen[key] = line
            lines[(*path, key)] = line
            _walk(value_node, (*path, key), lines, file)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*path, i)] = item.start_mark.line + 1
            _walk(item, (*path, i), lines, file)


def load_yaml(text: str, file: str) -> Located:
    """Parse one YAML document, keeping line numbers. Raises :class:`SourceError`."""
    import yaml

    loader = strict_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, file)
        lines: dict[Path_, int] = {(): node.start_mark.line + 1}
        _walk(node, (), lines, file)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        raise SourceError(file, line, f"invalid YAML: {problem}") from None
    except yaml.YAMLError as exc:
        raise SourceError(file, None, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()
    return Located(data, file, lines)


def error_line(located: Located, error: Any, prefix: Path_ = ()) -> int | None:
    """The line to report a schema error on: the first unknown key's, for an unknown-key error."""
    path = (*prefix, *error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = set(error.schema.get("properties", {}))
        for key in error.instance:
            if key not in allowed and (*path, key) in located.lines:
                return located.lines[(*path, key)]
    return located.line_of(path)


def deepest(error: Any) -> Any:
    """For an anyOf/oneOf failure, the sub-error that got furthest: the one worth showing."""
    while error.context:
        candidates = [
            e
            for e in error.context
            if e.validator not in ("type",) or len(e.absolute_path) > len(error.absolute_path)
        ]
        best = max(candidates or error.context, key=lambda e: (len(e.absolute_path), e.validator != "type"))
        if len(best.absolute_path) <= len(error.absolute_path):
            break
        error = best
    return error


def format_schema_error(error: Any) -> str:
    """A short, human message for a jsonschema ValidationError."""
    import difflib

    validator = error.validator
    if validator == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        parts = []
        for key in extra:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            parts.append(f"unknown key {key!r}{hint}")
        return "; ".join(parts) + f"; allowed keys: {', '.join(allowed)}"
    if validator == "required":
        return error.message.replace("is a required property", "is missing (required)")
    if validator == "enum":
        return f"{error.instance!r} is not one of: {', '.join(map(str, error.validator_value))}"
    if validator == "pattern":
        return f"{error.instance!r} does not have the expected form ({error.validator_value})"
    if validator in ("type", "anyOf", "oneOf") and error.schema.get("description"):
        return f"{_short(error.instance)} is not valid: expected {error.schema['description']}"
    if validator == "type":
        return f"{_short(error.instance)} is not {_article(error.validator_value)}"
    return error.message


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _article(kind: Any) -> str:
    names = {
        "string": "a string",
        "array": "a list",
        "object": "a mapping",
        "boolean": "true or false",
        "integer": "a whole number",
        "number": "a number",
    }
    if isinstance(kind, list):
        return " or ".join(names.get(k, k) for k in kind)
    return names.get(kind, str(kind))


def path_label(path: Any) -> str:
    """``tokens.en[7]`` for the path ('tokens', 'en', 7)."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out
