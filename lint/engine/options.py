"""What an engine is built to keep and how it reads large files; fixed when the engine is built."""

from __future__ import annotations

from dataclasses import dataclass

from lint.engine.windows import LARGE_FILE_BYTES, WINDOW_CHARS


@dataclass(frozen=True, slots=True)
class EngineOptions:
    """``keep_sources``: put each file's text in its result (formatters that show whole articles);
    ``keep_lines``: put the text of the lines findings are on; files over ``large_file_bytes`` are
    checked in windows of about ``window_chars`` characters (:mod:`lint.engine.windows`); ``timings``:
    each file's result says how long each rule took and what it found (``FileResult.timings``)."""

    keep_sources: bool = False
    keep_lines: bool = True
    large_file_bytes: int = LARGE_FILE_BYTES
    window_chars: int = WINDOW_CHARS
    timings: bool = False


DEFAULT_OPTIONS = EngineOptions()
