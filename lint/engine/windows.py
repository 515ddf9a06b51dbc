"""Large files in windows: a file over :data:`LARGE_FILE_BYTES` is read, parsed and checked a
window of about :data:`WINDOW_CHARS` characters at a time, so memory stays bounded whatever its size.

Windows are cut where the reader says the text falls apart into independent pieces
(``reader.safe_breaks``: blank lines for plain text, :func:`lint.readers.plain.paragraph_breaks`;
blank lines outside code fences and comments, before a line that does not continue a list item, for
Markdown, :func:`lint.readers.markdown.markdown_breaks`). A stretch with no such place is cut
at a line end, then at a space, then anywhere. Findings are moved back to their offsets, lines and
columns in the whole file. A reader without ``safe_breaks`` (HTML, most plugins) gets the whole file.

Checks that compare a whole document (a name spelled two ways, an acronym's first use) compare
within a window, and each window's language is detected on its own unless the front matter or the
configuration names one: a file of this size is an archive of many articles, and that is the useful
scope.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

LARGE_FILE_BYTES = 8_000_000
WINDOW_CHARS = 1_000_000
READ_BYTES = 1 << 20

Breaks = Callable[[str, int, int], Iterable[int]]

_LINE_END = re.compile(r"(?:\r\n|\r(?!\n)|\n)")
_SPACE = re.compile(r"\s+")


def _cut(text: str, start: int, size: int, breaks: Breaks) -> int:
    """Where to end the window that begins at ``start``: the last good break within ``size``
    characters, else the first after it, up to ``2 * size``."""
    target = start + size
    limit = min(len(text) - 1, start + 2 * size)  # never at the very end: a CR there may be half a CRLF
    scan_end = min(len(text), limit + 2)  # a little past it, so that lookaheads see what follows
    for finder in (breaks, _line_breaks, _space_breaks):
        best_before = None
        first_after = None
        for at in finder(text, start, scan_end):
            if at <= start:
                continue
            if at > limit:
                break
            if at <= target:
                best_before = at
            else:
                first_after = at
                break
        if best_before is not None and best_before - start >= size // 4:
            return best_before
        if first_after is not None:
            return first_after
        if best_before is not None:
            return best_before
    if text[target - 1] == "\r" and text[target] == "\n":
        return target + 1  # never between the two halves of a CRLF
    return target


def _line_breaks(text: str, start: int, end: int) -> Iterator[int]:
    for m in _LINE_END.finditer(text, start, end):
        yield m.end()


def _space_breaks(text: str, start: int, end: int) -> Iterator[int]:
    for m in _SPACE.finditer(text, start, end):
        if m.end() < end and (text[m.end() - 1] != "\r" or text[m.end()] != "\n"):
            yield m.end()


def windows(pieces: Iterable[str], breaks: Breaks, size: int = WINDOW_CHARS) -> Iterator[str]:
    """The text made of ``pieces`` (read a block at a time), cut into windows of about ``size``."""
    size = max(size, 1)
    buffer = ""
    pos = 0
    for piece in pieces:
        if not piece:
            continue
        buffer = buffer[pos:] + piece if pos < len(buffer) else piece
        pos = 0
        while len(buffer) - pos >= 2 * size + 1:
            cut = _cut(buffer, pos, size, breaks)
            yield buffer[pos:cut]
            pos = cut
    while len(buffer) - pos > 2 * size:
        cut = _cut(buffer, pos, size, breaks)
        yield buffer[pos:cut]
        pos = cut
    if len(buffer) - pos > size + size // 2:
        # The rest is worth two windows: cut it once more where a break allows.
        cut = _cut(buffer, pos, size, breaks)
        if pos < cut < len(buffer):
            yield buffer[pos:cut]
            pos = cut
    if pos < len(buffer) or not buffer:
        yield buffer[pos:]
