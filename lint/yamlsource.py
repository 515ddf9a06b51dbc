"""YAML loading that remembers where each value came from, so errors can name a file and a line.

Used for rule packs, the knowledge base, configuration and front matter. PyYAML's C loader is used
when it is installed. Files are read bounded (regular files of sensible size, UTF-8 text) and
parsed bounded (aliases may reuse part of a file, not multiply it; nesting is limited), so a hostile
file gets an error naming it and its line, never a hang or a dump of its contents.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Hashable, Mapping
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

# Values that aliases may add to one file, in all: a list reused in a few places costs hundreds;
# "billion laughs" (aliases of aliases) would cost billions, and everything that walks the data
# (line numbers, the schema, word forms) would walk each copy.
ALIAS_BUDGET = 100_000
MAX_DEPTH = 100  # levels of nesting; no pack, KB file or configuration needs more than a handful
MAX_SOURCE_BYTES = 64 * 1024 * 1024  # a rule pack, KB file or configuration larger than this is a mistake


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


def _children(node: Any) -> list[Any]:
    import yaml

    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_bounds(root: Any, text: str, file: str) -> None:
    """Raise :class:`SourceError` when aliases would multiply the document, an alias sits inside the
    node it names, or nesting is too deep. One pass over the composed nodes, each counted once."""
    sizes: dict[int, int] = {}  # node -> values it stands for, with its aliases expanded
    open_nodes: set[int] = set()  # the nodes on the path being walked
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        node, depth = stack[-1]
        ident = id(node)
        if ident in sizes:
            stack.pop()
            continue
        if ident not in open_nodes:
            if depth > MAX_DEPTH:
                raise SourceError(
                    file, node.start_mark.line + 1, f"invalid YAML: nested more than {MAX_DEPTH} levels deep"
                )
            open_nodes.add(ident)
            for child in _children(node):
                if id(child) in open_nodes:
                    _raise_alias_error(text, file, recursive=True)
                if id(child) not in sizes:
                    stack.append((child, depth + 1))
            continue
        sizes[ident] = 1 + sum(sizes[id(child)] for child in _children(node))
        open_nodes.discard(ident)
        stack.pop()
    if sizes[id(root)] - len(sizes) > ALIAS_BUDGET:
        _raise_alias_error(text, file, recursive=False)


def _raise_alias_error(text: str, file: str, *, recursive: bool) -> None:
    """Find the alias that goes too far by replaying the parser's events, and raise on its line."""
    import yaml

    anchors: dict[str, int] = {}  # anchor -> values it stands for
    frames: list[list[Any]] = []  # [values so far, anchor] per open collection
    added = 0
    for event in yaml.parse(text, Loader=strict_loader()):
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 1
            name = _snippet(event.anchor, quoted=False)
            if event.anchor not in anchors:
                if any(frame[1] == event.anchor for frame in frames):
                    raise SourceError(
                        file, line, f"invalid YAML: the alias *{name} is inside the node it names"
                    )
                continue
            size = anchors[event.anchor]
            added += size
            if added > ALIAS_BUDGET and not recursive:
                raise SourceError(
                    file,
                    line,
                    f"invalid YAML: the alias *{name} repeats too much: the aliases of this file would "
                    f"add more than {ALIAS_BUDGET:,} values; an alias may reuse a part of the file, "
                    "aliases of aliases must not multiply it",
                )
            if frames:
                frames[-1][0] += size
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                anchors[event.anchor] = 1
            if frames:
                frames[-1][0] += 1
        elif isinstance(event, yaml.CollectionStartEvent):
            if event.anchor:
                anchors.pop(event.anchor, None)  # from here on the name means this collection
            frames.append([1, event.anchor])
        elif isinstance(event, yaml.CollectionEndEvent):
            size, anchor = frames.pop()
            if anchor:
                anchors[anchor] = size
            if frames:
                frames[-1][0] += size
    # Not reached: the events say what the nodes said.
    raise SourceError(file, None, "invalid YAML: an alias is inside the node it names or repeats too much")


def load_yaml(text: str, file: str, *, lines: bool = True) -> Located:
    """Parse one YAML document, keeping line numbers (unless ``lines`` is false: then duplicate keys
    are not errors either). Raises :class:`SourceError`."""
    import yaml

    loader = strict_loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, file)
        _check_bounds(node, text, file)
        found: dict[Path_, int] = {(): node.start_mark.line + 1}
        if lines:
            _walk(node, (), found, file)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = " ".join(filter(None, [exc.context, exc.problem]))
        raise SourceError(file, line, f"invalid YAML: {_bounded(problem)}") from None
    except yaml.YAMLError as exc:
        raise SourceError(file, None, f"invalid YAML: {_bounded(str(exc))}") from None
    finally:
        loader.dispose()
    return Located(data, file, found)


def _bounded(problem: str) -> str:
    """PyYAML's message with what it quotes from the file (an alias, a tag) cut short and escaped."""
    import re

    return re.sub(r"'([^']*)'", lambda m: _snippet(m.group(1)), problem[:500])


def read_source(path: str | os.PathLike[str], display: str, what: str) -> str:
    """The text of a file refuso reads for itself (``what``: "rule pack", "configuration"…).

    Only a regular file of at most :data:`MAX_SOURCE_BYTES` that is UTF-8 text is read: a device, a
    pipe, a binary or huge file gets one error naming it, never a hang and never its contents."""
    import stat

    try:
        # O_NONBLOCK: opening a named pipe would otherwise wait for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise SourceError(display, None, f"cannot read the {what}: {exc.strerror or exc}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(display, None, f"cannot read the {what}: Is a directory")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(display, None, f"not a {what}: it is not a regular file")
        if info.st_size > MAX_SOURCE_BYTES:
            raise SourceError(
                display, None, f"not a {what}: it is {info.st_size:,} bytes, more than {MAX_SOURCE_BYTES:,}"
            )
        chunks, size = [], 0
        while size <= MAX_SOURCE_BYTES:  # the file may grow while it is read
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError as exc:
        raise SourceError(display, None, f"cannot read the {what}: {exc.strerror or exc}") from None
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(display, None, f"not a {what}: it is more than {MAX_SOURCE_BYTES:,} bytes")
    if b"\0" in data:
        raise SourceError(display, None, f"not a {what}: it is binary (it contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise SourceError(display, line, f"not a {what}: it is not UTF-8 text; save it as UTF-8") from None
    return text.removeprefix("\ufeff")


def expect_mapping(located: Located, what: str, expected: str, allowed: Any) -> None:
    """Raise one :class:`SourceError` when the file is not of the expected shape at all: not a mapping,
    or a mapping none of whose keys is, or looks like a misspelling of, one of ``allowed``. Such a
    file is some other file given by mistake (``rule-packs: [/etc/passwd]``): its contents are not
    echoed as a list of unknown keys."""
    import difflib

    data = located.data
    problem = None
    if not isinstance(data, Mapping):
        problem = f"not a {what}: {expected}, and this file is not a mapping of keys to values"
    elif data:
        names = [str(k) for k in data]
        allowed = [str(a) for a in allowed]
        # A misspelt key makes a real file with a typo; a few keys are enough to tell.
        if not any(n in allowed for n in names) and not any(
            difflib.get_close_matches(n, allowed, n=1) for n in names[:50]
        ):
            problem = f"not a {what}: {expected}, and none of this file's {len(names):,} keys is one of them"
    if problem:
        raise SourceError(located.file, located.line_of(()), problem)


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
        extra = sorted(set(error.instance) - set(allowed), key=str)
        parts = []
        for key in extra[:MAX_QUOTED_KEYS]:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            parts.append(f"unknown key {_snippet(key)}{hint}")
        if len(extra) > MAX_QUOTED_KEYS:
            parts.append(f"and {len(extra) - MAX_QUOTED_KEYS:,} more unknown keys")
        return "; ".join(parts) + f"; allowed keys: {', '.join(allowed)}"
    if validator == "required":
        return error.message.replace("is a required property", "is missing (required)")
    if validator == "enum":
        return f"{_short(error.instance)} is not one of: {', '.join(map(str, error.validator_value))}"
    if validator == "pattern":
        return f"{_short(error.instance)} does not have the expected form ({error.validator_value})"
    if validator in (*NUMBER_VALIDATORS, "type", "anyOf", "oneOf") and error.schema.get("description"):
        return f"{_short(error.instance)} is not valid: expected {error.schema['description']}"
    if validator == "type":
        return f"{_short(error.instance)} is not {_article(error.validator_value)}"
    # jsonschema's own messages quote the whole value: quote a short piece of it instead.
    return error.message.replace(repr(error.instance), _short(error.instance))


MAX_QUOTED_KEYS = 5  # unknown keys named in one message; the rest are counted
SNIPPET = 40  # characters of a value or key quoted in a message
NUMBER_VALIDATORS = ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "finite")


def quote(value: Any) -> str:
    """A value from a file, for a message: its repr, cut short (it may be a whole file's worth)."""
    return _short(value)


def quote_key(value: Any) -> str:
    """A key or name from a file, for a message: quoted, escaped, cut short."""
    return _snippet(value)


def _snippet(value: Any, *, quoted: bool = True) -> str:
    """A key or name from a file as a short, escaped piece (quoted, unless ``quoted`` is false)."""
    text = str(value)
    if len(text) > SNIPPET:
        text = text[: SNIPPET - 1] + "…"
    return repr(text) if quoted else repr(text)[1:-1]


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= SNIPPET else text[: SNIPPET - 3] + "..."


def _finite(validator: Any, wanted: Any, instance: Any, schema: Any) -> Any:
    import math

    from jsonschema import ValidationError

    if wanted and validator.is_type(instance, "number") and not math.isfinite(instance):
        yield ValidationError(f"{instance!r} is not a finite number")


@functools.cache
def schema_validator() -> Any:
    """Draft 2020-12 with one more keyword, ``finite``: infinity and NaN (``.inf``, ``.nan`` in YAML,
    ``inf``, ``nan`` in TOML) are not numbers a setting can mean."""
    from jsonschema import Draft202012Validator, validators

    return validators.extend(Draft202012Validator, {"finite": _finite})


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
