"""The document model: decoded source text, the prose rules read, and offset <-> line/column mapping.

A reader turns a file into a :class:`Document`. Rules never see markup: they read
``document.prose.text``, built from the parts of the file that are prose (Markdown code, front
matter and comments left out) and mapped back to the source piece by piece, so every finding lands
on its true line and column in the original file.
"""

from __future__ import annotations

import datetime as _dt
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType
from typing import Any, TypeVar

from lint.findings import Position, Problem

T = TypeVar("T")

# Line ends recognised everywhere: CRLF, lone CR and LF (as LSP and SARIF count them).
_LINE_BREAK_CHARS = "\r\n"


class LineIndex:
    """Maps code-point offsets in a text to 1-based lines and columns, and back."""

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = array("q", [0])
        if "\r" not in text:
            find = text.find
            i = find("\n")
            while i != -1:
                starts.append(i + 1)
                i = find("\n", i + 1)
        else:
            n = len(text)
            i = 0
            while True:
                cr = text.find("\r", i)
                lf = text.find("\n", i)
                if cr == -1 and lf == -1:
                    break
                if cr == -1 or (lf != -1 and lf < cr):
                    i = lf + 1
                elif cr + 1 < n and text[cr + 1] == "\n":
                    i = cr + 2
                else:
                    i = cr + 1
                starts.append(i)
        self._starts = starts

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def position(self, offset: int) -> Position:
        if offset < 0 or offset > len(self._text):
            raise ValueError(f"offset {offset} outside the text (length {len(self._text)})")
        line = bisect_right(self._starts, offset) - 1
        return Position(line + 1, offset - self._starts[line] + 1)

    def offset(self, line: int, column: int = 1) -> int:
        """The offset of a 1-based line and column."""
        if not 1 <= line <= len(self._starts):
            raise ValueError(f"line {line} outside the text (1..{len(self._starts)})")
        return self._starts[line - 1] + column - 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line end."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip(_LINE_BREAK_CHARS)


@dataclass(frozen=True, slots=True)
class Block:
    """A stretch of prose: a paragraph, heading, list item, table cell or quotation."""

    start: int  # offsets into Prose.text
    end: int
    kind: str = "paragraph"


class Prose:
    """The text rules read, with a piecewise map back to offsets in the source.

    The map is a list of segments ``(prose_start, source_start, prose_length, source_length)``.
    A segment whose two lengths are equal maps character for character; one whose lengths
    differ (an HTML entity, an escaped character, a paragraph separator inserted by the reader)
    maps as a unit, so a span can never end inside the markup that produced it.
    """

    __slots__ = ("_blocks", "_p_len", "_p_starts", "_s_len", "_s_starts", "text")

    def __init__(
        self,
        text: str,
        segments: list[tuple[int, int, int, int]],
        blocks: list[Block] | None = None,
    ) -> None:
        self.text = text
        self._p_starts = array("q", (s[0] for s in segments))
        self._s_starts = array("q", (s[1] for s in segments))
        self._p_len = array("q", (s[2] for s in segments))
        self._s_len = array("q", (s[3] for s in segments))
        self._blocks = blocks if blocks is not None else [Block(0, len(text))]

    @classmethod
    def verbatim(cls, source: str, start: int = 0, end: int | None = None) -> Prose:
        """Prose that is one unbroken slice of the source (plain text without front matter)."""
        end = len(source) if end is None else end
        text = source if (start == 0 and end == len(source)) else source[start:end]
        return cls(text, [(0, start, len(text), len(text))])

    @property
    def blocks(self) -> list[Block]:
        return self._blocks

    def to_source(self, offset: int) -> int:
        """Source offset of the character at prose ``offset`` (a span start)."""
        i = self._segment(offset)
        if i < 0:
            return 0
        delta = offset - self._p_starts[i]
        if self._p_len[i] == self._s_len[i] or delta == 0:
            return self._s_starts[i] + min(delta, self._s_len[i])
        return self._s_starts[i]

    def end_to_source(self, offset: int) -> int:
        """Source offset just past prose ``offset - 1`` (a span end)."""
        if offset <= 0:
            return self.to_source(0)
        i = self._segment(offset - 1)
        delta = offset - self._p_starts[i]
        if self._p_len[i] == self._s_len[i]:
            return self._s_starts[i] + delta
        return self._s_starts[i] + self._s_len[i]

    def is_verbatim(self, start: int, end: int) -> bool:
        """True when ``text[start:end]`` is copied unchanged from one stretch of the source."""
        if start >= end:
            return True
        i = self._segment(start)
        j = self._segment(end - 1)
        if i != j:
            # Adjacent verbatim segments that are also adjacent in the source are one stretch.
            for k in range(i, j + 1):
                if self._p_len[k] != self._s_len[k]:
                    return False
                if k > i and self._s_starts[k] != self._s_starts[k - 1] + self._s_len[k - 1]:
                    return False
            return True
        return self._p_len[i] == self._s_len[i]

    def _segment(self, offset: int) -> int:
        return bisect_right(self._p_starts, offset) - 1

    def block_at(self, offset: int) -> Block | None:
        starts = [b.start for b in self._blocks]
        i = bisect_right(starts, offset) - 1
        if i >= 0 and self._blocks[i].start <= offset < max(self._blocks[i].end, self._blocks[i].start + 1):
            return self._blocks[i]
        return None


class ProseBuilder:
    """Builds :class:`Prose` from pieces of the source and inserted separators."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._segments: list[tuple[int, int, int, int]] = []
        self._blocks: list[Block] = []
        self._length = 0
        self._block_start: int | None = None
        self._block_kind = "paragraph"

    @property
    def length(self) -> int:
        return self._length

    def add_source(self, source_start: int, text: str) -> None:
        """Add text copied verbatim from ``source[source_start:source_start + len(text)]``."""
        if not text:
            return
        last = self._segments[-1] if self._segments else None
        if (
            last
            and last[2] == last[3]
            and last[0] + last[2] == self._length
            and last[1] + last[3] == source_start
        ):
            self._segments[-1] = (last[0], last[1], last[2] + len(text), last[3] + len(text))
        else:
            self._segments.append((self._length, source_start, len(text), len(text)))
        self._parts.append(text)
        self._length += len(text)

    def add_mapped(self, source_start: int, source_length: int, text: str) -> None:
        """Add text that stands for ``source_length`` characters of source (an entity, an escape)."""
        if not text and not source_length:
            return
        if len(text) == source_length:
            self.add_source(source_start, text)
            return
        self._segments.append((self._length, source_start, len(text), source_length))
        self._parts.append(text)
        self._length += len(text)

    def add_separator(self, source_at: int, text: str = "\n\n") -> None:
        """Add text with no source of its own (a paragraph break between blocks)."""
        self.add_mapped(source_at, 0, text)

    def begin_block(self, kind: str = "paragraph") -> None:
        self.end_block()
        self._block_start = self._length
        self._block_kind = kind

    def end_block(self) -> None:
        if self._block_start is not None:
            if self._length > self._block_start:
                self._blocks.append(Block(self._block_start, self._length, self._block_kind))
            self._block_start = None

    def build(self) -> Prose:
        self.end_block()
        text = "".join(self._parts)
        return Prose(text, self._segments or [(0, 0, 0, 0)], self._blocks or [Block(0, len(text))])


@dataclass(frozen=True, slots=True)
class Directive:
    """A suppression comment found by a reader: ``refuso: disable PUN001`` and the like."""

    action: str  # disable | enable | disable-next-line
    selectors: tuple[str, ...]  # empty: every rule
    start: int  # source offsets of the directive's text
    end: int
    line: int  # 1-based line the directive is on
    end_line: int  # 1-based line it ends on (for disable-next-line)


@dataclass(frozen=True)
class Document:
    """A decoded file ready for the rules."""

    path: str
    source: str
    prose: Prose
    reader: str = "text"
    language: str | None = None
    front_matter: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))
    date: _dt.date | None = None
    directives: tuple[Directive, ...] = ()
    problems: tuple[Problem, ...] = ()  # non-fatal problems met while reading (bad front matter)
    encoding: str = "utf-8"
    bom: bool = False
    # Derived data several rules share (the words that repeat, quotation spans), computed once.
    derived: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.source)

    def shared(self, key: str, compute: Callable[[], T]) -> T:
        """``compute()``, once per document: for analyses several rules need."""
        if key not in self.derived:
            self.derived[key] = compute()
        return self.derived[key]

    def position(self, offset: int) -> Position:
        return self.lines.position(offset)

    def iter_paragraphs(self) -> Iterator[tuple[int, int]]:
        """(start, end) offsets in prose.text of each paragraph: blocks split at blank lines."""
        return iter(self.paragraphs())

    def paragraphs(self) -> list[tuple[int, int]]:
        """The paragraphs of :meth:`iter_paragraphs`, as a list computed once."""
        from lint.prose import paragraph_spans

        def compute() -> list[tuple[int, int]]:
            text = self.prose.text
            return [
                span for block in self.prose.blocks for span in paragraph_spans(text, block.start, block.end)
            ]

        return self.shared("paragraphs", compute)
