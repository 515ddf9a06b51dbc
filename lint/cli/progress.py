"""A progress line on standard error for long ``refuso check`` runs on a terminal: files done out of
the total, MB/s and the time left, redrawn in place and erased at the end, so the report that
follows starts on a clean line. It writes nothing when standard error is not a terminal, under CI,
or with ``--no-progress``; standard output is never touched."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence
from typing import IO, Any

# Runs shorter than this show nothing; the environment variable lets tests show the line at once.
DELAY_ENV = "REFUSO_PROGRESS_DELAY"
_DELAY = 1.0
_INTERVAL = 0.1  # at most ten redraws a second


def wanted(choice: bool | None, stream: IO[str] | None) -> bool:
    """Whether to draw: ``--progress`` forces it, ``--no-progress`` stops it; by default only on a
    terminal outside CI, and never on a dumb terminal (it cannot erase the line)."""
    if choice is not None:
        return choice and stream is not None
    if stream is None or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _size(target: Any) -> int:
    if target.path == "-" or target.skipped is not None:
        return 0
    try:
        return os.stat(target.path).st_size
    except OSError:
        return 0


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get(DELAY_ENV, _DELAY)))
    except ValueError:
        return _DELAY


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    return f"{seconds // 60}:{seconds % 60:02d}"


class Progress:
    """Counts the files and bytes done; draws when the run has lasted longer than the delay."""

    def __init__(self, targets: Sequence[Any], stream: IO[str] | None, enabled: bool) -> None:
        self.stream = stream if enabled else None
        self.total = len(targets)
        self.sizes = {t.display: _size(t) for t in targets} if enabled else {}
        self.total_bytes = sum(self.sizes.values())
        self.files = 0
        self.bytes = 0
        self.start = time.monotonic()
        self.delay = _delay()
        self.last = 0.0
        self.width = 0  # of the line on screen, to erase it

    def file(self, result: Any) -> None:
        if self.stream is None:
            return
        self.files += 1
        self.bytes += self.sizes.get(result.path, 0)
        now = time.monotonic()
        if now - self.start < self.delay or (self.width and now - self.last < _INTERVAL):
            # Not yet, or drawn a moment ago; a line erased for the report is drawn again at once.
            return
        self.last = now
        self._draw(self.line(now - self.start))

    def line(self, elapsed: float) -> str:
        done = f"{self.files}/{self.total} files"
        if elapsed <= 0 or not self.bytes:
            return f"refuso: {done}"
        rate = self.bytes / elapsed
        left = (self.total_bytes - self.bytes) / rate if rate else 0.0
        return f"refuso: {done}, {rate / 1e6:.1f} MB/s, {_duration(max(0.0, left))} left"

    def _draw(self, text: str) -> None:
        try:
            columns = os.get_terminal_size(self.stream.fileno()).columns  # type: ignore[union-attr]
        except (OSError, ValueError, AttributeError):
            columns = 0
        columns = columns or 80  # a terminal that does not say its width reports 0
        text = text[: max(1, columns - 1)]  # a full line would wrap, and \r could not go back to its start
        pad = " " * max(0, self.width - len(text))
        self._write(f"\r{text}{pad}\r")
        self.width = len(text)

    def close(self) -> None:
        """Erase the line, so what follows on standard error starts at the left edge."""
        if self.stream is not None and self.width:
            self._write("\r" + " " * self.width + "\r")
            self.width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)  # type: ignore[union-attr]
            self.stream.flush()  # type: ignore[union-attr]
        except (OSError, ValueError):
            self.stream = None


def for_run(args: Any, targets: Sequence[Any]) -> Progress:
    return Progress(targets, sys.stderr, wanted(getattr(args, "progress", None), sys.stderr))
