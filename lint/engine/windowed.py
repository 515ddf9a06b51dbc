"""Checking a large file a window at a time (the cutting is :mod:`lint.engine.windows`).

The work falls in three parts, so that windows can be checked in other processes:

* :func:`window_tasks` reads and decodes the file a block at a time and yields one
  :class:`WindowTask` per window: its text and where it starts in the whole file;
* :func:`check_window` reads one window, runs the rules on it and moves what they found to its
  place in the whole file (offsets, lines, columns, fixes, suppression comments);
* :class:`Merger` puts the windows' results together, in order, and applies the suppression
  comments, whose ``disable`` may lie windows before the findings it silences.

:func:`check_file` runs the three, checking the windows here or, given ``checked``, elsewhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from lint.decoding import BinaryInput, DecodeError, StreamDecoder
from lint.document import Directive
from lint.engine.reading import unreadable
from lint.engine.running import frozen_timings, ordered
from lint.findings import FileResult, Finding, Position, Problem

if TYPE_CHECKING:
    from lint.engine import Engine
    from lint.engine.reading import PickedReader


@dataclass(frozen=True)
class WindowTask:
    index: int
    chunk: str
    offset: int  # code points of the file before the window
    line: int  # the line the window starts on
    column: int  # and its column (1 unless the window was cut inside a line)
    partial: str  # the text of that line before the window, when cut inside it (for line texts)
    language: str | None  # from the front matter, for every window; None: detect each window's
    date: Any
    encoding: str
    bom: bool


@dataclass
class WindowResult:
    findings: list[Finding] = field(default_factory=list)
    directive_findings: list[Finding] = field(default_factory=list)
    directives: list[Directive] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    lines: dict[int, str] = field(default_factory=dict)
    language: str | None = None
    size: int = 0
    first_line_text: str = ""  # the window's first line, to complete a line the last window began
    failed: FileResult | None = None  # the reader failed: the file's result is this
    timings: dict[str, list[float]] = field(
        default_factory=dict
    )  # with --timings: rule -> [seconds, findings]


def _line_breaks(text: str) -> tuple[int, int]:
    """(number of line ends, offset just past the last one) in ``text``; CR LF counts once (windows
    are never cut between the two)."""
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    last = max(text.rfind("\n"), text.rfind("\r")) + 1
    return breaks, last


def window_tasks(
    engine: Engine, path: str, data: bytes | None, display: str, picked: PickedReader
) -> Iterator[WindowTask]:
    """The windows of a file, read a block at a time. Raises what reading and decoding raise
    (OSError, BinaryInput, DecodeError); the file is closed when the iteration ends."""
    from lint.engine.windows import READ_BYTES, windows
    from lint.paths import open_regular
    from lint.readers import normalise_language, parse_date, read_front_matter

    fh = None
    try:
        if data is None:
            fh = open_regular(path)
            blocks = iter(lambda: fh.read(READ_BYTES), b"")
        else:
            blocks = iter((data,))
        decoder = StreamDecoder(blocks, engine.settings.encoding)
        offset, line, column, partial = 0, 1, 1, ""
        language = date = None
        for index, chunk in enumerate(windows(decoder, picked.safe_breaks, engine.options.window_chars)):
            if index == 0:
                # The front matter's language and date hold for the whole file; without one, each
                # window's language is detected (an archive may hold articles in several languages).
                front = read_front_matter(display, chunk)
                if front is not None:
                    language = normalise_language(front.data.get("lang") or front.data.get("language"))
                    date = parse_date(front.data.get("date"))
            yield WindowTask(
                index,
                chunk,
                offset,
                line,
                column,
                partial if engine.options.keep_lines else "",
                language,
                date,
                decoder.encoding,
                decoder.bom,
            )
            breaks, last = _line_breaks(chunk)
            if breaks:
                line += breaks
                column = 1 + len(chunk) - last
                partial = chunk[last:]
            else:
                column += len(chunk)
                partial += chunk if engine.options.keep_lines else ""
            offset += len(chunk)
    finally:
        if fh is not None:
            fh.close()


def check_window(engine: Engine, task: WindowTask, picked: PickedReader, display: str) -> WindowResult:
    """Read one window and run the rules on it; everything in the result is placed in the whole file."""
    first = task.index == 0
    # Every window after the first is read with a line end before it, so that no reader mistakes
    # its start for the start of a file (front matter); ``prefix`` is that one character.
    prefix = 0 if first else 1
    text = task.chunk if first else "\n" + task.chunk
    document = engine.reader.parse(
        display, picked, text, task.encoding, task.bom, language=task.language, date=task.date, first=first
    )
    if isinstance(document, FileResult):
        return WindowResult(failed=document)
    timings: dict[str, list[float]] | None = {} if engine.options.timings else None
    findings, problems = engine.runner.findings(document, timings)
    directive_findings = engine.runner.directive_findings(document)
    lines = document.lines
    offset, first_line, first_column = task.offset, task.line, task.column

    def at(o: int) -> int:
        return offset + max(o - prefix, 0)

    def line_of(local: int) -> int:
        return first_line + max(local - prefix, 1) - 1

    def position(p: Position) -> Position:
        local = p.line - prefix
        if local < 1:
            return Position(first_line, first_column)
        if local == 1:
            return Position(first_line, p.column + first_column - 1)
        return Position(first_line + local - 1, p.column)

    def moved(f: Finding) -> Finding:
        fix = f.fix
        if fix is not None:
            fix = replace(fix, edits=tuple(replace(e, start=at(e.start), end=at(e.end)) for e in fix.edits))
        return replace(
            f,
            start=at(f.start),
            end=at(f.end),
            start_position=position(f.start_position),
            end_position=position(f.end_position),
            fix=fix,
        )

    result = WindowResult(language=document.language, size=len(task.chunk), timings=timings or {})
    if engine.options.keep_lines and first_column > 1:
        result.first_line_text = lines.line_text(prefix + 1)
    for group, target in ((findings, result.findings), (directive_findings, result.directive_findings)):
        for f in group:
            target.append(moved(f))
            if engine.options.keep_lines and line_of(f.line) not in result.lines:
                # Each line's text once, however many findings it has.
                line_text = lines.line_text(f.line)
                if f.line - prefix <= 1:
                    line_text = task.partial + line_text
                result.lines[line_of(f.line)] = line_text
    result.directives = [
        replace(d, start=at(d.start), end=at(d.end), line=line_of(d.line), end_line=line_of(d.end_line))
        for d in document.directives
    ]
    result.problems = [replace(p, line=line_of(p.line)) if p.line else p for p in problems]
    return result


class Merger:
    """The results of a file's windows, taken in order, made into the file's result."""

    def __init__(self, engine: Engine, display: str) -> None:
        self.engine = engine
        self.display = display
        self.findings: list[Finding] = []
        self.directive_findings: list[Finding] = []
        self.directives: list[Directive] = []
        self.problems: list[Problem] = []
        self.lines: dict[int, str] = {}
        self.sizes: dict[str, int] = {}
        self.source: list[str] = []
        self.encoding = "utf-8"
        self.bom = False
        self.failed: FileResult | None = None
        self.timings: dict[str, list[float]] = {}

    def add(self, task: WindowTask, result: WindowResult) -> None:
        if self.failed is not None:
            return
        if result.failed is not None:
            self.failed = result.failed
            return
        self.encoding, self.bom = task.encoding, task.bom
        if result.first_line_text and task.line in self.lines:
            # A line with findings went on past the last window: its text goes on here.
            self.lines[task.line] += result.first_line_text
        for line, text in result.lines.items():
            self.lines.setdefault(line, text)
        self.findings.extend(result.findings)
        self.directive_findings.extend(result.directive_findings)
        self.directives.extend(result.directives)
        self.problems.extend(result.problems)
        for code, (seconds, count) in result.timings.items():
            spent = self.timings.setdefault(code, [0.0, 0])
            spent[0] += seconds
            spent[1] += count
        key = result.language or ""
        self.sizes[key] = self.sizes.get(key, 0) + result.size
        if self.engine.options.keep_sources:
            self.source.append(task.chunk)

    def result(self) -> FileResult:
        if self.failed is not None:
            return self.failed
        findings = self.engine.runner.suppress(self.findings, self.directives)
        found = ordered([*findings, *self.directive_findings])
        language = max(self.sizes, key=self.sizes.__getitem__) if self.sizes else ""
        return FileResult(
            self.display,
            language or None,  # the language of most of the file
            found,
            tuple(dict.fromkeys(self.problems)),
            lines={f.line: self.lines[f.line] for f in found} if self.engine.options.keep_lines else {},
            source="".join(self.source) if self.engine.options.keep_sources else None,
            encoding=self.encoding,
            bom=self.bom,
            timings=frozen_timings(self.timings),
        )


# Turns the windows of a file into (window, its result) pairs, in order: how windows are checked.
Checked = Callable[[Iterator[WindowTask]], Iterable[tuple[WindowTask, WindowResult]]]


def check_file(
    engine: Engine,
    path: str,
    data: bytes | None,
    display: str,
    picked: PickedReader,
    checked: Checked | None = None,
) -> FileResult:
    """Check a large file a window at a time: one after the other here, or as ``checked`` does
    (the worker processes of :mod:`lint.engine.parallel`)."""
    tasks = window_tasks(engine, path, data, display, picked)
    if checked is None:
        pairs: Iterable[tuple[WindowTask, WindowResult]] = (
            (task, check_window(engine, task, picked, display)) for task in tasks
        )
    else:
        pairs = checked(tasks)
    merger = Merger(engine, display)
    try:
        for task, result in pairs:
            merger.add(task, result)
            if merger.failed is not None:
                break
    except (BinaryInput, DecodeError, OSError) as exc:
        return unreadable(display, exc)
    return merger.result()
