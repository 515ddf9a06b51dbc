"""The front matter fields that are prose: ``title:`` and ``description:``, where Hugo and Jekyll keep
an article's headline and summary. Each value is added to the prose at its own place in the source,
so its findings have the right line and column.

Only values whose text can be placed exactly are added: plain, quoted and block scalars (``|``,
``>``). The text found in the source is compared with what YAML read; when they differ (an escape
this module does not map, a tag, a list), the field is left out rather than placed wrongly.
"""

from __future__ import annotations

import re
from typing import Any

from lint.document import ProseBuilder

# The fields checked, and the kind of block each becomes (a title is read as a heading).
PROSE_FIELDS = {"title": "heading", "description": "paragraph"}

# A key at the start of a line, whatever the line ends ("^" with re.M would not see one after a lone CR).
_KEY = re.compile(r"(?:(?<=[\r\n])|\A)(title|description)[ \t]*:(?:[ \t]+|(?=[\r\n]))")
_BLOCK_HEADER = re.compile(r"[|>][-+0-9]*[ \t]*(?:#[^\r\n]*)?(?=[\r\n]|$)")
_LINE = re.compile(r"([^\r\n]*)(\r\n|\r|\n|$)")
_ESCAPES = {'\\"': '"', "\\\\": "\\", "\\/": "/", "\\t": "\t"}

# A piece of prose: (source offset, source length, text).
Piece = tuple[int, int, str]


def add_front_matter_prose(builder: ProseBuilder, source: str, data: Any, end: int) -> int | None:
    """Add the prose fields of the front matter ``source[:end]`` (read as ``data``) to ``builder``,
    each as a block of its own; the source offset where the last one ends, or None when none was added."""
    last = None
    for match in _KEY.finditer(source, 0, end):
        key = match.group(1)
        value = data.get(key) if hasattr(data, "get") else None
        if not isinstance(value, str) or not value.strip():
            continue
        pieces = _pieces(source, match.end(), end)
        if not pieces or _squeezed("".join(text for _, _, text in pieces)) != _squeezed(value):
            continue
        if last is not None:
            builder.add_separator(last)
        builder.begin_block(PROSE_FIELDS[key])
        for at, length, text in pieces:
            builder.add_mapped(at, length, text)
        builder.end_block()
        last = pieces[-1][0] + pieces[-1][1]
    return last


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def _pieces(source: str, start: int, end: int) -> list[Piece]:
    first = source[start]
    if first in "\"'":
        return _quoted(source, start, end)
    if _BLOCK_HEADER.match(source, start, end):
        line_end = _LINE.match(source, start, end).end()  # type: ignore[union-attr]
        return _indented(source, line_end, end)
    line = _LINE.match(source, start, end)
    assert line is not None
    text = line.group(1)
    cut = re.search(r"[ \t]#", text)
    text = (text[: cut.start()] if cut else text).rstrip()
    if not text:
        return _indented(source, line.end(), end)
    # A plain scalar may go on over more indented lines.
    return [(start, len(text), text), *_indented(source, line.end(), end, after=start + len(text))]


def _indented(source: str, at: int, end: int, after: int | None = None) -> list[Piece]:
    """The lines from ``at`` that are indented (a block scalar, or the lines a plain scalar goes on
    over); what lies between two lines' text (a line end, blank lines, indentation) stands for one
    line end. ``after``: where the text before them ends (a plain scalar's first line), if any."""
    pieces: list[Piece] = []
    while at < end:
        line = _LINE.match(source, at, end)
        assert line is not None
        text = line.group(1)
        if text.strip():
            if text[:1] not in " \t":
                break
            indent = len(text) - len(text.lstrip(" \t"))
            body = text[indent:].rstrip()
            if after is not None:
                pieces.append((after, at + indent - after, "\n"))
            pieces.append((at + indent, len(body), body))
            after = at + indent + len(body)
        if not line.group(2):
            break
        at = line.end()
    return pieces


def _quoted(source: str, start: int, end: int) -> list[Piece]:
    """A quoted scalar on one line: its characters, each escape mapped to the character it stands for."""
    quote = source[start]
    line = _LINE.match(source, start, end)
    assert line is not None
    pieces: list[Piece] = []
    at = start + 1
    line_end = start + len(line.group(1))
    while at < line_end:
        c = source[at]
        if c == quote:
            if quote == "'" and source.startswith("''", at):
                pieces.append((at, 2, "'"))
                at += 2
                continue
            return pieces
        if quote == '"' and c == "\\":
            escape = source[at : at + 2]
            if escape not in _ESCAPES:
                return []
            pieces.append((at, 2, _ESCAPES[escape]))
            at += 2
            continue
        pieces.append((at, 1, c))
        at += 1
    return []  # no closing quote on the line: a value over several lines, left out
