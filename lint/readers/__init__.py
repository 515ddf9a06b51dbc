"""Readers turn decoded source text into a :class:`~lint.document.Document`.

A reader is an object with a ``name`` and ``read(path, source) -> Document``. Plugins contribute
readers through the ``refuso_reader`` hook; the built-in ones are plain text, Markdown and HTML.
This module holds what they share: front matter and suppression directives.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Protocol, runtime_checkable

from lint.document import Directive, Document, LineIndex, Prose
from lint.findings import Problem
from lint.suppression import parse_body


@runtime_checkable
class Reader(Protocol):
    name: str

    def read(self, path: str, source: str) -> Document:
        """Build the document. Raise only for input that cannot be read at all."""
        ...


_FRONT_MATTER_OPEN = re.compile(r"\A---[ \t]*(?:\r\n|\r|\n)")
# At the start of a line, whatever its line ends: "^" with re.M would not see a line after a lone CR.
_FRONT_MATTER_CLOSE = re.compile(r"(?<=[\r\n])(?:---|\.\.\.)[ \t]*(?:\r\n|\r|\n|\Z)")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    data: Mapping[str, Any]
    end: int  # offset just past the closing line
    problems: tuple[Problem, ...] = ()


def parse_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            pass
        try:
            return dt.date.fromisoformat(text[:10])
        except ValueError:
            return None
    return None


def normalise_language(value: Any) -> str | None:
    """``it``, ``it-IT``, ``it_IT``, ``IT`` -> ``it``; anything else -> None."""
    if not isinstance(value, str):
        return None
    m = re.match(r"^\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*\s*$", value)
    return m.group(1).lower() if m else None


def read_front_matter(path: str, source: str) -> FrontMatter | None:
    """YAML front matter between ``---`` lines at the very start of the file, if any."""
    opening = _FRONT_MATTER_OPEN.match(source)
    if not opening:
        return None
    closing = _FRONT_MATTER_CLOSE.search(source, opening.end())
    if not closing:
        return None
    body = source[opening.end() : closing.start()]
    from lint.yamlsource import SourceError, load_yaml

    try:
        data = load_yaml(body, path, lines=False).data
    except SourceError as exc:
        line = exc.line + 1 if exc.line else 1  # the body starts on the line after the opening ---
        problem = Problem(
            path,
            f"line {line}: invalid YAML in the front matter: {exc.message.removeprefix('invalid YAML: ')}",
        )
        return FrontMatter(MappingProxyType({}), closing.end(), (problem,))
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        problem = Problem(path, "line 1: the front matter is not a mapping of keys to values")
        return FrontMatter(MappingProxyType({}), closing.end(), (problem,))
    return FrontMatter(MappingProxyType(dict(data)), closing.end())


def directive_at(body: str, start: int, end: int, lines: LineIndex) -> Directive | None:
    parsed = parse_body(body)
    if parsed is None:
        return None
    action, selectors = parsed
    return Directive(
        action=action,
        selectors=selectors,
        start=start,
        end=end,
        line=lines.position(start).line,
        end_line=lines.position(max(start, end - 1)).line,
    )


def make_document(
    path: str,
    source: str,
    prose: Prose,
    *,
    reader: str,
    front_matter: FrontMatter | None,
    directives: tuple[Directive, ...] = (),
    lines: LineIndex | None = None,
    problems: tuple[Problem, ...] = (),
) -> Document:
    data = front_matter.data if front_matter else MappingProxyType({})
    doc = Document(
        path=path,
        source=source,
        prose=prose,
        reader=reader,
        language=normalise_language(data.get("lang") or data.get("language")),
        front_matter=data,
        date=parse_date(data.get("date")),
        directives=directives,
        problems=(front_matter.problems if front_matter else ()) + problems,
    )
    if lines is not None:
        doc.__dict__["lines"] = lines  # reuse the index the reader already built
    return doc
