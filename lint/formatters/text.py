"""Human output: ``path:line:col: severity CODE message``, then the source line with the span underlined."""

from __future__ import annotations

import unicodedata
from collections import Counter
from typing import IO

from lint.findings import Finding, RunResult, Severity
from lint.formatters import OutputContext, count_of

_COLORS = {Severity.ERROR: "31", Severity.WARNING: "33", Severity.INFO: "36"}
EXCERPT_WIDTH = 100


def _paint(text: str, code: str, on: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if on else text


def char_width(ch: str) -> int:
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _printable(ch: str) -> str:
    if ch == "\t":
        return " "
    if unicodedata.category(ch) == "Cc":
        return "\ufffd"
    return ch


def excerpt(line: str, start_col: int, end_col: int, width: int = EXCERPT_WIDTH) -> tuple[str, str]:
    """A window of ``line`` around the 1-based columns [start_col, end_col), and its underline."""
    chars = [_printable(c) for c in line]
    start = max(0, min(start_col - 1, len(chars)))
    end = max(start + 1, min(end_col - 1, len(chars)))
    span_width = sum(char_width(c) for c in chars[start:end])
    room = max(10, width - span_width)
    left, right = start, end
    used = 0
    # Grow the window on both sides, a little more to the left (context before the error reads better).
    while used < room and (left > 0 or right < len(chars)):
        if left > 0:
            left -= 1
            used += char_width(chars[left])
        if right < len(chars) and used < room:
            used += char_width(chars[right])
            right += 1
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(chars) else ""
    shown = prefix + "".join(chars[left:right]) + suffix
    pad = len(prefix) + sum(char_width(c) for c in chars[left:start])
    marks = max(1, sum(char_width(c) for c in chars[start:end]))
    return shown, " " * pad + "^" * marks


class ConciseFormatter:
    """One line per finding, for grep and editors."""

    name = "concise"
    needs_lines = False

    def line(self, f: Finding, color: bool) -> str:
        location = _paint(f"{f.path}:{f.line}:{f.column}:", "1", color)
        severity = _paint(str(f.severity), _COLORS[f.severity], color)
        return f"{location} {severity} {_paint(f.code, '1', color)} {f.message}"

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        for result in run.files:
            for f in result.findings:
                stream.write(self.line(f, context.color) + "\n")
        write_summary(run, stream, context)


class TextFormatter(ConciseFormatter):
    """Each finding, then the line it is on with the span underlined, then the suggestions."""

    name = "text"

    @staticmethod
    def needs_lines(show_source: bool) -> bool:
        return show_source

    def write(self, run: RunResult, stream: IO[str], context: OutputContext) -> None:
        color = context.color
        for result in run.files:
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
                    if f.suggestions:
                        label, remove = _SUGGESTION.get(result.language or "", _SUGGESTION["en"])
                        listed = ", ".join(f"«{s}»" if s else remove for s in f.suggestions[:5])
                        stream.write(f"{gutter} = {label}: {listed}\n")
                    if f.entry:
                        entry_label = _ENTRY.get(result.language or "", _ENTRY["en"])
                        stream.write(f"{gutter} = {entry_label}: {f.entry}\n")
                    stream.write("\n")
        write_summary(run, stream, context)


_ENTRY = {"it": "voce", "en": "entry"}
_SUGGESTION = {"it": ("suggerimento", "eliminare"), "en": ("suggestion", "remove it")}


def write_statistics(run: RunResult, stream: IO[str]) -> None:
    counts = Counter((f.code, f.name) for f in run.findings)
    fixable = Counter(f.code for f in run.findings if f.fix is not None)
    if not counts:
        return
    width = max(len(str(n)) for n in counts.values())
    for (code, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        mark = "[*]" if fixable.get(code) else "   "
        stream.write(f"{n:>{width}}\t{code}\t{mark} {name}\n")


def write_summary(run: RunResult, stream: IO[str], context: OutputContext) -> None:
    if context.statistics:
        write_statistics(run, stream)
    findings = run.findings
    checked = sum(1 for r in run.files if r.checked)
    files_with = len({f.path for f in findings})
    if not findings and run.has_errors:
        # Not "All checks passed!": a file that could not be read, or a rule that failed, was not checked.
        errors = sum(1 for p in run.all_problems if p.kind == "error")
        stream.write(
            f"No problems found in {count_of(checked, 'file')} checked, but "
            f"{count_of(errors, 'error')} (on standard error) left part of the run unchecked.\n"
        )
        return
    if not findings:
        stream.write(
            _paint("All checks passed!", "32", context.color) + f" ({count_of(checked, 'file')} checked)\n"
        )
        return
    by = Counter(f.severity for f in findings)
    parts = [count_of(by[s], str(s)) for s in (Severity.ERROR, Severity.WARNING, Severity.INFO) if by[s]]
    stream.write(
        f"Found {count_of(len(findings), 'problem')} ({', '.join(parts)}) "
        f"in {files_with} of {count_of(checked, 'file')}.\n"
    )
