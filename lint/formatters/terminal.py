"""Human output: ``path:line:col: severity CODE message``, then the source line with the span underlined."""

from __future__ import annotations

import unicodedata
from typing import IO

from lint.findings import FileResult, Finding, RunResult, Severity
from lint.formatters import OutputContext, Tally, count_of, write_through
from lint.paths import printable

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
EXCERPT_WIDTH = 100


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def char_width(ch: str) -> int:
    if " " <= ch <= "~":
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _printable(ch: str) -> str:
    if " " <= ch <= "~":
        return ch
    if ch == "\t":
        return " "
    if unicodedata.category(ch) == "Cc":
        return "\ufffd"
    return ch


# Characters as met: what is printed for each and its columns, and those printed as themselves in
# one column (most text), for which the window is worked out by arithmetic.
_SHOWN: dict[str, tuple[str, int]] = {}
_ONE_COLUMN: set[str] = set()


def _shown(ch: str) -> tuple[str, int]:
    found = _SHOWN.get(ch)
    if found is None:
        printed = _printable(ch)
        found = _SHOWN[ch] = (printed, char_width(printed))
        if found == (ch, 1):
            _ONE_COLUMN.add(ch)
    return found


def _one_column_each(text: str) -> bool:
    if text.isascii() and text.isprintable():
        return True
    return all(_shown(ch) == (ch, 1) for ch in set(text) - _ONE_COLUMN)


def _width(ch: str) -> int:
    return _shown(ch)[1]


def excerpt(line: str, start_col: int, end_col: int, width: int = EXCERPT_WIDTH) -> tuple[str, str]:
    """A window of ``line`` around the 1-based columns [start_col, end_col), and its underline.

    Only the characters shown are looked at (as ruff and rustc trim long lines), so a finding on a
    line of a million characters costs what one on a short line does. A span wider than the window
    is shown from its start up to the window's width, then an ellipsis.
    """
    length = len(line)
    start = max(0, min(start_col - 1, length))
    end = max(start + 1, min(end_col - 1, length))
    most = max(10, width)  # the widest the context can be
    near = line[max(0, start - most) : end + most]
    if _one_column_each(near):
        return _narrow_excerpt(line, start, end, width)
    # Zero-width characters (combining marks) take no column: never look further than this.
    reach = 4 * max(width, 10)
    span_width, i, cut = 0, start, False
    while i < min(end, length):
        w = _width(line[i])
        if span_width + w > width or i - start >= reach:
            cut = True
            break
        span_width += w
        i += 1
    if cut:
        end = i
    room = max(10, width - span_width)
    low, high = max(0, start - reach), min(length, end + reach)
    left, right, used = start, end, 0
    # Grow the window on both sides, a little more to the left (context before the error reads better).
    while used < room and (left > low or (right < high and not cut)):
        if left > low:
            left -= 1
            used += _width(line[left])
        if right < high and used < room and not cut:
            used += _width(line[right])
            right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < length else ""
    shown = prefix + "".join(_shown(c)[0] for c in line[left:right]) + suffix
    pad = len(prefix) + sum(map(_width, line[left:start]))
    return shown, " " * pad + "^" * max(1, span_width)


def _narrow_excerpt(line: str, start: int, end: int, width: int) -> tuple[str, str]:
    """:func:`excerpt` where every character near the span is printed as itself in one column: the
    same window, worked out by arithmetic instead of character by character."""
    length = len(line)
    cut = min(end, length) - start > width
    if cut:
        end = start + width
    span_width = min(end, length) - start
    room = max(10, width - span_width)
    after = 0 if cut else max(0, length - end)
    taken_left = min(start, max((room + 1) // 2, room - after))
    taken_right = max(0, min(after, room - taken_left))
    left, right = start - taken_left, end + taken_right
    right = min(right, length) if not cut else end
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < length else ""
    return prefix + line[left:right] + suffix, " " * (len(prefix) + start - left) + "^" * max(1, span_width)


class ConciseFormatter:
    """One line per finding, for grep and editors."""

    name = "concise"
    needs_lines = False

    def line(self, f: Finding, color: bool) -> str:
        # The path and message are escaped: a file name with ESC or a line end in it must not drive
        # the terminal or start a line of its own.
        location = _paint(f"{printable(f.path)}:{f.line}:{f.column}:", "1", color)
        severity = _paint(str(f.severity), _COLORS[f.severity], color)
        return f"{location} {severity} {_paint(printable(f.code), '1', color)} {printable(f.message)}"

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        write_through(self, run, stream, context)

    def writer(self, stream: IO[str], context: OutputContext) -> _Writer:
        return _Writer(self, stream, context)

    def write_file(self, result: FileResult, stream: IO[str], context: OutputContext) -> None:
        for f in result.findings:
            stream.write(self.line(f, context.color) + "\n")


class _Writer:
    def __init__(self, formatter: ConciseFormatter, stream: IO[str], context: OutputContext) -> None:
        self.formatter, self.stream, self.context = formatter, stream, context

    def file(self, result: FileResult) -> None:
        self.formatter.write_file(result, self.stream, self.context)

    def end(self, tally: Tally) -> None:
        write_summary(tally, self.stream, self.context)


class TextFormatter(ConciseFormatter):
    """Each finding, then the line it is on with the span underlined, then the suggestions."""

    name = "text"

    @staticmethod
    def needs_lines(show_source: bool) -> bool:
        return show_source

    def write_file(self, result: FileResult, stream: IO[str], context: OutputContext) -> None:
        color = context.color
        lines = result.lines
        for f in result.findings:
            stream.write(self.line(f, color) + "\n")
            line_text = lines.get(f.line)
            if line_text is not None and context.show_source:
                end_col = f.end_position.column if f.end_position.line == f.line else len(line_text) + 1
                shown, marks = excerpt(line_text, f.column, end_col)
                gutter = " " * len(str(f.line))
                bar = _paint("|", "34", color)
                stream.write(f"{gutter} {bar}\n")
                stream.write(f"{_paint(str(f.line), '34', color)} {bar} {shown}\n")
                stream.write(f"{gutter} {bar} {_paint(marks, _COLORS[f.severity], color)}\n")
                labels = context.labels(result.language)
                if f.suggestions:
                    remove = labels.get("remove", "remove it")
                    listed = ", ".join(f"«{s}»" if s else remove for s in f.suggestions[:5])
                    stream.write(f"{gutter} = {labels.get('suggestion', 'suggestion')}: {listed}\n")
                if f.entry:
                    stream.write(f"{gutter} = {labels.get('entry_label', 'entry')}: {f.entry}\n")
                stream.write("\n")


def write_statistics(tally: Tally, stream: IO[str]) -> None:
    counts = tally.rules
    if not counts:
        return
    width = max(len(str(n)) for n in counts.values())
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if code in tally.fixable else "   "
        stream.write(f"{n:>{width}}\t{code}\t{mark} {name}\n")


def write_summary(run: RunResult | Tally, stream: IO[str], context: OutputContext) -> None:
    """The closing lines of a human report (with ``statistics``, the rules' counts first)."""
    tally = run if isinstance(run, Tally) else Tally.of(run)
    if context.statistics:
        write_statistics(tally, stream)
    found = tally.findings
    checked = tally.checked
    if not found and tally.has_errors:
        # Not "All checks passed!": a file that could not be read, or a rule that failed, was not checked.
        errors = sum(1 for p in tally.all_problems if p.kind == "error")
        stream.write(
            f"No problems found in {count_of(checked, 'file')} checked, but "
            f"{count_of(errors, 'error')} (on standard error) left part of the run unchecked.\n"
        )
        return
    if not found:
        stream.write(
            _paint("All checks passed!", "32", context.color) + f" ({count_of(checked, 'file')} checked)\n"
        )
        return
    by = tally.severities
    parts = [count_of(by[s], str(s)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by[s]]
    stream.write(
        f"Found {count_of(found, 'problem')} ({', '.join(parts)}) "
        f"in {len(tally.paths_with_findings)} of {count_of(checked, 'file')}.\n"
    )
