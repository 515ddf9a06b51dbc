"""Large files in windows: a file over :data:`LARGE_FILE_BYTES` is read, parsed and checked a
window of about :data:`WINDOW_CHARS` characters at a time, so memory stays bounded whatever its size.

Windows are cut where the reader says the text falls apart into independent pieces
(``reader.safe_breaks``: blank lines for plain text; blank lines outside code fences and comments,
before a line that does not continue a list item, for Markdown). A stretch with no such place is cut
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

# Just past one or more blank lines: where the next non-blank line starts.
_AFTER_BLANK = re.compile(r"(?:\r\n|\r(?!\n)|\n)(?:[ \t]*(?:\r\n|\r(?!\n)|\n))+(?=[^\r\n])")
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)")
_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LINE_END = re.compile(r"(?:\r\n|\r(?!\n)|\n)")
_SPACE = re.compile(r"\s+")


def paragraph_breaks(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets in ``text[start:end]`` where a line follows one or more blank lines."""
    for m in _AFTER_BLANK.finditer(text, start, end):
        yield m.end()


def markdown_breaks(text: str, start: int, end: int) -> Iterator[int]:
    """Paragraph breaks that leave Markdown's structure whole: not inside a fenced code block or
    an HTML comment, and not before an indented line (a list item's next paragraph, indented code)."""
    fence: tuple[str, int] | None = None
    comment = False
    blank_before = False
    for m in _LINE.finditer(text, start, end):
        line = m.group().rstrip("\r\n")
        blank = not line.strip()
        if (
            blank_before
            and not blank
            and fence is None
            and not comment
            and m.start() > start
            and line[0] not in " \t"
        ):
            yield m.start()
        if fence is not None:
            f = _FENCE.match(line)
            if (
                f
                and f.group(1)[0] == fence[0]
                and len(f.group(1)) >= fence[1]
                and not line[f.end() :].strip()
            ):
                fence = None
        else:
            f = _FENCE.match(line)
            if f and not (f.group(1)[0] == "`" and "`" in line[f.end() :]):
                fence = (f.group(1)[0], len(f.group(1)))
            elif comment:
                if "-->" in line:
                    comment = line.rfind("<!--") > line.rfind("-->")
            elif "<!--" in line:
                comment = line.rfind("<!--") > line.rfind("-->")
        blank_before = blank


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
