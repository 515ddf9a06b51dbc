"""The engine: reads documents and runs the rules of one configuration over them.

An :class:`Engine` is built once, for one configuration and one set of :class:`EngineOptions`, and
never changed afterwards. Its parts have public seams: a :class:`~lint.engine.reading.DocumentReader`
turns bytes into documents, a :class:`~lint.engine.running.RuleRunner` turns documents into findings,
and :mod:`lint.engine.windowed` checks a file too large to hold whole through the same two, a window
at a time (in worker processes with :mod:`lint.engine.parallel`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lint.engine.options import DEFAULT_OPTIONS, EngineOptions
from lint.findings import FileResult

if TYPE_CHECKING:
    from lint.config import Settings
    from lint.document import Document
    from lint.engine.reading import PickedReader
    from lint.plugins import Plugins
    from lint.rules import RuleSet

__all__ = ["Engine", "EngineOptions"]


class Engine:
    """Checks files and documents against one configuration's rules."""

    def __init__(
        self,
        rules: RuleSet,
        settings: Settings,
        plugins: Plugins,
        knowledge: Any = None,
        languagetool: Any = None,
        options: EngineOptions = DEFAULT_OPTIONS,
    ) -> None:
        self.rules = rules
        self.settings = settings
        self.options = options
        # Imported here: EngineOptions is imported from this package by runs that check no file
        # (every result from the cache), and these pull in the readers and the rule runner.
        from lint.engine.reading import DocumentReader
        from lint.engine.running import RuleRunner

        self.reader = DocumentReader(settings, plugins)
        self.runner = RuleRunner(rules, settings, knowledge, languagetool, options, plugins.languages)

    def prepare(self) -> None:
        """Load what the rules need before the first document (see :meth:`RuleRunner.prepare`)."""
        self.runner.prepare()

    def read(self, path: str, data: bytes | None = None, display: str | None = None) -> Document | FileResult:
        """Read and parse a file (or ``data`` given for it); a FileResult when it cannot be checked."""
        return self.reader.read(path, data, display)

    def check(self, document: Document) -> FileResult:
        """Run the rules over a document."""
        return self.runner.run(document)

    def check_path(self, path: str, data: bytes | None = None, display: str | None = None) -> FileResult:
        """Read a file (or ``data`` given for it) and check it: whole, or a window at a time when it is
        too large to hold whole and its reader can cut it."""
        display = display or path
        picked = self.large_file_reader(path, data, display)
        if isinstance(picked, FileResult):
            return picked
        if picked is not None:
            from lint.engine.windowed import check_file

            return check_file(self, path, data, display, picked)
        document = self.read(path, data, display)
        if isinstance(document, FileResult):
            return document
        return self.check(document)

    def large_file_reader(
        self, path: str, data: bytes | None, display: str
    ) -> PickedReader | FileResult | None:
        """How a file too large to check whole is read (its reader, which can cut it into windows),
        a FileResult when no reader can, or None when the file is checked whole."""
        from lint.paths import file_size

        size = len(data) if data is not None else file_size(path)
        if size <= self.options.large_file_bytes:
            return None
        picked = self.reader.pick(display)
        if isinstance(picked, FileResult) or picked.safe_breaks is not None:
            return picked
        return None
