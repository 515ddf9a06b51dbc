"""Bytes to a :class:`~lint.document.Document`: decode, pick the reader through the ``refuso_reader``
hook, read the front matter, settle the language.

A file that cannot be read, decoded or parsed becomes a :class:`~lint.findings.FileResult` that says
why, so the caller never has to catch anything.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, replace
from typing import Any

from lint.config import Settings
from lint.decoding import BinaryInput, DecodeError, decode
from lint.document import Document
from lint.findings import FileResult, Problem
from lint.formatters.marker import report_format
from lint.lang.detect import identify
from lint.paths import NotRegularFile, read_regular
from lint.plugins import Plugins
from lint.readers import normalise_language

DEFAULT_LANGUAGE = "it"
NOTE_WORDS = 5  # a guessed language is noted from this many words on


@dataclass(frozen=True)
class PickedReader:
    """The reader chosen for a file, the plugin it came from, and the problems of reader plugins that
    failed before it was chosen (reported on the file)."""

    plugin: str
    reader: Any
    problems: tuple[Problem, ...] = ()

    @property
    def safe_breaks(self) -> Any:
        """The reader's ``safe_breaks`` (where its files can be cut into windows), or None."""
        breaks = getattr(self.reader, "safe_breaks", None)
        return breaks if callable(breaks) else None


class DocumentReader:
    """Reads files into documents for one configuration."""

    def __init__(self, settings: Settings, plugins: Plugins) -> None:
        self.settings = settings
        self.plugins = plugins

    def read(self, path: str, data: bytes | None = None, display: str | None = None) -> Document | FileResult:
        """Read and parse a file (or ``data`` given for it); a FileResult when it cannot be checked."""
        display = display or path
        if data is None:
            try:
                data = read_regular(path)
            except OSError as exc:
                return unreadable(display, exc)
        try:
            decoded = decode(data, self.settings.encoding)
        except (BinaryInput, DecodeError) as exc:
            return unreadable(display, exc)
        picked = self.pick(display)
        if isinstance(picked, FileResult):
            return picked
        return self.parse(display, picked, decoded.text, decoded.encoding, decoded.bom)

    def pick(self, display: str) -> PickedReader | FileResult:
        """The reader for a path; a FileResult when no reader accepts it."""
        failures = len(self.plugins.failures)
        picked = self.plugins.first_result("refuso_reader", path=display)
        extra_problems: tuple[Problem, ...] = ()
        if len(self.plugins.failures) > failures:
            # A reader plugin raised: say so on this file (in a worker process it would be lost otherwise).
            extra_problems = tuple(
                Problem(display, f.describe(), origin=f.plugin) for f in self.plugins.failures[failures:]
            )
            del self.plugins.failures[failures:]
            if picked is None:
                return FileResult(display, None, problems=extra_problems, checked=False)
        if picked is None:
            return _unreadable(display, "no reader accepts this file")
        plugin, reader = picked
        return PickedReader(plugin, reader, extra_problems)

    def parse(
        self,
        display: str,
        picked: PickedReader,
        text: str,
        encoding: str,
        bom: bool,
        *,
        language: str | None = None,
        date: Any = None,
        first: bool = True,
    ) -> Document | FileResult:
        """The document ``picked.reader`` reads from ``text``, with its language and date settled.
        ``first``: the text is the start of its file (a window after the first is not), so the reader
        plugins' problems and the note about a guessed language belong to it."""
        if first:
            report = report_format(text)
            if report is not None:
                return FileResult(display, None, problems=(_own_report(display, report),), checked=False)
        try:
            document = picked.reader.read(display, text)
        except Exception as exc:
            return _unreadable(
                display,
                f"reader {getattr(picked.reader, 'name', '?')!r} from plugin {picked.plugin!r} failed: {exc}",
            )
        language = language or document.language
        if language is None and self.settings.language != "auto":
            language = normalise_language(self.settings.language) or self.settings.language
        notes: tuple[Problem, ...] = ()
        if language is None:
            detection = identify(document.prose.text, self.plugins.languages)
            language = detection.language or DEFAULT_LANGUAGE
            if not detection.confident and first and detection.words >= NOTE_WORDS:
                # A sentence or more, and still too little to be sure: say so, rather than check English
                # as Italian in silence. (A few words are a snippet: nothing to note.)
                notes = (
                    Problem(
                        display,
                        f"language taken to be {self._name(language)} with low confidence "
                        "(few words to go by): pass --lang it or --lang en, or give the front matter a lang:",
                        kind="note",
                    ),
                )

        lines = document.__dict__.get("lines")
        result = replace(
            document,
            problems=document.problems + (picked.problems if first else ()) + notes,
            language=language,
            date=document.date or date or self.settings.date,
            encoding=encoding,
            bom=bom,
        )
        if lines is not None:
            result.__dict__["lines"] = lines  # the line index the reader built, not built again
        return result

    def _name(self, code: str) -> str:
        language = self.plugins.languages.get(code)
        return language.name if language is not None else code


def unreadable(display: str, exc: Exception) -> FileResult:
    """The result of a file that could not be read or decoded."""
    if isinstance(exc, BinaryInput):
        return FileResult(
            display, None, problems=(Problem(display, f"skipped: {exc}", kind="note"),), checked=False
        )
    if isinstance(exc, OSError):
        return _unreadable(display, _open_error(exc))
    return _unreadable(display, str(exc))


def _own_report(display: str, report: str) -> Problem:
    return Problem(
        display,
        f"skipped: it is a report refuso wrote ({report}), not an article; refuso never checks its own "
        "reports (write them outside the folders checked, or exclude them, to silence this note)",
        kind="note",
    )


def _unreadable(path: str, message: str) -> FileResult:
    return FileResult(path, None, problems=(Problem(path, message),), checked=False)


def _open_error(exc: OSError) -> str:
    if isinstance(exc, NotRegularFile):
        return (
            f"cannot be read: it is {exc.kind}, not a regular file; refuso reads only regular files "
            "(and standard input, given as '-')"
        )
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, FileNotFoundError):
        return "does not exist (it may have been moved or deleted while refuso ran)"
    if isinstance(exc, PermissionError):
        return "cannot be read: permission denied"
    if exc.errno == errno.ELOOP:
        return "cannot be read: it is a loop of symbolic links; fix or remove the link"
    return f"cannot be read: {exc.strerror or exc}"
